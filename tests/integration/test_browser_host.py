# SPDX-License-Identifier: GPL-3.0-or-later
"""The browser's native-messaging host against the real service (issue #13): site time is
charged in place of the browser's, never twice; a host not started by a browser, or any other
program posting site reports, is refused; malformed, oversized and truncated frames are refused
and the host goes on. The "browser" is fake_browser.py, an interpreter the service is told to
trust as a browser (--trusted-browser); the real browser is in test_browser_chromium.py.

What a child with a terminal would try: run the host from a shell and feed it sites (its parent
is not a browser), post SiteReport with gdbus (not the host), feed the host garbage (refused,
nothing recorded)."""

import json
import os
import sqlite3
import struct
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import AGENT, BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

HOST = os.environ.get("SUNDIAL_BROWSER_HOST", os.path.join(BUILD, "agent", "browser", "sundial-browser-host"))
FAKE_BROWSER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_browser.py")
PYTHON = os.path.realpath(sys.executable)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


class BrowserHostCase(ServiceTestCase):
    def limit(self, trusted_browsers=(PYTHON,), **fields):
        """`trusted_browsers`: the executables sundiald is told are browsers (--trusted-browser)."""
        self.host = self.child_readable(HOST)
        self.fake_browser = self.child_readable(FAKE_BROWSER)
        extra = ["--trusted-browser-host", self.host]
        for browser in trusted_browsers:
            extra += ["--trusted-browser", browser]
        self.start_service(*extra)
        self.agent("Admin.AddChild", CHILD_UID)
        days = {day: {"budgetMinutes": 120} for day in WEEKDAYS}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=days, **fields))
        self.add_session()

    def open_browser(self):
        """The fake browser as the child, with the host started under it."""
        browser = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                    PYTHON, self.fake_browser, self.host], env=self.env, stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True)
        self.addCleanup(lambda: (browser.kill(), browser.wait(), browser.stdin.close(), browser.stdout.close()))
        return browser

    def command(self, browser, **command):
        browser.stdin.write(json.dumps(command) + "\n")
        browser.stdin.flush()
        line = browser.stdout.readline()
        self.assertTrue(line, "the fake browser ended")
        return json.loads(line)

    def tab(self, browser, domain, **fields):
        return self.command(browser, send=dict({"type": "tab", "domain": domain, "focused": True}, **fields))

    def usage(self):
        day = time.strftime("%Y-%m-%d")
        return self.admin_json("Usage", CHILD_UID, day, day)

    def site_seconds(self):
        return {site["name"]: site["activeSeconds"] for site in self.usage()["sites"]}

    def audit(self, kind):
        return [entry for entry in self.admin_json("Audit", 0, 1000)["entries"] if entry["kind"] == kind]


