# SPDX-License-Identifier: GPL-3.0-or-later
"""The child as the adversary of a limit (docs/ARCHITECTURE.md "Processes and trust"): each test is a bypass a
child with a terminal would try, run as the child's uid through setpriv where the attack is the
child's, against sundiald on a private system bus. systemd-logind is mocked by python3-dbusmock's
logind template (logind cannot run in CI). The mock lets any caller call a session's
SetLockedHint (real logind lets the session's owner do it, which is the point of the attack); it
has no working SetIdleHint, so the tests set IdleHint with the mock's UpdateProperties, which is
what logind would announce after the child's SetIdleHint(true)."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import CHILD_UID, ServiceTestCase  # noqa: E402

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def every_day(budget_minutes):
    return {day: {"budgetMinutes": budget_minutes} for day in WEEKDAYS}


class TrustCase(ServiceTestCase):
    def limit(self, budget_minutes=120, used_seconds=0, grace_seconds=1, **fields):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        lockout = {"graceSeconds": grace_seconds, "lockConfirmSeconds": 2, "unlocksBeforeTerminate": 2}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(budget_minutes), lockout=lockout,
                                                           **fields))
        if used_seconds:
            self.stop_service()
            self.seed_usage(CHILD_UID, used_seconds)
            self.start_service()

    def child_sets_locked_hint(self, session_id="c2", locked=True):
        """What the child's own shell may do to its session on real logind, without a password."""
        self.gdbus("org.freedesktop.login1", "/org/freedesktop/login1/session/" + session_id,
                   "org.freedesktop.login1.Session.SetLockedHint", "true" if locked else "false", uid=CHILD_UID)

    def used_grows(self, seconds=3.6):
        """Seconds counted while `seconds` pass. The count moves once a tick (1 s here), so a
        counting service shows at least 2 over 3.6 s even when a loaded machine runs a tick late."""
        before = self.status()["usedSeconds"]
        time.sleep(seconds)
        return self.status()["usedSeconds"] - before


class LockedAndIdleHintTest(TrustCase):
    """Item 1: hints the child can set alone pause nothing."""

    def test_a_locked_hint_set_by_the_child_does_not_stop_the_count(self):
        self.limit()
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(1.1)
        self.child_sets_locked_hint()
        self.assertGreaterEqual(self.used_grows(), 2)

    def test_an_idle_hint_without_a_helper_does_not_stop_the_count(self):
        self.limit()
        self.add_session()
        self.set_session("c2", IdleHint="true")  # stands in for the child's SetIdleHint(true)
        time.sleep(1.1)
        self.assertGreaterEqual(self.used_grows(), 2)

    def test_out_of_time_with_the_hint_set_the_service_still_locks_and_then_ends_the_session(self):
        # A grace long enough that the child's call lands before the service asks for the lock,
        # however loaded the machine (a hint raised after the request would pass for a locker).
        self.limit(budget_minutes=1, used_seconds=60, grace_seconds=3)
        self.add_session()
        self.child_sets_locked_hint()
        self.assertEqual(self.logind_calls("LockSession"), [], "the machine was too slow for this test")
        self._wait_for(lambda: self.logind_calls("LockSession"), "LockSession", timeout=8)
        # The hint was already up before the service asked for a lock: no locker proved it
        # locked, so the session that stays in use is ended.
        self._wait_for(lambda: self.logind_calls("TerminateSession"), "TerminateSession", timeout=6)

    def test_a_lock_that_the_locker_confirms_stops_the_count(self):
        # The honest path: the service locks, the desktop's locker raises the hint afterwards.
        self.limit(budget_minutes=1, used_seconds=60)
        self.add_session()
        self._wait_for(lambda: self.logind_calls("LockSession"), "LockSession", timeout=6)
        self.set_session("c2", LockedHint="true")
        time.sleep(3)  # past lockConfirmSeconds
        self.assertEqual(self.logind_calls("TerminateSession"), [])
        self.assertLessEqual(self.used_grows(2.2), 1)


