# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-tray, the child's view: screenshots of the window, the tray icon at several times
left and the time's-up screen, in English and Vietnamese (kept as artifacts and checked to be
non-blank and to show the expected texts through widget introspection); the view fed by the
real service on a private bus; and the warning notification's urgency, with a mocked
notification daemon (python3-dbusmock's notification_daemon template)."""

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import unittest
import zlib

sys.path.insert(0, os.path.dirname(__file__))
from harness import BUILD, CHILD_UID, ServiceTestCase  # noqa: E402

TRAY = os.environ.get("SUNDIAL_TRAY", os.path.join(BUILD, "ui", "tray", "sundial-tray"))
ARTIFACTS = os.environ.get("SUNDIAL_ARTIFACTS", os.path.join(BUILD, "test-artifacts"))
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def distinct_pixel_bytes(path):
    """How many distinct byte values the image's pixel data holds (a blank image has 1 or 2)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    position, compressed = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        if kind == b"IDAT":
            compressed += data[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(compressed)))


def offscreen_env(base):
    env = dict(base, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR="/tmp")
    env.pop("DISPLAY", None)
    return env


class ScreenshotTest(unittest.TestCase):
    def shoot(self, language):
        directory = os.path.join(ARTIFACTS, "tray-" + language)
        shutil.rmtree(directory, ignore_errors=True)
        result = subprocess.run([TRAY, "--screenshot", directory, "--sample", "--language", language],
                                env=offscreen_env(os.environ), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        for name in ("child-window", "child-window-stay-safe", "time-up", "time-up-downtime", "tray-90min",
                     "tray-14min", "tray-1min", "tray-0min"):
            path = os.path.join(directory, name + ".png")
            self.assertTrue(os.path.exists(path), path)
            self.assertGreater(distinct_pixel_bytes(path), 10, path + " looks blank")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def test_english(self):
        texts = self.shoot("en")
        window, screen = texts["childWindow"], texts["timeUpScreen"]
        self.assertEqual(window["headline"], "45 min left today")
        self.assertEqual(window["askButton"], "Ask for more time")
        self.assertEqual(window["approveButton"], "Give time with a parent's password")
        self.assertIn("never records what you type", window["recorded"])
        self.assertIn("(only the site's name)", window["recorded"])
        self.assertIn("the reasons you write", window["recordedWhoSees"])
        self.assertEqual(window["reason"], "45 min of Saturday's 2 h left")
        # Only the number: whether a line is free or open at night depends on the line.
        self.assertEqual(window["helpLinePhone"], "Call 111")
        self.assertIn("even when your time is up", window["helpLineWhen"])
        # Staying safe online: its title, and that it is never the child's fault.
        self.assertEqual(window["staySafeTitle"], "Staying safe online")
        self.assertIn("It is not your fault", window["staySafeNotYourFault"])
        self.assertIn("the help line above", window["staySafeTellSomeone"])
        self.assertEqual(screen["timeUpTitle"], "Time is up")
        self.assertEqual(screen["countdown"], "Save your work: the screen locks in 60 seconds.")
        self.assertIn("111", screen["helpLinePhone"])
        # Asked from the screen, answered on the screen: a lock keeps it above the child's window.
        self.assertEqual(screen["timeUpRequestState"], "Asked. Waiting for a parent to answer…")
        # Downtime: the always-allowed apps as buttons, what happens to the others, the help line.
        downtime = texts["downtimeScreen"]
        self.assertEqual(downtime["offeredAppsTitle"], "You can still use:")
        self.assertEqual(downtime["offeredApp-org.kde.kalzium"], "Kalzium")
        self.assertEqual(downtime["offeredApp-org.gnome.Dictionary"], "Dictionary")
        self.assertEqual(downtime["countdown"], "Other apps are closed until you have time again.")
        self.assertEqual(downtime["helpLinePhone"], "Call 111")
        self.assertEqual(downtime["timeUpAsk"], "Ask for more time")

    def test_vietnamese(self):
        texts = self.shoot("vi")
        window, screen = texts["childWindow"], texts["timeUpScreen"]
        self.assertEqual(window["headline"], "Hôm nay còn 45 phút")
        self.assertEqual(window["askButton"], "Xin thêm thời gian")
        self.assertEqual(window["approveButton"], "Cho thêm thời gian (bố mẹ nhập mật khẩu)")
        self.assertEqual(screen["timeUpTitle"], "Hết giờ rồi")
        self.assertEqual(screen["timeUpRequestState"], "Đã gửi lời xin. Đang chờ bố mẹ trả lời…")
        self.assertEqual(screen["countdown"], "Em hãy lưu lại việc đang làm: sau 60 giây màn hình sẽ khóa.")
        # The service's reason, said in Vietnamese from its parts.
        self.assertEqual(window["reason"], "Thứ Bảy được 2 giờ, còn 45 phút")
        self.assertEqual(screen["timeUpReason"], "Em đã dùng hết 2 giờ của Thứ Bảy")
        # A category's budget by the category's name in Vietnamese, not its key ("Game").
        self.assertTrue(window["budgets"].startswith("Trò chơi: "), window["budgets"])
        self.assertIn("Sundial không ghi lại phím em gõ và không chụp màn hình.", window["recorded"])
        self.assertIn("lý do em ghi khi xin thêm giờ", window["recordedWhoSees"])
        self.assertEqual(window["helpLineName"], "Tổng đài điện thoại quốc gia bảo vệ trẻ em")
        self.assertEqual(window["helpLineNote"], "Miễn phí, cả ngày lẫn đêm")  # the line's own words
        self.assertEqual(window["helpLinePhone"], "Gọi 111")
        self.assertIn("kể cả khi đã hết giờ", window["helpLineWhen"])
        downtime = texts["downtimeScreen"]
        self.assertEqual(downtime["offeredAppsTitle"], "Em vẫn có thể dùng:")
        self.assertEqual(downtime["countdown"], "Các ứng dụng khác sẽ đóng cho đến khi em có thời gian trở lại.")
        self.assertEqual(downtime["timeUpTitle"], "Hết giờ rồi")
        self.assertEqual(downtime["helpLinePhone"], "Gọi 111")

    def test_vietnamese_safety_tips(self):
        window = self.shoot("vi")["childWindow"]
        self.assertEqual(window["staySafeTitle"], "Giữ an toàn khi lên mạng")
        self.assertIn("không phải lỗi của em", window["staySafeNotYourFault"])
        self.assertIn("đường dây trợ giúp", window["staySafeTellSomeone"])


# The contexts of what the child sees (the tray's classes and the texts they share).
CHILD_CONTEXTS = {"Duration", "Notifications", "Reason", "TimeUpAction", "Tray", "sundial::ui::ChildWindow",
                  "sundial::ui::HelpLineBox", "sundial::ui::TimeUpScreen", "sundial::ui::ServiceConnection",
                  "sundial::ui::CategoryNames", "sundial::ui::StaySafeBox"}
# Names, not words: the product, a key, and the sample's apps and help line.
NOT_WORDS = {"sundial", "ctrl", "kalzium", "dictionary", "https", "tongdai111"}


def english_words_of_child_texts():
    """Every English word (4 letters or more) of the child's source texts, from the .ts file."""
    import xml.etree.ElementTree as ElementTree
    ts = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "translations",
                      "sundial_vi.ts")
    words = set()
    for context in ElementTree.parse(ts).getroot().iter("context"):
        if context.findtext("name") not in CHILD_CONTEXTS:
            continue
        for message in context.iter("message"):
            words.update(word.lower() for word in re.findall(r"[A-Za-z]{4,}", message.findtext("source") or ""))
    return words - NOT_WORDS


