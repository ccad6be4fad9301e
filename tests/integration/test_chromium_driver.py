# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless Chromium driver (chromium_driver.py) and the browser facts the site tracking's
tests build on: a tiny throwaway extension with Sundial's extension key (so its id is
cjmhddalpalbhhnjpicknhjmgagaaocf) is loaded with --load-extension, reaches a stub native-messaging
host named org.sundial.browser through a user-level host manifest in the profile, and reports the
domain of each tab that Target.activateTarget activates; pages come from a local HTTP server under
two host names (a.test, b.test) mapped by --host-resolver-rules. Run as root and as the test child
(uid 1001, through setpriv)."""

import base64
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from chromium_driver import (SYSTEM_CONFIG_DIR, Chromium, ChromiumError, LocalPages, find_chromium,  # noqa: E402
                             root_is_mount_point)

PACKER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "installer", "browser",
                      "pack-extension.py")
POLICY = os.path.join(os.path.dirname(__file__), "..", "..", "installer", "browser", "chromium-policy.json")
PRIVATE_OFF = os.path.join(os.path.dirname(__file__), "..", "..", "installer", "browser", "chromium-private-off.json")

CHILD_UID = 1001
EXTENSION_ID = "cjmhddalpalbhhnjpicknhjmgagaaocf"
HOST_NAME = "org.sundial.browser"
# The public half of Sundial's extension key (agent/browser/extension's manifest "key").
EXTENSION_KEY = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA+xJPmE7KKliyFJl6XyVfYU5udfLzYxnKtvXJQgMbwKlzOsEpNH2PjfkN"
    "IbhJlbS7/Uffm+sPmhzGr563Csnb8jfDEjTCz2li/edNatjGQnoN3U64BUyMZm72OxxWwuOhqWWLKx2arBI1XXLXmX6PslzpJwvEj"
    "UOmfA7Q9Xhl9kO3kng1IXQGjK3J9E/2dREE0n0erCfweoUSV4saF7p/7SaM25CdlZCVVTB1J9lwsmrVKDRXTwheH5uHmaoXG1d63Oc"
    "shtC9WpkRJFuPF+2T+7IfUkwUd+42SifkWUdS0Bi78GgVuKc6k9XPH0MnCpaM5Zjq4NRdO3+Hem7ZXx/FaQIDAQAB")

MANIFEST = {
    "manifest_version": 3,
    "name": "Sundial driver test",
    "version": "1.0",
    "key": EXTENSION_KEY,
    "permissions": ["tabs", "nativeMessaging"],
    "background": {"service_worker": "background.js"},
}

BACKGROUND = """
let port = null;
function send(message) {
  if (!port) {
    port = chrome.runtime.connectNative("org.sundial.browser");
    port.onDisconnect.addListener(() => { port = null; });
  }
  port.postMessage(message);
}
function hostOf(url) {
  try { return new URL(url).hostname; } catch (e) { return ""; }
}
chrome.tabs.onActivated.addListener(async ({tabId}) => {
  const tab = await chrome.tabs.get(tabId);
  const [active] = await chrome.tabs.query({active: true, lastFocusedWindow: true});
  send({type: "tab", event: "activated", domain: hostOf(tab.url || tab.pendingUrl || ""),
        queried: active ? hostOf(active.url || "") : null});
});
send({type: "tab", event: "startup", domain: "", who: chrome.runtime.getManifest().name});
"""

# The stub host: length-prefixed frames (native byte order) on stdin, one JSON line each appended
# to the report file, after a first line saying who it runs as.
HOST = """#!/usr/bin/python3
import json, os, struct, sys
with open(%(report)r, "a") as out:
    out.write(json.dumps({"host": "started", "uid": os.getuid(), "args": sys.argv[1:],
                          "bus": os.environ.get("DBUS_SYSTEM_BUS_ADDRESS")}) + "\\n")
    out.flush()
    while True:
        header = sys.stdin.buffer.read(4)
        if len(header) < 4:
            break
        (length,) = struct.unpack("=I", header)
        out.write(sys.stdin.buffer.read(length).decode() + "\\n")
        out.flush()
