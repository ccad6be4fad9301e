# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-session in a real X session: Xvfb with openbox as window manager, real windows
(x11-apps) run as the child, the helper run as the child, and the real service on a private
system bus with the logind mock (logind cannot run in CI). What is checked is what the
service recorded, not only what the helper sent."""

import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

SESSION = os.environ.get("SUNDIAL_SESSION", os.path.join(BUILD, "agent", "session", "sundial-session"))


class SessionHelperTest(ServiceTestCase):
    record_titles = False

    def setUp(self):
        super().setUp()
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-ac",
                                      "-nolisten", "tcp"], pass_fds=(write,), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(write)
        display = os.read(read, 16).decode().strip()
        os.close(read)
        self.addCleanup(self.end, self.xvfb)
        self.display = ":" + display
        self.x_env = dict(self.env, DISPLAY=self.display, XDG_SESSION_TYPE="x11", HOME=self.dir)
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.x_env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, self.wm)
        time.sleep(0.5)
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID,
                   self.rules(privacy={"recordTitles": self.record_titles}))
        self.add_session()

    @staticmethod
    def end(process):
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()

    def as_child(self, *command):
        return ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups", *command]

    def open_window(self, program, title):
        process = subprocess.Popen(self.as_child(program, "-title", title), env=self.x_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, process)
        window = subprocess.run(["xdotool", "search", "--sync", "--name", title], env=self.x_env,
                                capture_output=True, text=True, timeout=10).stdout.split()[-1]
        subprocess.run(["xdotool", "windowactivate", window], env=self.x_env, timeout=10)
        self._wait_for(lambda: subprocess.run(["xdotool", "getactivewindow"], env=self.x_env, capture_output=True,
                                              text=True).stdout.strip() == window, "the window to be active")
        return window

    def start_helper(self):
        helper = subprocess.Popen(self.as_child(SESSION, "--keep-alive", "1"), env=self.x_env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addCleanup(self.end, helper)
        return helper

    def timeline(self):
        return self.admin_json("Timeline", CHILD_UID, time.strftime("%Y-%m-%d"))

    def wait_for_entry(self, predicate, what):
        self._wait_for(lambda: any(predicate(entry) for entry in self.timeline()), what, timeout=10)


class FocusTest(SessionHelperTest):
    def test_the_focused_app_is_recorded_by_its_executable_and_class(self):
        self.open_window("xlogo", "Homework - Docs")
        self.start_helper()
        self.wait_for_entry(lambda e: e["exe"] == "/usr/bin/xlogo" and e["desktopId"] == "XLogo", "xlogo recorded")
        # Another program (a copy of xlogo under another path: apps are told apart by path).
        game = os.path.join(self.dir, "game")
        subprocess.run(["cp", "/usr/bin/xlogo", game], check=True)
        self.open_window(game, "Game")
        self.wait_for_entry(lambda e: e["exe"] == game, "the focus change recorded")
        self.assertTrue(all(entry["title"] == "" for entry in self.timeline()), "titles are off by default")

    def test_without_a_probe_for_the_desktop_it_says_so(self):
        env = dict(self.x_env, XDG_SESSION_TYPE="wayland", XDG_CURRENT_DESKTOP="GNOME")
        result = subprocess.run(self.as_child(SESSION), env=env, capture_output=True, text=True, timeout=10)
        self.assertEqual(result.returncode, 3)
        self.assertIn("no probe for this desktop", result.stderr)
        self.assertIn("unknown app", result.stderr)


class TitleTest(SessionHelperTest):
    record_titles = True

    def test_titles_are_recorded_when_the_rules_say_so_and_retitles_count(self):
        window = self.open_window("xlogo", "Homework - Docs")
        self.start_helper()
        self.wait_for_entry(lambda e: e["title"] == "Homework - Docs", "the title")
        subprocess.run(["xdotool", "set_window", "--name", "Bài tập về nhà 📚", window], env=self.x_env, timeout=10)
        self.wait_for_entry(lambda e: e["title"] == "Bài tập về nhà 📚", "the new title")


if __name__ == "__main__":
    unittest.main(verbosity=2)
