# SPDX-License-Identifier: GPL-3.0-or-later
"""sundialctl against the real service on a private system bus (logind mocked by
python3-dbusmock). Checks what a script relies on: output, exit codes and error messages."""

import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

SUNDIALCTL = os.environ.get("SUNDIALCTL", os.path.join(BUILD, "agent", "ctl", "sundialctl"))


class SundialctlTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)

    def ctl(self, *args, uid=None):
        command = [SUNDIALCTL, *map(str, args)]
        if uid is not None:
            command = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % uid, "--clear-groups"] + command
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)

    def test_rules_flags_change_the_service_rules(self):
        result = self.ctl("rules", "set", "--weekday", "sat=3h", "--allow", "07:00-08:00,15:00-20:30")
        self.assertEqual(result.returncode, 0, result.stderr)
        rules = json.loads(self.ctl("rules", "get").stdout)
        self.assertEqual(rules["days"]["saturday"]["budgetMinutes"], 180)
        self.assertEqual(rules["days"]["monday"]["windows"], ["07:00-08:00", "15:00-20:30"])

    def test_invalid_rules_exit_3_naming_the_field(self):
        result = self.ctl("rules", "set", "--weekday", "sat=25h")
        self.assertEqual(result.returncode, 3)
        self.assertIn("days.saturday.budgetMinutes", result.stderr)

    def test_a_child_cannot_grant_itself_time(self):
        result = self.ctl("grant", "--child", CHILD_UID, "--minutes", "60", uid=CHILD_UID)
        self.assertEqual(result.returncode, 4, result.stderr)
        self.assertIn("sundial-admin", result.stderr)

    def test_a_request_from_the_child_is_answered_by_a_parent(self):
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days={d: {"budgetMinutes": 30} for d in (
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}))
        asked = self.ctl("request", "--minutes", "15", "--reason", "Bài tập về nhà 📚", uid=CHILD_UID)
        self.assertEqual(asked.returncode, 0, asked.stderr)
        listed = self.ctl("requests")
        self.assertIn("Bài tập về nhà 📚", listed.stdout)
        request_id = listed.stdout.split()[0]
        self.assertEqual(self.ctl("answer", request_id, "--minutes", "15").returncode, 0)
        status = json.loads(self.ctl("status", "--json", uid=CHILD_UID).stdout)
        self.assertEqual(status["remainingSeconds"], 45 * 60)
        self.assertIn("approved", self.ctl("requests", "--all").stdout)

    def test_reports_and_audit_for_scripts(self):
        csv = self.ctl("report", "--format", "csv")
        self.assertEqual(csv.returncode, 0, csv.stderr)
        self.assertEqual(csv.stdout.splitlines()[0], "day,active_seconds,charged_seconds")
        verify = self.ctl("audit", "--verify")
        self.assertEqual(verify.returncode, 0)
        self.assertIn("intact", verify.stdout)

    def test_a_report_reads_the_same_from_the_service_and_from_the_state(self):
        self.stop_service()
        self.seed_usage(CHILD_UID, 5400)
        direct = self.ctl("--state", self.state, "--child", CHILD_UID, "report", "--format", "json")
        self.assertEqual(direct.returncode, 0, direct.stderr)
        self.start_service()
        served = self.ctl("--child", CHILD_UID, "report", "--format", "json")
        self.assertEqual(served.returncode, 0, served.stderr)
        report = json.loads(served.stdout)
        self.assertEqual(json.loads(direct.stdout), report)
        self.assertEqual(set(report), {"from", "to", "days", "apps", "sites", "categories", "categoryDays", "hours"})
        self.assertEqual([day["chargedSeconds"] for day in report["days"]], [5400])
        table = self.ctl("--child", CHILD_UID, "report", "--period", "day")
        self.assertRegex(table.stdout, r"\d{4}-\d\d-\d\d \w{3}  ######### 1 h 30 min\n")
        self.assertIn("Top apps:", table.stdout)
        self.assertEqual(self.ctl("report", "--period", "fortnight").returncode, 2)
        backwards = self.ctl("report", "--from", "2025-06-14", "--to", "2025-06-01")
        self.assertEqual(backwards.returncode, 3)
        self.assertIn("--from must not be after --to", backwards.stderr)

    def test_a_stopped_service_is_a_clear_error(self):
        self.stop_service()
        result = self.ctl("status")
        self.assertEqual(result.returncode, 1)
        self.assertIn("not running", result.stderr)

    def test_help_for_every_command(self):
        for command in ("status", "rules", "grant", "report", "timeline", "audit"):
            result = self.ctl(command, "--help")
            self.assertEqual(result.returncode, 0)
            self.assertIn("usage: sundialctl", result.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
