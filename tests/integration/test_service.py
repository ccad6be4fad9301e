# SPDX-License-Identifier: GPL-3.0-or-later
"""sundiald on a private system bus, with systemd-logind mocked by python3-dbusmock (logind
cannot run in CI). Each test starts its own bus, mock and service."""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import CHILD_UID, SUNDIALD as SUNDIALD_PATH, ServiceTestCase  # noqa: E402
from harness import today_number as harness_today  # noqa: E402

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def every_day(budget_minutes):
    return {day: {"budgetMinutes": budget_minutes} for day in WEEKDAYS}


class SignalRecorder:
    """Records the service's signals with gdbus monitor."""

    def __init__(self, test):
        self.path = os.path.join(test.dir, "signals.log")
        self.process = subprocess.Popen(["gdbus", "monitor", "--system", "-d", "org.sundial.Agent1"],
                                        env=test.env, stdout=open(self.path, "w"), stderr=subprocess.DEVNULL)
        time.sleep(0.3)

    def lines(self, name):
        return [line for line in open(self.path) if ".%s " % name in line or ".%s (" % name in line]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=5)


class CountingTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(120)))

    def test_time_counts_while_the_session_is_active_and_unlocked(self):
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", desktopId="abiword", uid=CHILD_UID)
        time.sleep(3.2)
        used = self.status()["usedSeconds"]
        self.assertGreaterEqual(used, 2)
        self.assertLessEqual(used, 5)

    def test_time_stops_while_the_screen_is_locked_and_no_input_arrives(self):
        # LockedHint alone pauses nothing (the child may set it: test_trust.py); a locked screen
        # with no input is idle to the helper, and idle time is not charged.
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(2.1)
        self.set_session("c2", LockedHint="true")
        self.heartbeat(exe="/usr/bin/abiword", idle=True, uid=CHILD_UID)
        before = self.status()["usedSeconds"]
        time.sleep(2.5)
        self.assertLessEqual(self.status()["usedSeconds"], before + 1)

    def test_idle_time_is_not_charged(self):
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(2.1)
        self.heartbeat(exe="/usr/bin/abiword", idle=True, uid=CHILD_UID)
        before = self.status()["usedSeconds"]
        time.sleep(2.5)
        self.heartbeat(exe="/usr/bin/abiword", idle=True, uid=CHILD_UID)
        self.assertLessEqual(self.status()["usedSeconds"], before + 1)

    def test_without_a_helper_time_counts_as_unknown_app_and_is_recorded_once(self):
        self.add_session()
        time.sleep(3.2)
        self.assertGreaterEqual(self.status()["usedSeconds"], 2)
        # Recorded once the helper had its timeout to report (a login is not tamper).
        self._wait_for(lambda: "helper-missing" in self.audit_kinds(), "helper-missing", timeout=self.helper_timeout)
        time.sleep(1.5)
        kinds = self.audit_kinds()
        self.assertEqual(kinds.count("helper-missing"), 1)
        today = time.strftime("%Y-%m-%d")
        entries = self.admin_json("Timeline", CHILD_UID, today)
        self.assertTrue(any(entry["unknownApp"] and entry["charged"] for entry in entries))

    def test_a_restart_keeps_the_count(self):
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(3.2)
        before = self.status()["usedSeconds"]
        self.stop_service()
        self.start_service()
        self.assertGreaterEqual(self.status()["usedSeconds"], before)
        self.assertIn("service-started", self.audit_kinds())

    def test_a_killed_service_loses_at_most_the_flush_interval(self):
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(4.2)
        before = self.status()["usedSeconds"]
        self.stop_service(signal.SIGKILL)
        self.start_service()
        after = self.status()["usedSeconds"]
        self.assertGreaterEqual(after, before - self.flush_interval - 1)

    def test_the_timeline_records_the_reported_app_and_site(self):
        self.add_session()
        self.heartbeat(exe="/usr/lib/chromium/chromium", desktopId="chromium", domain="docs.example.com",
                       uid=CHILD_UID)
        time.sleep(2.2)
        usage = self.admin_json("Usage", CHILD_UID, time.strftime("%Y-%m-%d"), time.strftime("%Y-%m-%d"))
        self.assertEqual(usage["sites"][0]["name"], "docs.example.com")
        self.assertEqual(usage["apps"][0]["name"], "chromium")


    def test_reports_write_only_what_is_not_yet_written(self):
        # A parent browsing reports while the child is away must not cost a synced commit per
        # answer; while time counts, the report includes the last seconds (written first).
        day = time.strftime("%Y-%m-%d")
        reader = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        version = lambda: reader.execute("PRAGMA data_version").fetchone()[0]  # noqa: E731
        before = version()
        self.admin_json("Usage", CHILD_UID, day, day)
        self.admin_json("Timeline", CHILD_UID, day)
        self.assertEqual(version(), before, "a report with nothing counted wrote to the database")
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", desktopId="abiword", uid=CHILD_UID)
        # Wait for the counting itself (a loaded machine may tick late), not for a fixed time:
        # the report must then hold at least what the status already shows.
        deadline = time.monotonic() + 15
        counted = self.status()["usedSeconds"]
        while counted < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            counted = self.status()["usedSeconds"]
        self.assertGreaterEqual(counted, 2, "the service did not count the child's use")
        usage = self.admin_json("Usage", CHILD_UID, day, day)
        self.assertNotEqual(version(), before)
        self.assertGreaterEqual(usage["days"][0]["chargedSeconds"], counted)
        reader.close()


