# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-login-check, the PAM account check, run by pam_exec through pamtester, su and runuser
(and directly), against sundiald on the harness's private system bus. pam_exec hands the command
the PAM environment, not its caller's, so each test's PAM service runs the check through env(1)
with the private bus address and a temporary unchecked-logins file; only the tests' build of the
check honours them (the installed one, built in installed/, never does). The PAM service file is
/etc/pam.d/sundial-test-<random>, removed after each test whatever happens; su and runuser read
/etc/pam.d/su and /etc/pam.d/runuser by name, so the tests that use them add a marked block there
and put the file back as it was when the test ends.

su, sudo and polkit-agent-helper-1 are setuid: the check runs with a real uid other than root
and an effective uid of root. `setpriv --ruid N --euid 0` gives a process the same credentials.

The refusal's language: since pam_exec passes the PAM environment, LANG in pamtester's own
environment never reaches the check. A locale arrives either in the PAM environment (pamtester -E
puts it there, as a login program or an earlier PAM module may) or, when that names none, from
the system locale, /etc/default/locale; the tests that set it bind a file over it in a mount
namespace of their own. Tests that expect English and set neither assume a system locale that is
not Vietnamese."""

import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.dirname(__file__))
from harness import AGENT, BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

LOGIN_CHECK = os.environ.get("SUNDIAL_LOGIN_CHECK",
                             os.path.join(BUILD, "agent", "logincheck", "sundial-login-check"))
# The check as installed (agent/logincheck/CMakeLists.txt builds it beside the tests' one).
INSTALLED_LOGIN_CHECK = os.path.join(os.path.dirname(LOGIN_CHECK), "installed", "sundial-login-check")
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
                    + self.check_line() + "\n")

    def check_line(self):
        return ("account required pam_exec.so quiet stdout /usr/bin/env DBUS_SYSTEM_BUS_ADDRESS=%s "
                "SUNDIAL_UNCHECKED_LOGINS=%s %s" % (self.bus_address, self.unchecked, LOGIN_CHECK))

    def pamtester(self, user, setuid_from=None, pam_environment=None):
        """pam_acct_mgmt for `user` through the test's PAM service; pam_exec's `stdout` option
        passes the check's message to pamtester, which prints it on stdout. With `setuid_from`,
        pamtester runs as a setuid program started by that uid would (real uid `setuid_from`,
        effective uid root), and so does the check it starts. `pam_environment` (a dict) is put
        into the PAM environment (pamtester -E), which pam_exec passes to the check."""
        command = ["pamtester", "-v"]
        for name, value in (pam_environment or {}).items():
            command += ["-E", "%s=%s" % (name, value)]
        command += [self.pam_service, user, "acct_mgmt"]
        if setuid_from is not None:
            command = ["setpriv", "--ruid=%d" % setuid_from, "--euid=0"] + command
        return subprocess.run(command, capture_output=True, text=True, timeout=30)

    def pamtester_with_system_locale(self, user, locale_file, caller_lang):
        """pamtester as above, with no locale in the PAM environment and LANG=`caller_lang` in its
        own, in a mount namespace where /etc/default/locale (the system locale) holds
        `locale_file`: a copy of /etc/default with that file is bound over /etc/default, so the
        machine's own file is never touched and need not exist."""
        if subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode != 0:
            self.skipTest("unshare --mount is not allowed here")
        defaults = os.path.join(tempfile.mkdtemp(dir=self.dir), "default")
        shutil.copytree("/etc/default", defaults, symlinks=True)
        if os.path.lexists(os.path.join(defaults, "locale")):
            os.remove(os.path.join(defaults, "locale"))
        with open(os.path.join(defaults, "locale"), "w") as f:
            f.write(locale_file)
        env = dict(os.environ, LANG=caller_lang)
        env.pop("LC_ALL", None)
        env.pop("LC_MESSAGES", None)
        return subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c",
                               'mount --bind "$0" /etc/default && exec "$@"', defaults,
                               "pamtester", "-v", self.pam_service, user, "acct_mgmt"],
                              env=env, capture_output=True, text=True, timeout=30)

    def run_check(self, user, uid=None, bus_address=None, setuid_from=None, check=LOGIN_CHECK):
        """The check run directly, as pam_exec would: optionally as another uid, or with the
        credentials of a setuid program started by `setuid_from`."""
        env = {"PAM_USER": user, "PAM_SERVICE": "login", "PAM_TTY": "tty3", "PAM_TYPE": "account",
               "DBUS_SYSTEM_BUS_ADDRESS": bus_address or self.bus_address,
               "SUNDIAL_UNCHECKED_LOGINS": self.unchecked, "PATH": "/usr/bin:/bin"}
        command = [check]
        if uid is not None:
            command = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % uid, "--clear-groups"] + command
        if setuid_from is not None:
            command = ["setpriv", "--ruid=%d" % setuid_from, "--euid=0"] + command
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)

    def add_to_system_pam_service(self, service, auth=(), account=()):
        """Adds a marked block to /etc/pam.d/<service> (auth lines first in the file, account lines
        last) until the test ends, when the file is written back as it was. A block left behind by
        a killed run is removed first. Every line must name the test account, so that a block
        left behind all the same changes nothing for anyone else."""
        path = os.path.join("/etc/pam.d", service)
        if not os.path.exists(path) or shutil.which(service, path="/usr/sbin:/usr/bin:/sbin:/bin") is None:
            self.skipTest("no %s or no %s here (util-linux)" % (path, service))
        begin, end = "# sundial-test begin (tests/integration/test_logincheck.py)", "# sundial-test end"
        with open(path) as f:
            text = f.read()
        original = re.sub(r"(?ms)^%s\n.*?^%s\n" % (re.escape(begin), re.escape(end)), "", text)
        mode = os.stat(path).st_mode & 0o777

        def restore():
            with open(path + ".sundial-test", "w") as f:
                f.write(original)
            os.chmod(path + ".sundial-test", mode)
            os.replace(path + ".sundial-test", path)
        self.addCleanup(restore)

        def block(lines):
            return begin + "\n" + "".join(line + "\n" for line in lines) + end + "\n" if lines else ""
        with open(path + ".sundial-test", "w") as f:
            f.write(block(auth) + original + block(account))
        os.chmod(path + ".sundial-test", mode)
        os.replace(path + ".sundial-test", path)

    def check_for_child_only(self):
        """Account lines that run the tests' check for the test account only."""
        return ["account [success=1 default=ignore] pam_succeed_if.so quiet user != %s" % self.child,
                self.check_line()]

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

    def assertRefusedInVietnamese(self, result, *phrases):
        self.assertNotEqual(result.returncode, 0, "allowed: " + result.stdout + result.stderr)
        self.assertIn("Sundial: Tạm thời hết giờ rồi.", result.stdout)
        self.assertNotIn("no screen time now", result.stdout)
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
        self.assertRefused(result, "no screen time on", "Next allowed: not before", HELP_LINE["name"],
                           HELP_LINE["phone"], HELP_LINE["url"])
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
        self.assertIn("no screen time on", result.stdout)
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


    # --- the child's language --------------------------------------------------------------------
    def test_a_vietnamese_locale_in_the_pam_environment_gets_the_refusal_in_vietnamese(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        result = self.pamtester(self.child, pam_environment={"LANG": "vi_VN.UTF-8"})
        self.assertRefusedInVietnamese(result, "không có giờ dùng máy", "Em được dùng máy lại sớm nhất lúc",
                                       "Em cần ai đó lắng nghe? Gọi " + HELP_LINE["phone"], HELP_LINE["name"],
                                       HELP_LINE["url"])
        # As in any POSIX program, LC_ALL outranks LC_MESSAGES, which outranks LANG.
        self.assertRefused(self.pamtester(self.child, pam_environment={"LANG": "vi_VN.UTF-8",
                                                                        "LC_ALL": "en_GB.UTF-8"}), "no screen time on")
        self.assertRefusedInVietnamese(self.pamtester(self.child, pam_environment={
            "LANG": "en_GB.UTF-8", "LC_MESSAGES": "vi_VN.UTF-8"}), "không có giờ dùng máy")
        # Through a setuid program (su, sudo) the PAM environment is what counts, too.
        self.assertRefusedInVietnamese(self.pamtester(self.child, setuid_from=CHILD_UID,
                                                      pam_environment={"LANG": "vi_VN.UTF-8"}),
                                       "không có giờ dùng máy")

    def test_with_no_locale_in_the_pam_environment_the_system_locale_decides(self):
        start = datetime.now(timezone.utc) + timedelta(hours=2)
        window = "%s-%s" % (start.strftime("%H:%M"), (start + timedelta(hours=1)).strftime("%H:%M"))
        self.set_rules(days=every_day(windows=[window]))
        result = self.pamtester_with_system_locale(self.child, '#  File generated by update-locale\n'
                                                   'LANG="vi_VN.UTF-8"\n', caller_lang="C.UTF-8")
        self.assertRefusedInVietnamese(result, "Bây giờ ngoài giờ được dùng máy; em được dùng lại lúc ",
                                       "Em cần ai đó lắng nghe? Gọi " + HELP_LINE["phone"])
        # pamtester's own LANG does not reach the check: the system's English decides.
        result = self.pamtester_with_system_locale(self.child, "LANG=en_GB.UTF-8\n", caller_lang="vi_VN.UTF-8")
        self.assertRefused(result, "outside allowed hours", "next allowed at")

    # --- inside setuid programs: su, sudo, polkit-agent-helper-1 -----------------------------
    def test_with_setuid_credentials_the_check_refuses_and_allows_as_it_should(self):
        # The child running su (to itself or to a parent) and another user running su to the
        # child: the check runs with that real uid and root's effective uid, asks Admin as root.
        self.set_rules(days=every_day(budgetMinutes=0))
        for caller in (CHILD_UID, NOBODY):
            result = self.run_check(self.child, setuid_from=caller)
            self.assertEqual(result.returncode, 1, "caller %d: %s" % (caller, result.stderr))
            self.assertRefused(result, "no screen time on", "Next allowed: not before", HELP_LINE["phone"])
        self.set_rules(days=every_day(budgetMinutes=120))
        for caller in (CHILD_UID, NOBODY):
            self.assertAllowed(self.run_check(self.child, setuid_from=caller))
        self.assertEqual(self.unchecked_lines(), [])  # allowed by the service, not unchecked

    def test_with_setuid_credentials_a_child_outside_allowed_hours_is_refused(self):
        start = datetime.now(timezone.utc) + timedelta(hours=2)
        window = "%s-%s" % (start.strftime("%H:%M"), (start + timedelta(hours=1)).strftime("%H:%M"))
        self.set_rules(days=every_day(windows=[window]))
        self.assertRefused(self.run_check(self.child, setuid_from=CHILD_UID), "outside allowed hours",
                           "next allowed at", HELP_LINE["name"])

    def test_pamtester_as_a_setuid_program_refuses_and_allows(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        self.assertRefused(self.pamtester(self.child, setuid_from=CHILD_UID), "no screen time on", HELP_LINE["url"])
        self.set_rules(days=every_day(budgetMinutes=120))
        self.assertAllowed(self.pamtester(self.child, setuid_from=CHILD_UID))
        self.assertEqual(self.unchecked_lines(), [])

    def su_to_child_as_child(self):
        """The real su, setuid root, run by the child to become itself."""
        command = ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                   "su", "-c", "true", self.child]
        return subprocess.run(command, env={"PATH": "/usr/bin:/bin", "LANG": "C"}, stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, timeout=30)

    def test_su_refuses_a_child_out_of_time_and_lets_in_a_child_with_time_left(self):
        # The test account has no password: su lets it become itself without one (that pair only).
        self.add_to_system_pam_service(
            "su", auth=["auth [success=done default=ignore] pam_succeed_if.so quiet user = %s ruser = %s"
                        % (self.child, self.child)],
            account=self.check_for_child_only())
        self.set_rules(days=every_day(budgetMinutes=0))
        result = self.su_to_child_as_child()
        self.assertRefused(result, "no screen time on", HELP_LINE["phone"])
        self.set_rules(days=every_day(budgetMinutes=120))
        result = self.su_to_child_as_child()
        # Past the account stage su starts the account's shell, nologin, which says so.
        self.assertIn("This account is currently not available", result.stdout + result.stderr)
        self.assertNotIn("Sundial:", result.stdout)
        self.assertEqual(self.unchecked_lines(), [])

    def test_runuser_has_no_account_stage_so_the_check_never_stops_it(self):
        # util-linux's runuser (root only) skips authentication and account management: the check
        # in its stack does not run, so root's scripts keep working whatever the rules say.
        self.add_to_system_pam_service("runuser", account=self.check_for_child_only())
        self.set_rules(days=every_day(budgetMinutes=0))
        result = subprocess.run(["runuser", "-u", self.child, "--", "true"],
                                env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}, stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertNotIn("Sundial:", result.stdout)

    # --- root's other callers ------------------------------------------------------------------
    def test_another_root_process_flooding_the_service_does_not_let_a_child_in_unchecked(self):
        # The check calls as root, like root's scripts and tools. With one call bucket for all of
        # root (as before), a root process calling in a loop emptied it and the check, told
        # org.sundial.Error.RateLimited, failed open; each root connection has its own now.
        import dbus  # python3-dbus: a connection of our own, fast enough to flood
        self.set_rules(days=every_day(budgetMinutes=0))
        bus = dbus.bus.BusConnection(self.bus_address)
        self.addCleanup(bus.close)
        admin = dbus.Interface(bus.get_object(*AGENT), "org.sundial.Agent1.Admin")
        flooding = threading.Event()
        stop = threading.Event()

        def flood():
            while not stop.is_set():
                try:
                    admin.GetChildStatus(dbus.UInt32(CHILD_UID))
                except dbus.DBusException as error:
                    if error.get_dbus_name() == "org.sundial.Error.RateLimited":
                        flooding.set()
        flooder = threading.Thread(target=flood)
        flooder.start()
        try:
            self.assertTrue(flooding.wait(10), "the flood was never rate-limited")
            result = self.run_check(self.child)
        finally:
            stop.set()
            flooder.join(timeout=10)
        self.assertRefused(result, "no screen time on")
        self.assertEqual(self.unchecked_lines(), [])

    # --- the installed check -------------------------------------------------------------------
    def test_neither_build_of_the_check_links_qt(self):
        # Qt's QCoreApplication aborts in setuid processes.
        for check in (LOGIN_CHECK, INSTALLED_LOGIN_CHECK):
            libraries = subprocess.run(["ldd", check], capture_output=True, text=True, check=True).stdout
            self.assertNotIn("libQt", libraries, check)
            self.assertIn("libsystemd.so", libraries, check)

    def test_only_the_tests_build_of_the_check_names_the_environment_variables(self):
        with open(LOGIN_CHECK, "rb") as f:
            tests_build = f.read()
        with open(INSTALLED_LOGIN_CHECK, "rb") as f:
            installed = f.read()
        for name in (b"DBUS_SYSTEM_BUS_ADDRESS", b"SUNDIAL_UNCHECKED_LOGINS"):
            self.assertIn(name, tests_build)
            self.assertNotIn(name, installed)
        self.assertIn(b"unix:path=/run/dbus/system_bus_socket", installed)

    def run_installed_check_in_private_run(self):
        """The installed check with setuid credentials (su run by the child), its environment
        pointing at no bus and at the test's unchecked-logins file, in a mount namespace whose /run
        is empty but for the private bus at the system bus's path. Returns the result and what the
        namespace's /run/sundial/unchecked-logins holds afterwards."""
        if subprocess.run(["unshare", "--mount", "true"], capture_output=True).returncode != 0:
            self.skipTest("unshare --mount is not allowed here")
        script = ('mount -t tmpfs tmpfs /run && mkdir /run/dbus && touch /run/dbus/system_bus_socket && '
                  'mount --bind "$0" /run/dbus/system_bus_socket && { "$@" > "$RESULT.out" 2> "$RESULT.err"; '
                  'echo $? > "$RESULT.status"; cat /run/sundial/unchecked-logins > "$RESULT.unchecked" 2>/dev/null; '
                  'true; }')
        result_base = os.path.join(self.dir, "installed-check")
        env = {"PAM_USER": self.child, "PAM_SERVICE": "su", "PAM_TTY": "pts/3", "PAM_TYPE": "account",
               "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=" + os.path.join(self.dir, "no-such-bus"),
               "SUNDIAL_UNCHECKED_LOGINS": self.unchecked, "PATH": "/usr/bin:/bin", "RESULT": result_base}
        socket = self.bus_address[len("unix:path="):]
        subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script, socket,
                        "setpriv", "--ruid=%d" % CHILD_UID, "--euid=0", INSTALLED_LOGIN_CHECK],
                       env=env, check=True, timeout=30)

        def read(suffix):
            return open(result_base + suffix).read() if os.path.exists(result_base + suffix) else ""
        return (subprocess.CompletedProcess([], int(read(".status")), read(".out"), read(".err")),
                read(".unchecked").splitlines())

    def test_the_installed_check_asks_the_system_bus_whatever_the_environment_says(self):
        self.set_rules(days=every_day(budgetMinutes=0))
        result, recorded = self.run_installed_check_in_private_run()
        self.assertRefused(result, "no screen time on", HELP_LINE["phone"])
        self.assertEqual(recorded, [])
        # The service away: the login is recorded in /run/sundial/unchecked-logins, not the file named.
        self.stop_service()
        result, recorded = self.run_installed_check_in_private_run()
        self.assertAllowed(result)
        self.assertEqual(len(recorded), 1, recorded)
        self.assertEqual(recorded[0].split("\t")[1:4], [self.child, "su", "pts/3"])
        self.assertFalse(os.path.exists(self.unchecked))


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
        self.assertIn("did not answer within", lines[0])

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