class SessionTypeTest(TrustCase):
    """Item 3: every session of a limited account counts, whatever its type."""

    def test_a_text_console_session_counts(self):
        self.limit()
        self.add_session(session_type="tty")
        time.sleep(1.1)
        self.assertGreaterEqual(self.used_grows(), 2)

    def test_startx_from_a_console_keeps_type_tty_and_still_counts(self):
        self.limit()
        self.add_session(session_type="tty")
        self.heartbeat(exe="/usr/games/supertux2", uid=CHILD_UID)
        time.sleep(1.1)
        self.assertGreaterEqual(self.used_grows(), 2)

    def test_a_remote_login_counts_and_is_ended_when_time_is_up(self):
        self.limit(budget_minutes=1, used_seconds=55)
        self.add_session("s7", session_type="tty")
        self.set_session("s7", Remote="true", RemoteHost="'192.0.2.7'", Active="false", State="'online'")
        self._wait_for(lambda: self.logind_calls("TerminateSession"), "TerminateSession of the ssh session",
                       timeout=15)
        self.assertIn("s7", self.logind_calls("TerminateSession")[0])

    def test_a_login_screen_session_of_the_account_is_not_counted(self):
        self.limit()
        self.add_session("g1")
        self.set_session("g1", Class="'greeter'")
        time.sleep(1.1)
        self.assertLessEqual(self.used_grows(2.2), 0)


class FalseAlarmTest(TrustCase):
    """Item 11: tamper rows only for real tamper, after the configured timeouts."""

    def test_a_login_writes_no_helper_missing_row_before_the_helper_had_its_time(self):
        self.limit()
        self.add_session()
        time.sleep(self.helper_timeout - 2)
        self.assertNotIn("helper-missing", self.audit_kinds())
        self.assertGreaterEqual(self.status()["usedSeconds"], 2, "time counts meanwhile, as unknown app")
        self._wait_for(lambda: "helper-missing" in self.audit_kinds(), "helper-missing after the timeout", timeout=5)