class SiteTimeTest(BrowserHostCase):
    def test_site_time_is_charged_in_place_of_the_browsers_and_follows_the_tab(self):
        self.limit()
        browser = self.open_browser()
        self.heartbeat(exe=PYTHON)
        answer = self.tab(browser, "wiki.test")
        self.assertEqual(answer["type"], "verdict", answer)
        self.assertEqual(answer["verdict"], "allowed", answer)
        self.assertEqual(answer["recordUrls"], False)
        started = time.monotonic()
        deadline = started + 3
        while time.monotonic() < deadline:
            self.heartbeat(exe=PYTHON)
            time.sleep(0.5)
        # The tab changes under the same focused window: no helper report changes.
        self.tab(browser, "games.test")
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            self.heartbeat(exe=PYTHON)
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        self._wait_for(lambda: self.site_seconds().get("games.test", 0) >= 2, "games.test's time", timeout=10)
        sites = self.site_seconds()
        self.assertGreaterEqual(sites.get("wiki.test", 0), 2, sites)
        usage = self.usage()
        charged = usage["days"][0]["chargedSeconds"]
        # Never twice: the browser's seconds are the sites' seconds, not added to them.
        self.assertLessEqual(charged, elapsed + 3, usage)
        self.assertLessEqual(sites["wiki.test"] + sites["games.test"], charged + 1, usage)
        domains = {row["domain"] for row in self.admin_json("Timeline", CHILD_UID, time.strftime("%Y-%m-%d"))}
        self.assertIn("wiki.test", domains)
        self.assertIn("games.test", domains)

    def stored_texts_after_visiting(self, url, record):
        """The titles table (where full URLs are kept) after a visit to `url`."""
        self.limit(privacy={"recordTitles": False, "recordFullUrls": record})
        browser = self.open_browser()
        self.heartbeat(exe=PYTHON)
        answer = self.tab(browser, "wiki.test", url=url)
        self.assertEqual(answer["recordUrls"], record)
        for _ in range(3):
            self.heartbeat(exe=PYTHON)
            time.sleep(0.5)
        self.stop_service()  # everything counted is written
        with sqlite3.connect(os.path.join(self.state, "sundial.db")) as database:
            return "\n".join(text for (text,) in database.execute("SELECT text FROM titles"))

    def test_full_urls_are_not_stored_by_default(self):
        self.assertNotIn("wiki.test/wiki", self.stored_texts_after_visiting("https://wiki.test/wiki/Sundial?q=1", False))

    def test_full_urls_are_stored_when_the_rules_record_them(self):
        self.assertIn("https://wiki.test/wiki/Sundial?q=1",
                      self.stored_texts_after_visiting("https://wiki.test/wiki/Sundial?q=1", True))

    def test_a_blocked_site_and_the_help_lines_site(self):
        self.limit(sites=[{"domain": "games.test", "action": "blocked"}],
                   helpLine={"name": "Child Helpline", "phone": "111", "url": "https://help.test/"})
        browser = self.open_browser()
        blocked = self.tab(browser, "games.test", id=5)
        self.assertEqual(blocked["verdict"], "blocked", blocked)
        self.assertEqual(blocked["id"], 5)
        self.assertEqual(blocked["helpLine"]["phone"], "111")
        self.assertEqual(self.command(browser, send={"type": "check", "domain": "help.test"})["verdict"],
                         "always-allowed")

    def test_a_site_budget_says_how_long_is_left(self):
        self.limit(sites=[{"domain": "games.test", "action": "budget", "dailyMinutes": 1}])
        browser = self.open_browser()
        self.heartbeat(exe=PYTHON)
        answer = self.tab(browser, "games.test")
        self.assertEqual(answer["verdict"], "allowed", answer)
        self.assertGreater(answer["secondsLeft"], 0)
        self.assertLessEqual(answer["secondsLeft"], 60)

    def test_asking_for_more_time_from_the_browser_is_a_request_to_the_parent(self):
        self.limit()
        browser = self.open_browser()
        answer = self.command(browser, send={"type": "ask", "domain": "games.test", "minutes": 15, "reason": "bài tập"})
        self.assertTrue(answer["ok"], answer)
        requests = self.admin_json("ListRequests", "false", 0, 10)
        self.assertIn("games.test: bài tập", json.dumps(requests, ensure_ascii=False))


class PrivateWindowsTest(BrowserHostCase):
    def test_a_childs_rule_turns_private_windows_off_in_the_browsers_machine_wide_policies(self):
        self.limit()
        chromium = os.path.join(self.browser_policies, "etc", "chromium", "policies", "managed",
                                "sundial-private-windows-off.json")
        firefox = os.path.join(self.browser_policies, "etc", "firefox", "policies", "policies.json")
        self.assertFalse(os.path.exists(chromium))
        with open(firefox) as f:
            self.assertNotIn("PrivateBrowsingModeAvailability", json.load(f)["policies"])
        days = {day: {"budgetMinutes": 120} for day in WEEKDAYS}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=days, browsers={"privateWindows": "off"}))
        with open(chromium) as f:
            self.assertEqual(json.load(f)["IncognitoModeAvailability"], 1)
        with open(firefox) as f:
            self.assertEqual(json.load(f)["policies"]["PrivateBrowsingModeAvailability"], 1)
        self.assertIn("private windows are off", json.dumps(self.audit("browser-policies")))
        # The child is no longer limited: nothing turns private windows off any more.
        self.agent("Admin.RemoveChild", CHILD_UID)
        self.assertFalse(os.path.exists(chromium))


class UntrustedSiteReportTest(BrowserHostCase):
    def test_the_host_run_by_something_that_is_not_a_browser_is_refused(self):
        self.limit(trusted_browsers=("/usr/bin/true",))  # the interpreter is no browser here
        browser = self.open_browser()
        answer = self.tab(browser, "wiki.test")
        self.assertEqual(answer["type"], "error", answer)
        self.assertIn("browser", answer["message"])
        rows = self.audit("site-report-untrusted")
        self.assertEqual(len(rows), 1, rows)
        self.assertIn("parent is not a browser", rows[0]["detail"])

    def test_site_reports_posted_from_a_shell_are_refused(self):
        self.limit()
        result = subprocess.run(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                 "gdbus", "call", "--system", "-d", AGENT[0], "-o", AGENT[1], "-m",
                                 "org.sundial.Agent1.Session.SiteReport", "{'domain': <'wiki.test'>, 'focused': <true>}"],
                                env=self.env, capture_output=True, text=True, timeout=30)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("PermissionDenied", result.stderr)
        self.assertEqual(len(self.audit("site-report-untrusted")), 1)


