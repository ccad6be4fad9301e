# SPDX-License-Identifier: GPL-3.0-or-later
"""Who may act as a parent: root, members of group sundial-admin, or whoever polkit authorises
for org.sundial.manage. polkit is mocked by python3-dbusmock's polkitd template (no polkit
daemon runs in CI); the group check reads the real /etc/group."""

import grp
import os
import pwd
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import CHILD_UID, ServiceTestCase  # noqa: E402

PARENT_UID = 1002
STRANGER_UID = 65534  # nobody


def ensure_parent_account():
    try:
        grp.getgrnam("sundial-admin")
    except KeyError:
        subprocess.run(["groupadd", "--system", "sundial-admin"], check=True)
    try:
        pwd.getpwuid(PARENT_UID)
    except KeyError:
        subprocess.run(["useradd", "--uid", str(PARENT_UID), "--no-create-home", "--shell", "/usr/sbin/nologin",
                        "--groups", "sundial-admin", "sundial-test-parent"], check=True)
    name = pwd.getpwuid(PARENT_UID).pw_name
    if name not in grp.getgrnam("sundial-admin").gr_mem:
        subprocess.run(["usermod", "--append", "--groups", "sundial-admin", name], check=True)


class AuthorityTest(ServiceTestCase):
    def setUp(self):
        super().setUp()
        self.polkit_log = os.path.join(self.dir, "polkit.log")
        self.polkit = subprocess.Popen(["/usr/bin/python3", "-m", "dbusmock", "--system", "--template", "polkitd",
                                        "-l", self.polkit_log],
                                       env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (self.polkit.terminate(), self.polkit.wait(timeout=10)))
        self._wait_for(lambda: self.has_name("org.freedesktop.PolicyKit1"), "the polkit mock")
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)

    def admin_call(self, uid):
        return self.agent("Admin.ListChildren", uid=uid, check=False)

    def test_polkit_authorises_a_parent_for_org_sundial_manage(self):
        denied = self.admin_call(STRANGER_UID)
        self.assertIn("org.sundial.Error.PermissionDenied", denied.stderr)
        self.gdbus("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                   "org.freedesktop.DBus.Mock.SetAllowed", "['org.sundial.manage']")
        allowed = self.admin_call(STRANGER_UID)
        self.assertEqual(allowed.returncode, 0, allowed.stderr)
        self.assertIn(str(CHILD_UID), allowed.stdout)

    def test_polkit_allowing_another_action_is_not_enough(self):
        self.gdbus("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                   "org.freedesktop.DBus.Mock.SetAllowed", "['org.freedesktop.login1.reboot']")
        self.assertIn("PermissionDenied", self.admin_call(STRANGER_UID).stderr)

    def test_a_parent_at_the_childs_screen_approves_with_their_password(self):
        # polkit answers after 3 s, as when a parent types a password into the child's agent;
        # the service must go on answering meanwhile. Only the never-remembered action is
        # allowed: the child gains nothing else from it.
        self.gdbus("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                   "org.freedesktop.DBus.Mock.SetAllowed", "['org.sundial.approve-here']")
        self.gdbus("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                   "org.freedesktop.DBus.Mock.SetDelay", "3")
        self.agent("Admin.SetRules", CHILD_UID, self.rules(days={d: {"budgetMinutes": 30} for d in (
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}))
        command = ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups", "gdbus", "call",
                   "--system", "-d", "org.sundial.Agent1", "-o", "/org/sundial/Agent1", "-m",
                   "org.sundial.Agent1.Admin.GrantExtraTime", str(CHILD_UID), "20"]
        grant = subprocess.Popen(command, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        started = time.monotonic()
        self.agent("Child.GetStatus", uid=CHILD_UID)
        self.assertLess(time.monotonic() - started, 1.5, "the service waited for polkit")
        _, error = grant.communicate(timeout=30)
        self.assertEqual(grant.returncode, 0, error)
        self.assertEqual(self.status()["remainingSeconds"], 50 * 60)
        refused = self.agent("Admin.ListChildren", uid=CHILD_UID, check=False)
        self.assertIn("org.sundial.Error.PermissionDenied", refused.stderr)
        # The prompt said for whom and how much (the action's $(child) and $(minutes)), and the
        # parents see it among the answered requests.
        prompts = [line for line in open(self.polkit_log) if "org.sundial.approve-here" in line]
        self.assertTrue(prompts, "polkit was not asked for org.sundial.approve-here")
        self.assertIn('"child": "sundial-test-kid"', prompts[-1])
        self.assertIn('"minutes": "20"', prompts[-1])
        requests = [r for r in self.admin_json("ListRequests", "false", 0, 200) if r["uid"] == CHILD_UID]
        self.assertEqual([(r["minutes"], r["state"]) for r in requests], [(20, "approved")])

    def test_at_the_childs_computer_the_child_cannot_ask_for_a_day(self):
        self.gdbus("org.freedesktop.PolicyKit1", "/org/freedesktop/PolicyKit1/Authority",
                   "org.freedesktop.DBus.Mock.SetAllowed", "['org.sundial.approve-here']")
        result = self.agent("Admin.GrantExtraTime", CHILD_UID, 24 * 60, uid=CHILD_UID, check=False)
        self.assertIn("org.sundial.Error.InvalidArgument", result.stderr)
        self.assertIn("at most 180 minutes", result.stderr)

    def test_without_a_parents_password_the_child_gets_no_time(self):
        result = self.agent("Admin.GrantExtraTime", CHILD_UID, 20, uid=CHILD_UID, check=False)
        self.assertIn("org.sundial.Error.PermissionDenied", result.stderr)

    def test_members_of_sundial_admin_are_parents_and_children_are_not(self):
        ensure_parent_account()
        allowed = self.admin_call(PARENT_UID)
        self.assertEqual(allowed.returncode, 0, allowed.stderr)
        self.assertIn("PermissionDenied", self.admin_call(CHILD_UID).stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