class LaunchTrickTest(TrustCase):
    """Item 4: a blocked program copied, renamed or started through the dynamic loader is still
    that program; closing an app never takes other programs sharing an interpreter with it.
    A copy of sleep stands in for the game (blocked by its path)."""

    LOADER = "/lib64/ld-linux-x86-64.so.2"

    def setUp(self):
        super().setUp()
        self.game = os.path.join(self.dir, "game")
        shutil.copy("/usr/bin/sleep", self.game)
        os.chmod(self.game, 0o755)
        self.limit(apps=[{"match": {"exe": self.game}, "action": "blocked"},
                         {"match": {"desktopId": "org.example.PyGame"}, "action": "blocked"}])
        self.add_session()

    def run_as_child(self, *command):
        process = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                    *command])
        self.addCleanup(lambda: (process.kill(), process.wait()))
        time.sleep(0.3)
        return process

    def test_a_renamed_copy_of_a_blocked_game_is_closed(self):
        home = os.path.join(self.dir, "kid-home")
        os.makedirs(home)
        os.chown(home, CHILD_UID, CHILD_UID)
        copy = os.path.join(home, "x")
        subprocess.run(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups", "cp",
                        self.game, copy], check=True)
        game = self.run_as_child(copy, "300")
        verdict = self.heartbeat(exe=copy, uid=CHILD_UID).stdout
        self.assertIn("blocked", verdict)
        self._wait_for(lambda: game.poll() is not None, "the copied game to end", timeout=8)
        self.assertEqual(game.returncode, -signal.SIGTERM)

    @unittest.skipUnless(os.path.exists(LOADER), "no " + LOADER)
    def test_a_blocked_game_started_through_the_dynamic_loader_is_closed(self):
        game = self.run_as_child(self.LOADER, self.game, "300")
        self.heartbeat(exe=self.game, uid=CHILD_UID)  # the helper reports the program the loader runs
        self._wait_for(lambda: game.poll() is not None, "the loader-started game to end", timeout=8)

    def mount_as_the_child(self, image, mountpoint):
        """Mounts a squashfs image the way an AppImage's runtime does (squashfuse, the FUSE server
        AppImages are built on), owned by the child and without allow_other: no other user, root
        included, can open a file in it. fusermount3 would do the mount for the child; here root
        makes the same mount (user_id = the child's) and hands the /dev/fuse descriptor to
        squashfuse running as the child, so the test does not depend on /dev/fuse's mode."""
        import ctypes
        fuse = os.open("/dev/fuse", os.O_RDWR)
        self.addCleanup(os.close, fuse)
        libc = ctypes.CDLL(None, use_errno=True)
        options = "fd=%d,rootmode=40000,user_id=%d,group_id=%d" % (fuse, CHILD_UID, CHILD_UID)
        ms_nosuid, ms_nodev = 2, 4
        if libc.mount(image.encode(), mountpoint.encode(), b"fuse.squashfuse", ms_nosuid | ms_nodev,
                      options.encode()) != 0:
            raise OSError(ctypes.get_errno(), "mount fuse.squashfuse on " + mountpoint)
        self.addCleanup(lambda: subprocess.run(["umount", "-l", mountpoint]))
        server = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                   "squashfuse", "-f", image, "/dev/fd/%d" % fuse], pass_fds=(fuse,))
        self.addCleanup(lambda: (server.kill(), server.wait()))
        # Root cannot even stat the mount: ask as the child.
        self._wait_for(lambda: subprocess.run(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID,
                                               "--clear-groups", "test", "-d", os.path.join(mountpoint, "usr")]
                                              ).returncode == 0, "the squashfs image served", timeout=10)

    def test_a_blocked_game_run_from_an_appimage_mount_is_closed(self):
        # The game inside a squashfs image, as an AppImage carries it.
        tree = os.path.join(self.dir, "appdir")
        os.makedirs(os.path.join(tree, "usr", "bin"))
        shutil.copy(self.game, os.path.join(tree, "usr", "bin", "game"))
        image = os.path.join(self.dir, "game.squashfs")
        subprocess.run(["mksquashfs", tree, image, "-quiet", "-no-progress", "-all-root"], check=True,
                       stdout=subprocess.DEVNULL)
        os.chmod(image, 0o644)
        mountpoint = os.path.join(self.dir, ".mount_game")
        os.makedirs(mountpoint)
        os.chown(mountpoint, CHILD_UID, CHILD_UID)
        self.mount_as_the_child(image, mountpoint)
        inside = os.path.join(mountpoint, "usr", "bin", "game")
        # What the attack relies on: the service, root, cannot open the file at all.
        with self.assertRaises(PermissionError):
            open(inside, "rb")
        game = self.run_as_child(inside, "300")
        verdict = self.heartbeat(exe=inside, uid=CHILD_UID).stdout
        self.assertIn("blocked", verdict)
        self._wait_for(lambda: game.poll() is not None, "the game from the AppImage mount to end", timeout=8)
        self.assertEqual(game.returncode, -signal.SIGTERM)

    def test_a_blocked_python_game_does_not_take_other_python_programs_with_it(self):
        homework = self.run_as_child("/usr/bin/python3", "-c", "import time; time.sleep(300)")
        verdict = self.heartbeat(exe=os.path.realpath("/usr/bin/python3"), desktopId="org.example.PyGame",
                                 uid=CHILD_UID).stdout
        self.assertIn("blocked", verdict)
        time.sleep(1.5)
        self.assertIsNone(homework.poll(), "the child's other Python program was killed")
        self.assertIn("app-not-closed", self.audit_kinds())


