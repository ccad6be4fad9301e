#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Sundial needs to build, test, try out and package, on a minimal
# Debian 12 (CI proves it in a fresh mmdebstrap root: .ci/fresh-debian.sh). Run as root, or as a
# user with sudo. Safe to run again: apt-get skips what is already there.
# cmake/SundialDependencies.cmake names the package of anything missing at configure time.
set -euo pipefail

packages=(
    # build
    cmake g++ make pkg-config clang-format-14
    libsqlite3-dev nlohmann-json3-dev catch2 qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-l10n-tools qt6-charts-dev
    # Qt6ChartsConfig.cmake needs Qt6OpenGL's CMake files, and qt6-charts-dev does not pull them in
    libqt6opengl6-dev
    libxcb1-dev libxcb-res0-dev libxcb-screensaver0-dev libxcb-sync-dev
    # sd-bus for the PAM login check and the browser host, which link no Qt
    libsystemd-dev
    # packing and signing the browser extension (installer/browser/pack-extension.py)
    python3 openssl
    # integration tests: a private bus, the logind mock, calls as other users, the PAM check
    dbus-daemon dbus-bin libglib2.0-bin python3-dbusmock python3-dbus python3-gi util-linux pamtester
    # an AppImage-like FUSE mount that only the child can open (the trust tests' launch tricks)
    squashfuse squashfs-tools
    # a real X session for the session helper's tests
    xvfb openbox xdotool x11-apps x11-utils trayer
    # the browser tests: Debian's Chromium and Firefox ESR, headless, with Sundial's extension and host
    chromium firefox-esr
    # runtime data the tests rely on
    tzdata sqlite3 fonts-dejavu-core
    # the Debian package and its checks (installer/package-test.sh); systemd for systemd-analyze
    dpkg-dev lintian desktop-file-utils appstream systemd
)

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
        exec sudo "$0" "$@"
    fi
    echo "install-deps.sh: run as root (apt-get needs it)" >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps.sh: all ${#packages[@]} packages present"
    exit 0
fi
echo "install-deps.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
