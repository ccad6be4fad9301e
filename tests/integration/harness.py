# SPDX-License-Identifier: GPL-3.0-or-later
"""Integration harness: a private system bus with Sundial's real bus policy, systemd-logind
mocked by python3-dbusmock's logind template (logind itself cannot run in CI), and a real
sundiald started against them. Calls are made with gdbus, optionally as another uid through
setpriv, so the service sees real bus credentials."""

import json
import os
import pwd
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
from datetime import date, datetime, timezone

BUILD = os.environ.get("SUNDIAL_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "build"))
SUNDIALD = os.environ.get("SUNDIALD", os.path.join(BUILD, "agent", "daemon", "sundiald"))
SESSION = os.environ.get("SUNDIAL_SESSION", os.path.join(BUILD, "agent", "session", "sundial-session"))
# The reporters every suite trusts: gdbus, which heartbeat() posts with, and the build's helper.
DEFAULT_REPORTERS = ("/usr/bin/gdbus", SESSION)
POLICY = os.path.join(os.path.dirname(__file__), "..", "..", "installer", "dbus", "org.sundial.Agent1.conf")
CHILD_UID = 1001
AGENT = ("org.sundial.Agent1", "/org/sundial/Agent1")

BASE_BUS_CONFIG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "system-bus.conf")
# The private system bus: the shared base (system-bus.conf) plus Sundial's policy.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>unix:path={socket}</listen>
  <include>{base}</include>
  <include>{policy}</include>
</busconfig>
"""


def ensure_test_account():
    """The child account the tests limit must exist as a local user (the service checks)."""
    try:
        pwd.getpwuid(CHILD_UID)
        return
    except KeyError:
        pass
    if os.geteuid() != 0:
        raise unittest.SkipTest("integration tests need root (setpriv, a private system bus) to create uid %d"
                                % CHILD_UID)
    subprocess.run(["useradd", "--uid", str(CHILD_UID), "--no-create-home", "--shell", "/usr/sbin/nologin",
                    "sundial-test-kid"], check=True)


def today_number():
    """The child's day as the database stores it (days since 1970-01-01, local = UTC here)."""
    return (date.today() - date(1970, 1, 1)).days