class ClockTest(ServiceTestCase):
    """The service runs with clockshift preloaded: it moves only the service's wall clock, the
    way a child changing the system clock would (the test must not change the machine's)."""

    def setUp(self):
        super().setUp()
        library = os.environ.get("SUNDIAL_CLOCKSHIFT",
                                 os.path.join(os.path.dirname(SUNDIALD_PATH), "..", "..", "tests",
                                              "libsundial-test-clockshift.so"))
        self.shift_file = os.path.join(self.dir, "shift")
        self.shift(0)
        # The kernel's NTP flag as the service reads it (adjtimex), "unsynced" until a test says.
        self.ntp_file = os.path.join(self.dir, "ntp")
        with open(self.ntp_file, "w") as f:
            f.write("unsynced")
        env = dict(self.env, LD_PRELOAD=os.path.abspath(library), SUNDIAL_CLOCK_SHIFT_FILE=self.shift_file,
                   SUNDIAL_CLOCK_NTP_FILE=self.ntp_file)
        self.start_service(env=env)
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(120)))

    def shift(self, seconds):
        with open(self.shift_file, "w") as f:
            f.write(str(seconds))

    def test_a_clock_jump_is_recorded_and_changes_neither_count_nor_day(self):
        for jump in (3 * 3600, -86400):
            with self.subTest(jump=jump):
                self.add_session("c%d" % abs(jump))
                self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
                time.sleep(2.2)
                before = self.status()
                self.shift(jump)
                self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
                time.sleep(2.2)
                after = self.status()
                self.assertIn("clock-jump", self.audit_kinds())
                self.assertGreaterEqual(after["usedSeconds"], before["usedSeconds"] + 1)
                self.assertLessEqual(after["usedSeconds"], before["usedSeconds"] + 5)
                day = self.agent("Admin.GetChildStatus", CHILD_UID).stdout.split("'day': <'")[1][:10]
                self.assertEqual(day, time.strftime("%Y-%m-%d"))
                self.shift(0)
                self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
                self.set_session("c%d" % abs(jump), Active="false")

    def test_a_parent_can_accept_the_changed_clock(self):
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.shift(600)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.assertEqual(self.admin_json("Audit", 0, 1000).get("pendingClockJumpSeconds"), 600)
        self.agent("Admin.AcceptClockChange")
        audit = self.admin_json("Audit", 0, 1000)
        self.assertIn("clock-adopted", [entry["kind"] for entry in audit["entries"]])
        self.assertNotIn("pendingClockJumpSeconds", audit)

    def test_an_honest_correction_is_adopted_once_the_kernel_says_the_clock_is_synchronised(self):
        # timedated never signals NTPSynchronized; the kernel's flag is read where it lives.
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.shift(600)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.assertEqual(self.admin_json("Audit", 0, 1000).get("pendingClockJumpSeconds"), 600)
        with open(self.ntp_file, "w") as f:
            f.write("synced")
        self._wait_for(lambda: "pendingClockJumpSeconds" not in self.admin_json("Audit", 0, 1000),
                       "the correction to be adopted", timeout=12)
        self.assertIn("clock-adopted", self.audit_kinds())

    def test_accepting_a_changed_clock_raises_no_other_alarm(self):
        # Trusted time moves by the adopted jump; the helper was not silent for those seconds.
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.shift(600)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.agent("Admin.AcceptClockChange")
        time.sleep(self.flush_interval + 1.5)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        kinds = self.audit_kinds()
        self.assertEqual(kinds[kinds.index("clock-jump"):], ["clock-jump", "clock-adopted"])