class FloodTest(TrustCase):
    """Item 8: a script reporting fresh names, or asking for time in a loop, grows neither the
    service nor the database without bound."""

    def test_fresh_names_past_the_hours_limit_count_as_unknown_app_and_are_said_once(self):
        self.start_service("--max-new-names-per-hour", "5")
        self.agent("Admin.AddChild", CHILD_UID)
        self.add_session()
        for n in range(12):
            self.heartbeat(exe="/opt/flood/app-%d" % n, domain="site-%d.example" % n, uid=CHILD_UID)
        self.stop_service()  # everything written
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        apps = db.execute("SELECT COUNT(*) FROM apps WHERE exe LIKE '/opt/flood/%'").fetchone()[0]
        domains = db.execute("SELECT COUNT(*) FROM domains WHERE name LIKE 'site-%'").fetchone()[0]
        db.close()
        self.assertLessEqual(apps, 5)
        self.assertLessEqual(domains, 5)
        self.start_service("--max-new-names-per-hour", "5")
        self.assertEqual(self.audit_kinds().count("names-capped"), 1)

    def test_a_child_asking_in_a_loop_has_at_most_ten_requests_waiting(self):
        self.limit()
        answers = [self.agent("Child.RequestMoreTime", 15, "'please'", uid=CHILD_UID, check=False)
                   for _ in range(12)]
        self.assertEqual(sum(1 for a in answers if a.returncode == 0), 10)
        self.assertIn("already waiting", answers[-1].stderr)
        pending = [r for r in self.admin_json("ListRequests", "true", 0, 200) if r["uid"] == CHILD_UID]
        self.assertEqual(len(pending), 10)

    def test_a_long_request_history_is_listed_a_page_at_a_time(self):
        # Every request ever answered stays in the table (issue 11, item 8): 500 of them, written
        # while the service is stopped. One call returns at most 200, however many are asked for.
        self.limit()
        self.stop_service()
        self.seed_answered_requests(CHILD_UID, 500)
        self.start_service()
        everything = 2 ** 32 - 1
        first = self.admin_json("ListRequests", "false", 0, everything)
        self.assertEqual(len(first), 200)
        self.assertEqual([r["id"] for r in first], list(range(500, 300, -1)))
        second = self.admin_json("ListRequests", "false", first[-1]["id"], everything)
        self.assertEqual([r["id"] for r in second], list(range(300, 100, -1)))
        last = self.admin_json("ListRequests", "false", second[-1]["id"], everything)
        self.assertEqual([r["id"] for r in last], list(range(100, 0, -1)))
        self.assertEqual(len(self.admin_json("ListRequests", "false", 0, 7)), 7)


class AuditChainTest(TrustCase):
    """Item 8: Admin.Audit checks the whole chain at the service's start and hourly, and between
    those only the rows added since its last check (agent/core/auditlog.h)."""

    def edit_database(self, *statements):
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        for statement in statements:
            db.execute(statement)
        db.commit()
        db.close()

    def test_an_audit_row_edited_while_the_service_was_stopped_shows_at_its_next_start(self):
        self.limit()
        self.assertTrue(self.admin_json("Audit", 0, 10)["intact"])
        self.stop_service()
        self.edit_database("UPDATE audit SET detail = 'nothing happened' WHERE id = 2")
        self.start_service()
        log = self.admin_json("Audit", 0, 10)
        self.assertFalse(log["intact"])
        self.assertEqual(log["brokenAt"], 2)

    def test_the_last_audit_row_deleted_while_the_service_runs_shows_at_the_next_reading(self):
        self.limit()
        log = self.admin_json("Audit", 0, 10000)
        self.assertTrue(log["intact"])
        last = log["entries"][-1]["id"]
        self.assertEqual(log["rows"], last)
        self.edit_database("DELETE FROM audit WHERE id = %d" % last)
        log = self.admin_json("Audit", 0, 10000)
        self.assertFalse(log["intact"])
        self.assertEqual(log["brokenAt"], last)


