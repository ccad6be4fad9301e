# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-console against the real service on a private bus (logind mocked): every page is
rendered offscreen once its data has arrived, kept as an artifact, checked to be non-blank and
to show the expected texts; and a console started with no service says so plainly."""

import json
import os
import shutil
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402
from test_tray import ARTIFACTS, distinct_pixel_bytes, offscreen_env  # noqa: E402

CONSOLE = os.environ.get("SUNDIAL_CONSOLE", os.path.join(BUILD, "ui", "console", "sundial-console"))
PAGES = ("family", "activity", "rules", "requests", "audit", "settings")


def shoot(env, directory, *extra):
    shutil.rmtree(directory, ignore_errors=True)
    result = subprocess.run([CONSOLE, "--screenshot", directory, *extra], env=offscreen_env(env),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class ConsoleTest(ServiceTestCase):
    def test_every_page_shows_the_family(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={d: {"budgetMinutes": 120} for d in ("monday", "tuesday", "wednesday", "thursday", "friday",
                                                      "saturday", "sunday")}))
        self.stop_service()
        self.seed_usage(CHILD_UID, 3600)
        self.start_service()
        self.agent("Child.RequestMoreTime", 30, "'Bài tập về nhà'", uid=CHILD_UID)
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", desktopId="abiword", uid=CHILD_UID)
        time.sleep(2.5)
        directory = os.path.join(ARTIFACTS, "console")
        texts = shoot(self.env, directory, "--language", "en")
        for page in PAGES:
            path = os.path.join(directory, page + ".png")
            self.assertGreater(distinct_pixel_bytes(path), 10, path + " looks blank")
        card = {key: value for key, value in texts["family"].items() if key.endswith(str(CHILD_UID))}
        self.assertRegex(card["summary-%d" % CHILD_UID], r"^1 h used, (1 h|59 min) left today$")
        self.assertTrue(any(key.startswith("request-") and "Bài tập về nhà" in value
                            for key, value in texts["family"].items()))
        self.assertTrue(any(key.startswith("answer-") and value == "+15 min" for key, value in texts["family"].items()))
        self.assertIn("1 h of screen time", texts["activity"]["activityTotal"])
        self.assertIn("docs/RULES-JSON.md", texts["rules"]["rulesMessage"])
        self.assertIn("intact", texts["audit"]["chainState"])
        self.assertIn("can see these settings", texts["settings"]["settingsMessage"])
        self.assertNotIn("banner", texts["window"])
        # The period on screen, exported.
        self.assertEqual(texts["csv"], "")
        rows = open(os.path.join(directory, "report.csv")).read().splitlines()
        self.assertEqual(rows[0], "kind,name,active_seconds,charged_seconds")
        self.assertTrue(any(row.startswith("day,%s," % time.strftime("%Y-%m-%d")) for row in rows))
        self.assertTrue(any(row.startswith('app,"abiword",') for row in rows))
        # The hour-of-day heatmap and the day's timeline come from what was just recorded.
        self.assertEqual(texts["heatmap"], "Most use: %s %s:00" % (time.strftime("%A"), time.strftime("%H")))
        self.assertRegex(texts["activity"]["timelineTitle"], r": [1-9]\d* intervals$")
        self.assertEqual(texts["pdf"], "")
        pdf = open(os.path.join(directory, "report.pdf"), "rb").read()
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertGreater(len(pdf), 5000)

        vietnamese = shoot(self.env, os.path.join(ARTIFACTS, "console-vi"), "--language", "vi")
        self.assertRegex(vietnamese["family"]["summary-%d" % CHILD_UID], r"^Đã dùng 1 giờ, hôm nay còn (1 giờ|59 phút)$")
        self.assertIn("thời gian dùng máy", vietnamese["activity"]["activityTotal"])
        self.assertIn("Nhật ký còn nguyên vẹn", vietnamese["audit"]["chainState"])

    def test_without_the_service_the_console_says_so(self):
        texts = shoot(self.env, os.path.join(self.dir, "none"), "--language", "en")
        self.assertIn("not running", texts["window"]["banner"])
        self.assertIn("systemctl start sundiald", texts["window"]["banner"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