class ServiceTestCase(unittest.TestCase):
    """Each test gets a fresh bus, logind mock, state directory and service."""

    flush_interval = 1
    helper_timeout = 5

    def setUp(self):
        if os.geteuid() != 0:
            raise unittest.SkipTest("integration tests need root: they call the service as other uids with setpriv")
        ensure_test_account()
        os.environ["TZ"] = "UTC"
        self.dir = tempfile.mkdtemp(prefix="sundial-it-")
        os.chmod(self.dir, 0o755)
        self.state = os.path.join(self.dir, "state")
        socket = os.path.join(self.dir, "bus")
        config = os.path.join(self.dir, "bus.conf")
        with open(config, "w") as f:
            f.write(BUS_CONFIG.format(socket=socket, base=BASE_BUS_CONFIG, policy=os.path.abspath(POLICY)))
        self.bus = subprocess.Popen(["dbus-daemon", "--config-file=" + config, "--nofork", "--nosyslog"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS="unix:path=" + socket)
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._wait_for(lambda: os.path.exists(socket), "the bus socket")
        os.chmod(socket, 0o777)
        self.logind_log = os.path.join(self.dir, "logind.log")
        self.logind = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "logind",
                                        "-l", self.logind_log], env=self.env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait_for(lambda: self.has_name("org.freedesktop.login1"), "the logind mock")
        self.daemon = None
        self.daemon_log = os.path.join(self.dir, "sundiald.log")
        self.sessions = {}

    def tearDown(self):
        self.stop_service()
        for process in (self.logind, self.bus):
            process.terminate()
            process.wait(timeout=10)
        failed = any(error for _, error in (self._outcome.result.errors + self._outcome.result.failures)
                     if _ is self) if hasattr(self._outcome, "result") else False
        if failed and os.path.exists(self.daemon_log):
            print("\n--- sundiald log ---\n" + open(self.daemon_log).read())
        shutil.rmtree(self.dir, ignore_errors=True)

    def child_readable(self, path):
        """A copy of `path` in the test's own directory (0755 in /tmp), for programs run as the child:
        the checkout may live where the child cannot read (a root shell's home is 0700)."""
        copy = os.path.join(self.dir, "child-" + os.path.basename(path))
        if not os.path.exists(copy):
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
        return copy

    # --- processes -------------------------------------------------------------------------
    def _wait_for(self, condition, what, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.05)
        raise AssertionError("timed out waiting for " + what)

    def start_service(self, *extra, env=None, trusted_reporters=DEFAULT_REPORTERS, check_claims=False):
        """`trusted_reporters`: the executables whose reports the service believes. Made-up reports
        (an exe that does not run) are believed only without `check_claims`, as most suites need."""
        log = open(self.daemon_log, "a")
        reporters = [argument for path in trusted_reporters for argument in ("--trusted-reporter", path)]
        if not check_claims:
            reporters.append("--no-claim-checks")
        # The browsers' policies go to the test's directory, never to this machine's /etc.
        self.browser_policies = os.path.join(self.dir, "browser-policies")
        self.daemon = subprocess.Popen([SUNDIALD, "--state", self.state, "--browser-policies", self.browser_policies,
                                        "--flush-interval", str(self.flush_interval),
                                        "--helper-timeout", str(self.helper_timeout), *reporters, *extra],
                                       env=env or self.env, stdout=log, stderr=log)
        self._wait_for(lambda: self.has_name(AGENT[0]), "sundiald on the bus")

    def stop_service(self, sig=signal.SIGTERM):
        if self.daemon and self.daemon.poll() is None:
            self.daemon.send_signal(sig)
            self.daemon.wait(timeout=10)
        self.daemon = None

    # --- bus calls -------------------------------------------------------------------------
    def gdbus(self, destination, path, method, *args, uid=None, check=True):
        command = ["gdbus", "call", "--system", "-d", destination, "-o", path, "-m", method, *map(str, args)]
        if uid is not None:
            command = ["setpriv", "--reuid=%d" % uid, "--regid=%d" % uid, "--clear-groups"] + command
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise AssertionError("%s failed: %s" % (method, result.stderr.strip()))
        return result

    def agent(self, method, *args, uid=None, check=True):
        return self.gdbus(*AGENT, "org.sundial.Agent1." + method, *args, uid=uid, check=check)

    def admin_json(self, method, *args):
        out = self.agent("Admin." + method, *args).stdout.strip()
        # gdbus prints ('...',): the JSON is the single string argument.
        return json.loads(eval(out)[0])

    def has_name(self, name):
        result = subprocess.run(["gdbus", "call", "--system", "-d", "org.freedesktop.DBus", "-o",
                                 "/org/freedesktop/DBus", "-m", "org.freedesktop.DBus.NameHasOwner", name],
                                env=self.env, capture_output=True, text=True)
        return "true" in result.stdout

    def status(self, uid=CHILD_UID):
        out = self.agent("Admin.GetChildStatus", uid).stdout
        fields = {}
        for key in ("usedSeconds", "remainingSeconds", "allowedUntil", "nextChangeAt"):
            marker = "'%s': <int64 " % key
            if marker in out:
                fields[key] = int(out.split(marker)[1].split(">")[0])
        for key in ("verdict", "reason"):
            marker = "'%s': <" % key
            if marker in out:
                fields[key] = out.split(marker)[1].split(">")[0].strip("'\"")
        return fields

    def heartbeat(self, uid=CHILD_UID, check=True, **report):
        parts = []
        for key, value in report.items():
            if isinstance(value, bool):
                parts.append("'%s': <%s>" % (key, "true" if value else "false"))
            else:
                parts.append("'%s': <'%s'>" % (key, value))
        return self.agent("Session.Heartbeat", "{" + ", ".join(parts) + "}", uid=uid, check=check)

    # --- logind (the mock only records calls; a real locker is played by the test) ---------
    def add_session(self, session_id="c2", uid=CHILD_UID, session_type="x11"):
        path = "/org/freedesktop/login1/session/" + session_id
        self.gdbus("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.DBus.Mock.AddSession",
                   session_id, "seat0", uid, "kid", "true")
        self.set_session(session_id, Type="'%s'" % session_type)
        # Real logind announces new sessions; the mock must be told to.
        self.gdbus("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.DBus.Mock.EmitSignal",
                   "org.freedesktop.login1.Manager", "SessionNew", "so", "[<'%s'>, <objectpath '%s'>]" % (session_id, path))
        self.sessions[session_id] = path
        return path

    def set_session(self, session_id, **properties):
        values = ", ".join("'%s': <%s>" % (key, value) for key, value in properties.items())
        self.gdbus("org.freedesktop.login1", "/org/freedesktop/login1/session/" + session_id,
                   "org.freedesktop.DBus.Mock.UpdateProperties", "org.freedesktop.login1.Session", "{%s}" % values)

    def logind_calls(self, method):
        if not os.path.exists(self.logind_log):
            return []
        return [line for line in open(self.logind_log) if " %s " % method in line or line.rstrip().endswith(method)]

    # --- state -----------------------------------------------------------------------------
    def seed_usage(self, uid, seconds):
        """Charges `seconds` of screen time to today before the service starts."""
        os.makedirs(self.state, exist_ok=True)
        self.start_service()
        self.stop_service()
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        db.execute("INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) VALUES(?, 0, ?, 0, ?, ?)",
                   (uid, today_number(), seconds, seconds))
        db.commit()
        db.close()

    def seed_answered_requests(self, uid, count, reason="please"):
        """Writes `count` answered (denied) requests for more time while the service is stopped."""
        db = sqlite3.connect(os.path.join(self.state, "sundial.db"))
        db.executemany("INSERT INTO requests(child, asked_at, minutes, reason, state, answered_at, answered_by, "
                       "granted_minutes) VALUES(?, ?, 15, ?, 2, ?, 0, 0)",
                       [(uid, 1_700_000_000 + n, reason, 1_700_000_060 + n) for n in range(count)])
        db.commit()
        db.close()

    def rules(self, **fields):
        rules = {"version": 1}
        rules.update(fields)
        return json.dumps(rules)

    def audit_kinds(self):
        return [entry["kind"] for entry in self.admin_json("Audit", 0, 1000)["entries"]]
