# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-login-check, the PAM account check, run by pam_exec through pamtester (and directly),
against sundiald on the harness's private system bus. pam_exec hands the command the PAM
environment, not its caller's, so each test's PAM service runs the check through env(1) with the
private bus address and a temporary unchecked-logins file. The PAM service file is
/etc/pam.d/sundial-test-<random>, removed after each test whatever happens."""

import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
import unittest
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

LOGIN_CHECK = os.environ.get("SUNDIAL_LOGIN_CHECK",
                             os.path.join(BUILD, "agent", "logincheck", "sundial-login-check"))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HELP_LINE = {"name": "Test Helpline", "phone": "116 111", "url": "https://helpline.example.org/"}
NOBODY = 65534


def every_day(**day):
    return {name: dict(day) for name in WEEKDAYS}


class LoginCheckCase(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.assertTrue(os.access(LOGIN_CHECK, os.X_OK), "build sundial-login-check first: " + LOGIN_CHECK)
        self.assertIsNotNone(shutil.which("pamtester"), "pamtester is missing (installer/install-deps.sh)")
        self.child = pwd.getpwuid(CHILD_UID).pw_name
        self.bus_address = self.env["DBUS_SYSTEM_BUS_ADDRESS"]
        self.unchecked = os.path.join(self.dir, "run", "unchecked-logins")
        self.pam_service = "sundial-test-" + secrets.token_hex(6)
        pam_file = os.path.join("/etc/pam.d", self.pam_service)
        self.addCleanup(lambda: os.path.exists(pam_file) and os.remove(pam_file))
        with open(pam_file, "w") as f:
            f.write("# written by tests/integration/test_logincheck.py; removed when the test ends\n"
                    "account required pam_exec.so quiet stdout /usr/bin/env DBUS_SYSTEM_BUS_ADDRESS=%s "
                    "SUNDIAL_UNCHECKED_LOGINS=%s %s\n" % (self.bus_address, self.unchecked, LOGIN_CHECK))

    def pamtester(self, user):
        """pam_acct_mgmt for `user` through the test's PAM service; pam_exec's `stdout` option
        passes the check's message to pamtester, which prints it on stdout."""
        return subprocess.run(["pamtester", "-v", self.pam_service, user, "acct_mgmt"],
                              capture_output=True, text=True, timeout=30)

    def run_check(self, user, uid=None, bus_address=None):
        """The check run directly, as pam_exec would (optionally as another uid)."""
        env = {"PAM_USER": user, "PAM_SERVICE": "login", "PAM_TTY": "tty3", "PAM_TYPE": "account",
               "DBUS_SYSTEM_BUS_ADDRESS": bus_address or self.bus_address,
               "SUNDIAL_UNCHECKED_LOGINS": self.unchecked, "PATH": "/usr/bin:/bin"}
        command = [LOGIN_CHECK]
        if uid is not None:
            command = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % uid, "--clear-groups"] + command
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)

    def unchecked_lines(self):
        if not os.path.exists(self.unchecked):
            return []
        with open(self.unchecked) as f:
            return f.read().splitlines()

    def assertAllowed(self, result):
        self.assertEqual(result.returncode, 0, "refused: " + result.stdout + result.stderr)
        self.assertNotIn("Sundial:", result.stdout)

    def assertRefused(self, result, *phrases):
        self.assertNotEqual(result.returncode, 0, "allowed: " + result.stdout + result.stderr)
        self.assertIn("Sundial: no screen time now", result.stdout)
        for phrase in phrases:
            self.assertIn(phrase, result.stdout)