class TimeZoneTest(TrustCase):
    """Item 5: a changed time zone is seen at once and never gives a new day (a fresh budget).
    The service reads its zone from a file of the test's (TZ=:FILE), which the test replaces as
    `timedatectl set-timezone` replaces /etc/localtime; the machine's own zone is not touched."""

    def service_env(self):
        return dict(self.env, TZ=":" + self.zone_file)

    def set_zone(self, name):
        staged = self.zone_file + ".new"
        shutil.copy(os.path.join("/usr/share/zoneinfo", name), staged)
        os.replace(staged, self.zone_file)

    def day(self):
        return self.agent("Admin.GetChildStatus", CHILD_UID).stdout.split("'day': <'")[1][:10]

    def test_a_zone_that_moves_the_date_keeps_todays_count_and_day(self):
        self.zone_file = os.path.join(self.dir, "localtime")
        self.set_zone("UTC")
        self.start_service(env=self.service_env())
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(120)))
        self.stop_service()
        self.seed_usage(CHILD_UID, 100 * 60)
        self.start_service(env=self.service_env())
        today = self.day()
        self.assertEqual(today, time.strftime("%Y-%m-%d", time.gmtime()))
        # A zone in which it is already another date: UTC-12 in the morning, UTC+14 later on.
        self.set_zone("Etc/GMT+12" if time.gmtime().tm_hour < 12 else "Etc/GMT-14")
        self._wait_for(lambda: "timezone-changed" in self.audit_kinds(), "the zone change to be seen", timeout=5)
        self.assertEqual(self.day(), today)
        self.assertLessEqual(self.status()["remainingSeconds"], 20 * 60)
        self.stop_service()
        self.start_service(env=self.service_env())  # the held change survives a restart
        self.assertEqual(self.day(), today)
        self.assertLessEqual(self.status()["remainingSeconds"], 20 * 60)


class DurabilityCase(TrustCase):
    """What the durability tests share: the database's path and the checks that the child is
    still limited by the same rules."""

    def db_path(self):
        return os.path.join(self.state, "sundial.db")

    def limited_with_rules(self):
        self.limit(budget_minutes=95)
        self.stop_service()

    def assert_still_limited_with_rules(self):
        status = self.agent("Admin.GetChildStatus", CHILD_UID).stdout
        self.assertIn("'limited': <true>", status)
        rules = json.loads(eval(self.agent("Admin.GetRules", CHILD_UID).stdout.strip())[0])
        self.assertEqual(rules["days"]["monday"]["budgetMinutes"], 95)

    def assert_audited_now(self, kind):
        entries = [e for e in self.admin_json("Audit", 0, 1000)["entries"] if e["kind"] == kind]
        self.assertTrue(entries, "no %s row" % kind)
        self.assertLess(abs(entries[-1]["at"] - time.time()), 120, "the %s row is stamped %d" % (kind, entries[-1]["at"]))

    def assert_no_bogus_clock_rows(self):
        kinds = self.audit_kinds()
        self.assertNotIn("clock-jump", kinds)

    def counting_child(self):
        """A child with 600 s used today and 95 minutes a day, counting; returns the seconds used."""
        self.limit(budget_minutes=95, used_seconds=600)
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self._wait_for(lambda: self.status()["usedSeconds"] >= 600 + 2, "the count to grow")
        time.sleep(1.2)  # a flush (every second here) has written it
        return self.status()["usedSeconds"]

    def assert_counting_on(self, before, what="the count to go on"):
        """A few flushes (one a second here) after the damage: the service runs and counts on,
        and the child's time left is no more than before it. Returns the status."""
        self._wait_for(lambda: self.status()["usedSeconds"] >= before + 4, what, timeout=15)
        self.assertIsNone(self.daemon.poll(), "sundiald exited")
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.assertGreater(self.used_grows(), 0, "the count stopped")
        status = self.status()
        self.assertLessEqual(status["remainingSeconds"], 95 * 60 - before)
        return status


