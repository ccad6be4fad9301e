# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's first-run setup against the real service on a private bus: answered through
sundial-console's test-only --setup-answers path with a fixture passwd file, it limits the chosen
child, writes the starter rules and the help line (checked with Admin.GetRules), remembers that
setup was done, and says which account failed when one cannot be limited."""

import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import CHILD_UID, ServiceTestCase  # noqa: E402
from test_console import CONSOLE  # noqa: E402
from test_tray import ARTIFACTS, distinct_pixel_bytes, offscreen_env  # noqa: E402

GHOST_UID = 1999  # in the fixture passwd file only: the service refuses to limit it
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


class SetupTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.passwd = os.path.join(self.dir, "passwd")
        with open(self.passwd, "w") as f:
            f.write("root:x:0:0:root:/root:/bin/bash\n"
                    "parent:x:1000:1000:A Parent:/home/parent:/bin/bash\n"
                    "sundial-test-kid:x:%d:%d:Test Kid:/nonexistent:/bin/bash\n" % (CHILD_UID, CHILD_UID) +
                    "ghost:x:%d:%d:Ghost:/nonexistent:/bin/bash\n" % (GHOST_UID, GHOST_UID) +
                    "kiosk:x:1003:1003::/nonexistent:/usr/sbin/nologin\n")
        self.config = os.path.join(self.dir, "config")

    def run_setup(self, answers, shots=None):
        path = os.path.join(self.dir, "answers.json")
        with open(path, "w") as f:
            json.dump(answers, f)
        env = offscreen_env(self.env)
        env.update(XDG_CONFIG_HOME=self.config, LANG="vi_VN.UTF-8")
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        command = [CONSOLE, "--setup-answers", path, "--passwd", self.passwd, "--language", "en"]
        if shots:
            command += ["--screenshot", shots]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        lines = result.stdout.strip().splitlines()
        self.assertTrue(lines, "no outcome printed; stderr: " + result.stderr)
        return result.returncode, json.loads(lines[-1])

    def settings(self):
        path = os.path.join(self.config, "sundial", "sundial-console.conf")
        if not os.path.exists(path):
            return ""
        with open(path) as f:
            return f.read()

    def children(self):
        return sorted(child["uid"] for child in self.admin_json("ListChildren"))

    def test_setup_limits_the_child_with_starter_rules_and_the_countrys_help_line(self):
        self.start_service()
        self.assertEqual(self.children(), [])
        shots = os.path.join(ARTIFACTS, "setup")
        code, outcome = self.run_setup({"children": ["sundial-test-kid"], "starter": "school",
                                        "helpLine": "default"}, shots)
        self.assertEqual(code, 0, outcome)
        self.assertTrue(outcome["ok"])
        self.assertTrue(outcome["completed"])
        for step in (1, 2, 3):
            path = os.path.join(shots, "setup-%d.png" % step)
            self.assertGreater(distinct_pixel_bytes(path), 10, path + " looks blank")

        self.assertEqual(self.children(), [CHILD_UID])
        rules = self.admin_json("GetRules", CHILD_UID)
        for day in WEEKDAYS:
            self.assertEqual(rules["days"][day]["budgetMinutes"], 120, day)
            self.assertEqual(rules["days"][day]["windows"], ["07:00-21:00"], day)
        for day in ("saturday", "sunday"):
            self.assertEqual(rules["days"][day]["budgetMinutes"], 180, day)
        # LANG=vi_VN.UTF-8: Vietnam's national child protection line.
        self.assertEqual(rules["helpLine"]["phone"], "111")
        self.assertEqual(rules["helpLine"]["url"], "https://tongdai111.vn")
        self.assertEqual(rules["helpLine"]["name"], "Tổng đài điện thoại quốc gia bảo vệ trẻ em")  # the official name
        self.assertEqual(rules["helpLine"]["note"], "Miễn phí, cả ngày lẫn đêm")  # what it offers, from the table
        self.assertIn("completed=true", self.settings())

    def test_a_failed_account_is_named_and_the_others_are_still_set_up(self):
        self.start_service()
        code, outcome = self.run_setup({"children": ["sundial-test-kid", "ghost"], "starter": "daily",
                                        "helpLine": "DE"})
        self.assertEqual(code, 1, outcome)
        self.assertFalse(outcome["ok"])
        self.assertFalse(outcome["completed"])
        self.assertEqual(len(outcome["problems"]), 1, outcome)
        self.assertIn("Ghost (ghost) could not be limited", outcome["problems"][0])
        self.assertIn("Ghost (ghost)", outcome["setupMessage"])
        self.assertEqual(self.children(), [CHILD_UID])
        rules = self.admin_json("GetRules", CHILD_UID)
        self.assertEqual({rules["days"][day]["budgetMinutes"] for day in rules["days"]}, {60})
        self.assertEqual(rules["days"]["sunday"]["windows"], ["08:00-20:00"])
        self.assertEqual(rules["helpLine"]["phone"], "116 111")
        self.assertNotIn("completed=true", self.settings())

    def test_an_edited_help_line_and_record_only_rules_are_what_the_service_keeps(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)  # limited before: setup sets its rules again
        code, outcome = self.run_setup({"children": ["sundial-test-kid"], "starter": "record",
                                        "helpLine": "VN", "name": "Cô giáo Lan", "phone": "0900 000 000",
                                        "url": "https://school.example"})
        self.assertEqual(code, 0, outcome)
        rules = self.admin_json("GetRules", CHILD_UID)
        self.assertTrue(all(rules["days"][day].get("budgetMinutes") is None for day in rules["days"]), rules["days"])
        self.assertEqual(rules["helpLine"]["name"], "Cô giáo Lan")
        self.assertEqual(rules["helpLine"]["phone"], "0900 000 000")
        self.assertEqual(rules["helpLine"]["url"], "https://school.example")


if __name__ == "__main__":
    unittest.main(verbosity=2)
