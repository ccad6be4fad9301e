# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-console against the real service on a private bus (logind mocked): every page is
rendered offscreen once its data has arrived, kept as an artifact, checked to be non-blank and
to show the expected texts; and a console started with no service says so plainly."""

import calendar
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import unittest
from datetime import date, datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase, today_number  # noqa: E402
from test_tray import ARTIFACTS, distinct_pixel_bytes, offscreen_env  # noqa: E402

CONSOLE = os.environ.get("SUNDIAL_CONSOLE", os.path.join(BUILD, "ui", "console", "sundial-console"))
PAGES = ("family", "activity", "rules", "requests", "audit", "settings")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ACTIVE_CHARGED = 3  # ActivityFlag::Active | ActivityFlag::Charged

# Yesterday: 40 min Minetest (Game), then 20 min Firefox (Network) on a site. Today: 30 min
# Minetest, then 15 min of a script whose app has no category.
MINETEST = ("/usr/games/minetest", "net.minetest.minetest", "Game")
FIREFOX = ("/usr/lib/firefox/firefox", "firefox", "Network")
SCRIPT = ("/usr/bin/python3", "", "")
USES = ((-1, 10 * 60, 40, MINETEST, ""), (-1, 10 * 60 + 40, 20, FIREFOX, "www.wikipedia.org"),
        (0, 9 * 60, 30, MINETEST, ""), (0, 9 * 60 + 30, 15, SCRIPT, ""))


def shoot(env, directory, *extra):
    shutil.rmtree(directory, ignore_errors=True)
    result = subprocess.run([CONSOLE, "--screenshot", directory, *extra], env=offscreen_env(env),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def day_start(offset):
    """Midnight UTC (the tests' zone) of today plus `offset` days, in seconds since the epoch."""
    return calendar.timegm((date.today() + timedelta(days=offset)).timetuple())


class ConsoleTest(ServiceTestCase):
    def seed_activity(self, uid):
        """USES as the recorder stores them: activity rows and the daily rollups (total, app,
        site, category), written while the service is stopped."""
        os.makedirs(self.state, exist_ok=True)
        self.start_service()
        self.stop_service()
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        rollup = "INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) VALUES(?, ?, ?, ?, ?, ?) " \
                 "ON CONFLICT(child, dim, day, key) DO UPDATE SET active_s = active_s + excluded.active_s, " \
                 "charged_s = charged_s + excluded.charged_s"
        for offset, minute, minutes, app, domain in USES:
            db.execute("INSERT OR IGNORE INTO apps(exe, desktop_id, category) VALUES(?, ?, ?)", app)
            app_id = db.execute("SELECT id FROM apps WHERE exe = ? AND desktop_id = ? AND category = ?",
                                app).fetchone()[0]
            domain_id = 0
            if domain:
                db.execute("INSERT OR IGNORE INTO domains(name) VALUES(?)", (domain,))
                domain_id = db.execute("SELECT id FROM domains WHERE name = ?", (domain,)).fetchone()[0]
            day = today_number() + offset
            start = day_start(offset) + minute * 60
            seconds = minutes * 60
            db.execute("INSERT INTO activity(child, day, start, end, utc_offset, app, domain, title, flags) "
                       "VALUES(?, ?, ?, ?, 0, ?, ?, 0, ?)", (uid, day, start, start + seconds, app_id, domain_id,
                                                             ACTIVE_CHARGED))
            db.execute(rollup, (uid, 0, day, 0, seconds, seconds))
            db.execute(rollup, (uid, 1, day, app_id, seconds, seconds))
            if domain_id:
                db.execute(rollup, (uid, 2, day, domain_id, seconds, seconds))
            if app[2]:
                db.execute("INSERT OR IGNORE INTO categories(name) VALUES(?)", (app[2],))
                category = db.execute("SELECT id FROM categories WHERE name = ?", (app[2],)).fetchone()[0]
                db.execute(rollup, (uid, 3, day, category, seconds, seconds))
        db.commit()
        db.close()

    def start_with_activity(self):
        """The service running with the test child limited and USES recorded; returns yesterday
        and today as ISO dates."""
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.stop_service()
        self.seed_activity(CHILD_UID)
        self.start_service()
        return (date.today() - timedelta(days=1)).isoformat(), date.today().isoformat()

    def test_activity_stacks_categories_and_drills_into_a_day_and_an_app(self):
        yesterday, today = self.start_with_activity()
        # The service's own answer: each day by category, "" for the app without one.
        usage = self.admin_json("Usage", CHILD_UID, yesterday, today)
        self.assertEqual(sorted((d["day"], d["category"], d["activeSeconds"]) for d in usage["categoryDays"]),
                         [(yesterday, "Game", 2400), (yesterday, "Network", 1200),
                          (today, "", 900), (today, "Game", 1800)])
        firefox = next(app["id"] for app in usage["apps"] if app["name"] == "firefox")
        per_day = json.loads(eval(self.agent("Admin.AppUsage", CHILD_UID, firefox, yesterday, today)
                                  .stdout.strip())[0])
        self.assertEqual(per_day, {"days": [{"day": yesterday, "activeSeconds": 1200, "chargedSeconds": 1200}]})

        # The week ends today: yesterday is bar 5, today bar 6. Bars are picked with the keyboard;
        # a step on a chart first opens its tab.
        texts = shoot(self.env, os.path.join(ARTIFACTS, "console-drill"), "--language", "en",
                      "--step", "dayChart=5", "--step", "activityBack", "--step", "topApps=1",
                      "--step", "activityBack", "--step", "categoryChart=6", "--step", "activityBack",
                      "--step", "categoryChart=5")
        week = texts["steps"][1]
        self.assertEqual(list(week["dayChart"]["sets"].values()), [[0, 0, 0, 0, 0, 60, 45]])
        # The category chart is drawn only once its tab is shown.
        self.assertNotIn("categoryChart", week)
        stacked_week = texts["steps"][5]
        self.assertEqual(stacked_week["categoryChart"]["sets"], {
            "Games": [0, 0, 0, 0, 0, 40, 30], "Internet": [0, 0, 0, 0, 0, 20, 0], "Other": [0, 0, 0, 0, 0, 0, 15]})
        self.assertEqual(len(stacked_week["categoryChart"]["labels"]), 7)
        self.assertNotIn("dayChart", stacked_week)
        self.assertNotIn("activityBack", week)
        self.assertEqual([row.split("\t")[0] for row in week["topApps"]],
                         ["net.minetest.minetest", "firefox", "/usr/bin/python3"])

        # A day: its own report and its timeline, and the way back.
        day = texts["steps"][0]
        self.assertEqual(day["activityBack"], "Back to the last 7 days")
        self.assertRegex(day["activityTotal"], r"^1 h of screen time on ")
        self.assertEqual(list(day["dayChart"]["sets"].values()), [[60]])
        self.assertRegex(day["timelineTitle"], r": 2 intervals$")
        self.assertEqual(day["timeline"], ["10:00:00–10:40:00  net.minetest.minetest",
                                           "10:40:00–11:00:00  firefox  www.wikipedia.org"])

        # An app: its minutes per day, and its timeline on the last day it was used.
        app = texts["steps"][2]
        self.assertEqual(app["dayChart"]["title"], "Minutes per day in firefox")
        self.assertEqual(list(app["dayChart"]["sets"].values()), [[0, 0, 0, 0, 0, 20, 0]])
        self.assertRegex(app["timelineTitle"], r"^firefox on .*: 1 intervals$")
        self.assertEqual(app["timeline"], ["10:40:00–11:00:00  firefox  www.wikipedia.org"])
        self.assertIn("20 min in firefox", app["activityTotal"])
        self.assertEqual(app["activityBack"], "Back to the last 7 days")

        # Today, from its stacked bar: the app without a category is "Other".
        stack = texts["steps"][4]
        self.assertEqual(stack["categoryChart"]["sets"], {"Games": [30], "Other": [15]})
        self.assertEqual(stack["timeline"], ["09:00:00–09:30:00  net.minetest.minetest",
                                             "09:30:00–09:45:00  /usr/bin/python3"])
        self.assertEqual(texts["steps"][6]["categoryChart"]["sets"], {"Games": [40], "Internet": [20]})
        self.assertNotIn("error", json.dumps(texts["steps"]))

    def test_activity_drills_into_a_site(self):
        yesterday, today = self.start_with_activity()
        usage = self.admin_json("Usage", CHILD_UID, yesterday, today)
        wikipedia = next(site["id"] for site in usage["sites"] if site["name"] == "www.wikipedia.org")
        self.assertEqual(self.admin_json("SiteUsage", CHILD_UID, wikipedia, yesterday, today),
                         {"days": [{"day": yesterday, "activeSeconds": 1200, "chargedSeconds": 1200}]})

        # The site's row in the top sites, opened with Enter; then back to the week.
        texts = shoot(self.env, os.path.join(ARTIFACTS, "console-site"), "--language", "en",
                      "--step", "topSites=0", "--step", "activityBack")
        site, week = texts["steps"]
        self.assertEqual(site["topSites"], ["www.wikipedia.org\t20 min"])
        self.assertEqual(site["dayChart"]["title"], "Minutes per day on www.wikipedia.org")
        self.assertEqual(list(site["dayChart"]["sets"].values()), [[0, 0, 0, 0, 0, 20, 0]])
        self.assertIn("20 min on www.wikipedia.org from ", site["activityTotal"])
        self.assertEqual(site["activityBack"], "Back to the last 7 days")
        # Its timeline on the last day it was visited: only the site's intervals.
        self.assertRegex(site["timelineTitle"], r"^www\.wikipedia\.org on .*: 1 intervals$")
        self.assertEqual(site["timeline"], ["10:40:00–11:00:00  firefox  www.wikipedia.org"])
        self.assertEqual(week["dayChart"]["title"], "Screen time per day (minutes)")
        self.assertEqual(list(week["dayChart"]["sets"].values()), [[0, 0, 0, 0, 0, 60, 45]])
        self.assertNotIn("activityBack", week)
        self.assertNotIn("error", json.dumps(texts["steps"]))

        vietnamese = shoot(self.env, os.path.join(ARTIFACTS, "console-site-vi"), "--language", "vi",
                           "--step", "topSites=0")["steps"][0]
        self.assertEqual(vietnamese["dayChart"]["title"], "Số phút xem www.wikipedia.org mỗi ngày")
        self.assertTrue(vietnamese["activityTotal"].startswith("Đã xem www.wikipedia.org trong 20 phút, từ "),
                        vietnamese["activityTotal"])

    def test_the_day_chart_shows_each_days_budget_from_the_rules(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        # A different budget each weekday (Monday 50 … Saturday 100), and no limit on Sunday.
        budgets = {weekday: 50 + 10 * number for number, weekday in enumerate(WEEKDAYS[:6])}
        days = {weekday: {"budgetMinutes": minutes} for weekday, minutes in budgets.items()}
        days["sunday"] = {"budgetMinutes": None}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=days))
        self.stop_service()
        self.seed_activity(CHILD_UID)
        self.start_service()

        def budget_per_bar(chart):
            """The budget line as {bar: minutes}: each bar has a step of two points across it."""
            points = chart["lines"].get("Budget", [])
            self.assertEqual(len(points) % 2, 0, points)
            steps = {}
            for (x0, y0), (x1, y1) in zip(points[::2], points[1::2]):
                self.assertEqual((x1 - x0, y0), (1, y1))
                steps[round((x0 + x1) / 2)] = y0
            return steps

        def expected(first, count, days_per_bar=1):
            """Each bar's budget: the sum of its days' budgets, none when one of them has no limit."""
            bars = {}
            for bar in range(count):
                start = first + timedelta(days=bar * days_per_bar)
                week = [WEEKDAYS[(start + timedelta(days=i)).weekday()] for i in range(days_per_bar)]
                if "sunday" not in week:
                    bars[bar] = sum(budgets[weekday] for weekday in week)
            return bars

        week_start = date.today() - timedelta(days=6)
        texts = shoot(self.env, os.path.join(ARTIFACTS, "console-budget"), "--language", "en",
                      "--step", "dayChart=6", "--step", "activityBack")
        chart = texts["steps"][1]["dayChart"]
        self.assertEqual(list(chart["sets"].values()), [[0, 0, 0, 0, 0, 60, 45]])
        self.assertEqual(budget_per_bar(chart), expected(week_start, 7))
        self.assertEqual(len(budget_per_bar(chart)), 6)  # Sunday, without a limit, has no budget
        # One day, opened from its bar: that weekday's budget (none on a Sunday).
        today = texts["steps"][0]["dayChart"]
        self.assertEqual(budget_per_bar(today), expected(date.today(), 1))
        # A month ending on a Saturday: a bar per day; over a year (2025-01-05 was a Sunday) a bar
        # per week from Sunday (the first weekday in "en"), and no week without Sunday's no-limit.
        month = shoot(self.env, os.path.join(ARTIFACTS, "console-budget-month"), "--language", "en",
                      "--period-days", "30", "--until", "2025-06-28")["activity"]["dayChart"]
        self.assertEqual(len(month["sets"]["Screen time"]), 30)
        self.assertEqual(budget_per_bar(month), expected(date(2025, 5, 30), 30))
        year = shoot(self.env, os.path.join(ARTIFACTS, "console-budget-year"), "--language", "en",
                     "--period-days", "365", "--until", "2025-12-31")["activity"]["dayChart"]
        self.assertEqual(year["title"], "Screen time per week (minutes)")
        self.assertEqual(len(year["sets"]["Screen time"]), 53)
        self.assertEqual(budget_per_bar(year), {0: 70 + 80 + 90 + 100})  # Wednesday 1 to Saturday 4
        self.assertIn("Budget", year["lines"])

        # Without rules there is no line.
        self.agent("Admin.SetRules", CHILD_UID, self.rules())
        plain = shoot(self.env, os.path.join(ARTIFACTS, "console-budget-none"), "--language", "en")
        self.assertEqual(plain["activity"]["dayChart"]["lines"], {})

    def test_approving_a_request_from_the_family_page_grants_time(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days={d: {"budgetMinutes": 60} for d in WEEKDAYS}))
        self.agent("Child.RequestMoreTime", 30, "'Hausaufgaben'", uid=CHILD_UID)
        request = self.admin_json("ListRequests", "true", 0, 200)[0]
        before = self.status()["remainingSeconds"]
        self.assertEqual(before, 3600)

        texts = shoot(self.env, os.path.join(ARTIFACTS, "console-approve"), "--language", "en",
                      "--step", "answer-%d-15" % request["id"])
        self.assertEqual(self.status()["remainingSeconds"] - before, 15 * 60)
        answered = next(r for r in self.admin_json("ListRequests", "false", 0, 200) if r["id"] == request["id"])
        self.assertEqual(answered["state"], "approved")
        self.assertEqual(answered["granted"], 15)
        self.assertEqual(self.admin_json("ListRequests", "true", 0, 200), [])
        # The card, loaded again, shows the new time and no longer asks.
        card = texts["steps"][0]
        self.assertEqual(card["summary-%d" % CHILD_UID], "0 s used, 1 h 15 min left today")
        self.assertFalse(any(key.startswith("request-") for key in card))

    def test_the_requests_page_fetches_older_requests_a_page_at_a_time(self):
        # 250 answered requests (issue 11, item 8): the page shows the newest 100, and "Older
        # requests" adds the next 100, then the last 50, after which it is hidden.
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.stop_service()
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        db.executemany("INSERT INTO requests(child, asked_at, minutes, reason, state, answered_at, answered_by, "
                       "granted_minutes) VALUES(?, ?, 15, ?, 2, ?, 0, 0)",
                       [(CHILD_UID, 1_700_000_000 + n, "ask %d" % (n + 1), 1_700_000_060 + n) for n in range(250)])
        db.commit()
        db.close()
        self.start_service()
        texts = shoot(self.env, os.path.join(self.dir, "requests"), "--language", "en",
                      "--step", "requestsOlder", "--step", "requestsOlder")
        first, second = texts["steps"]
        self.assertEqual(len(first["requestsTable"]), 200)
        self.assertIn("\task 250\t", first["requestsTable"][0])
        self.assertIn("\task 51\t", first["requestsTable"][-1])
        self.assertEqual(first["requestsOlder"], "Older requests")
        self.assertEqual(len(second["requestsTable"]), 250)
        self.assertIn("\task 1\t", second["requestsTable"][-1])
        self.assertNotIn("requestsOlder", second)

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
        self.assertIn("A mistake is not saved", texts["rules"]["rulesMessage"])
        self.assertNotIn("docs/", texts["rules"]["rulesMessage"])  # no developer paths for a parent
        self.assertIn("intact", texts["audit"]["chainState"])
        # The child has no help line of its own: the page shows the one the child sees, so that
        # saving the privacy settings keeps it (an empty help line is not saved).
        self.assertIn("No help line was chosen for this child, so they see this one",
                      texts["settings"]["settingsMessage"])
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
        self.assertTrue(vietnamese["activity"]["activityTotal"].startswith("Đã dùng máy 1 giờ từ "),
                        vietnamese["activity"]["activityTotal"])
        self.assertIn("Nhật ký còn nguyên vẹn", vietnamese["audit"]["chainState"])

    def test_without_the_service_the_console_says_so(self):
        texts = shoot(self.env, os.path.join(self.dir, "none"), "--language", "en")
        self.assertIn("not running", texts["window"]["banner"])
        self.assertIn("systemctl start sundiald", texts["window"]["banner"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