"""

def live_processes_in_group(pgid):
    """The processes of a process group that are not zombies (init reaps those in its own time)."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _protobuf_fields(data):
    """(field number, value) of a protobuf message's varint and length-delimited fields."""
    def varint(position):
        value = shift = 0
        while True:
            byte = data[position]
            position += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value, position
    position = 0
    while position < len(data):
        key, position = varint(position)
        if key & 7 == 0:
            value, position = varint(position)
        elif key & 7 == 2:
            length, position = varint(position)
            value, position = data[position:position + length], position + length
        else:
            raise ValueError("unexpected protobuf wire type %d" % (key & 7))
        yield key >> 3, value


def crx_identity(path):
    """(extension id, base64 public key) of a CRX3 file, from its header (CrxFileHeader: field 2
    holds sha256_with_rsa proofs, each with the public key in field 1)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"Cr24" or struct.unpack("<I", data[4:8])[0] != 3:
        raise ValueError(path + " is not a CRX3 file")
    header = data[12:12 + struct.unpack("<I", data[8:12])[0]]
    proof = next(value for field, value in _protobuf_fields(header) if field == 2)
    key = next(value for field, value in _protobuf_fields(proof) if field == 1)
    digest = hashlib.sha256(key).digest()[:16]
    extension_id = "".join("abcdefghijklmnop"[b >> 4] + "abcdefghijklmnop"[b & 15] for b in digest)
    return extension_id, base64.b64encode(key).decode()


@unittest.skipUnless(find_chromium(), "Chromium is not installed (/usr/bin/chromium, Debian's chromium package)")
class ChromiumDriverTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pages = LocalPages()
        cls.port = cls.pages.port

    @classmethod
    def tearDownClass(cls):
        cls.pages.close()

    def setUp(self):
        # Readable by the child: 0755 directories, 0644 files, an executable host.
        self.dir = tempfile.mkdtemp(prefix="sundial-chromium-test-")
        os.chmod(self.dir, 0o755)
        self.extension = os.path.join(self.dir, "extension")
        os.mkdir(self.extension)
        os.chmod(self.extension, 0o755)
        with open(os.path.join(self.extension, "manifest.json"), "w") as f:
            json.dump(MANIFEST, f)
        with open(os.path.join(self.extension, "background.js"), "w") as f:
            f.write(BACKGROUND)
        self.report = os.path.join(self.dir, "report.jsonl")
        open(self.report, "w").close()
        os.chmod(self.report, 0o666)
        self.host = os.path.join(self.dir, "host.py")
        with open(self.host, "w") as f:
            f.write(HOST % {"report": self.report})
        for name in ("manifest.json", "background.js"):
            os.chmod(os.path.join(self.extension, name), 0o644)
        os.chmod(self.host, 0o755)
        self.browser = None

    def tearDown(self):
        if self.browser is not None:
            failed = self._outcome.result.errors or self._outcome.result.failures
            if failed and any(test is self for test, _ in failed):
                print("\n--- chromium log ---\n" + self.browser.log_tail())
            self.browser.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def lines(self):
        with open(self.report) as f:
            return [json.loads(line) for line in f if line.strip()]

    def start(self, uid=None):
        self.browser = Chromium(
            extension_dir=self.extension,
            host_manifest={"name": HOST_NAME, "description": "test host", "path": self.host, "type": "stdio",
                           "allowed_origins": ["chrome-extension://%s/" % EXTENSION_ID]},
            resolver_rules="MAP *.test 127.0.0.1:%d" % self.port,
            uid=uid, env={"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent/bus"})
        return self.browser

    def check_tracking(self, uid):
        browser = self.start(uid)
        # The extension's first report: its service worker started and the host answered.
        self.browser.wait_for(lambda: any(line.get("event") == "startup" for line in self.lines()), 60,
                              "the extension's startup report")
        first_report = time.monotonic() - browser.started
        hello = self.lines()[0]
        self.assertEqual(hello["host"], "started")
        self.assertEqual(hello["uid"], os.getuid() if uid is None else uid)
        self.assertEqual(hello["args"][0], "chrome-extension://%s/" % EXTENSION_ID)
        self.assertEqual(hello["bus"], "unix:path=/nonexistent/bus", "the host inherits the driver's env")

        a = browser.new_tab("http://a.test/")
        b = browser.new_tab("http://b.test/page")
        self.assertEqual(browser.url_of(a), "http://a.test/")
        self.assertEqual(browser.evaluate(b, "document.title"), "b.test")
        self.assertEqual(browser.evaluate(a, "location.host"), "a.test")
        # Creating a tab activates it too (while still blank): let those reports land first.
        browser.wait_for(lambda: len([line for line in self.lines() if line.get("event") == "activated"]) >= 2, 30,
                         "the reports of the two new tabs")
        time.sleep(0.5)
        seen = len(self.lines())
        browser.activate(a)
        browser.wait_for(lambda: len(self.lines()) >= seen + 1, 30, "the report of activating a.test")
        browser.activate(b)
        browser.wait_for(lambda: len(self.lines()) >= seen + 2, 30, "the report of activating b.test")
        time.sleep(0.5)
        reports = self.lines()[seen:]
        self.assertEqual([(r["event"], r["domain"]) for r in reports],
                         [("activated", "a.test"), ("activated", "b.test")])
        # tabs.query({active: true, lastFocusedWindow: true}) agrees at each activation.
        self.assertEqual([r["queried"] for r in reports], ["a.test", "b.test"])

        # The same query, asked of the extension's service worker over the protocol.
        worker = browser.extension_worker(EXTENSION_ID)
        query = "chrome.tabs.query({active: true, lastFocusedWindow: true}).then(tabs => tabs.map(t => t.url))"
        self.assertEqual(browser.evaluate(worker, query, await_promise=True), ["http://b.test/page"])

        # Navigation in a tab, and a screenshot of it.
        browser.navigate(a, "http://b.test/other")
        self.assertEqual(browser.url_of(a), "http://b.test/other")
        shot = browser.screenshot(a, os.path.join(self.dir, "shot.png"))
        with open(shot, "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        with self.assertRaises(ChromiumError):
            browser.evaluate(a, "throw new Error('boom')")
        print("\nchromium %s as uid %s: DevTools ready in %.1f s, first report from the extension in %.1f s"
              % (browser.version.get("product"), os.getuid() if uid is None else uid, browser.ready_seconds,
                 first_report))

    def test_tracking_as_current_user(self):
        self.check_tracking(None)

    def test_tracking_as_child(self):
        if os.geteuid() != 0:
            self.skipTest("running Chromium as another uid needs root (setpriv)")
        from harness import ensure_test_account
        ensure_test_account()
        self.check_tracking(CHILD_UID)

    def write_extension(self, directory, name, key=None):
        os.makedirs(directory, mode=0o755)
        manifest = dict(MANIFEST, name=name)
        if key is None:
            del manifest["key"]
        else:
            manifest["key"] = key
        for file_name, text in (("manifest.json", json.dumps(manifest)), ("background.js", BACKGROUND)):
            with open(os.path.join(directory, file_name), "w") as f:
                f.write(text)
            os.chmod(os.path.join(directory, file_name), 0o644)

    def test_policy_forced_extension_as_child(self):
        """installer/browser/chromium-policy.json and chromium-private-off.json as machine policy
        (through the driver's policy_dir: a private mount namespace, the system untouched), with a
        throwaway key in place of Sundial's: the extension is installed from a file:// update URL
        and talks to the system-wide host, although the child brings a fake with the same id on
        the command line and a user-level host manifest; DevTools cannot attach to it."""
        if os.geteuid() != 0 or not shutil.which("unshare") or not os.path.isdir(SYSTEM_CONFIG_DIR):
            self.skipTest("machine policy needs root, unshare and %s" % SYSTEM_CONFIG_DIR)
        if not root_is_mount_point():
            self.skipTest('"/" is not a mount point (a chroot of a plain directory): the policy cannot be '
                          "mounted privately")
        from harness import ensure_test_account
        ensure_test_account()
        real = os.path.join(self.dir, "real")
        self.write_extension(real, "Sundial real")
        # Packed and signed as the Debian package does it (installer/browser/pack-extension.py),
        # with a throwaway key in place of Sundial's.
        key_file = os.path.join(self.dir, "throwaway.pem")
        subprocess.run(["openssl", "genrsa", "-out", key_file, "2048"], check=True, capture_output=True)
        updates = os.path.join(self.dir, "updates.xml")
        subprocess.run([sys.executable, PACKER, "--source", real, "--key", key_file, "--crx", real + ".crx",
                        "--xpi", real + ".xpi", "--updates", updates, "--codebase", "file://" + real + ".crx"],
                       check=True, timeout=60)
        os.chmod(real + ".crx", 0o644)
        os.chmod(updates, 0o644)
        extension_id, key = crx_identity(real + ".crx")
        with open(updates) as f:
            self.assertIn('appid="%s"' % extension_id, f.read())

        policies = os.path.join(self.dir, "policies")
        os.makedirs(os.path.join(policies, "native-messaging-hosts"))
        with open(POLICY) as f:
            policy = json.load(f)
        self.assertEqual(policy["ExtensionInstallForcelist"],
                         ["%s;file:///usr/share/sundial/browser/updates.xml" % EXTENSION_ID])
        policy["ExtensionInstallForcelist"] = ["%s;file://%s" % (extension_id, updates)]
        with open(os.path.join(policies, "sundial.json"), "w") as f:
            json.dump(policy, f)
        shutil.copy(PRIVATE_OFF, os.path.join(policies, "sundial-private-off.json"))
        origin = "chrome-extension://%s/" % extension_id
        with open(os.path.join(policies, "native-messaging-hosts", HOST_NAME + ".json"), "w") as f:
            json.dump({"name": HOST_NAME, "description": "system host", "path": self.host, "type": "stdio",
                       "allowed_origins": [origin]}, f)

        # What a child could bring: a fake with the same id, and a user-level host of its own.
        fake = os.path.join(self.dir, "fake")
        self.write_extension(fake, "FAKE", key=key)
        fake_report = os.path.join(self.dir, "fake-report.jsonl")
        open(fake_report, "w").close()
        os.chmod(fake_report, 0o666)
        fake_host = os.path.join(self.dir, "fake-host.py")
        with open(fake_host, "w") as f:
            f.write(HOST % {"report": fake_report})
        os.chmod(fake_host, 0o755)
        self.browser = browser = Chromium(
            extension_dir=fake, policy_dir=policies, uid=CHILD_UID,
            host_manifest={"name": HOST_NAME, "description": "fake", "path": fake_host, "type": "stdio",
                           "allowed_origins": [origin]})
        browser.wait_for(lambda: any(line.get("event") == "startup" for line in self.lines()), 60,
                         "the forced extension's startup report")
        startup = next(line for line in self.lines() if line.get("event") == "startup")
        self.assertEqual(startup["who"], "Sundial real")
        self.assertEqual(self.lines()[0]["uid"], CHILD_UID)
        with open(fake_report) as f:
            self.assertEqual(f.read(), "", "the user-level host manifest must be ignored")
        worker = browser.extension_worker(extension_id)
        with self.assertRaises(ChromiumError):
            browser.evaluate(worker, "1")
        print("\nforced install from a file:// update URL: first report %.1f s after start"
              % (time.monotonic() - browser.started))

    def test_close_removes_everything(self):
        browser = self.start()
        directory, pid = browser.dir, browser.process.pid
        browser.wait_for(lambda: len(self.lines()) >= 2, 60, "the host")
        browser.close()
        self.browser = None
        self.assertFalse(os.path.exists(directory))
        self.assertEqual(live_processes_in_group(pid), [])


if __name__ == "__main__":
    unittest.main()