class WithoutExtensionTest(BrowserHostCase):
    """A browser in focus that reports no sites: another browser, a portable copy, the extension
    removed. What a child would do: start a browser the extension is not in."""

    def untracked_browser(self):
        """A copy of sleep standing for a browser no host ever reports for."""
        program = os.path.join(self.dir, "portable-browser")
        subprocess.run(["cp", "/usr/bin/sleep", program], check=True)
        os.chmod(program, 0o755)
        return program

    def run_as_child(self, program):
        process = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID,
                                    "--clear-groups", program, "300"])
        self.addCleanup(lambda: (process.kill(), process.wait()))
        self._wait_for(lambda: os.path.exists("/proc/%d/exe" % process.pid)
                       and os.readlink("/proc/%d/exe" % process.pid) == program, "the browser to run")
        return process

    def use_for(self, seconds, **report):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.heartbeat(**report)
            time.sleep(0.5)

    def test_site_tracking_off_is_recorded_and_shown(self):
        self.limit()
        self.use_for(self.helper_timeout + 2, exe="/opt/portable/firefox", desktopId="firefox")
        rows = self.audit("site-tracking-off")
        self.assertEqual(len(rows), 1, rows)
        self.assertIn("reports no sites", rows[0]["detail"])
        self.assertIn("'siteTrackingOff': <'/opt/portable/firefox'>", self.agent("Admin.GetChildStatus", CHILD_UID).stdout)
        # A browser whose extension reports is tracked: nothing more is recorded for it.
        browser = self.open_browser()
        self.tab(browser, "wiki.test")
        self.use_for(2, exe=PYTHON)
        self.assertNotIn(PYTHON, json.dumps(self.audit("site-tracking-off")))

    def test_a_focused_window_the_extension_does_not_see_is_site_tracking_off(self):
        """Chromium's Incognito window: the extension, not allowed there, reports that no window of
        its browser has the focus while the helper reports the browser focused."""
        self.limit()
        browser = self.open_browser()
        self.tab(browser, "wiki.test")
        self.use_for(1, exe=PYTHON)
        self.assertEqual(self.audit("site-tracking-off"), [])
        self.tab(browser, "wiki.test", focused=False)
        deadline = time.monotonic() + self.helper_timeout + 3
        while time.monotonic() < deadline and not self.audit("site-tracking-off"):
            self.heartbeat(exe=PYTHON)
            time.sleep(0.5)
        rows = self.audit("site-tracking-off")
        self.assertEqual(len(rows), 1, rows)
        self.assertIn(PYTHON, rows[0]["detail"])

    def test_the_rules_can_close_a_browser_without_the_extension(self):
        program = self.untracked_browser()
        self.limit(trusted_browsers=(PYTHON, program), browsers={"withoutExtension": "closed"})
        process = self.run_as_child(program)
        self.use_for(self.helper_timeout + 2, exe=program)
        self._wait_for(lambda: process.poll() is not None, "the browser without the extension to be closed",
                       timeout=15)
        self.assertEqual(len(self.audit("site-tracking-off")), 1)


class HostileFramesTest(BrowserHostCase):
    def test_malformed_oversized_and_truncated_frames_are_refused_and_the_host_goes_on(self):
        self.limit()
        browser = self.open_browser()
        garbage = b"{not json"
        answer = self.command(browser, raw=(struct.pack("=I", len(garbage)) + garbage).hex(), answer=True)
        self.assertEqual(answer["type"], "error")
        self.assertIn("not a JSON object", answer["message"])
        invalid = b'{"type":"tab","domain":"\xff\xfe"}'
        self.assertEqual(self.command(browser, raw=(struct.pack("=I", len(invalid)) + invalid).hex(),
                                      answer=True)["type"], "error")
        huge = b"x" * (200 * 1024)
        answer = self.command(browser, raw=(struct.pack("=I", len(huge)) + huge).hex(), answer=True)
        self.assertEqual(answer["type"], "error")
        self.assertIn("over the limit", answer["message"])
        # Still answering, and nothing of the above was recorded.
        self.assertEqual(self.tab(browser, "wiki.test")["type"], "verdict")
        self.assertNotIn("xxxx", json.dumps(self.site_seconds()))
        # A frame cut short by the browser closing the pipe ends the host cleanly.
        self.command(browser, raw=(struct.pack("=I", 100) + b"{\"type\"").hex())
        self.assertEqual(self.command(browser, close=True), {"exit": 0})


if __name__ == "__main__":
    unittest.main()
