# SPDX-License-Identifier: GPL-3.0-or-later
"""A small, dependency-free driver for headless Chromium over the DevTools protocol on a pipe.

Chromium is started with --remote-debugging-pipe: it reads commands on its fd 3 and writes replies
and events on its fd 4, each message one JSON object followed by a NUL byte. A thread reads the
replies into a table keyed by message id (events go to a bounded list that only wait_event reads),
so events nobody asked for never hold up a reply. Pages and workers are driven over flattened
sessions (Target.attachToTarget with flatten=true, the sessionId on each message).

Nothing of the caller's desktop is assumed: no display, no session bus, no HOME. Chromium gets a
clean environment (PATH, LANG, TZ, a HOME and XDG directories inside its own temporary directory)
plus the caller's `env`, so a native-messaging host it starts sees e.g. DBUS_SYSTEM_BUS_ADDRESS.

    with Chromium(extension_dir=ext, host_manifest={...}, resolver_rules="MAP *.test 127.0.0.1:8000",
                  uid=1001, env={"DBUS_SYSTEM_BUS_ADDRESS": ...}) as browser:
        tab = browser.new_tab("http://a.test/")
        browser.activate(tab)

Facts this relies on, checked with Debian's chromium 156 (tests/integration/test_chromium_driver.py
proves them on every run):
  - --load-extension works in --headless=new (the Debian build does not turn on the
    DisableLoadExtensionCommandLineSwitch feature; it is disabled here anyway, for builds that do);
  - with --user-data-dir, Chromium reads user-level native-messaging host manifests from
    <user-data-dir>/NativeMessagingHosts/ (the system-wide ones from /etc/chromium/native-messaging-hosts/);
  - Target.activateTarget makes a tab the active one of its window: the extension's
    tabs.onActivated fires and tabs.query({active: true, lastFocusedWindow: true}) returns it.

The binary is /usr/lib/chromium/chromium, not Debian's /usr/bin/chromium wrapper script: the wrapper
sources /etc/chromium.d (adding an empty --load-extension= and, without --enable-remote-extensions,
a --disable-extensions-except= of only the wrapper's own extensions) and reads $HOME.
"""

import base64
import collections
import http.server
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import threading
import time

CHROMIUM_BINARIES = ("/usr/lib/chromium/chromium", "/usr/bin/chromium")
HOST_MANIFEST_DIR = "NativeMessagingHosts"
SYSTEM_CONFIG_DIR = "/etc/chromium"


def find_chromium():
    """The Chromium executable, or None when none is installed."""
    override = os.environ.get("SUNDIAL_CHROMIUM")
    for path in ((override,) if override else CHROMIUM_BINARIES):
        if path and os.access(path, os.X_OK):
            return path
    return None


class ChromiumError(RuntimeError):
    """A DevTools command failed, timed out, or Chromium went away."""


class NoPrivateMountNamespace(ChromiumError):
    """policy_dir cannot be honoured here: not root, no /etc/chromium, or "/" is not a mount point
    (a chroot made from a plain directory), so a bind mount could leak to the rest of the system."""


def root_is_mount_point():
    """Whether "/" is a mount point in this process's view (it is not in a chroot made from a plain
    directory: then its propagation cannot be made private)."""
    try:
        with open("/proc/self/mountinfo") as f:
            return any(line.split()[4] == "/" for line in f if len(line.split()) > 4)
    except OSError:
        return False


