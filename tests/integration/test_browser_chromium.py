# SPDX-License-Identifier: GPL-3.0-or-later
"""Sundial's own extension in Debian's Chromium (headless, as the child), its own host and the
real service (issue #13): switching tabs records the right sites; a blocked site shows Sundial's
block page in the tab (checked in the DOM, a screenshot kept in test-artifacts/); a site budget
running out closes the site during the visit; asking for more time from the block page is a
request to the parent.

The session helper's report that Chromium is in focus is posted by the test (there is no X
window in headless mode); everything else is the real thing. Pages are served by a local HTTP
server on 127.0.0.1, reached under several host names through --host-resolver-rules."""

import os
import shutil
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from chromium_driver import Chromium, LocalPages, find_chromium  # noqa: E402
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

HOST = os.environ.get("SUNDIAL_BROWSER_HOST", os.path.join(BUILD, "agent", "browser", "sundial-browser-host"))
EXTENSION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "agent", "browser", "extension")
EXTENSION_ID = "cjmhddalpalbhhnjpicknhjmgagaaocf"
CHROMIUM = "/usr/lib/chromium/chromium"
ARTIFACTS = os.environ.get("SUNDIAL_ARTIFACTS", os.path.join(BUILD, "test-artifacts"))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def copy_for_child(extension, destination):
    """A copy of the unpacked extension the child can read (the checkout may be a root shell's)."""
    shutil.copytree(extension, destination)
    for root, dirs, files in os.walk(destination):
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    return destination


def chromium_for_child(extension, host, resolver_rules, bus_address, **options):
    """Chromium as the child with `extension` loaded and `host` as its org.sundial.browser."""
    return Chromium(
        extension_dir=extension,
        host_manifest={"name": "org.sundial.browser", "description": "Sundial", "path": host, "type": "stdio",
                       "allowed_origins": ["chrome-extension://%s/" % EXTENSION_ID]},
        resolver_rules=resolver_rules, uid=CHILD_UID,
        env=dict({"DBUS_SYSTEM_BUS_ADDRESS": bus_address}, **options.pop("env", {})), **options)


class BrowserServiceCase(ServiceTestCase):
    """The service with a browser as the child (self.browser: anything with log_tail() and close(),
    its log printed when the test fails) and pages on 127.0.0.1 by host name (self.pages)."""

    @classmethod
    def setUpClass(cls):
        cls.pages = LocalPages()

    @classmethod
    def tearDownClass(cls):
        cls.pages.close()

    def setUp(self):
        super().setUp()
        self.browser = None

    def tearDown(self):
        if self.browser is not None:
            failed = self._outcome.result.errors + self._outcome.result.failures
            if any(test is self for test, _ in failed):
                print("\n--- browser log ---\n" + self.browser.log_tail())
            self.browser.close()
        super().tearDown()

    def site_seconds(self):
        day = time.strftime("%Y-%m-%d")
        return {site["name"]: site["activeSeconds"] for site in self.admin_json("Usage", CHILD_UID, day, day)["sites"]}


@unittest.skipUnless(find_chromium() and os.path.exists(CHROMIUM), "Debian's chromium is not installed")
class ChromiumSiteTest(BrowserServiceCase):

    def open_chromium(self, **rules):
        host = self.child_readable(HOST)
        extension = copy_for_child(EXTENSION, os.path.join(self.dir, "extension"))
        # The service's default browsers include Debian's chromium; only the host is named.
        self.start_service("--trusted-browser-host", host)
        self.agent("Admin.AddChild", CHILD_UID)
        days = {day: {"budgetMinutes": 120} for day in WEEKDAYS}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=days, **rules))
        self.add_session()
        self.heartbeat(exe=CHROMIUM)
        self.browser = chromium_for_child(extension, host, self.pages.resolver_rules(),
                                          self.env["DBUS_SYSTEM_BUS_ADDRESS"], env={"LANG": "vi_VN.UTF-8"},
                                          extra_args=["--lang=vi"])
        return self.browser

    def url(self, host):
        return self.pages.url(host)

    def focus_chromium_until(self, condition, what, timeout):
        """The helper's reports that Chromium is in focus, until `condition` holds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.heartbeat(exe=CHROMIUM)
            if condition():
                return
            time.sleep(0.5)
        raise AssertionError("timed out waiting for " + what)

    def blocked(self, tab):
        return self.browser.url_of(tab).startswith("chrome-extension://%s/blocked.html" % EXTENSION_ID)

    def text(self, tab, selector):
        return self.browser.evaluate(tab, "document.querySelector(%r)?.textContent ?? ''" % selector)

    def test_switching_tabs_records_each_site(self):
        browser = self.open_chromium()
        wiki = browser.new_tab(self.url("wiki.test"))
        games = browser.new_tab(self.url("games.test"))
        for tab, site in ((wiki, "wiki.test"), (games, "games.test"), (wiki, "wiki.test")):
            browser.activate(tab)
            self.focus_chromium_until(lambda: self.site_seconds().get(site, 0) >= 2, site + "'s time", 30)
        sites = self.site_seconds()
        self.assertGreaterEqual(sites.get("games.test", 0), 2, sites)
        day = time.strftime("%Y-%m-%d")
        apps = self.admin_json("Usage", CHILD_UID, day, day)["apps"]
        self.assertIn(CHROMIUM, [app["name"] for app in apps] + [app.get("exe", "") for app in apps], apps)

    def test_a_blocked_site_shows_the_block_page_with_the_help_line(self):
        browser = self.open_chromium(sites=[{"domain": "games.test", "action": "blocked"}],
                                     helpLine={"name": "Tổng đài 111", "phone": "111", "url": "http://help.test/"})
        tab = browser.new_tab(self.url("games.test"), wait=False)
        browser.wait_for(lambda: self.blocked(tab), 30, "the block page in the tab")
        browser.wait_for(lambda: "111" in self.text(tab, "#help-line-phone"), 10, "the help line on the page")
        self.assertIn("games.test", self.text(tab, "#domain"))
        self.assertTrue(self.text(tab, "#why").strip())
        os.makedirs(ARTIFACTS, exist_ok=True)
        browser.screenshot(tab, os.path.join(ARTIFACTS, "browser-block-page-vi.png"))
        # The help line's own site is never blocked.
        help_tab = browser.new_tab(self.url("help.test"))
        time.sleep(2)
        self.assertFalse(self.blocked(help_tab))
        # Asking for more time from the block page is a real request.
        browser.evaluate(tab, "document.querySelector('#ask').click()")
        browser.wait_for(lambda: self.admin_json("ListRequests", "false", 0, 10), 15, "the request")
        self.assertIn("games.test", str(self.admin_json("ListRequests", "false", 0, 10)))

    def test_a_site_budget_running_out_closes_the_site_during_the_visit(self):
        browser = self.open_chromium(sites=[{"domain": "games.test", "action": "budget", "dailyMinutes": 1}])
        tab = browser.new_tab(self.url("games.test"))
        browser.activate(tab)
        self.focus_chromium_until(lambda: self.site_seconds().get("games.test", 0) >= 1, "games.test counted", 30)
        self.assertFalse(self.blocked(tab))
        self.focus_chromium_until(lambda: self.blocked(tab), "the block page once the minute is used", 90)
        self.assertGreaterEqual(self.site_seconds()["games.test"], 55)


if __name__ == "__main__":
    unittest.main()
