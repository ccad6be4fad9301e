# SPDX-License-Identifier: GPL-3.0-or-later
"""Downtime in a real X session (Xvfb with openbox): when time is up and some apps are always
allowed, the session stays open; sundiald closes the child's other apps, as they start too, and
never the desktop; the time's-up screen (sundial-tray, run as the child) offers the allowed apps
and the help line's page, which open in front of it. The service runs on a private system bus
with python3-dbusmock's logind template (logind cannot run in CI) and reads the desktop entries
of a private XDG_DATA_DIRS (the system's, as far as the child is concerned: the child cannot
write them). The help line's page opens through a stand-in `xdg-open` that shows the address in
an xmessage window, a "browser" by its desktop entry's WebBrowser category."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID  # noqa: E402
from test_session import SessionHelperTest  # noqa: E402

TRAY = os.environ.get("SUNDIAL_TRAY", os.path.join(BUILD, "ui", "tray", "sundial-tray"))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
HELP_LINE_URL = "http://127.0.0.1:9/help-line"

ENTRIES = {
    "xeyes": "Name=Eyes\nName[vi]=Đôi mắt\nExec=xeyes\nIcon=xeyes\nCategories=Education;\n",
    "xlogo": "Name=Logo\nExec=xlogo\nCategories=Education;\n",
    "xclock": "Name=Clock\nExec=xclock\nCategories=Utility;\n",
    "browser": "Name=Browser\nExec=xmessage %u\nCategories=Network;WebBrowser;\n",
}


class DowntimeTest(SessionHelperTest):
    def _wait_for(self, condition, what, timeout=20.0):
        # An X session, a window manager, the helper, the tray and the service on a busy CI machine.
        super()._wait_for(condition, what, timeout)

    def start_service(self, *extra, env=None, **options):
        share = os.path.join(self.dir, "share")
        os.makedirs(os.path.join(share, "applications"), exist_ok=True)
        # The desktop's panel (a copy of sleep by that name), which has an entry like an app.
        self.panel = os.path.join(self.dir, "desktop", "xfce4-panel")
        os.makedirs(os.path.dirname(self.panel), exist_ok=True)
        shutil.copy("/usr/bin/sleep", self.panel)
        os.chmod(os.path.dirname(self.panel), 0o755)
        entries = dict(ENTRIES, panel="Name=Panel\nExec=%s\nCategories=Settings;\n" % self.panel)
        for name, body in entries.items():
            with open(os.path.join(share, "applications", name + ".desktop"), "w") as entry:
                entry.write("[Desktop Entry]\nType=Application\n" + body)
        super().start_service(*extra, env=dict(env or self.env, XDG_DATA_DIRS=share), **options)

    def start_app(self, program, title):
        """Starts `program` as the child with a window titled `title`; returns the process."""
        process = subprocess.Popen(self.as_child(program, "-title", title), env=self.x_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, process)
        self._wait_for(lambda: self.window_titled(title), "the window titled " + title)
        return process

    def window_titled(self, title):
        found = subprocess.run(["xdotool", "search", "--name", title], env=self.x_env, capture_output=True,
                               text=True, timeout=10).stdout.split()
        return found[-1] if found else None

    def active_window(self):
        return subprocess.run(["xdotool", "getactivewindow"], env=self.x_env, capture_output=True, text=True,
                              timeout=10).stdout.strip()

    def top_window(self):
        """The topmost managed window, from the window manager's stacking list."""
        out = subprocess.run(["xprop", "-root", "_NET_CLIENT_LIST_STACKING"], env=self.x_env, capture_output=True,
                             text=True, timeout=10).stdout
        return str(int(out.split("#")[1].split(",")[-1].strip(), 16))

    def press(self, window, keys):
        subprocess.run(["xdotool", "windowactivate", "--sync", window], env=self.x_env, timeout=10)
        subprocess.run(["xdotool", "key", "--clearmodifiers", keys], env=self.x_env, check=True, timeout=10)

    def exited(self, process, what, timeout=10):
        self._wait_for(lambda: process.poll() is not None, what + " to be closed", timeout=timeout)

    def still_running_after(self, process, seconds, what):
        # Longer than the service's sweep (2 s) and its SIGTERM-to-SIGKILL grace.
        time.sleep(seconds)
        self.assertIsNone(process.poll(), what + " was closed")

    def start_tray(self):
        stand_ins = os.path.join(self.dir, "bin")
        os.makedirs(stand_ins, exist_ok=True)
        xdg_open = os.path.join(stand_ins, "xdg-open")
        with open(xdg_open, "w") as script:
            script.write('#!/bin/sh\nexec xmessage -title "Help line page" "$1"\n')
        os.chmod(xdg_open, 0o755)
        self.tray_log = os.path.join(self.dir, "tray.log")
        env = dict(self.x_env, QT_QPA_PLATFORM="xcb", PATH=stand_ins + ":" + os.environ["PATH"])
        with open(self.tray_log, "w") as log:
            tray = subprocess.Popen(self.as_child(TRAY, "--language", "en"), env=env, stdout=log, stderr=log)
        self.addCleanup(self.end, tray)
        self._wait_for(lambda: "sundial-tray:" in open(self.tray_log).read(), "the tray to start")
        time.sleep(1.0)  # the tray subscribes to the service's signals
        return tray

    def tray_said(self):
        with open(self.tray_log) as log:
            return log.read()

    def test_only_always_allowed_apps_run_and_the_screen_offers_them_and_the_help_line(self):
        panel = subprocess.Popen(self.as_child(self.panel, "600"))
        self.addCleanup(self.end, panel)
        allowed = self.start_app("/usr/bin/xeyes", "eyes-allowed")
        other = self.start_app("/usr/bin/xclock", "clock-not-allowed")
        self.start_helper()
        tray = self.start_tray()
        # Time is up (no minutes today); two apps are always allowed; a short grace.
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={day: {"budgetMinutes": 0} for day in WEEKDAYS},
            apps=[{"match": {"desktopId": "xeyes"}, "action": "alwaysAllowed"},
                  {"match": {"exe": "/usr/bin/xlogo"}, "action": "alwaysAllowed"}],
            lockout={"graceSeconds": 2},
            helpLine={"name": "Test Help Line", "phone": "111", "url": HELP_LINE_URL}))

        self.exited(other, "the clock (not always allowed)")
        self.assertIn("downtime", self.audit_kinds())
        self.assertIn("app-closed", self.audit_kinds())
        self.assertEqual(self.logind_calls("LockSession"), [], "downtime must not lock the session")
        self.still_running_after(allowed, 3, "the always-allowed eyes")
        status = self.agent("Child.GetStatus", uid=CHILD_UID).stdout
        self.assertIn("'downtime': <true>", status)
        self.assertIn("'lockoutAction': <'downtime'>", status)
        offered = json.loads(status.split("'offeredApps': <'")[1].split("'>")[0])
        self.assertEqual([app["id"] for app in offered], ["xeyes", "xlogo"])
        self.assertEqual(offered[0]["names"], {"vi": "Đôi mắt"})
        self._wait_for(lambda: "time's-up screen shown, downtime" in self.tray_said(), "the time's-up screen")

        # An allowed app started from the screen (Ctrl+2: the second offered, Logo) opens in front.
        screen = self.window_titled("Time is up")
        self.assertIsNotNone(screen, "no time's-up screen")
        self.press(screen, "ctrl+2")
        self._wait_for(lambda: "started xlogo" in self.tray_said(), "the screen to start Logo")
        self._wait_for(lambda: subprocess.run(["xdotool", "search", "--class", "xlogo"], env=self.x_env,
                                              capture_output=True).returncode == 0, "the Logo window")
        logo = subprocess.run(["xdotool", "search", "--class", "xlogo"], env=self.x_env, capture_output=True,
                              text=True).stdout.split()[-1]
        self._wait_for(lambda: self.top_window() == logo, "Logo above the screen")
        # xlogo sets no _NET_WM_PID: the child's only xlogo process.
        logo_pid = int(subprocess.run(["pgrep", "-u", str(CHILD_UID), "-x", "xlogo"], capture_output=True,
                                      text=True).stdout.split()[0])
        time.sleep(4)
        self.assertTrue(os.path.exists("/proc/%d" % logo_pid), "Logo, started from the screen, was closed")

        # The help line's page (F1) opens in front, and the browser showing it stays open.
        self.press(screen, "F1")
        self._wait_for(lambda: self.window_titled("Help line page"), "the help line's page")
        page = self.window_titled("Help line page")
        self._wait_for(lambda: self.top_window() == page, "the help line's page above the screen")
        self.assertIn("help-line-opened", self.audit_kinds())
        self.assertIn("help line page opened: " + HELP_LINE_URL, self.tray_said())
        time.sleep(4)
        self.assertIsNotNone(self.window_titled("Help line page"), "the help line's page was closed")

        # A program with no desktop entry is closed once it is used (focused). (A copy of xmessage:
        # xclock takes no input focus.)
        game = os.path.join(self.dir, "game")
        shutil.copy("/usr/bin/xmessage", game)
        os.chmod(game, 0o755)
        started = subprocess.Popen(self.as_child(game, "-title", "a-game", "a game"), env=self.x_env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, started)
        # Once focused (openbox does not always focus a new window, so the child clicks it: here
        # xdotool), the helper reports it and the service closes it.

        def used_until_closed():
            if started.poll() is not None:
                return True
            window = self.window_titled("a-game")
            if window:
                subprocess.run(["xdotool", "windowactivate", window], env=self.x_env, timeout=10,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.3)
            return started.poll() is not None
        self._wait_for(used_until_closed, "a game with no desktop entry to be closed")
        closed = [entry["detail"] for entry in self.admin_json("Audit", 0, 1000)["entries"]
                  if entry["kind"] == "app-closed"]
        self.assertTrue(any(detail.startswith("game ") for detail in closed), closed)

        # Killing the screen changes nothing the service enforces.
        tray.send_signal(signal.SIGKILL)
        tray.wait(timeout=10)
        again = subprocess.Popen(self.as_child("/usr/bin/xclock", "-title", "clock-again"), env=self.x_env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, again)
        self.exited(again, "a clock started after the screen was killed")
        self.assertIsNone(allowed.poll(), "the always-allowed eyes were closed")
        self.assertIsNone(panel.poll(), "downtime closed the desktop's panel")
        self.assertEqual(self.logind_calls("LockSession"), [])

    def test_without_the_helper_downtime_locks(self):
        """The service cannot see which app is in use without its helper: it locks instead."""
        self.start_app("/usr/bin/xeyes", "eyes")
        self.start_helper()
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={day: {"budgetMinutes": 0} for day in WEEKDAYS},
            apps=[{"match": {"desktopId": "xeyes"}, "action": "alwaysAllowed"}], lockout={"graceSeconds": 1}))
        self._wait_for(lambda: "downtime" in self.audit_kinds(), "downtime")
        self.assertEqual(self.logind_calls("LockSession"), [])
        # The helper and its crash restarter, as a child with a terminal would.
        subprocess.run(["pkill", "-KILL", "-u", str(CHILD_UID), "-f", "sundial-session"], timeout=10)
        self._wait_for(lambda: self.logind_calls("LockSession"), "the lock once the helper is gone",
                       timeout=self.helper_timeout + 10)

    def test_a_parent_who_chose_the_lock_gets_the_lock(self):
        allowed = self.start_app("/usr/bin/xeyes", "eyes")
        self.start_helper()
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={day: {"budgetMinutes": 0} for day in WEEKDAYS},
            apps=[{"match": {"desktopId": "xeyes"}, "action": "alwaysAllowed"}],
            lockout={"graceSeconds": 1, "downtime": False}))
        self._wait_for(lambda: self.logind_calls("LockSession"), "the lock")
        self.assertNotIn("downtime", self.audit_kinds())
        self.assertIsNone(allowed.poll())


if __name__ == "__main__":
    unittest.main()