class Chromium:
    """One headless Chromium with its own temporary profile. Close it (or use `with`)."""

    def __init__(self, extension_dir=None, host_manifest=None, resolver_rules=None, uid=None, env=None,
                 extra_args=(), policy_dir=None, binary=None, start_url="about:blank", timeout=60.0):
        """
        extension_dir: an unpacked extension to load (--load-extension); it must be readable by `uid`.
        host_manifest: a native-messaging host manifest (dict), written to
            <user-data-dir>/NativeMessagingHosts/<name>.json; its "path" must be executable by `uid`.
        resolver_rules: --host-resolver-rules, e.g. "MAP *.test 127.0.0.1:8000".
        uid: run Chromium as this uid (setpriv --reuid --regid --clear-groups); None: as the caller.
        env: variables added to Chromium's clean environment (its children inherit them).
        extra_args: more command-line switches; --disable-features/--enable-features values are
            merged with the driver's own.
        policy_dir: a directory of policy JSON files for Chromium to read as managed (machine)
            policy. Chromium reads those only from /etc/chromium/policies/managed, so (root only)
            Chromium runs in a private mount namespace where a copy of /etc/chromium holding these
            files is bind-mounted over /etc/chromium: the real system is not touched. Files in
            <policy_dir>/native-messaging-hosts/, if any, likewise become system-wide host manifests.
        """
        self._policy = policy_dir is not None
        self.binary = binary or find_chromium()
        if not self.binary:
            raise ChromiumError("no Chromium found (looked for %s)" % ", ".join(CHROMIUM_BINARIES))
        self.uid = uid
        self.timeout = timeout
        self.dir = tempfile.mkdtemp(prefix="sundial-chromium-")
        os.chmod(self.dir, 0o755)
        self.profile = os.path.join(self.dir, "profile")
        self.home = os.path.join(self.dir, "home")
        self.log_path = os.path.join(self.dir, "chromium.log")
        for path in (self.profile, self.home):
            os.mkdir(path, 0o700)
        if host_manifest is not None:
            hosts = os.path.join(self.profile, HOST_MANIFEST_DIR)
            os.mkdir(hosts, 0o755)
            with open(os.path.join(hosts, host_manifest["name"] + ".json"), "w") as f:
                json.dump(host_manifest, f, indent=2)
        if uid is not None:
            gid = _gid_of(uid)
            for root, dirs, files in os.walk(self.dir):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.chown(name, uid, gid)

        self._lock = threading.Lock()  # one writer at a time on the pipe
        self._cond = threading.Condition()
        self._replies = {}
        self._events = collections.deque(maxlen=2000)
        self._next_id = 0
        self._sessions = {}
        self._closed = False
        self.process = None
        self._reader = None
        self._log = None
        self._to_chromium = self._from_chromium = None
        try:
            self._start(extension_dir, resolver_rules, env or {}, list(extra_args), policy_dir, start_url)
        except BaseException:
            self.close()
            raise

    # --- start and stop ------------------------------------------------------------------
    def _arguments(self, extension_dir, resolver_rules, extra_args, start_url):
        disabled = ["DisableLoadExtensionCommandLineSwitch"]
        enabled = []
        rest = []
        for argument in extra_args:
            if argument.startswith("--disable-features="):
                disabled += argument.split("=", 1)[1].split(",")
            elif argument.startswith("--enable-features="):
                enabled += argument.split("=", 1)[1].split(",")
            else:
                rest.append(argument)
        arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
            "--disable-features=" + ",".join(disabled),
            # Quiet and offline: no component updates, sync, crash uploads or keyring.
            "--disable-component-update", "--disable-sync", "--disable-breakpad", "--password-store=basic",
            "--no-service-autorun", "--mute-audio", "--disable-dev-shm-usage",
        ]
        if not self._policy:
            # Also stops the extension updater, which is what installs a policy-forced extension.
            arguments.append("--disable-background-networking")
        if enabled:
            arguments.append("--enable-features=" + ",".join(enabled))
        if extension_dir:
            arguments.append("--load-extension=" + os.path.abspath(extension_dir))
        if resolver_rules:
            arguments.append("--host-resolver-rules=" + resolver_rules)
        return arguments + rest + ([start_url] if start_url else [])

    def _environment(self, env):
        environment = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
        }
        if "TZ" in os.environ:
            environment["TZ"] = os.environ["TZ"]
        environment.update(env)
        return environment

    def _start(self, extension_dir, resolver_rules, env, extra_args, policy_dir, start_url):
        command = [self.binary] + self._arguments(extension_dir, resolver_rules, extra_args, start_url)
        # The pipe ends reach Chromium as its stdin and stdout; a shell moves them to fds 3 and 4
        # (where --remote-debugging-pipe wants them) and gives back /dev/null and the log.
        # No preexec_fn: the driver has threads running.
        shim = 'exec "$@" 3<&0 4>&1 0</dev/null 1>&2'
        if self.uid is not None:
            command = ["setpriv", "--reuid=%d" % self.uid, "--regid=%d" % _gid_of(self.uid), "--clear-groups",
                       "--"] + command
        command = ["/bin/sh", "-c", shim, "sh"] + command
        if policy_dir is not None:
            command = self._policy_namespace(policy_dir) + command
        commands_read, commands_write = os.pipe()
        replies_read, replies_write = os.pipe()
        self._to_chromium, self._from_chromium = commands_write, replies_read
        self._log = open(self.log_path, "ab")
        self.started = time.monotonic()
        try:
            self.process = subprocess.Popen(command, stdin=commands_read, stdout=replies_write, stderr=self._log,
                                            env=self._environment(env), cwd=self.dir, start_new_session=True)
        finally:
            os.close(commands_read)
            os.close(replies_write)
        self._reader = threading.Thread(target=self._read, name="chromium-devtools", daemon=True)
        self._reader.start()
        self.version = self.send("Browser.getVersion")
        self.ready_seconds = time.monotonic() - self.started

    def _policy_namespace(self, policy_dir):
        if os.geteuid() != 0:
            raise NoPrivateMountNamespace("policy_dir needs root (a private mount namespace)")
        if not os.path.isdir(SYSTEM_CONFIG_DIR):
            raise NoPrivateMountNamespace(SYSTEM_CONFIG_DIR + " is missing: nothing to mount the policies over")
        if not root_is_mount_point():
            raise NoPrivateMountNamespace('"/" is not a mount point here (a chroot of a plain directory?): '
                                          "a bind mount could not be kept private")
        config = os.path.join(self.dir, "etc-chromium")
        shutil.copytree(SYSTEM_CONFIG_DIR, config, symlinks=True)
        managed = os.path.join(config, "policies", "managed")
        os.makedirs(managed, exist_ok=True)
        for name in os.listdir(policy_dir):
            source = os.path.join(policy_dir, name)
            if name == "native-messaging-hosts" and os.path.isdir(source):
                target = os.path.join(config, "native-messaging-hosts")
                os.makedirs(target, exist_ok=True)
                for host in os.listdir(source):
                    shutil.copy(os.path.join(source, host), os.path.join(target, host))
            elif os.path.isfile(source):
                shutil.copy(source, os.path.join(managed, name))
        for root, dirs, files in os.walk(config):
            os.chmod(root, 0o755)
            for name in files:
                os.chmod(os.path.join(root, name), 0o644)
        # Private first, so that the bind mount cannot propagate out of the namespace.
        mount = 'mount --make-rprivate / && mount --bind "$0" %s && exec "$@"' % SYSTEM_CONFIG_DIR
        return ["unshare", "--mount", "--propagation", "unchanged", "--", "/bin/sh", "-c", mount, config]

    def close(self):
        """Kill Chromium and everything it started, and remove the temporary directory."""
        end_browser(self.process)
        for fd in (self._to_chromium, self._from_chromium):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        self._to_chromium = self._from_chromium = None
        if self._reader is not None:
            self._reader.join(timeout=5)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.dir and os.environ.get("SUNDIAL_KEEP_CHROMIUM_DIR") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def log_tail(self, limit=4000):
        """The end of Chromium's stderr, for failure messages."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - limit))
                return f.read().decode("utf-8", "replace")
        except (OSError, TypeError):
            return ""

    # --- the protocol --------------------------------------------------------------------
    def _read(self):
        buffer = b""
        fd = self._from_chromium
        while True:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                try:
                    message = json.loads(raw)
                except ValueError:
                    continue
                with self._cond:
                    if "id" in message:
                        self._replies[message["id"]] = message
                    else:
                        self._events.append(message)
                    self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def send(self, method, params=None, session_id=None, timeout=None):
        """Sends one command and returns its result; raises ChromiumError on an error reply."""
        with self._cond:
            if self._closed:
                raise ChromiumError("Chromium has gone (%s); log:\n%s" % (method, self.log_tail()))
            self._next_id += 1
            message_id = self._next_id
        message = {"id": message_id, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        data = json.dumps(message).encode() + b"\0"
        with self._lock:
            try:
                while data:
                    data = data[os.write(self._to_chromium, data):]
            except (OSError, TypeError) as error:
                raise ChromiumError("cannot write to Chromium (%s): %s" % (method, error))
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while message_id not in self._replies:
                remaining = deadline - time.monotonic()
                if self._closed:
                    raise ChromiumError("Chromium exited before answering %s; log:\n%s" % (method, self.log_tail()))
                if remaining <= 0:
                    raise ChromiumError("no answer to %s in %.0f s" % (method, timeout or self.timeout))
                self._cond.wait(remaining)
            reply = self._replies.pop(message_id)
        if "error" in reply:
            raise ChromiumError("%s failed: %s" % (method, reply["error"].get("message", reply["error"])))
        return reply.get("result", {})

    def wait_event(self, method, predicate=None, timeout=None):
        """The first buffered or coming event named `method` (whose params satisfy `predicate`),
        removed from the buffer. Only events Chromium sends unasked or after an enable are seen."""
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._cond:
            while True:
                for event in list(self._events):
                    if event.get("method") == method and (predicate is None or predicate(event.get("params", {}))):
                        self._events.remove(event)
                        return event
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._closed:
                    raise ChromiumError("no %s event in %.0f s" % (method, timeout or self.timeout))
                self._cond.wait(remaining)

    def session(self, target_id):
        """The flattened session attached to a target (attached once, then reused)."""
        if target_id not in self._sessions:
            result = self.send("Target.attachToTarget", {"targetId": target_id, "flatten": True})
            self._sessions[target_id] = result["sessionId"]
        return self._sessions[target_id]

    # --- tabs and pages ------------------------------------------------------------------
    def targets(self, kind=None):
        """Target.getTargets' target infos (only those of type `kind`: "page", "service_worker"...)."""
        infos = self.send("Target.getTargets")["targetInfos"]
        return [info for info in infos if kind is None or info["type"] == kind]

    def new_tab(self, url, wait=True):
        """Opens `url` in a new tab of the browser's window (it becomes the active tab); returns its
        target id. `wait`: until the page's document has loaded."""
        # Created blank, then navigated: Page.navigate answers once the page has committed, so
        # wait_loaded cannot mistake the initial about:blank for the page.
        target_id = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        if url and url != "about:blank":
            self.navigate(target_id, url, wait=wait)
        return target_id

    def activate(self, target_id):
        """Makes the tab the active one of its window, as a click on it would: the extension's
        tabs.onActivated fires and tabs.query({active: true, lastFocusedWindow: true}) returns it."""
        self.send("Target.activateTarget", {"targetId": target_id})

    def close_tab(self, target_id):
        self.send("Target.closeTarget", {"targetId": target_id})
        self._sessions.pop(target_id, None)

    def navigate(self, target_id, url, wait=True):
        """Loads `url` in the tab; raises on a navigation error (unless the page is an error page
        the caller wants: then catch ChromiumError)."""
        result = self.send("Page.navigate", {"url": url}, session_id=self.session(target_id))
        if result.get("errorText"):
            raise ChromiumError("navigating to %s: %s" % (url, result["errorText"]))
        if wait:
            self.wait_loaded(target_id)
        return result

    def wait_loaded(self, target_id, timeout=None):
        self.wait_for(lambda: self.evaluate(target_id, "document.readyState") == "complete", timeout,
                      "the page in %s to load" % target_id)

    def url_of(self, target_id):
        """The tab's current URL (the committed one)."""
        return self.send("Target.getTargetInfo", {"targetId": target_id})["targetInfo"]["url"]

    def evaluate(self, target_id, expression, await_promise=False):
        """Runtime.evaluate in the target (a page, or an extension's service worker: see
        extension_worker), returning the value; raises ChromiumError on a thrown exception."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": await_promise},
                           session_id=self.session(target_id))
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise ChromiumError("evaluating %r: %s" % (expression, text))
        return result["result"].get("value")

    def extension_worker(self, extension_id, timeout=None):
        """The target id of an extension's background service worker (waits for it to run)."""
        prefix = "chrome-extension://%s/" % extension_id
        found = []

        def running():
            found[:] = [t["targetId"] for t in self.targets("service_worker") if t["url"].startswith(prefix)]
            return bool(found)
        self.wait_for(running, timeout, "the service worker of " + extension_id)
        return found[0]

    def screenshot(self, target_id, path):
        """A PNG of the tab's viewport (the tab is brought to the front first: a hidden tab paints
        nothing in headless mode)."""
        session = self.session(target_id)
        self.send("Page.bringToFront", session_id=session)
        data = self.send("Page.captureScreenshot", {"format": "png"}, session_id=session)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path

    # --- waiting -------------------------------------------------------------------------
    def wait_for(self, predicate, timeout=None, what="a condition"):
        """Polls `predicate` (ChromiumError counts as false) until it returns a true value, which is
        returned; raises AssertionError after `timeout` seconds (default: the driver's)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        last_error = None
        while True:
            try:
                value = predicate()
                if value:
                    return value
            except ChromiumError as error:
                last_error = error
                if self._closed:
                    raise
            if time.monotonic() >= deadline:
                raise AssertionError("timed out waiting for %s%s" % (
                    what, " (last error: %s)" % last_error if last_error else ""))
            time.sleep(0.1)


class _PageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        host = (self.headers.get("Host") or "").split(":")[0]
        body = ("<!doctype html><title>%s</title><h1>%s</h1>" % (host, host)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class LocalPages:
    """An HTTP server on 127.0.0.1 whose page for any host name has that name as its title and
    heading; browsers reach the names through --host-resolver-rules ("MAP *.test 127.0.0.1:PORT",
    `resolver_rules`) or Firefox's network.dns.localDomains."""

    def __init__(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PageHandler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, host):
        return "http://%s:%d/" % (host, self.port)

    def resolver_rules(self, pattern="*.test"):
        return "MAP %s 127.0.0.1:%d" % (pattern, self.port)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def end_browser(process):
    """Ends a browser started in a process group of its own (start_new_session), and everything it
    started: SIGTERM to the group, SIGKILL after 5 s, then SIGKILL to the children that left the
    group (a native-messaging host, a crash handler)."""
    if process is None or process.poll() is not None:
        return
    family = _descendants(process.pid)
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=10)
    for pid in family:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _gid_of(uid):
    try:
        return pwd.getpwuid(uid).pw_gid
    except KeyError:
        return uid


def _descendants(pid):
    """The ids of every process below `pid` (from /proc), to kill those that left its group."""
    children = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children[parent].append(int(entry))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found
