# SPDX-License-Identifier: GPL-3.0-or-later
"""Sundial's own extension in Debian's Firefox ESR (headless, as the child), installed by the
machine policy the service itself writes (issue #13: "Firefox ESR: at least that the extension
loads by policy and its reports reach the service").

The service writes Firefox's policies.json (to the test's directory: harness.start_service passes
--browser-policies). The test checks that it force-installs browser@sundial.org and allows an
unsigned XPI, and hands Firefox a copy where only install_url differs: the built XPI instead of
/usr/share/sundial/browser/sundial-browser.xpi, which only the package installs. Firefox reads the
copy as /etc/firefox/policies/policies.json in a private mount namespace where /etc is a read-only
overlay of the real /etc plus that one file (firefox_runner explains why): the real /etc is never
written. The host manifest is the child's user-level one (~/.mozilla/native-messaging-hosts/).

Nothing loads the extension but the policy: the test passes when the site the child has open,
wiki.test (served on 127.0.0.1; network.dns.localDomains points the name there), is charged to
the child, i.e. the policy installed the extension, the extension started the host, and the host's
report reached the service and was counted while "Firefox is in focus". That last report is the
session helper's, posted by the test (headless Firefox has no window)."""

import copy
import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firefox_runner  # noqa: E402
from firefox_runner import FIREFOX, Firefox  # noqa: E402
from harness import BUILD, CHILD_UID  # noqa: E402
from test_browser_chromium import BrowserServiceCase  # noqa: E402

HOST = os.environ.get("SUNDIAL_BROWSER_HOST", os.path.join(BUILD, "agent", "browser", "sundial-browser-host"))
XPI = os.environ.get("SUNDIAL_BROWSER_XPI", os.path.join(BUILD, "agent", "browser", "sundial-browser.xpi"))
EXTENSION_ID = "browser@sundial.org"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SITE = "wiki.test"
TIMEOUT = 60


WHY_NOT = firefox_runner.available()


@unittest.skipIf(WHY_NOT, WHY_NOT)
class FirefoxPolicyTest(BrowserServiceCase):

    def service_policies(self):
        """The policies.json the service wrote, checked, and a copy naming the built XPI."""
        path = os.path.join(self.browser_policies, "etc", "firefox", "policies", "policies.json")
        self.assertTrue(os.path.isfile(path), "the service wrote no Firefox policy at " + path)
        with open(path) as f:
            written = json.load(f)
        policies = written["policies"]
        extension = policies["ExtensionSettings"][EXTENSION_ID]
        self.assertEqual(extension["installation_mode"], "force_installed", written)
        self.assertTrue(extension["install_url"].startswith("file:///"), written)
        self.assertEqual(policies["Preferences"]["xpinstall.signatures.required"],
                         {"Value": False, "Status": "locked"}, written)
        ours = copy.deepcopy(written)
        ours["policies"]["ExtensionSettings"][EXTENSION_ID]["install_url"] = "file://" + self.child_readable(XPI)
        return ours

    def test_the_policy_installs_the_extension_and_its_reports_reach_the_service(self):
        host = self.child_readable(HOST)
        # The service's default browsers include Debian's firefox-esr; only the host is named.
        self.start_service("--trusted-browser-host", host)
        self.agent("Admin.AddChild", CHILD_UID)
        days = {day: {"budgetMinutes": 120} for day in WEEKDAYS}
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days=days))
        self.add_session()
        self.heartbeat(exe=FIREFOX)
        policies = self.service_policies()

        self.browser = Firefox(
            self.pages.url(SITE), uid=CHILD_UID, policies=policies,
            host_manifest={"name": "org.sundial.browser", "description": "Sundial", "path": host, "type": "stdio",
                           "allowed_extensions": [EXTENSION_ID]},
            prefs={"network.dns.localDomains": SITE},
            env={"DBUS_SYSTEM_BUS_ADDRESS": self.env["DBUS_SYSTEM_BUS_ADDRESS"]})

        # The helper's reports that Firefox is in focus, until the site has been charged.
        deadline = time.monotonic() + TIMEOUT
        seconds = {}
        while time.monotonic() < deadline:
            self.heartbeat(exe=FIREFOX)
            seconds = self.site_seconds()
            if seconds.get(SITE, 0) >= 1:
                break
            self.assertTrue(self.browser.running(), "Firefox exited (%s)" % self.browser.process.returncode)
            time.sleep(1)
        self.assertGreaterEqual(seconds.get(SITE, 0), 1,
                                "no time charged to %s within %d s: %s" % (SITE, TIMEOUT, seconds))


if __name__ == "__main__":
    unittest.main()
