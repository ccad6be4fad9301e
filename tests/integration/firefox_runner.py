# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs Debian's Firefox ESR headless, as another uid, with a machine policy (policies.json) that
only this Firefox sees.

Firefox ESR reads its machine policy from /etc/firefox/policies/policies.json (docs/BROWSER.md),
and /etc/firefox is usually absent. A mount point must already exist, so a bind mount alone cannot
put the file there without creating /etc/firefox on the real system. Instead Firefox runs in a
private mount namespace (`unshare --mount --propagation private`, which first makes every mount
private, so nothing below propagates out) where /etc is a *read-only overlay*: the lower layers are
a small temporary tree holding only firefox/policies/policies.json, on top of the real /etc. The
overlay has no upper (writable) layer, so nothing is ever written anywhere, the real /etc is not
touched, and inside the namespace /etc is the real one plus that file (an existing
/etc/firefox/policies/policies.json is hidden by ours; the rest of an existing /etc/firefox stays
visible). Mounts below /etc (a container's /etc/hosts or /etc/resolv.conf) would be hidden by the
overlay, so they are bind-mounted onto it again before it is moved onto /etc. The mounts end with
the namespace, when its last process exits.

This needs root and "/" to be a mount point (in a chroot of a plain directory propagation cannot be
made private: see chromium_driver.root_is_mount_point); `available()` says why not.

    firefox = Firefox("http://wiki.test:8000/", uid=1001, policies={...},
                      host_manifest={...}, prefs={"network.dns.localDomains": "wiki.test"},
                      env={"DBUS_SYSTEM_BUS_ADDRESS": ...})
    ...
    firefox.close()   # kills Firefox and everything it started, removes its directory

The profile and HOME are fresh temporary directories owned by the uid; the host manifest goes to
HOME/.mozilla/native-messaging-hosts/<name>.json (Firefox's user-level host directory).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# Shared with the Chromium driver: the same checks and clean-up.
from chromium_driver import _gid_of, end_browser, root_is_mount_point  # noqa: E402

FIREFOX = "/usr/lib/firefox-esr/firefox-esr"
# Where this build of Firefox reads the machine policy: $SysConfD/policies/policies.json.
SYSTEM_CONFIG_DIR = "/etc"
POLICIES_IN_ETC = os.path.join("firefox", "policies", "policies.json")

# Prefs for a quiet headless run: no first-run or what's-new pages, no default-browser question,
# no updates, telemetry, safe browsing or other background connections, few processes (2 cores).
QUIET_PREFS = {
    "browser.shell.checkDefaultBrowser": False,
    "browser.aboutwelcome.enabled": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "",
    "startup.homepage_welcome_url.additional": "",
    "startup.homepage_override_url": "",
    "browser.startup.firstrunSkipsHomepage": True,
    "trailhead.firstrun.didSeeAboutWelcome": True,
    "browser.newtabpage.enabled": False,
    "browser.newtabpage.activity-stream.feeds.telemetry": False,
    "browser.newtabpage.activity-stream.telemetry": False,
    "browser.newtabpage.activity-stream.feeds.topsites": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.feeds.system.topstories": False,
    "browser.newtabpage.activity-stream.feeds.snippets": False,
    "browser.newtabpage.activity-stream.asrouter.userprefs.cfr.addons": False,
    "browser.newtabpage.activity-stream.asrouter.userprefs.cfr.features": False,
    "browser.tabs.warnOnClose": False,
    "browser.sessionstore.resume_from_crash": False,
    "browser.discovery.enabled": False,
    "browser.region.network.url": "",
    "browser.region.update.enabled": False,
    "browser.search.geoip.url": "",
    "browser.search.update": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.downloads.enabled": False,
    "browser.safebrowsing.downloads.remote.enabled": False,
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "browser.safebrowsing.provider.google4.updateURL": "",
    "app.update.auto": False,
    "app.update.enabled": False,
    "app.normandy.enabled": False,
    "app.shield.optoutstudies.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "extensions.systemAddon.update.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.enabled": False,
    "toolkit.telemetry.unified": False,
    "toolkit.telemetry.archive.enabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "toolkit.startup.max_resumed_crashes": -1,
    "geo.provider.network.url": "",
    "media.gmp-manager.url": "",
    "media.gmp-gmpopenh264.enabled": False,
    "media.gmp-widevinecdm.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.dns.disablePrefetch": True,
    "network.prefetch-next": False,
    "network.http.speculative-parallel-limit": 0,
    "network.proxy.type": 0,
    "network.trr.mode": 5,
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "fission.autostart": False,
    "dom.ipc.processCount": 1,
    "dom.ipc.processPrelaunch.enabled": False,
}


def available():
    """None when Firefox can be run here with a private policy, else why not."""
    if not os.access(FIREFOX, os.X_OK):
        return "Debian's firefox-esr is not installed (no %s)" % FIREFOX
    if os.geteuid() != 0:
        return "running Firefox as the child with a private policy needs root (setpriv, a mount namespace)"
    if not root_is_mount_point():
        return '"/" is not a mount point here (a chroot of a plain directory?): a mount could not be kept private'
    if shutil.which("unshare") is None or shutil.which("setpriv") is None:
        return "unshare and setpriv (util-linux) are needed"
    if in_chroot():
        # Seen in CI's fresh root: /proc/PID/exe of the host, started in Firefox's private mount
        # namespace, reads to the service (outside it) as the path from the machine's real root
        # ("/var/tmp/<root>/tmp/.../sundial-browser-host"), which is not a trusted path, so the
        # service rightly refuses its reports. On a machine's own root the paths agree.
        return ("a chroot: the service would see the host in Firefox's private mount namespace by its path "
                "outside the chroot and refuse it; run this test on a machine's own root")
    return None


def in_chroot():
    """True when "/" here is a folder of a larger file system tree (a chroot onto a bind mount, as CI's
    fresh root): the root mount's own root, in /proc/self/mountinfo, is then not "/"."""
    try:
        with open("/proc/self/mountinfo") as f:
            for line in f:
                fields = line.split()
                if len(fields) > 4 and _unescape(fields[4]) == "/":
                    return _unescape(fields[3]) != "/"
    except OSError:
        pass
    return False


def _unescape(field):
    """A path from /proc/self/mountinfo (spaces and the like are written as octal escapes)."""
    return re.sub(r"\\([0-7]{3})", lambda match: chr(int(match.group(1), 8)), field)


def mounts_below(directory):
    """The mount points strictly below `directory`, outermost only, in mount order."""
    prefix = directory.rstrip("/") + "/"
    points = []
    with open("/proc/self/mountinfo") as f:
        for line in f:
            fields = line.split()
            if len(fields) > 4:
                point = _unescape(fields[4])
                if point.startswith(prefix) and not any(point.startswith(p + "/") or point == p for p in points):
                    points.append(point)
    return points


def _pref_line(name, value):
    return "user_pref(%s, %s);\n" % (json.dumps(name), json.dumps(value))


class Firefox:
    """One headless Firefox ESR with its own profile, started on `url`. Close it."""

    def __init__(self, url, uid, policies=None, host_manifest=None, prefs=None, env=None, binary=FIREFOX):
        """
        url: the page to open.
        uid: run Firefox as this uid (setpriv --reuid --regid --clear-groups).
        policies: the policies.json document (a dict) for Firefox to read as machine policy.
        host_manifest: a native-messaging host manifest (dict) for HOME/.mozilla/native-messaging-hosts/;
            its "path" must be executable by `uid`.
        prefs: user.js prefs on top of QUIET_PREFS.
        env: variables added to Firefox's clean environment (the host it starts inherits them).
        """
        why_not = available()
        if why_not:
            raise RuntimeError(why_not)
        self.uid = uid
        self.binary = binary
        self.process = None
        self._log = None
        self.dir = tempfile.mkdtemp(prefix="sundial-firefox-")
        os.chmod(self.dir, 0o755)
        if any(c in self.dir for c in ",:\\ "):
            raise RuntimeError("cannot name %s in overlay options" % self.dir)
        self.profile = os.path.join(self.dir, "profile")
        self.home = os.path.join(self.dir, "home")
        self.layer = os.path.join(self.dir, "etc-layer")  # root's, read-only for Firefox
        self.view = os.path.join(self.dir, "etc-view")    # where the overlay is put together
        self.log_path = os.path.join(self.dir, "firefox.log")
        try:
            self._prepare(policies, host_manifest, prefs)
            self._start(url, env or {})
        except BaseException:
            self.close()
            raise

    def _prepare(self, policies, host_manifest, prefs):
        os.mkdir(self.profile, 0o700)
        os.mkdir(self.home, 0o700)
        os.mkdir(self.view, 0o755)
        with open(os.path.join(self.profile, "user.js"), "w") as f:
            for name, value in dict(QUIET_PREFS, **(prefs or {})).items():
                f.write(_pref_line(name, value))
        if host_manifest is not None:
            hosts = os.path.join(self.home, ".mozilla", "native-messaging-hosts")
            os.makedirs(hosts, 0o755)
            with open(os.path.join(hosts, host_manifest["name"] + ".json"), "w") as f:
                json.dump(host_manifest, f, indent=2)
        gid = _gid_of(self.uid)
        for top in (self.profile, self.home):
            for root, dirs, files in os.walk(top):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.chown(name, self.uid, gid)
        policy_file = os.path.join(self.layer, POLICIES_IN_ETC)
        os.makedirs(os.path.dirname(policy_file), 0o755)
        with open(policy_file, "w") as f:
            json.dump(policies if policies is not None else {"policies": {}}, f, indent=2)
        for root, dirs, files in os.walk(self.layer):
            os.chmod(root, 0o755)
            for name in files:
                os.chmod(os.path.join(root, name), 0o644)

    def _namespace(self):
        """The command prefix that runs the rest in a private mount namespace with the policy in /etc."""
        etc = SYSTEM_CONFIG_DIR
        steps = ['mount -t overlay sundial-etc -o "ro,lowerdir=$0:%s" "$1"' % etc]
        for point in mounts_below(etc):
            relative = os.path.relpath(point, etc)
            steps.append('mount --rbind %s "$1"/%s' % (shlex.quote(point), shlex.quote(relative)))
        steps.append('mount --move "$1" %s' % etc)
        # One && chain: if a mount fails, Firefox does not start (set -e would not stop inside a chain).
        script = " && ".join(steps + ["shift", 'exec "$@"'])
        return ["unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", script,
                self.layer, self.view]

    def _environment(self, env):
        environment = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "XDG_CACHE_HOME": os.path.join(self.home, ".cache"),
            "XDG_DATA_HOME": os.path.join(self.home, ".local", "share"),
            "MOZ_HEADLESS": "1",
            "MOZ_CRASHREPORTER_DISABLE": "1",
        }
        if "TZ" in os.environ:
            environment["TZ"] = os.environ["TZ"]
        environment.update(env)
        return environment

    def _start(self, url, env):
        gid = _gid_of(self.uid)
        command = self._namespace() + [
            "setpriv", "--reuid=%d" % self.uid, "--regid=%d" % gid, "--clear-groups", "--",
            self.binary, "--headless", "--no-remote", "--profile", self.profile, url]
        self._log = open(self.log_path, "ab")
        self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=self._log,
                                        env=self._environment(env), cwd=self.home, start_new_session=True)

    def running(self):
        return self.process is not None and self.process.poll() is None

    def log_tail(self, limit=4000):
        """The end of Firefox's stdout and stderr, for failure messages."""
        try:
            with open(self.log_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - limit))
                return f.read().decode("utf-8", "replace")
        except (OSError, TypeError):
            return ""

    def close(self):
        """Kill Firefox and everything it started, and remove the temporary directory."""
        end_browser(self.process)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.dir and os.environ.get("SUNDIAL_KEEP_FIREFOX_DIR") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None