class EnforcementTest(ServiceTestCase):
    def prepare(self, used_seconds, budget_minutes=1, **lockout):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        policy = {"graceSeconds": 1, "lockConfirmSeconds": 2, "unlocksBeforeTerminate": 2}
        policy.update(lockout)
        self.agent("Admin.SetRules", CHILD_UID,
                   self.rules(days=every_day(budget_minutes), lockout=policy, warningMinutes=[1]))
        self.stop_service()
        self.seed_usage(CHILD_UID, used_seconds)
        self.start_service()
        self.signals = SignalRecorder(self)

    def tearDown(self):
        if hasattr(self, "signals"):
            self.signals.stop()
        super().tearDown()

    def test_a_warning_comes_when_the_threshold_is_crossed(self):
        self.prepare(used_seconds=58)  # 62 s left of 1 min... the 1-minute warning is 2 s away
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self._wait_for(lambda: self.signals.lines("Warning"), "a Warning signal", timeout=6)
        self.assertIn("uint32 %d" % CHILD_UID, self.signals.lines("Warning")[0])

    def test_time_up_then_lock_then_terminate_when_no_locker_acts(self):
        self.prepare(used_seconds=57)
        self.add_session()
        self._wait_for(lambda: self.signals.lines("TimesUp"), "TimesUp", timeout=8)
        self._wait_for(lambda: self.logind_calls("LockSession"), "LockSession", timeout=5)
        self.assertIn("c2", self.logind_calls("LockSession")[0])
        # The mock records LockSession but no locker sets LockedHint: the session is ended.
        self._wait_for(lambda: self.logind_calls("TerminateSession"), "TerminateSession", timeout=6)
        self.assertIn("no screen locker", " ".join(str(e) for e in self.admin_json("Audit", 0, 100)["entries"]))

    def test_unlocking_while_out_of_time_locks_again_then_ends_the_session(self):
        self.prepare(used_seconds=60)
        self.add_session()
        self._wait_for(lambda: self.logind_calls("LockSession"), "LockSession", timeout=6)
        self.set_session("c2", LockedHint="true")  # the locker acts
        time.sleep(0.5)
        unlocked = time.monotonic()
        self.set_session("c2", LockedHint="false")  # the child unlocks
        self._wait_for(lambda: len(self.logind_calls("LockSession")) >= 2, "a second LockSession", timeout=2)
        self.assertLess(time.monotonic() - unlocked, 1.5)
        self.set_session("c2", LockedHint="true")
        time.sleep(0.3)
        self.set_session("c2", LockedHint="false")
        self._wait_for(lambda: self.logind_calls("TerminateSession"), "TerminateSession", timeout=3)
        self.assertIn("unlocked-while-out-of-time", self.audit_kinds())

    def test_extra_time_lifts_the_lockout(self):
        self.prepare(used_seconds=60)
        self.add_session()
        self._wait_for(lambda: self.signals.lines("TimesUp"), "TimesUp", timeout=6)
        self.agent("Admin.GrantExtraTime", CHILD_UID, 15)
        status = self.status()
        self.assertIn(status["verdict"], ("allowed", "warning"))
        self.assertGreater(status["remainingSeconds"], 14 * 60)


class AppBlockTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        # A copy of sleep stands in for a game: blocked by its path.
        self.game = os.path.join(self.dir, "game")
        subprocess.run(["cp", "/usr/bin/sleep", self.game], check=True)
        os.chmod(self.game, 0o755)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(apps=[{"match": {"exe": self.game}, "action": "blocked"}]))
        self.add_session()

    def spawn(self, uid):
        command = [self.game, "300"]
        if uid is not None:
            command = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % uid, "--clear-groups"] + command
        process = subprocess.Popen(command)
        self.addCleanup(lambda: (process.kill(), process.wait()))
        time.sleep(0.2)
        return process

    def test_a_blocked_app_of_the_child_is_closed_and_others_are_not(self):
        childs = self.spawn(CHILD_UID)
        roots = self.spawn(None)  # the same binary run by another user
        verdict = self.heartbeat(exe=self.game, uid=CHILD_UID).stdout
        self.assertIn("blocked", verdict)
        self._wait_for(lambda: childs.poll() is not None, "the child's game to end", timeout=8)
        self.assertEqual(childs.returncode, -signal.SIGTERM)
        self.assertIsNone(roots.poll())
        self.assertIn("app-closed", self.audit_kinds())

    def test_an_allowed_app_is_left_alone(self):
        other = os.path.join(self.dir, "homework")
        subprocess.run(["cp", "/usr/bin/sleep", other], check=True)
        # Another program: programs are told apart by their bytes (a copy of the game is the game).
        with open(other, "ab") as f:
            f.write(b"homework")
        process = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                    other, "300"])
        self.addCleanup(lambda: (process.kill(), process.wait()))
        time.sleep(0.2)
        self.assertIn("allowed", self.heartbeat(exe=other, uid=CHILD_UID).stdout)
        time.sleep(1)
        self.assertIsNone(process.poll())


class RepeatedReportTest(ServiceTestCase):
    """A report that repeats the last one is answered without deciding again while the decision
    holds (the service's CPU at one keep-alive a second). A tick every 30 s here, so only the
    repeat rule itself keeps the answers right between ticks."""
    flush_interval = 30

    def setUp(self):
        super().setUp()
        self.game = os.path.join(self.dir, "game")
        subprocess.run(["cp", "/usr/bin/sleep", self.game], check=True)
        os.chmod(self.game, 0o755)

    def spawn_game(self):
        process = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                    self.game, "300"])
        self.addCleanup(lambda: (process.kill(), process.wait()))
        time.sleep(0.2)
        return process

    def test_repeated_reports_are_counted(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.add_session()
        started = time.monotonic()
        while time.monotonic() - started < 4.5:
            self.heartbeat(exe=self.game, uid=CHILD_UID)
            time.sleep(0.5)
        self.assertGreaterEqual(self.status()["usedSeconds"], 3)

    def test_a_repeated_report_is_judged_again_when_the_rules_change(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.add_session()
        game = self.spawn_game()
        for _ in range(3):
            self.assertIn("allowed", self.heartbeat(exe=self.game, uid=CHILD_UID).stdout)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(apps=[{"match": {"exe": self.game}, "action": "blocked"}]))
        self.assertIn("blocked", self.heartbeat(exe=self.game, uid=CHILD_UID).stdout)
        self._wait_for(lambda: game.poll() is not None, "the blocked game to end", timeout=8)

    def test_an_app_budget_that_runs_out_under_repeated_reports_closes_the_app(self):
        # 57 s of the game's 1-minute budget used before the service starts.
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            apps=[{"match": {"exe": self.game}, "action": "budget", "dailyMinutes": 1}]))
        self.stop_service()
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        app = db.execute("INSERT INTO apps(exe, desktop_id, category) VALUES(?, '', '') RETURNING id",
                         (self.game,)).fetchone()[0]
        db.execute("INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) VALUES(?, 1, ?, ?, 57, 57)",
                   (CHILD_UID, harness_today(), app))
        db.commit()
        db.close()
        self.start_service()
        self.add_session()
        game = self.spawn_game()
        verdicts = []
        started = time.monotonic()
        while game.poll() is None and time.monotonic() - started < 12:
            verdicts.append(self.heartbeat(exe=self.game, uid=CHILD_UID).stdout.strip())
            time.sleep(0.3)
        self.assertIn("allowed", verdicts[0])
        self.assertIsNotNone(game.poll(), "the game ran on past its budget: %s" % verdicts)
        self.assertLess(time.monotonic() - started, 9)


