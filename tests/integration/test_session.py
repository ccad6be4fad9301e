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
        # A display number of our own: the first free one may be :0, which a desktop or a
        # stale lock can claim between our check and Xvfb's.
        number = next(n for n in range(100 + os.getpid() % 500, 1000)
                      if not os.path.exists("/tmp/.X%d-lock" % n) and not os.path.exists("/tmp/.X11-unix/X%d" % n))
        self.xvfb = subprocess.Popen(["Xvfb", ":%d" % number, "-screen", "0", "1024x768x24", "-ac", "-nolisten",
                                      "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, self.xvfb)
        self.display = ":%d" % number
        self.x_env = dict(self.env, DISPLAY=self.display, XDG_SESSION_TYPE="x11", HOME=self.dir)
        self._wait_for(lambda: subprocess.run(["xdpyinfo"], env=self.x_env, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL).returncode == 0, "the X server")
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
        log = open(os.path.join(self.dir, os.path.basename(program) + ".log"), "w")
        process = subprocess.Popen(self.as_child(program, "-title", title), env=self.x_env, stdout=log, stderr=log)
        self.addCleanup(self.end, process)
        found = []

        def search():
            result = subprocess.run(["xdotool", "search", "--name", title], env=self.x_env, capture_output=True,
                                    text=True, timeout=10)
            found[:] = result.stdout.split()
            return bool(found)

        try:
            self._wait_for(search, "the window titled " + title)
        except AssertionError:
            raise AssertionError("no window %r; %s said: %s" % (title, program, open(log.name).read()))
        window = found[-1]
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