class DurabilityTest(DurabilityCase):
    """Items 9 and 10: a damaged or unusable database never sets a child free, and nothing the
    service knew about the lockout is forgotten by a restart."""

    def test_a_database_truncated_in_the_middle_of_a_page_keeps_the_child_limited(self):
        self.limited_with_rules()
        size = os.path.getsize(self.db_path())
        with open(self.db_path(), "r+b") as f:
            f.truncate(size // 2 // 4096 * 4096 + 1500)
        self.start_service()
        self.assert_still_limited_with_rules()
        self.assert_audited_now("database-recovered")
        self.assert_no_bogus_clock_rows()

    def test_garbage_on_the_first_page_keeps_the_child_limited(self):
        self.limited_with_rules()
        with open(self.db_path(), "r+b") as f:
            f.write(os.urandom(4096))
        self.start_service()
        self.assert_still_limited_with_rules()
        self.assert_audited_now("database-recovered")
        self.assert_no_bogus_clock_rows()

    def test_a_damaged_totals_page_keeps_todays_count(self):
        self.limit(budget_minutes=95)
        self.add_session()
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(3.2)
        self.stop_service()
        db = sqlite3.connect(self.db_path())
        before = db.execute("SELECT SUM(charged_s) FROM daily_usage WHERE dim = 0").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'daily_usage'").fetchone()[0]
        db.close()
        self.assertGreaterEqual(before, 2)
        with open(self.db_path(), "r+b") as f:
            f.seek((root - 1) * 4096)
            f.write(os.urandom(4096))
        self.start_service()
        self.assertGreaterEqual(self.status()["usedSeconds"], before)

    def test_a_database_from_a_newer_sundial_is_left_alone_and_the_child_stays_limited(self):
        self.limited_with_rules()
        db = sqlite3.connect(self.db_path())
        db.execute("PRAGMA user_version = 999")
        db.close()
        self.start_service()
        self.assertIsNone(self.daemon.poll(), "sundiald exited")
        self.assert_still_limited_with_rules()
        self.assert_audited_now("database-unusable")
        db = sqlite3.connect(self.db_path())
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], 999)
        db.close()

    def test_an_unreadable_clock_anchor_is_a_tamper_row_not_a_crash(self):
        self.limited_with_rules()
        db = sqlite3.connect(self.db_path())
        db.execute("UPDATE meta SET value = 'yesterday' WHERE key = 'last_trusted_instant'")
        db.commit()
        db.close()
        self.start_service()
        self.assertIsNone(self.daemon.poll(), "sundiald exited")
        self.assertIn("clock-anchor-unreadable", self.audit_kinds())
        self.assert_still_limited_with_rules()

    def test_the_lockout_survives_a_restart(self):
        self.limit(budget_minutes=1, used_seconds=60)
        self.add_session()
        self._wait_for(lambda: self.logind_calls("LockSession"), "LockSession", timeout=6)
        self.set_session("c2", LockedHint="true")  # the locker answers
        time.sleep(0.5)
        self.set_session("c2", LockedHint="false")  # unlock 1 of 2
        self._wait_for(lambda: len(self.logind_calls("LockSession")) >= 2, "the second LockSession", timeout=3)
        self.set_session("c2", LockedHint="true")
        time.sleep(0.5)
        self.stop_service()
        self.start_service()
        time.sleep(1)
        self.assertEqual(self.logind_calls("TerminateSession"), [], "the restart ended the session")
        locks = len(self.logind_calls("LockSession"))
        self.set_session("c2", LockedHint="false")  # unlock 2 of 2: the session ends at once
        self._wait_for(lambda: self.logind_calls("TerminateSession"), "TerminateSession after the second unlock",
                       timeout=1.5)
        self.assertEqual(len(self.logind_calls("LockSession")), locks, "a new grace and lock instead of the end")


class RuntimeDatabaseFailureTest(DurabilityCase):
    """Item 10: a database that fails while the service runs is not retried forever. The service
    moves to a fresh file (what can be read of the old one salvaged, the old one kept aside), writes
    what it counted meanwhile into it, audits "database-replaced", and never lets the child go."""

    def assert_failed_over(self, before):
        status = self.assert_counting_on(before)
        self.assert_still_limited_with_rules()
        after = status["usedSeconds"]
        time.sleep(1.2)  # a flush
        # What was counted before the damage and after it is in the file the service writes.
        self.stop_service()
        self.start_service()
        self.assertGreaterEqual(self.status()["usedSeconds"], after, "what was counted is lost")
        self.assert_still_limited_with_rules()
        self.assert_audited_now("database-replaced")
        audit = self.admin_json("Audit", 0, 1000)
        self.assertTrue(audit["intact"], "the audit chain is broken at %s" % audit.get("brokenAt"))
        self.assertIn("child-added", [e["kind"] for e in audit["entries"]], "the audit rows before it are lost")

    def aside(self):
        return [name for name in os.listdir(self.state) if name.startswith("sundial.db.damaged-")
                and not name.endswith(("-wal", "-shm"))]

    def test_garbage_written_over_the_running_database_moves_it_to_a_fresh_file(self):
        before = self.counting_child()
        garbage = os.urandom(os.path.getsize(self.db_path()))
        with open(self.db_path(), "r+b") as f:
            f.write(garbage)
        self.assert_failed_over(before)
        kept = self.aside()
        self.assertEqual(len(kept), 1, "the damaged file is not kept aside: %s" % os.listdir(self.state))
        with open(os.path.join(self.state, kept[0]), "rb") as f:
            self.assertEqual(f.read(), garbage)

    def test_a_database_deleted_under_the_running_service_is_replaced(self):
        before = self.counting_child()
        os.remove(self.db_path())
        self.assert_failed_over(before)
        detail = [e["detail"] for e in self.admin_json("Audit", 0, 1000)["entries"] if e["kind"] == "database-replaced"]
        self.assertIn("deleted", detail[-1])

    def test_a_database_replaced_by_another_file_is_replaced_and_the_other_file_kept(self):
        before = self.counting_child()
        other = os.path.join(self.state, "other")
        with open(other, "wb") as f:
            f.write(os.urandom(8192))
        os.rename(other, self.db_path())
        self.assert_failed_over(before)
        self.assertEqual(len(self.aside()), 1, "the file put in its place is not kept aside")


