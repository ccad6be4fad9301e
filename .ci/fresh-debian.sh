#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the README's two commands, exactly as written for a root shell, in a fresh minimal Debian 12
# root made by mmdebstrap from this machine's own apt sources: nothing installed by hand on the
# CI machine can hide a missing package. The try-out runs headless (it must print the status and
# the week's report and exit 0), then the test command runs every test.
#   SUNDIAL_CI_ROOT        where to make the root (default: a new directory under /var/tmp)
#   SUNDIAL_CI_APT_CACHE   downloaded .deb files kept between runs, for speed only (default:
#                          /var/cache/sundial-ci/archives); every package is still installed afresh
#   SUNDIAL_CI_KEEP_ROOT=1 leave the root (unmounted) for a look after a failure
set -euo pipefail
checkout=$(cd "$(dirname "$0")/.." && pwd)
root=${SUNDIAL_CI_ROOT:-$(mktemp -d /var/tmp/sundial-fresh-root.XXXXXX)}
apt_cache=${SUNDIAL_CI_APT_CACHE:-/var/cache/sundial-ci/archives}

if [ "$(id -u)" -ne 0 ]; then
    echo "fresh-debian.sh: run as root (mmdebstrap, chroot and mounts need it)" >&2
    exit 1
fi
command -v mmdebstrap >/dev/null || apt-get install -y -qq --no-install-recommends mmdebstrap

mounted=()
cleanup() {
    local status=$?
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount -R "${mounted[i]}" 2>/dev/null || umount -lR "${mounted[i]}" 2>/dev/null || true
    done
    # Only remove the root when nothing is mounted in it any more.
    if [ "${SUNDIAL_CI_KEEP_ROOT:-}" != 1 ] && ! grep -q " $root/" /proc/mounts; then
        rm -rf "$root"
    fi
    exit "$status"
}
trap cleanup EXIT

# This machine's apt sources, as mirror arguments: no mirror is named in the repository.
sources=()
for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    if [ -s "$file" ] && grep -qv '^\s*\(#\|$\)' "$file"; then
        sources+=("$file")
    fi
done
if [ ${#sources[@]} -eq 0 ]; then
    echo "fresh-debian.sh: this machine has no apt sources to make the root from" >&2
    exit 1
fi
rmdir "$root" 2>/dev/null || true
mmdebstrap --quiet --variant=minbase --include=ca-certificates bookworm "$root" "${sources[@]}"

# The clean checkout, as a fresh clone (only what is committed), under a root shell's 0700 home.
git clone --quiet --no-hardlinks "$checkout" "$root/root/sundial"

mount_in() { # <mount arguments...> <target inside the root>
    local target="$root${*: -1}"
    mkdir -p "$target"
    mount "${@:1:$#-1}" "$target"
    mounted+=("$target")
}
# The root as a mount point of its own, so that tests can unshare a mount namespace and pivot
# or bind over parts of it (test_chromium_driver.py mounts policy directories over /etc/chromium).
mount --bind "$root" "$root"
mounted+=("$root")
mount_in -t proc proc /proc
mount_in --rbind /sys /sys
mount --make-rslave "$root/sys"
mount_in --rbind /dev /dev
mount --make-rslave "$root/dev"
mount_in -t tmpfs -o mode=1777 tmpfs /tmp
mount_in -t tmpfs -o mode=0755 tmpfs /run
mkdir -p "$apt_cache"
mount_in --bind "$apt_cache" /var/cache/apt/archives
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

in_root() { # <command line>, run as root in a root shell's environment, without a terminal
    chroot "$root" /usr/bin/env -i HOME=/root USER=root LOGNAME=root SHELL=/bin/bash LANG=C.UTF-8 \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI=true \
        /bin/bash -c "cd /root/sundial && $1" </dev/null
}

echo "--- fresh Debian 12 root: bash installer/try-out.sh"
tryout_log=$(mktemp)
in_root "bash installer/try-out.sh" 2>&1 | tee "$tryout_log"
# Headless, the try-out must show a child's status and the week's report, not merely exit 0.
grep -q "What a child sees" "$tryout_log" || { echo "fresh-debian.sh: the try-out printed no status" >&2; exit 1; }
grep -q "^Screen time .* to " "$tryout_log" && grep -q "^Top apps:" "$tryout_log" ||
    { echo "fresh-debian.sh: the try-out printed no week's report" >&2; exit 1; }
rm -f "$tryout_log"

echo "--- fresh Debian 12 root: bash installer/run-tests.sh"
in_root "bash installer/run-tests.sh"

echo "--- fresh Debian 12 root: benchmark smoke run (one week of data; docs/BENCHMARKS.md has full runs)"
in_root "build/bench/sundial-bench-year --days 7 --runs 3 | tail -n 1"