class LoginCheckTest(LoginCheckCase):
    """The service is up: children are refused when the rules say so, nobody else ever."""

    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)

    def set_rules(self, **fields):
        self.agent("Admin.SetRules", CHILD_UID, self.rules(helpLine=HELP_LINE, **fields))

    def test_a_child_with_time_left_may_log_in(self):
        self.set_rules(days=every_day(budgetMinutes=120))
        self.assertAllowed(self.pamtester(self.child))
        self.assertEqual(self.unchecked_lines(), [])

    def test_a_child_out_of_time_is_refused_with_the_reason_and_the_help_line(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        self.assertEqual(self.status()["verdict"], "out-of-time")
        result = self.pamtester(self.child)
        self.assertRefused(result, "used up", "Next allowed: not before", HELP_LINE["name"], HELP_LINE["phone"],
                           HELP_LINE["url"])
        direct = self.run_check(self.child)
        self.assertEqual(direct.returncode, 1)
        self.assertEqual(direct.stdout, result.stdout)

    def test_a_child_whose_budget_is_spent_is_refused(self):
        self.set_rules(days=every_day(budgetMinutes=60))
        self.assertAllowed(self.pamtester(self.child))
        self.stop_service()
        self.seed_usage(CHILD_UID, 3600)
        self.start_service()
        self.assertRefused(self.pamtester(self.child), "used up", HELP_LINE["phone"])

    def test_a_child_outside_allowed_hours_is_refused_with_the_next_allowed_time(self):
        # A one-hour window starting two hours from now (the service runs in UTC) excludes now.
        start = datetime.now(timezone.utc) + timedelta(hours=2)
        window = "%s-%s" % (start.strftime("%H:%M"), (start + timedelta(hours=1)).strftime("%H:%M"))
        self.set_rules(days=every_day(windows=[window]))
        self.assertEqual(self.status()["verdict"], "outside-hours")
        self.assertRefused(self.pamtester(self.child), "outside allowed hours", "next allowed at",
                           HELP_LINE["name"])

    def test_the_child_checking_itself_gets_the_same_verdict(self):
        # A screen locker runs PAM as the child, which may not use Admin; it asks Child.GetStatus.
        self.set_rules(days=every_day(budgetMinutes=0))
        result = self.run_check(self.child, uid=CHILD_UID)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("used up", result.stdout)
        self.set_rules(days=every_day(budgetMinutes=120))
        self.assertAllowed(self.run_check(self.child, uid=CHILD_UID))
        self.assertEqual(self.unchecked_lines(), [])

    def test_root_is_allowed(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        self.assertAllowed(self.pamtester("root"))
        self.assertEqual(self.unchecked_lines(), [])

    def test_an_account_that_is_not_limited_is_allowed(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        nobody = pwd.getpwuid(NOBODY).pw_name
        self.assertAllowed(self.pamtester(nobody))
        result = self.run_check(nobody)
        self.assertEqual((result.returncode, result.stdout), (0, ""))
        self.assertEqual(self.unchecked_lines(), [])

    def test_an_unknown_user_or_no_user_is_not_ours_to_refuse(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        self.assertEqual(self.run_check("sundial-no-such-user").returncode, 0)
        result = subprocess.run([LOGIN_CHECK], env={"PATH": "/usr/bin:/bin"}, capture_output=True, text=True,
                                timeout=30)
        self.assertEqual(result.returncode, 0)
        self.assertIn("PAM_USER", result.stderr)


class UncheckedLoginTest(LoginCheckCase):
    """The service is away: logins are allowed and recorded, and the service audits them later."""

    def test_without_the_service_logins_are_allowed_and_audited_when_it_returns(self):
        self.assertAllowed(self.pamtester(self.child))
        self.assertAllowed(self.pamtester("root"))  # root is never asked about, so never recorded
        lines = self.unchecked_lines()
        self.assertEqual(len(lines), 1, lines)
        fields = lines[0].split("\t")
        self.assertEqual(fields[1:3], [self.child, self.pam_service])
        self.assertIn("org.freedesktop.DBus.Error.ServiceUnknown", fields[4])
        self.assertEqual(os.stat(os.path.dirname(self.unchecked)).st_mode & 0o777, 0o700)
        self.assertEqual(os.stat(self.unchecked).st_mode & 0o777, 0o600)

        self.start_service("--unchecked-logins", self.unchecked)
        entries = [entry for entry in self.admin_json("Audit", 0, 1000)["entries"]
                   if entry["kind"] == "login-unchecked"]
        self.assertEqual(len(entries), 1, entries)
        self.assertEqual(entries[0]["uid"], CHILD_UID)
        self.assertIn(self.pam_service, entries[0]["detail"])
        self.assertFalse(os.path.exists(self.unchecked))
        self.assertEqual(os.listdir(os.path.dirname(self.unchecked)), [])

    def test_without_a_bus_logins_are_allowed_and_recorded(self):
        result = self.run_check(self.child, bus_address="unix:path=" + os.path.join(self.dir, "no-such-bus"))
        self.assertAllowed(result)
        lines = self.unchecked_lines()
        self.assertEqual(len(lines), 1, lines)
        self.assertEqual(lines[0].split("\t")[1:4], [self.child, "login", "tty3"])

    def test_a_hung_service_does_not_hold_up_the_login(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(budgetMinutes=0)))
        self.daemon.send_signal(signal.SIGSTOP)
        try:
            started = time.monotonic()
            result = self.pamtester(self.child)
            elapsed = time.monotonic() - started
        finally:
            self.daemon.send_signal(signal.SIGCONT)
        self.assertAllowed(result)
        self.assertLess(elapsed, 8.0)
        lines = self.unchecked_lines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("NoReply", lines[0])

    def test_a_hung_bus_does_not_hold_up_the_login(self):
        # The bus accepts the connection but never answers the handshake: the check's own
        # deadline (5 s, connecting included) lets the login through.
        self.bus.send_signal(signal.SIGSTOP)
        try:
            started = time.monotonic()
            result = self.pamtester(self.child)
            elapsed = time.monotonic() - started
        finally:
            self.bus.send_signal(signal.SIGCONT)
        self.assertAllowed(result)
        self.assertLess(elapsed, 8.0)
        lines = self.unchecked_lines()
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("did not answer within", lines[0])


if __name__ == "__main__":
    unittest.main()