class FullDiskTest(DurabilityCase):
    """Item 10, without room for a fresh file: the state directory is a small tmpfs that the test
    fills. The service counts and enforces in memory, retries after a backoff, and writes what it
    held once there is room again."""

    def setUp(self):
        super().setUp()
        os.makedirs(self.state)
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", self.state]).returncode != 0:
            raise unittest.SkipTest("cannot mount a tmpfs for the state directory")

    def tearDown(self):
        super().tearDown()  # stops the service first
        subprocess.run(["umount", "-l", self.state])
        shutil.rmtree(self.dir, ignore_errors=True)

    def fill_the_disk(self):
        filler = os.path.join(self.state, "filler")
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        return filler

    def test_without_room_for_a_fresh_file_the_count_goes_on_in_memory_and_is_written_later(self):
        before = self.counting_child()
        filler = self.fill_the_disk()
        with open(self.db_path(), "r+b") as f:
            f.write(os.urandom(4096))
        status = self.assert_counting_on(before, "the count to go on in memory")
        os.remove(filler)  # room again: the next attempt (a 30 s backoff) gets a fresh file
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self._wait_for(lambda: "database-replaced" in self.audit_kinds(), "a database-replaced row", timeout=45)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        after = self.status()["usedSeconds"]
        self.assertGreaterEqual(after, status["usedSeconds"])
        time.sleep(1.2)  # a flush
        self.stop_service()
        self.start_service()
        self.assertGreaterEqual(self.status()["usedSeconds"], after, "what was counted in memory is lost")
        self.assert_still_limited_with_rules()


    def test_a_full_disk_at_start_runs_in_memory_on_the_backup_and_moves_to_the_file_later(self):
        before = self.counting_child()
        self.stop_service()
        filler = self.fill_the_disk()
        with open(self.db_path(), "rb") as f:
            kept = f.read()
        self.start_service()  # exiting would let every login in
        self.assert_still_limited_with_rules()  # from children.json
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        self.assertGreater(self.used_grows(), 0, "nothing is counted in memory")
        self.assertEqual([name for name in os.listdir(self.state) if ".damaged-" in name], [],
                         "a good database was moved aside because the disk was full")
        with open(self.db_path(), "rb") as f:
            self.assertEqual(f.read(), kept)
        in_memory = self.status()["usedSeconds"]
        os.remove(filler)  # room again: the next attempt (a 30 s backoff) opens the file
        self._wait_for(lambda: "database-replaced" in self.audit_kinds(), "a database-replaced row", timeout=45)
        self.heartbeat(exe="/usr/bin/abiword", uid=CHILD_UID)
        time.sleep(1.2)  # a flush
        self.stop_service()
        self.start_service()
        self.assertGreaterEqual(self.status()["usedSeconds"], before + in_memory - 1,
                                "what was counted before, or in memory, is lost")
        self.assert_still_limited_with_rules()


if __name__ == "__main__":
    unittest.main()