class VietnameseWordsTest(unittest.TestCase):
    def test_no_english_word_on_a_vietnamese_screen_of_the_child(self):
        english = english_words_of_child_texts()
        self.assertIn("minutes", english)  # the list is the real one
        directory = os.path.join(ARTIFACTS, "tray-vi-words")
        shutil.rmtree(directory, ignore_errors=True)
        result = subprocess.run([TRAY, "--screenshot", directory, "--sample", "--language", "vi"],
                                env=offscreen_env(os.environ), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        texts = json.loads(result.stdout.strip().splitlines()[-1])
        found = []
        for view, labels in texts.items():
            for name, text in labels.items():
                shown = re.sub(r"<[^>]+>|https?://\S+", " ", text)  # markup and addresses are not words
                for word in re.findall(r"[A-Za-z]{4,}", shown):
                    if word.lower() in english:
                        found.append("%s.%s: %r in %r" % (view, name, word, text))
        self.assertEqual(found, [], "English on a Vietnamese screen of the child")


class LiveViewTest(ServiceTestCase):
    def test_the_window_shows_what_the_service_decided_for_this_child(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={day: {"budgetMinutes": 90} for day in WEEKDAYS},
            helpLine={"name": "Childline", "phone": "0800 1111", "url": "https://www.childline.org.uk"}))
        directory = os.path.join(self.dir, "shots")
        result = subprocess.run(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                 TRAY, "--screenshot", directory, "--language", "en"],
                                env=offscreen_env(self.env), capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        window = json.loads(result.stdout.strip().splitlines()[-1])["childWindow"]
        self.assertEqual(window["headline"], "1 h 30 min left today")
        self.assertRegex(window["reason"], r"^1 h 30 min of \w+day's 1 h 30 min left$")
        self.assertIn("Childline", window["helpLineName"])
        self.assertIn("0800 1111", window["helpLinePhone"])


