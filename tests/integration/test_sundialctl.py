# SPDX-License-Identifier: GPL-3.0-or-later
"""sundialctl against the real service on a private system bus (logind mocked by
python3-dbusmock). Checks what a script relies on: output, exit codes and error messages."""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

SUNDIALCTL = os.environ.get("SUNDIALCTL", os.path.join(BUILD, "agent", "ctl", "sundialctl"))
MAN_PAGE = os.path.join(os.path.dirname(__file__), "..", "..", "installer", "man", "sundialctl.1.in")


def command_name(text):
    """The words that name a command at the start of a help or man page entry: "rules set" in
    "rules set FILE|-", "grant" in "grant --minutes N"; its arguments start with [, - or a capital."""
    words = []
    for word in text.split():
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        words.append(word)
    return " ".join(words)


def help_commands(help_text):
    """The commands `sundialctl --help` lists: each entry of "Commands:" starts with two spaces, and
    its help stands two or more spaces to the right (or on the next, more indented, line)."""
    section = help_text.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0]
    names = []
    for line in section.splitlines():
        if re.match(r"  \S", line):
            names.append(command_name(re.split(r"\s{2,}", line.strip())[0]))
    return names


def man_page_commands(path):
    """The commands the man page's COMMANDS section lists: the tag line after each .TP at the
    section's own level (the rules flags inside .RS/.RE are not commands)."""
    with open(path, encoding="utf-8") as page:
        lines = page.read().split(".SH COMMANDS\n", 1)[1].split("\n.SH ", 1)[0].splitlines()
    names, depth = set(), 0
    for previous, line in zip(lines, lines[1:]):
        depth += previous.startswith(".RS") - previous.startswith(".RE")
        if previous == ".TP" and depth == 0:
            tag = re.sub(r"^\.[A-Z]+ ", "", line)
            tag = re.sub(r"\\f[BIR]", "", tag).replace("\\-", "-").replace('"', " ")
            names.add(command_name(tag))
    return names


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

    def test_a_long_request_history_is_listed_a_page_at_a_time(self):
        self.stop_service()
        self.seed_answered_requests(CHILD_UID, 250, "again")
        self.start_service()
        first = self.ctl("requests", "--all").stdout.splitlines()
        self.assertEqual(len(first), 201)
        self.assertTrue(first[0].startswith("250\t"))
        self.assertEqual(first[-1], "Older requests: sundialctl requests --all --before 51")
        rest = self.ctl("requests", "--all", "--before", "51").stdout.splitlines()
        self.assertEqual(len(rest), 50)
        self.assertTrue(rest[-1].startswith("1\t"))

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


class CommandTableTest(unittest.TestCase):
    """The help text and the dispatch come from one table; the man page lists the same commands.
    Needs no service: each command runs on a fresh state directory (or is refused there as a
    service-only command), which shows that the dispatch knows it."""

    def ctl(self, *args, **kwargs):
        return subprocess.run([SUNDIALCTL, *args], capture_output=True, text=True, timeout=30, **kwargs)

    def help_commands(self):
        result = self.ctl("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        return help_commands(result.stdout)

    def test_every_command_in_the_help_dispatches(self):
        commands = self.help_commands()
        self.assertIn("rules set", commands)
        self.assertIn("add-child", commands)
        self.assertEqual(len(commands), len(set(commands)), commands)
        with tempfile.TemporaryDirectory() as home:
            env = dict(os.environ, HOME=home, XDG_STATE_HOME=os.path.join(home, "state"))
            for command in commands:
                with self.subTest(command=command):
                    own_help = self.ctl(*command.split(), "--help")
                    self.assertEqual(own_help.returncode, 0, own_help.stderr)
                    self.assertTrue(own_help.stdout.startswith("usage: sundialctl"), own_help.stdout)
                    self.assertRegex(own_help.stdout, r"(?m)^usage: sundialctl .* " + re.escape(command) + "( |$)")
                    ran = self.ctl("--state", os.path.join(home, "state"), *command.split(), input="", env=env)
                    self.assertNotIn("unknown", ran.stderr)
                    self.assertNotIn("needs get, set or history", ran.stderr)

    def test_an_unknown_command_is_a_usage_error_with_or_without_help(self):
        for args in (["frobnicate"], ["frobnicate", "--help"], ["rules", "frobnicate"]):
            with self.subTest(args=args):
                result = self.ctl(*args)
                self.assertEqual(result.returncode, 2)
                self.assertIn("unknown", result.stderr)

    def test_the_man_page_lists_exactly_the_commands_of_the_help(self):
        self.assertEqual(man_page_commands(MAN_PAGE), set(self.help_commands()))


if __name__ == "__main__":
    unittest.main(verbosity=2)
