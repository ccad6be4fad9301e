# SPDX-License-Identifier: GPL-3.0-or-later
"""Forged heartbeats (issue #11, item 2; the threat "post heartbeats from a
shell"): the child, with a terminal, posts Session.Heartbeat reports of its own with gdbus. The
service believes reports only from its own reporters (the sending process runs a trusted,
root-owned executable, is not traced and not preloaded), cross-checks what a trusted reporter
claims against /proc, never takes `category` from a report, charges whatever fails as ordinary
use and audits it once per episode.

Unlike the other suites, these start the service WITHOUT gdbus among its trusted reporters
(only the build's sundial-session, which the child does not run here), except where a test
plays a trusted reporter itself, and then with the claim cross-checks on."""

import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import AGENT, CHILD_UID, SESSION, ServiceTestCase, today_number  # noqa: E402

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
GDBUS = "/usr/bin/gdbus"
LIBC = "/lib/x86_64-linux-gnu/libc.so.6"
HELP_SITE = "help.example.org"


def every_day(budget_minutes):
    return {day: {"budgetMinutes": budget_minutes} for day in WEEKDAYS}


class ForgedReportCase(ServiceTestCase):
    def limit(self, trusted=(SESSION,), check_claims=True, **fields):
        self.start_service(trusted_reporters=list(trusted), check_claims=check_claims)
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(120), **fields))
        self.add_session()

    def report(self, *prefix, check=False, **fields):
        """A heartbeat posted from the child's shell, the command optionally wrapped (env ...)."""
        parts = []
        for key, value in fields.items():
            if isinstance(value, bool):
                parts.append("'%s': <%s>" % (key, "true" if value else "false"))
            else:
                parts.append("'%s': <'%s'>" % (key, value))
        command = ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups", *prefix,
                   GDBUS, "call", "--system", "-d", AGENT[0], "-o", AGENT[1], "-m",
                   "org.sundial.Agent1.Session.Heartbeat", "{" + ", ".join(parts) + "}"]
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise AssertionError("Heartbeat failed: " + result.stderr.strip())
        return result

    def report_for(self, seconds, *prefix, **fields):
        """Reports every 0.3 s for `seconds`, as a forging loop in a shell would."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.report(*prefix, **fields)
            time.sleep(0.3)

    def charged_while(self, seconds, *prefix, **fields):
        """Seconds charged while the report is repeated for `seconds`, from its first sending."""
        self.report(*prefix, **fields)
        before = self.charged()
        self.report_for(seconds, *prefix, **fields)
        return self.charged() - before

    def charged(self):
        day = time.strftime("%Y-%m-%d")
        usage = self.admin_json("Usage", CHILD_UID, day, day)
        return usage["days"][0]["chargedSeconds"] if usage["days"] else 0

    def timeline(self):
        return self.admin_json("Timeline", CHILD_UID, time.strftime("%Y-%m-%d"))

    def audit(self, kind):
        return [entry for entry in self.admin_json("Audit", 0, 1000)["entries"] if entry["kind"] == kind]

    def run_as_child(self, program):
        """A copy of `sleep` at `program`, running as the child: a real process of its uid."""
        subprocess.run(["cp", "/usr/bin/sleep", program], check=True)
        os.chmod(program, 0o755)
        process = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID,
                                    "--clear-groups", program, "300"])
        self.addCleanup(lambda: (process.kill(), process.wait()))
        self._wait_for(lambda: os.path.exists("/proc/%d/exe" % process.pid)
                       and os.readlink("/proc/%d/exe" % process.pid) == program, "the app to run")
        return process


class UntrustedSenderTest(ForgedReportCase):
    def test_an_idle_loop_from_the_childs_shell_charges_time_and_is_audited_once(self):
        self.limit()
        self.assertGreaterEqual(self.charged_while(4.0, exe="/usr/bin/abiword", idle=True), 2,
                                "idle claims from a shell paused the count")
        rows = self.audit("report-untrusted")
        self.assertEqual(len(rows), 1, [row["detail"] for row in rows])
        self.assertIn(GDBUS, rows[0]["detail"])
        self.assertNotIn("/usr/bin/abiword", [entry["exe"] for entry in self.timeline()])

    def test_an_always_allowed_app_or_the_help_lines_site_named_by_a_shell_is_not_free(self):
        self.limit(apps=[{"match": {"exe": "/usr/bin/gcompris"}, "action": "alwaysAllowed"}],
                   helpLine={"name": "Kids line", "phone": "111", "url": "https://%s/" % HELP_SITE})
        self.assertGreaterEqual(self.charged_while(3.0, exe="/usr/bin/gcompris"), 2,
                                "a forged always-allowed app made use free")
        self.assertGreaterEqual(self.charged_while(3.0, exe="/usr/lib/firefox/firefox", domain=HELP_SITE), 2,
                                "the help line's site named by a forged report made use free")
        entries = self.timeline()
        self.assertNotIn("/usr/bin/gcompris", [entry["exe"] for entry in entries])
        self.assertNotIn(HELP_SITE, [entry["domain"] for entry in entries])
        self.assertTrue(all(entry["charged"] for entry in entries), entries)

    def test_the_call_is_refused_with_permission_denied(self):
        self.limit()
        result = self.report(exe="/usr/bin/abiword")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("org.sundial.Error.PermissionDenied", result.stderr)

    def test_a_copy_of_a_trusted_reporter_elsewhere_is_not_trusted(self):
        self.limit(trusted=(GDBUS,))
        copy = self.child_readable(GDBUS)
        result = subprocess.run(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                 copy, "call", "--system", "-d", AGENT[0], "-o", AGENT[1], "-m",
                                 "org.sundial.Agent1.Session.Heartbeat", "{'idle': <true>}"],
                                env=self.env, capture_output=True, text=True, timeout=30)
        self.assertIn("org.sundial.Error.PermissionDenied", result.stderr)
        self.assertIn(copy, self.audit("report-untrusted")[0]["detail"])


class TrustedReporterTest(ForgedReportCase):
    """The child runs a trusted reporter (gdbus is trusted here) in ways that must not count."""

    def test_a_trusted_reporter_run_under_ld_preload_is_refused(self):
        homework = os.path.join(self.dir, "homework")
        self.limit(trusted=(GDBUS,), apps=[{"match": {"exe": homework}, "action": "alwaysAllowed"}])
        self.run_as_child(homework)
        self.assertEqual(self.report(exe=homework).returncode, 0, "the plain reporter is believed")
        preloaded = self.report("env", "LD_PRELOAD=" + LIBC, exe=homework, idle=True)
        self.assertIn("org.sundial.Error.PermissionDenied", preloaded.stderr)
        rows = self.audit("report-untrusted")
        self.assertEqual(len(rows), 1)
        self.assertIn("LD_PRELOAD", rows[0]["detail"])

    def test_a_reported_app_that_is_not_running_is_charged_as_unknown_and_audited_once(self):
        self.limit(trusted=(GDBUS,), apps=[{"match": {"exe": "/usr/games/not-running"}, "action": "alwaysAllowed"}])
        self.assertGreaterEqual(self.charged_while(4.0, exe="/usr/games/not-running", idle=True), 2,
                                "a claim about an app that does not run made use free")
        entries = self.timeline()
        self.assertNotIn("/usr/games/not-running", [entry["exe"] for entry in entries])
        self.assertTrue(any(entry["unknownApp"] and entry["charged"] for entry in entries), entries)
        self.assertEqual(len(self.audit("report-unconfirmed")), 1)

    def test_a_reported_app_that_runs_as_the_child_is_believed(self):
        homework = os.path.join(self.dir, "homework")
        self.limit(trusted=(GDBUS,), apps=[{"match": {"exe": homework}, "action": "alwaysAllowed"}])
        self.run_as_child(homework)
        self.report_for(2.5, exe=homework)
        self.assertIn(homework, [entry["exe"] for entry in self.timeline()])
        self.assertEqual(self.audit("report-unconfirmed") + self.audit("report-untrusted"), [])

    def test_a_category_named_by_a_report_is_ignored(self):
        homework = os.path.join(self.dir, "homework")
        self.limit(trusted=(GDBUS,), apps=[{"match": {"category": "Education"}, "action": "alwaysAllowed"}])
        self.run_as_child(homework)
        self.assertGreaterEqual(self.charged_while(3.0, exe=homework, category="Education"), 2,
                                "a reported category made use free")

    def test_idle_from_a_reporter_on_another_display_is_not_believed(self):
        homework = os.path.join(self.dir, "homework")
        self.limit(trusted=(GDBUS,))
        self.set_session("c2", Display="':0'")
        self.run_as_child(homework)
        self.assertLessEqual(self.charged_while(3.0, "env", "DISPLAY=:0", exe=homework, idle=True), 1,
                             "idle from the session's own display is believed")
        self.assertGreaterEqual(self.charged_while(3.0, "env", "DISPLAY=:77", exe=homework, idle=True), 2,
                                "idle from a display that is not the session's paused the count")
        self.assertEqual(len(self.audit("report-unconfirmed")), 1)


class AppLabelTest(ForgedReportCase):
    """A window sets its own WM_CLASS, which the helper reports as the desktop id (item 4). The
    system's desktop entries (here a private XDG_DATA_DIRS given to the service; the child cannot
    write the system's) say which executable an id runs: a label the executable contradicts is
    dropped and audited, and the category comes from the system's entry, never from a report."""

    def limit(self, **fields):
        share = os.path.join(self.dir, "share")
        os.makedirs(os.path.join(share, "applications"), exist_ok=True)
        self.homework = os.path.join(self.dir, "homework")
        self.game = os.path.join(self.dir, "game")
        with open(os.path.join(share, "applications", "org.example.Homework.desktop"), "w") as entry:
            entry.write("[Desktop Entry]\nType=Application\nName=Homework\nExec=%s %%U\n"
                        "Categories=Qt;Education;\nStartupWMClass=homework-app\n" % self.homework)
        for program in (self.homework, self.game):
            subprocess.run(["cp", "/usr/bin/sleep", program], check=True)
            os.chmod(program, 0o755)
        self.start_service(trusted_reporters=[GDBUS], check_claims=True, env={**self.env, "XDG_DATA_DIRS": share})
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=every_day(120), **fields))
        self.add_session()

    def test_a_game_calling_itself_an_always_allowed_app_is_charged_and_audited_once(self):
        self.limit(apps=[{"match": {"desktopId": "org.example.Homework"}, "action": "alwaysAllowed"}])
        self.run_as_child(self.game)
        for label in ("org.example.Homework", "homework-app"):
            with self.subTest(label=label):
                self.assertGreaterEqual(self.charged_while(3.0, exe=self.game, desktopId=label), 2,
                                        "a game's own WM_CLASS made its use free")
        rows = self.audit("app-label-contradicted")
        self.assertEqual(len(rows), 1, [row["detail"] for row in rows])
        self.assertIn(self.game, rows[0]["detail"])
        self.assertNotIn("org.example.Homework", [entry["desktopId"] for entry in self.timeline()])

    def test_the_real_app_keeps_its_label_and_its_systems_category(self):
        self.limit(apps=[{"match": {"category": "Education"}, "action": "alwaysAllowed"}])
        self.run_as_child(self.homework)
        self.run_as_child(self.game)
        # By its label, and by its executable alone: the system's entry gives the category.
        self.assertLessEqual(self.charged_while(3.0, exe=self.homework, desktopId="homework-app"), 1,
                             "an Education app was charged under an always-allowed Education rule")
        self.assertLessEqual(self.charged_while(3.0, exe=self.homework), 1)
        # A game naming the category itself gains nothing.
        self.assertGreaterEqual(self.charged_while(3.0, exe=self.game, category="Education"), 2)
        self.assertEqual(self.audit("app-label-contradicted"), [])


if __name__ == "__main__":
    unittest.main()
