#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages (sundial, and sundial-console which depends on it) and checks them
# the way a family's machine gets them: lintian, the desktop files, the AppStream metainfo and
# the systemd unit; then installs both with apt-get, checks every file's place, owner and mode,
# runs the INSTALLED sundiald on a private system bus (with the installed bus policy, polkit
# action and group) and asks it with the installed sundialctl and sundial-console, runs the
# service's integration tests against it inside an approximation of its systemd sandbox; then
# removes, reinstalls, removes and purges both and checks what is left each time. Last, it
# upgrades from an older sundial (the built one repacked with a lower version) holding real
# state, and checks that the state, the group and the PAM profile survive and the service
# answers. CI runs it after the tests (.ci/run), whose build/ it uses for one test tool
# (clockshift).
#
# Run as root on a Debian 12 machine that does not use Sundial: it installs, then purges the
# packages, which deletes /var/lib/sundial. It refuses to start if Sundial is already there.
#   PKG_BUILD_DIR   where to build (default: build-pkg)
#   BUILD_JOBS      parallel compile jobs (default: the number of processors)
#   KEEP_PACKAGE=1  leave the package installed when a check fails (to look around)
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/.."
top=$PWD # the source tree
export DEBIAN_FRONTEND=noninteractive

fail() {
    echo "package-test: FAILED: $*" >&2
    exit 1
}
note() { echo "package-test: $*"; }
step() { printf '\n--- %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null && exec sudo --preserve-env=PKG_BUILD_DIR,BUILD_JOBS,KEEP_PACKAGE "$script" "$@"
    fail "run as root: it installs and removes the package"
fi
for package in sundial sundial-console; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed\|config-files"; then
        fail "the $package package is already on this machine (purge it first: apt-get purge sundial-console sundial)"
    fi
done
[ ! -e /var/lib/sundial ] || fail "/var/lib/sundial exists: this machine uses Sundial; the test would delete it"

build_dir=${PKG_BUILD_DIR:-build-pkg}
work=$(mktemp -d /tmp/sundial-package-test.XXXXXX)
chmod 0755 "$work"
pids=()
installed=no
parent_account=sundial-pkgtest-parent
made_parent=no
group_was_there=no
getent group sundial-admin >/dev/null && group_was_there=yes

cleanup() {
    local status=$?
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "$installed" = yes ] && [ "${KEEP_PACKAGE:-0}" != 1 ]; then
        echo "package-test: purging the package after the failure" >&2
        for package in sundial-console sundial; do
            apt-get purge -y -qq "$package" >/dev/null 2>&1 || true
        done
        installed=no
    fi
    # The test's own traces: its parent account, and the group if the package created it here.
    if [ "$made_parent" = yes ]; then
        userdel "$parent_account" 2>/dev/null || true
    fi
    if [ "$group_was_there" = no ] && [ "$installed" = no ] && getent group sundial-admin >/dev/null; then
        groupdel sundial-admin 2>/dev/null || true
    fi
    if [ $status -ne 0 ] && [ -s "$work/sundiald.log" ]; then
        echo "--- sundiald log" >&2
        cat "$work/sundiald.log" >&2
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------
step "build the package (prefix /usr, Debian's hardening flags)"
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
ldflags=$(dpkg-buildflags --get LDFLAGS)
# As a distribution builds it: without -Werror (CI=true would turn it on), since a newer
# compiler's new warning must not break a package build; GCC 12 at -O3 warns falsely about
# string concatenation (-Wrestrict, GCC bug 105651), which the CI's -O2 builds never see.
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    -DSUNDIAL_BUILD_TESTS=OFF -DSUNDIAL_BUILD_BENCHMARKS=OFF -DSUNDIAL_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="$cxxflags" -DCMAKE_EXE_LINKER_FLAGS="$ldflags" >/dev/null
cmake --build "$build_dir" -j"${BUILD_JOBS:-$(nproc)}"
rm -f "$build_dir"/sundial_*.deb "$build_dir"/sundial-console_*.deb
(cd "$build_dir" && cpack -G DEB) || fail "cpack could not build the packages"
version=$(sed -n 's/^project(Sundial VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
one_deb() { # glob → the single matching file, absolute
    local found=("$build_dir"/$1)
    if [ ${#found[@]} -ne 1 ] || [ ! -f "${found[0]}" ]; then
        fail "expected one $1 in $build_dir"
    fi
    realpath "${found[0]}"
}
deb=$(one_deb "sundial_*.deb")
console_deb=$(one_deb "sundial-console_*.deb")
for package_file in "$deb" "$console_deb"; do
    [ "$(dpkg-deb -f "$package_file" Version)" = "$version" ] ||
        fail "$(basename "$package_file"): version $(dpkg-deb -f "$package_file" Version) is not the project's $version"
    note "built $(basename "$package_file")"
    dpkg-deb -f "$package_file" Package Version Architecture Depends
done
# The console speaks this service's D-Bus contract: exactly this version of sundial.
dpkg-deb -f "$console_deb" Depends | grep -q "^sundial (= $version)" ||
    fail "sundial-console does not depend on sundial (= $version): $(dpkg-deb -f "$console_deb" Depends)"
[ -z "$(dpkg-deb --ctrl-tarfile "$console_deb" | tar -t | grep -E 'postinst|prerm|postrm')" ] ||
    fail "sundial-console carries maintainer scripts (the service's, through CPack's defaults?)"

# ---------------------------------------------------------------------------------------------
step "lintian (errors fail; warnings and notes are printed)"
# lintian warns when run as root; that is all it says about it.
lintian --display-info --fail-on error "$deb" "$console_deb" 2> >(grep -v "running with root privileges" >&2) ||
    fail "lintian reports errors"
note "lintian: no errors"

# ---------------------------------------------------------------------------------------------
step "install both with apt-get"
if ! apt-get install -y -qq "$deb" "$console_deb" >"$work/install.log" 2>&1; then
    # Dependencies come from the archive; a machine whose lists are old gets new ones once.
    apt-get update -qq
    apt-get install -y -qq "$deb" "$console_deb" >"$work/install.log" 2>&1 || {
        cat "$work/install.log"
        fail "apt-get install $deb $console_deb"
    }
fi
installed=yes
grep -i "sundial" "$work/install.log" || true
for package in sundial sundial-console; do
    dpkg-query -W -f='${Status}' "$package" | grep -q "install ok installed" || fail "$package is not installed"
done

# ---------------------------------------------------------------------------------------------
step "files: place, owner, mode"
# path mode — every file the package holds, and nothing else.
expected_files="
/usr/sbin/sundiald 755
/usr/bin/sundialctl 755
/usr/bin/sundial-session 755
/usr/bin/sundial-tray 755
/usr/lib/sundial/sundial-login-check 755
/usr/lib/sundial/sundial-browser-host 755
/usr/lib/mozilla/native-messaging-hosts/org.sundial.browser.json 644
/etc/chromium/native-messaging-hosts/org.sundial.browser.json 644
/etc/chromium/policies/managed/sundial.json 644
/usr/share/sundial/browser/sundial-browser.crx 644
/usr/share/sundial/browser/sundial-browser.xpi 644
/usr/share/sundial/browser/updates.xml 644
/lib/systemd/system/sundiald.service 644
/usr/share/dbus-1/system.d/org.sundial.Agent1.conf 644
/usr/share/dbus-1/system-services/org.sundial.Agent1.service 644
/usr/share/polkit-1/actions/org.sundial.manage.policy 644
/usr/share/pam-configs/sundial 644
/etc/xdg/autostart/sundial-session.desktop 644
/etc/xdg/autostart/sundial-tray.desktop 644
/usr/share/applications/org.sundial.Tray.desktop 644
/usr/share/icons/hicolor/scalable/apps/org.sundial.Tray.svg 644
/usr/share/man/man1/sundialctl.1.gz 644
/usr/share/man/man1/sundial-session.1.gz 644
/usr/share/man/man1/sundial-tray.1.gz 644
/usr/share/man/man8/sundiald.8.gz 644
/usr/share/doc/sundial/copyright 644
/usr/share/doc/sundial/changelog.gz 644
/usr/share/sundial/helplines.json 644
"
console_files="
/usr/bin/sundial-console 755
/usr/share/applications/org.sundial.Console.desktop 644
/usr/share/icons/hicolor/scalable/apps/org.sundial.Console.svg 644
/usr/share/metainfo/org.sundial.Console.metainfo.xml 644
/usr/share/man/man1/sundial-console.1.gz 644
/usr/share/doc/sundial-console/copyright 644
/usr/share/doc/sundial-console/changelog.gz 644
"
check_files() { # package, "path mode" lines: every file the package holds, and nothing else
    local package=$1 expected=$2 problems=0 path mode actual listed wanted
    while read -r path mode; do
        [ -n "$path" ] || continue
        if [ ! -f "$path" ]; then
            echo "  missing: $path"
            problems=$((problems + 1))
            continue
        fi
        actual=$(stat -c '%U:%G %a' "$path")
        if [ "$actual" != "root:root $mode" ]; then
            echo "  $path is $actual, expected root:root $mode"
            problems=$((problems + 1))
        fi
    done <<<"$expected"
    # Nothing unexpected: the package's regular files are exactly the list.
    listed=$(dpkg -L "$package" | while read -r path; do [ -f "$path" ] && [ ! -L "$path" ] && echo "$path"; done | sort)
    wanted=$(awk 'NF { print $1 }' <<<"$expected" | sort)
    if [ "$listed" != "$wanted" ]; then
        echo "  $package's files differ from the expected list:"
        diff <(echo "$wanted") <(echo "$listed") | sed 's/^/    /' || true
        problems=$((problems + 1))
    fi
    # Every directory the package created is root-owned and not writable by others.
    while read -r path; do
        if [ -d "$path" ] && [ ! -L "$path" ] && [ -n "$(find "$path" -maxdepth 0 \( ! -user root -o -perm -o+w -o -perm -g+w \))" ]; then
            echo "  directory $path is $(stat -c '%U:%G %a' "$path")"
            problems=$((problems + 1))
        fi
    done < <(dpkg -L "$package")
    [ $problems -eq 0 ] || fail "$package: $problems file problem(s)"
    note "$package: all $(wc -l <<<"$wanted") files in place, root:root, modes as expected"
}
check_files sundial "$expected_files"
check_files sundial-console "$console_files"

conffiles=$(dpkg-query -W -f='${Conffiles}' sundial | awk 'NF { print $1 }' | sort | tr '\n' ' ')
[ "$conffiles" = "/etc/chromium/native-messaging-hosts/org.sundial.browser.json /etc/chromium/policies/managed/sundial.json /etc/xdg/autostart/sundial-session.desktop /etc/xdg/autostart/sundial-tray.desktop " ] ||
    fail "conffiles are '$conffiles'"
group=$(getent group sundial-admin) || fail "the group sundial-admin was not created"
admin_gid=$(cut -d: -f3 <<<"$group")
[ "$admin_gid" -lt 1000 ] || fail "sundial-admin (gid $admin_gid) is not a system group"
if [ "$group_was_there" = yes ]; then
    note "group sundial-admin exists (gid $admin_gid; it was there before, e.g. from the integration tests)"
else
    note "group sundial-admin created by the package (gid $admin_gid)"
fi
grep -q "pam_exec.so.*/usr/lib/sundial/sundial-login-check" /etc/pam.d/common-account ||
    fail "pam-auth-update did not add the login check to /etc/pam.d/common-account"
note "the login check is in /etc/pam.d/common-account"
[ -L /etc/systemd/system/multi-user.target.wants/sundiald.service ] ||
    fail "sundiald.service is not enabled (no multi-user.target.wants link)"
note "sundiald.service is enabled"
[ "$(/usr/sbin/sundiald --version)" = "sundiald $version" ] || fail "sundiald --version says $(/usr/sbin/sundiald --version)"

# ---------------------------------------------------------------------------------------------
step "desktop files, AppStream"
desktop-file-validate /etc/xdg/autostart/sundial-session.desktop /etc/xdg/autostart/sundial-tray.desktop \
    /usr/share/applications/org.sundial.Tray.desktop /usr/share/applications/org.sundial.Console.desktop ||
    fail "desktop-file-validate"
note "desktop-file-validate: 4 files valid"
metainfo=/usr/share/metainfo/org.sundial.Console.metainfo.xml
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate --no-net $metainfo"
# The metainfo's id and launchable name the installed desktop file.
grep -q "<id>org.sundial.Console</id>" "$metainfo" || fail "$metainfo: the id is not org.sundial.Console"
grep -q '<launchable type="desktop-id">org.sundial.Console.desktop</launchable>' "$metainfo" ||
    fail "$metainfo: no launchable for org.sundial.Console.desktop"
note "appstreamcli validate --no-net: the console's metainfo is valid and names its desktop file"

# The installed console starts (offscreen: no display here) and knows its options.
out=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" /usr/bin/sundial-console --help 2>&1) ||
    fail "sundial-console --help exited $?: $out"
grep -q -- "--setup" <<<"$out" || fail "sundial-console --help does not offer --setup: $out"
note "the installed sundial-console runs (--help)"

# ---------------------------------------------------------------------------------------------
step "systemd unit (offline: no systemd runs here)"
unit=/lib/systemd/system/sundiald.service
if command -v systemd-analyze >/dev/null; then
    # verify loads the unit as a manager would (no running manager needed) and checks that
    # ExecStart exists and, when man is installed, that the Documentation= pages are there.
    man_check=no
    command -v man >/dev/null && man_check=yes
    systemd-analyze verify --man="$man_check" "$unit" || fail "systemd-analyze verify $unit"
    note "systemd-analyze verify: clean (manual pages checked: $man_check)"
    exposure=$(systemd-analyze security --offline=yes "$unit" 2>&1 | sed -n 's/.*Overall exposure level for sundiald.service: \([0-9.]*\).*/\1/p')
    # --threshold is in tenths: 30 means an exposure of 3.0.
    systemd-analyze security --offline=yes --threshold=30 "$unit" >/dev/null 2>&1 ||
        fail "systemd-analyze security: exposure ${exposure:-unknown} is above 3.0"
    note "systemd-analyze security --offline=yes: exposure $exposure (3.0 or better required)"
else
    note "systemd-analyze is not installed: unit checks skipped"
fi

# ---------------------------------------------------------------------------------------------
step "run the installed service on a private system bus"
# The integration tests' bus (tests/integration/system-bus.conf) with the INSTALLED policy;
# logind mocked by python3-dbusmock when it is there (without it the service only warns that it
# cannot list sessions); the real polkitd, so the installed polkit action is read: it owns its
# name as user polkitd and every caller may reach it.
socket=$work/bus
cat >"$work/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>unix:path=$socket</listen>
  <include>$top/tests/integration/system-bus.conf</include>
  <policy context="default">
    <allow send_destination="org.freedesktop.PolicyKit1"/>
  </policy>
  <policy user="polkitd">
    <allow own="org.freedesktop.PolicyKit1"/>
  </policy>
  <include>/usr/share/dbus-1/system.d/org.sundial.Agent1.conf</include>
</busconfig>
EOF
dbus-daemon --config-file="$work/bus.conf" --nofork --nosyslog >"$work/bus.log" 2>&1 &
pids+=($!)
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$socket
unset DBUS_SESSION_BUS_ADDRESS
wait_for() { # seconds, description, command...
    local tries=$(($1 * 10)) what=$2
    shift 2
    for _ in $(seq "$tries"); do
        "$@" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    fail "timed out waiting for $what"
}
has_name() {
    dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q "boolean true"
}
wait_for 10 "the private bus" test -S "$socket"
chmod 0777 "$socket"

if /usr/bin/python3 -c "import dbusmock" 2>/dev/null; then
    /usr/bin/python3 -m dbusmock --system --template logind >/dev/null 2>&1 &
    pids+=($!)
    wait_for 10 "the logind mock" has_name org.freedesktop.login1
    note "logind: python3-dbusmock"
else
    note "python3-dbusmock is not installed: no logind on the private bus"
fi
if [ -x /usr/lib/polkit-1/polkitd ]; then
    /usr/lib/polkit-1/polkitd --no-debug >"$work/polkitd.log" 2>&1 &
    pids+=($!)
    wait_for 10 "polkitd" has_name org.freedesktop.PolicyKit1
    pkaction --action-id org.sundial.manage --verbose >"$work/pkaction.txt" ||
        fail "polkit does not know org.sundial.manage"
    grep -q "implicit active:.*auth_admin_keep" "$work/pkaction.txt" ||
        fail "org.sundial.manage is not auth_admin_keep: $(cat "$work/pkaction.txt")"
    note "polkit reads the installed action org.sundial.manage (auth_admin_keep)"
else
    note "polkitd is not installed: polkit checks skipped"
fi

# The service as systemd would start it: its default state directory (so that purge has real
# state to delete) and unchecked-logins file.
/usr/sbin/sundiald --flush-interval 1 >"$work/sundiald.log" 2>&1 &
service=$!
pids+=("$service")
wait_for 15 "the installed sundiald on the bus" has_name org.sundial.Agent1
note "sundiald (pid $service) owns org.sundial.Agent1 under the installed policy"
# Firefox reads one policies.json: the service writes Sundial's (the forced extension) when none is there.
firefox_policies=/etc/firefox/policies/policies.json
if [ ! -e "$firefox_policies" ] || grep -qs '"browser@sundial.org"' "$firefox_policies"; then
    wait_for 10 "the service's Firefox policies" test -s "$firefox_policies"
    grep -q '"force_installed"' "$firefox_policies" || fail "$firefox_policies does not force Sundial's extension"
    [ "$(stat -c '%U:%G %a' "$firefox_policies")" = "root:root 644" ] ||
        fail "$firefox_policies is $(stat -c '%U:%G %a' "$firefox_policies"), expected root:root 644"
    note "sundiald wrote Firefox's policies.json (the forced extension), readable by the browsers"
fi
[ "$(stat -c '%U:%G %a' /var/lib/sundial)" = "root:root 700" ] ||
    fail "/var/lib/sundial is $(stat -c '%U:%G %a' /var/lib/sundial), expected root:root 700"
[ "$(stat -c '%U:%G %a' /var/lib/sundial/sundial.db)" = "root:root 600" ] ||
    fail "/var/lib/sundial/sundial.db is $(stat -c '%U:%G %a' /var/lib/sundial/sundial.db), expected root:root 600"

out=$(/usr/bin/sundialctl status) || fail "sundialctl status (as root) exited $?: $out"
echo "  sundialctl status (root): $out"
grep -q "not limited" <<<"$out" || fail "unexpected answer from sundialctl status: $out"

# A limited child (nobody stands in for one) and a parent in sundial-admin, calling with their
# own credentials through the installed policy.
child=$(id -u nobody)
/usr/bin/sundialctl add-child "$child" || fail "sundialctl add-child $child"
/usr/bin/sundialctl --child "$child" rules set --daily 2h --allow 07:00-21:00 || fail "sundialctl rules set"
as_child=(setpriv --reuid="$child" --regid="$(id -g nobody)" --clear-groups)
out=$("${as_child[@]}" /usr/bin/sundialctl status) || fail "sundialctl status as the child exited $?: $out"
echo "  sundialctl status (the child):"
sed 's/^/  /' <<<"$out"
grep -q "Left today" <<<"$out" || fail "the child's status does not say how much time is left"
out=$("${as_child[@]}" /usr/bin/sundialctl children 2>&1) && fail "the child could list children: $out"
note "the child may not use Admin: $out"
# The service reads the group database (not the caller's process groups): a real account.
useradd --system --no-create-home --shell /usr/sbin/nologin --groups sundial-admin "$parent_account" ||
    fail "cannot create the test parent account"
made_parent=yes
parent=$(id -u "$parent_account")
out=$(setpriv --reuid="$parent" --regid="$(id -g "$parent_account")" --init-groups /usr/bin/sundialctl children) ||
    fail "a member of sundial-admin could not list children: $out"
note "a member of sundial-admin may: $(tr '\n' ' ' <<<"$out")"

# The installed console against the installed service: every page rendered offscreen, the
# child's card on the Family page.
out=$(QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" HOME="$work" \
    /usr/bin/sundial-console --screenshot "$work/console" --language en 2>"$work/console.log") ||
    fail "sundial-console --screenshot exited $?: $(cat "$work/console.log")"
grep -q "\"summary-$child\":\"0 s used" <<<"$out" ||
    fail "the installed console does not show the child's time: $out"
[ -s "$work/console/family.png" ] || fail "the installed console saved no family.png"
note "the installed sundial-console shows the child the installed service limits"

# The login check: root is never limited; the service answers on the private bus.
PAM_USER=root PAM_SERVICE=login PAM_TYPE=account PAM_TTY=tty1 /usr/lib/sundial/sundial-login-check ||
    fail "sundial-login-check refused root"
note "sundial-login-check allows root"

kill -TERM "$service"
wait "$service" || fail "sundiald exited $? on SIGTERM"
grep -q "everything counted is written" "$work/sundiald.log" || fail "sundiald did not report a clean stop"
note "sundiald stopped cleanly on SIGTERM"

# ---------------------------------------------------------------------------------------------
step "the service's integration tests against the installed sundiald, in its sandbox (approximated)"
# systemd cannot run here, so installer/sandboxed-sundiald.sh rebuilds what it can of the unit's
# sandbox (namespaces, /proc subset=pid read-only, /home hidden, / read-only, the capability
# bounding set, no new privileges) and the integration tests' harness starts it instead.
if /usr/bin/python3 -c "import dbusmock" 2>/dev/null; then
    suites=(test_service test_authority)
    if [ ! -f build/tests/libsundial-test-clockshift.so ]; then
        note "no build/tests/libsundial-test-clockshift.so (installer/run-tests.sh builds it): clock tests left out"
        suites=(test_service.CountingTest test_service.EnforcementTest test_service.AppBlockTest
            test_service.SecurityTest test_authority)
    fi
    repo=$(pwd)
    (cd tests/integration &&
        SUNDIALD="$repo/installer/sandboxed-sundiald.sh" SUNDIAL_CLOCKSHIFT="$repo/build/tests/libsundial-test-clockshift.so" \
            /usr/bin/python3 -W ignore::ResourceWarning -m unittest "${suites[@]}") ||
        fail "the integration tests fail against the sandboxed installed sundiald"
    note "integration tests pass against the installed sundiald in the approximated sandbox"
else
    note "python3-dbusmock is not installed: sandboxed integration tests skipped"
fi

# ---------------------------------------------------------------------------------------------
step "remove"
apt-get remove -y -qq sundial-console sundial >"$work/remove.log" 2>&1 || {
    cat "$work/remove.log"
    fail "apt-get remove sundial-console sundial"
}
if dpkg-query -W -f='${Status}' sundial-console 2>/dev/null | grep -q "install ok"; then
    fail "after remove: sundial-console is still installed"
fi
dpkg-query -W -f='${Status}' sundial | grep -q "config-files" || fail "after remove: status is $(dpkg-query -W -f='${Status}' sundial)"
for path in $(awk 'NF && $1 !~ "^/etc/" { print $1 }' <<<"$expected_files$console_files"); do
    [ ! -e "$path" ] || fail "after remove: $path is still there"
done
[ -d /var/lib/sundial ] || fail "after remove: /var/lib/sundial is gone (only purge deletes it)"
[ -f /etc/xdg/autostart/sundial-tray.desktop ] || fail "after remove: the conffiles are gone (only purge deletes them)"
! grep -q "sundial-login-check" /etc/pam.d/common-account || fail "after remove: PAM still runs the login check"
[ ! -e /etc/systemd/system/multi-user.target.wants/sundiald.service ] || fail "after remove: sundiald.service is still enabled"
! grep -qs '"browser@sundial.org"' /etc/firefox/policies/policies.json ||
    fail "after remove: Sundial's Firefox policies (unsigned add-ons allowed) are still there"
note "removed: programs and system files gone, PAM clean, service disabled; state and conffiles kept"

# Installing again over the kept configuration must bring everything back, enabled.
apt-get install -y -qq "$deb" "$console_deb" >"$work/reinstall.log" 2>&1 || {
    cat "$work/reinstall.log"
    fail "apt-get install after remove"
}
grep -q "sundial-login-check" /etc/pam.d/common-account || fail "reinstalled: the login check is not in PAM"
[ -L /etc/systemd/system/multi-user.target.wants/sundiald.service ] || fail "reinstalled: sundiald.service is not enabled"
[ -x /usr/bin/sundial-console ] || fail "reinstalled: no /usr/bin/sundial-console"
apt-get remove -y -qq sundial-console sundial >>"$work/remove.log" 2>&1 || fail "apt-get remove (second time)"
note "installed again after removal: login check and service enabled again; removed again"

# ---------------------------------------------------------------------------------------------
step "purge"
# sundial-console has no conffiles or scripts: removing it left nothing for purge to do, and
# dpkg has forgotten it already.
if dpkg-query -W -f='${Status}' sundial-console 2>/dev/null | grep -q "config-files"; then
    apt-get purge -y -qq sundial-console >"$work/purge.log" 2>&1 || fail "apt-get purge sundial-console"
fi
apt-get purge -y -qq sundial >>"$work/purge.log" 2>&1 || {
    cat "$work/purge.log"
    fail "apt-get purge sundial"
}
installed=no
grep "sundial:" "$work/purge.log" | sed 's/^/  /' || true
grep -q "removing /var/lib/sundial" "$work/purge.log" || fail "purge did not say it removes /var/lib/sundial"
[ ! -e /var/lib/sundial ] || fail "after purge: /var/lib/sundial is still there"
[ ! -e /run/sundial ] || fail "after purge: /run/sundial is still there"
for path in $(awk 'NF { print $1 }' <<<"$expected_files$console_files"); do
    [ ! -e "$path" ] || fail "after purge: $path is still there"
done
for package in sundial sundial-console; do
    if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "installed\|config-files"; then
        fail "after purge: dpkg still knows $package"
    fi
done
for dir in /usr/share/sundial /usr/share/doc/sundial /usr/share/doc/sundial-console /usr/lib/sundial; do
    [ ! -e "$dir" ] || fail "after purge: $dir is still there"
done
! grep -q "sundial" /etc/pam.d/common-* || fail "after purge: /etc/pam.d/common-* mention sundial"
[ -z "$(find /etc/systemd /var/lib/systemd -name '*sundial*' 2>/dev/null)" ] ||
    fail "after purge: systemd state left: $(find /etc/systemd /var/lib/systemd -name '*sundial*')"
for proc in /proc/[0-9]*; do
    if [ "$(readlink "$proc/exe" 2>/dev/null)" = "/usr/sbin/sundiald (deleted)" ]; then
        fail "an installed sundiald still runs: ${proc#/proc/}"
    fi
done
left=$(getent group sundial-admin || true)
note "purged: nothing of either package is left; kept by design (Debian keeps system groups): ${left:-no group}"

# ---------------------------------------------------------------------------------------------
step "upgrade from an older sundial that holds state"
# The older package: this one, repacked with a lower version (~ sorts before the release).
old_version="$version~pkgtest1"
rm -rf "$work/old"
dpkg-deb -R "$deb" "$work/old"
sed -i "s/^Version: .*/Version: $old_version/" "$work/old/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/old" "$work/sundial_old.deb" >/dev/null || fail "cannot repack the older package"
dpkg --compare-versions "$old_version" lt "$version" || fail "$old_version does not sort before $version"
apt-get install -y -qq "$work/sundial_old.deb" >"$work/old-install.log" 2>&1 || {
    cat "$work/old-install.log"
    fail "apt-get install the older package"
}
installed=yes
[ "$(dpkg-query -W -f='${Version}' sundial)" = "$old_version" ] || fail "the older package is not what is installed"

start_service() { # the installed sundiald on the private bus, as systemd would start it
    /usr/sbin/sundiald --flush-interval 1 >>"$work/sundiald.log" 2>&1 &
    service=$!
    pids+=("$service")
    wait_for 15 "the installed sundiald on the bus" has_name org.sundial.Agent1
}
stop_service() {
    kill -TERM "$service"
    wait "$service" || fail "sundiald exited $? on SIGTERM"
}
start_service
/usr/bin/sundialctl add-child "$child" || fail "the older sundial: sundialctl add-child $child"
/usr/bin/sundialctl --child "$child" rules set --daily 90m --weekday sat=3h --allow 08:00-20:00 ||
    fail "the older sundial: sundialctl rules set"
rules_before=$(/usr/bin/sundialctl --child "$child" rules get) || fail "the older sundial: rules get"
children_before=$(/usr/bin/sundialctl children) || fail "the older sundial: children"
stop_service
note "$old_version installed, holding a child ($child) and its rules"

apt-get install -y -qq "$deb" >"$work/upgrade.log" 2>&1 || {
    cat "$work/upgrade.log"
    fail "apt-get install $deb over $old_version"
}
[ "$(dpkg-query -W -f='${Version}' sundial)" = "$version" ] ||
    fail "after the upgrade sundial is $(dpkg-query -W -f='${Version}' sundial), not $version"
grep -q "Unpacking sundial ($version) over ($old_version)" "$work/upgrade.log" ||
    fail "apt-get did not upgrade in place: $(cat "$work/upgrade.log")"
getent group sundial-admin >/dev/null || fail "after the upgrade: the group sundial-admin is gone"
grep -q "pam_exec.so.*/usr/lib/sundial/sundial-login-check" /etc/pam.d/common-account ||
    fail "after the upgrade: the login check is not in /etc/pam.d/common-account"
[ -f /usr/share/pam-configs/sundial ] || fail "after the upgrade: no PAM profile"
[ -L /etc/systemd/system/multi-user.target.wants/sundiald.service ] ||
    fail "after the upgrade: sundiald.service is not enabled"
[ "$(stat -c '%U:%G %a' /var/lib/sundial/sundial.db)" = "root:root 600" ] ||
    fail "after the upgrade: the database is $(stat -c '%U:%G %a' /var/lib/sundial/sundial.db 2>&1)"
start_service
[ "$(/usr/bin/sundialctl children)" = "$children_before" ] ||
    fail "after the upgrade the children differ: $(/usr/bin/sundialctl children) (before: $children_before)"
[ "$(/usr/bin/sundialctl --child "$child" rules get)" = "$rules_before" ] ||
    fail "after the upgrade the rules differ: $(/usr/bin/sundialctl --child "$child" rules get)"
out=$(/usr/bin/sundialctl status) || fail "after the upgrade: sundialctl status exited $?: $out"
stop_service
note "upgraded $old_version → $version: children, rules, group, PAM profile and the enabled unit kept; the service answers"

apt-get purge -y -qq sundial >"$work/purge-upgraded.log" 2>&1 || {
    cat "$work/purge-upgraded.log"
    fail "apt-get purge sundial after the upgrade"
}
installed=no
[ ! -e /var/lib/sundial ] || fail "after purging the upgraded package: /var/lib/sundial is still there"
! grep -q "sundial" /etc/pam.d/common-* || fail "after purging the upgraded package: PAM mentions sundial"
note "the upgraded package purges cleanly"

echo
echo "package-test: all checks passed ($(basename "$deb"), $(basename "$console_deb"))"
