# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-session in a real X session: Xvfb with openbox as window manager, real windows
(x11-apps) run as the child, the helper run as the child, and the real service on a private
system bus with the logind mock (logind cannot run in CI). Media players are a fake MPRIS
player (fake_mpris_player.py) on a private session bus of the child's. What is checked is what
the service recorded, not only what the helper sent."""

import os
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

SESSION = os.environ.get("SUNDIAL_SESSION", os.path.join(BUILD, "agent", "session", "sundial-session"))
PLAYER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fake_mpris_player.py")

# The child's session bus: only its own uid may connect (dbus-daemon's default), no activation.
SESSION_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SessionHelperTest(ServiceTestCase):
    record_titles = False
    idle_threshold = None  # seconds; the rules' default (180 s) when None

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
        # No session bus unless a test starts one (the caller's runtime directory is not the child's).
        self.x_env.pop("XDG_RUNTIME_DIR", None)
        self.pointer = 0
        self._wait_for(lambda: subprocess.run(["xdpyinfo"], env=self.x_env, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL).returncode == 0, "the X server")
        self.wm = subprocess.Popen(["openbox", "--sm-disable"], env=self.x_env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, self.wm)
        time.sleep(0.5)
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        rules = {"privacy": {"recordTitles": self.record_titles}}
        if self.idle_threshold is not None:
            rules["idleThresholdSeconds"] = self.idle_threshold
        self.agent("Admin.SetRules", CHILD_UID, self.rules(**rules))
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

    def start_helper(self, keep_alive=1, env=None, *extra):
        with open(os.path.join(self.dir, "sundial-session.log"), "w") as log:
            helper = subprocess.Popen(self.as_child(SESSION, "--keep-alive", str(keep_alive), *extra),
                                      env=env or self.x_env, stdout=log, stderr=log)
        self.addCleanup(self.end, helper)
        return helper

    def helper_log(self):
        with open(os.path.join(self.dir, "sundial-session.log")) as log:
            return log.read()

    def touch(self):
        """Input from the child: a pointer move (each to another place), which resets the idle time."""
        self.pointer += 1
        subprocess.run(["xdotool", "mousemove", str(100 + self.pointer % 2 * 50), "100"], env=self.x_env,
                       check=True, timeout=10)

    def start_session_bus(self):
        """A private session bus run as the child; returns the environment for the child's programs on it."""
        directory = os.path.join(self.dir, "session-bus")
        os.mkdir(directory)
        os.chown(directory, CHILD_UID, CHILD_UID)
        socket = os.path.join(directory, "socket")
        config = os.path.join(directory, "bus.conf")
        with open(config, "w") as f:
            f.write(SESSION_BUS_CONFIG.format(socket=socket))
        bus = subprocess.Popen(self.as_child("dbus-daemon", "--config-file=" + config, "--nofork", "--nosyslog"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(self.end, bus)
        self._wait_for(lambda: os.path.exists(socket), "the session bus socket")
        return dict(self.x_env, DBUS_SESSION_BUS_ADDRESS="unix:path=" + socket)

    def session_call(self, env, destination, path, method, *args):
        result = subprocess.run(self.as_child("gdbus", "call", "--session", "-d", destination, "-o", path, "-m", method,
                                              *args), env=env, capture_output=True, text=True, timeout=30)
        if result.returncode != 0:
            raise AssertionError("%s failed: %s" % (method, result.stderr.strip()))
        return result.stdout

    def start_player(self, env, name, status):
        log = os.path.join(self.dir, "player-%s.log" % name)
        with open(log, "w") as output:
            player = subprocess.Popen(self.as_child("/usr/bin/python3", self.child_readable(PLAYER), "--name", name,
                                                    "--status", status),
                                      env=env, stdout=output, stderr=output)
        self.addCleanup(self.end, player)
        bus_name = "org.mpris.MediaPlayer2." + name
        self._wait_for(lambda: player.poll() is not None or "true" in self.session_call(
            env, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner", bus_name),
            bus_name + " on the session bus")
        if player.poll() is not None:
            with open(log) as output:
                raise AssertionError("the fake player exited: " + output.read())
        return player

    def timeline(self):
        return self.admin_json("Timeline", CHILD_UID, time.strftime("%Y-%m-%d"))

    def wait_for_entry(self, predicate, what, timeout=10):
        self.wait_for_timeline(lambda entries: any(predicate(entry) for entry in entries), what, timeout)

    def wait_for_timeline(self, predicate, what, timeout=10):
        try:
            self._wait_for(lambda: predicate(self.timeline()), what, timeout=timeout)
        except AssertionError as error:
            raise AssertionError("%s\ntimeline: %s\nsundial-session said: %s"
                                 % (error, self.timeline(), self.helper_log())) from None


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
        self.assertIn("no session bus", self.helper_log())
        self.assertIn("media playback is not reported", self.helper_log())

    def test_without_a_probe_for_the_desktop_it_says_so(self):
        env = dict(self.x_env, XDG_SESSION_TYPE="wayland", XDG_CURRENT_DESKTOP="GNOME")
        result = subprocess.run(self.as_child(SESSION), env=env, capture_output=True, text=True, timeout=10)
        self.assertEqual(result.returncode, 3)
        self.assertIn("no probe for this desktop", result.stderr)
        self.assertIn("unknown app", result.stderr)


class RestartTest(SessionHelperTest):
    def test_a_killed_helper_restarts_and_the_service_counts_unknown_app_meanwhile(self):
        self.open_window("xlogo", "Homework - Docs")
        helper = subprocess.Popen(self.as_child(SESSION, "--keep-alive", "1", "--restart-delay", "8"),
                                  env=self.x_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.addCleanup(self.end, helper)
        self.wait_for_entry(lambda e: e["exe"] == "/usr/bin/xlogo", "xlogo recorded")

        def worker():
            found = subprocess.run(["pgrep", "-P", str(helper.pid)], capture_output=True, text=True).stdout.split()
            return int(found[0]) if found else None

        self._wait_for(lambda: worker() is not None, "the helper's worker process")
        first = worker()
        os.kill(first, 9)
        # The service counts on, as "unknown app", once the helper's reports stop.
        self._wait_for(lambda: "helper-missing" in self.audit_kinds(), "helper-missing", timeout=12)
        self.wait_for_entry(lambda e: e["unknownApp"] and e["charged"], "unknown-app time")
        # The restarter brings the helper back, and the focused app is reported again.
        self._wait_for(lambda: worker() not in (None, first), "a new worker", timeout=15)
        self._wait_for(lambda: "helper-back" in self.audit_kinds(), "the helper back", timeout=10)
        last = self.timeline()[-1]
        self.assertEqual(last["exe"], "/usr/bin/xlogo")


class TitleTest(SessionHelperTest):
    record_titles = True

    def test_titles_are_recorded_when_the_rules_say_so_and_retitles_count(self):
        window = self.open_window("xlogo", "Homework - Docs")
        self.start_helper()
        self.wait_for_entry(lambda e: e["title"] == "Homework - Docs", "the title")
        subprocess.run(["xdotool", "set_window", "--name", "Bài tập về nhà 📚", window], env=self.x_env, timeout=10)
        self.wait_for_entry(lambda e: e["title"] == "Bài tập về nhà 📚", "the new title")


def first_idle(entries):
    return next((index for index, entry in enumerate(entries) if entry["idle"]), None)


class IdleTest(SessionHelperTest):
    idle_threshold = 30  # the least the rules allow

    def test_without_input_for_the_threshold_the_child_is_idle_until_input_comes_back(self):
        self.open_window("xlogo", "Homework - Docs")
        self.touch()
        last_input = time.time()
        self.start_helper()
        self.wait_for_entry(lambda e: e["exe"] == "/usr/bin/xlogo" and not e["idle"] and e["charged"],
                            "active, charged time")
        self.wait_for_timeline(lambda entries: first_idle(entries) is not None, "an idle interval",
                               timeout=self.idle_threshold + 15)
        entries = self.timeline()
        idle = entries[first_idle(entries)]
        # The helper times the threshold from the last input; it does not notice it late by a poll.
        self.assertGreaterEqual(idle["start"], int(last_input) + self.idle_threshold - 1, entries)
        self.assertLessEqual(idle["start"], last_input + self.idle_threshold + 3, entries)
        self.assertFalse(idle["charged"], "idle time is not charged while no media plays")
        self.assertEqual(idle["exe"], "/usr/bin/xlogo", "idle time still says which app was in front")
        self.assertTrue(all(not entry["idle"] for entry in entries[:first_idle(entries)]), entries)
        self.touch()
        self.wait_for_timeline(lambda entries: any(not entry["idle"] and entry["charged"]
                                                   for entry in entries[first_idle(entries) + 1:]),
                               "active time again after input")


class MediaTest(SessionHelperTest):
    """Idle time counts as use while a media player plays (the child is watching a video)."""
    idle_threshold = 30

    def used_over(self, seconds):
        """How many seconds the service charged over the next `seconds`, after a second for reports to land."""
        time.sleep(1)
        before = self.status()["usedSeconds"]
        time.sleep(seconds)
        return self.status()["usedSeconds"] - before

    def assert_charging(self, charging, why):
        used = self.used_over(3)
        if charging:
            self.assertGreaterEqual(used, 2, "%s: %d s of 3 s charged\n%s" % (why, used, self.helper_log()))
        else:
            self.assertLessEqual(used, 1, "%s: %d s of 3 s charged\n%s" % (why, used, self.helper_log()))

    def test_idle_time_is_charged_while_a_player_plays_and_not_once_it_pauses(self):
        env = self.start_session_bus()
        self.start_player(env, "fakeplayer", "Playing")  # there before the helper: found by listing names
        self.open_window("xlogo", "Video")
        self.touch()
        self.start_helper(env=env)
        self.wait_for_timeline(lambda entries: first_idle(entries) is not None, "an idle interval",
                               timeout=self.idle_threshold + 15)
        entries = self.timeline()
        self.assertTrue(entries[first_idle(entries)]["charged"], "idle while media plays is charged: %s" % entries)
        self.assert_charging(True, "idle, media playing")

        self.session_call(env, "org.mpris.MediaPlayer2.fakeplayer", "/org/mpris/MediaPlayer2",
                          "org.mpris.MediaPlayer2.Player.Pause")
        self.assert_charging(False, "idle, the player paused")
        self.assertFalse(self.timeline()[-1]["charged"])

        # A player that appears later is found through NameOwnerChanged; one that quits stops counting.
        later = self.start_player(env, "later", "Playing")
        self.assert_charging(True, "idle, a second player playing")
        self.end(later)
        self.assert_charging(False, "idle, the playing player quit")
        self.assertNotIn("no session bus", self.helper_log())


if __name__ == "__main__":
    unittest.main(verbosity=2)