class WarningAndTimeUpTest(ServiceTestCase):
    """The tray as it runs in a child's session: warnings become desktop notifications (a
    mocked notification daemon on the child's own session bus records them), and at zero the
    time's-up screen shows before the service locks."""

    def test_the_last_minute_is_critical_and_the_time_up_screen_precedes_the_lock(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        self.agent("Admin.SetRules", CHILD_UID, self.rules(
            days={day: {"budgetMinutes": 1} for day in WEEKDAYS}, warningMinutes=[1],
            lockout={"graceSeconds": 2, "lockConfirmSeconds": 30}))
        self.stop_service()
        self.seed_usage(CHILD_UID, 55)  # 5 s left: inside the 1-minute warning
        self.start_service()

        child = ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups"]
        shared = os.path.join(self.dir, "child")
        os.makedirs(shared)
        os.chmod(shared, 0o777)
        session_bus = subprocess.Popen(child + ["dbus-daemon", "--session", "--nofork", "--print-address",
                                                "--address=unix:path=%s/bus" % shared],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.addCleanup(lambda: (session_bus.terminate(), session_bus.wait(timeout=10)))
        address = session_bus.stdout.readline().strip()
        child_env = offscreen_env(dict(self.env, DBUS_SESSION_BUS_ADDRESS=address))
        notify_log = os.path.join(shared, "notify.log")
        notifications = subprocess.Popen(child + ["/usr/bin/python3", "-m", "dbusmock", "--template",
                                                  "notification_daemon", "-l", notify_log],
                                         env=child_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (notifications.terminate(), notifications.wait(timeout=10)))
        self._wait_for(lambda: os.path.exists(notify_log), "the notification daemon mock")
        tray_log = open(os.path.join(self.dir, "tray.log"), "w")
        tray = subprocess.Popen(child + [TRAY, "--language", "en"], env=child_env, stdout=tray_log, stderr=tray_log)
        self.addCleanup(lambda: (tray.terminate(), tray.wait(timeout=10)))
        time.sleep(1.5)  # the tray subscribes to the service's signals

        self.add_session()
        self._wait_for(lambda: "Notify" in open(notify_log).read(), "a notification", timeout=10)
        notify = [line for line in open(notify_log) if "Notify" in line][0]
        self.assertIn("Sundial", notify)
        self.assertRegex(notify, r"urgency.*(Byte\(2\)|: 2)")
        self._wait_for(lambda: "time's-up screen shown" in open(tray_log.name).read(), "the time's-up screen",
                       timeout=15)
        shown = time.time()
        self.assertEqual(self.logind_calls("LockSession"), [], "locked before the grace ended")
        self._wait_for(lambda: self.logind_calls("LockSession"), "the lock after the grace", timeout=10)
        locked = float(self.logind_calls("LockSession")[0].split()[0])
        self.assertGreater(locked, shown - 0.5)


class RequestFlowTest(ServiceTestCase):
    def test_an_answer_to_the_childs_request_reaches_the_window(self):
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)
        child = ["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups"]
        tray_log = os.path.join(self.dir, "tray.log")
        tray = subprocess.Popen(child + [TRAY, "--language", "en"], env=offscreen_env(self.env),
                                stdout=open(tray_log, "w"), stderr=subprocess.STDOUT)
        self.addCleanup(lambda: (tray.terminate(), tray.wait(timeout=10)))
        self._wait_for(lambda: "showing the window" in open(tray_log).read(), "the tray to start")
        # The same Child.RequestMoreTime call the window's button makes.
        asked = self.agent("Child.RequestMoreTime", 15, "'Bài tập'", uid=CHILD_UID).stdout
        request_id = int(asked.split("int64 ")[1].split(",")[0].rstrip(")"))
        self.agent("Admin.AnswerRequest", request_id, 15)
        self._wait_for(lambda: "request %d approved: 15 min, shown in the window" % request_id
                       in open(tray_log).read(), "the answer in the window", timeout=10)


class TrayHostTest(ServiceTestCase):
    """Under a real X server: with a system tray (trayer) the icon goes there; without one the
    window shows instead."""

    def run_tray(self, with_tray):
        number = next(n for n in range(600 + os.getpid() % 300, 1000) if not os.path.exists("/tmp/.X%d-lock" % n))
        xvfb = subprocess.Popen(["Xvfb", ":%d" % number, "-ac", "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (xvfb.terminate(), xvfb.wait(timeout=10)))
        env = dict(self.env, DISPLAY=":%d" % number, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR="/tmp")
        self._wait_for(lambda: subprocess.run(["xdpyinfo"], env=env, stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL).returncode == 0, "the X server")
        if with_tray:
            trayer = subprocess.Popen(["trayer"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.addCleanup(lambda: (trayer.terminate(), trayer.wait(timeout=10)))
            time.sleep(1)
        log = os.path.join(self.dir, "tray-%s.log" % with_tray)
        tray = subprocess.Popen(["setpriv", "--reuid=%d" % CHILD_UID, "--regid=%d" % CHILD_UID, "--clear-groups",
                                 TRAY, "--language", "en"], env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        self.addCleanup(lambda: (tray.terminate(), tray.wait(timeout=10)))
        self._wait_for(lambda: "sundial-tray: " in open(log).read(), "the tray to start")
        return open(log).read()

    def setUp(self):
        super().setUp()
        self.start_service()
        self.agent("Admin.AddChild", CHILD_UID)

    def test_with_a_system_tray_the_icon_goes_there(self):
        self.assertIn("in the system tray", self.run_tray(True))

    def test_without_a_system_tray_the_window_shows(self):
        self.assertIn("no system tray here: showing the window", self.run_tray(False))


if __name__ == "__main__":
    unittest.main(verbosity=2)