class StatusReadTest(ServiceTestCase):
    """A status read is a getter: it counts nothing, decides nothing and writes nothing (a tick
    every 30 s here, so only the reads happen between the checks)."""
    flush_interval = 30

    def rows(self):
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        try:
            return [db.execute("SELECT count(*) FROM " + table).fetchone()[0]
                    for table in ("activity", "daily_usage", "audit")]
        finally:
            db.close()

    def test_reading_the_status_changes_nothing(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        first = self.status()
        rows = self.rows()
        for _ in range(6):
            time.sleep(0.4)
            status = self.status()
            self.assertEqual(status["usedSeconds"], first["usedSeconds"])
            self.assertEqual(status["verdict"], first["verdict"])
        self.assertEqual(self.rows(), rows)
        # What the reads did not count is counted at the next event.
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.assertGreaterEqual(self.status()["usedSeconds"], first["usedSeconds"] + 2)


class HelpLineTest(ServiceTestCase):
    """A child always sees a help line: when the rules name none, the shipped table's line for the
    computer's country (from its time zone), else the international one; its site is always
    allowed, and the parent's rules stay as the parent set them."""

    TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "helplines",
                         "helplines.json")

    def table_entry(self, country):
        import json
        with open(self.TABLE, encoding="utf-8") as f:
            return next(e for e in json.load(f)["helplines"] if e["country"] == country)

    def shown(self, key):
        out = self.agent("Admin.GetChildStatus", CHILD_UID).stdout
        marker = "'%s': <'" % key
        return out.split(marker)[1].split("'>")[0] if marker in out else None

    def start(self, **env):
        self.start_service(env=dict(self.env, **env))
        self.agent("Admin.AddChild", CHILD_UID)
        self.add_session()

    def test_a_child_whose_rules_name_none_sees_the_line_of_the_computers_country(self):
        self.start(TZ="Asia/Ho_Chi_Minh")
        vietnam = self.table_entry("VN")
        self.assertEqual(self.shown("helpLinePhone"), vietnam["phone"])
        self.assertEqual(self.shown("helpLineUrl"), vietnam["url"])
        # Its site is always allowed, as a help line the parent set would be.
        host = vietnam["url"].split("//")[1].split("/")[0]
        self.assertIn("always-allowed", self.heartbeat(exe="/usr/bin/firefox-esr", domain=host, uid=CHILD_UID).stdout)
        # The parent's rules are as the parent set them: no help line was written into them.
        self.assertEqual(self.admin_json("GetRules", CHILD_UID).get("helpLine", {}).get("phone", ""), "")

    def test_without_a_country_the_child_sees_the_international_line(self):
        self.start(TZ="UTC", LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
        self.assertEqual(self.shown("helpLineUrl"), self.table_entry("ZZ")["url"])

    def test_the_locale_names_the_country_when_the_time_zone_does_not(self):
        self.start(TZ="UTC", LANG="de_DE.UTF-8", LC_ALL="", LC_MESSAGES="")
        self.assertEqual(self.shown("helpLinePhone"), self.table_entry("DE")["phone"])

    def test_the_parents_help_line_is_the_one_shown(self):
        self.start(TZ="Asia/Ho_Chi_Minh")
        self.agent("Admin.SetRules", CHILD_UID, self.rules(helpLine={"name": "Aunt Lan", "phone": "0123 456"}))
        self.assertEqual(self.shown("helpLinePhone"), "0123 456")
        self.assertEqual(self.shown("helpLineName"), "Aunt Lan")


class SecurityTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)

    def test_a_child_calling_admin_is_refused(self):
        for method, args in (("Admin.ListChildren", ()), ("Admin.GrantExtraTime", (CHILD_UID, 60)),
                             ("Admin.SetRules", (CHILD_UID, '{"version": 1}'))):
            result = self.agent(method, *args, uid=CHILD_UID, check=False)
            self.assertNotEqual(result.returncode, 0, method)
            self.assertIn("org.sundial.Error.PermissionDenied", result.stderr, method)
            self.assertIn("sundial-admin", result.stderr, method)

    def test_a_child_reads_only_its_own_status(self):
        result = self.agent("Child.GetStatus", uid=CHILD_UID)
        self.assertIn("'limited': <true>", result.stdout)
        other = self.agent("Child.GetStatus", uid=65534)
        self.assertIn("'limited': <false>", other.stdout)

    def test_heartbeats_from_an_account_that_is_not_limited_are_refused(self):
        result = self.heartbeat(uid=65534, check=False, exe="/usr/bin/x")
        self.assertIn("org.sundial.Error.NotLimited", result.stderr)

    def test_malformed_reports_are_refused_with_the_key_named(self):
        cases = {
            "{'title': <b'abc'>}": "title: must be a string",
            "{'idle': <'yes'>}": "idle: must be a boolean",
            "{'exe': <'relative/path'>}": "exe: must be an absolute path",
            "{'colour': <'red'>}": "colour: is not a known key",
            "{'title': <'%s'>}" % ("x" * 20000): "title: is 20000 bytes",
        }
        for report, message in cases.items():
            result = self.agent("Session.Heartbeat", report, uid=CHILD_UID, check=False)
            self.assertIn("org.sundial.Error.InvalidArgument", result.stderr, report[:40])
            self.assertIn(message, result.stderr, report[:40])

    def test_invalid_rules_are_refused_with_the_field_named(self):
        result = self.agent("Admin.SetRules", CHILD_UID, '{"version": 1, "days": {"monday": {"budgetMinutes": 2000}}}',
                            check=False)
        self.assertIn("org.sundial.Error.InvalidRule", result.stderr)
        self.assertIn("days.monday.budgetMinutes", result.stderr)

    def test_a_burst_of_heartbeats_leaves_the_service_responsive_and_small(self):
        self.add_session()
        rss_before = self.rss_kib()
        flood = subprocess.run(
            ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups", "/usr/bin/python3",
             "-c", FLOOD], env=self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(flood.returncode, 0, flood.stderr)
        sent, limited = map(int, flood.stdout.split())
        self.assertEqual(sent, 10000)
        self.assertGreater(limited, 0)  # the rate limit answered most of them
        started = time.monotonic()
        self.status()
        self.assertLess(time.monotonic() - started, 2.0)
        self.assertLess(self.rss_kib() - rss_before, 8 * 1024)

    def rss_kib(self):
        with open("/proc/%d/status" % self.daemon.pid) as status:
            return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))


# Sends 10,000 heartbeats as fast as the bus takes them (asynchronously), then waits for
# every reply; prints how many were sent and how many the rate limit refused.
FLOOD = r"""
import dbus, dbus.mainloop.glib
from gi.repository import GLib
dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SystemBus()
agent = dbus.Interface(bus.get_object('org.sundial.Agent1', '/org/sundial/Agent1'), 'org.sundial.Agent1.Session')
loop = GLib.MainLoop()
state = {'replies': 0, 'limited': 0}
def done():
    state['replies'] += 1
    if state['replies'] == 10000:
        loop.quit()
def ok(*args):
    done()
def error(e):
    if 'RateLimited' in e.get_dbus_name():
        state['limited'] += 1
    done()
for i in range(10000):
    agent.Heartbeat({'exe': '/usr/bin/app%d' % (i % 50), 'title': 'x' * 1000}, reply_handler=ok, error_handler=error)
GLib.timeout_add_seconds(100, loop.quit)
loop.run()
print(state['replies'], state['limited'])
"""

if __name__ == "__main__":
    unittest.main(verbosity=2)
