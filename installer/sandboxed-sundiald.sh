#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the installed /usr/sbin/sundiald inside an approximation of sundiald.service's sandbox,
# for machines where systemd does not run (CI): package-test.sh points the integration tests'
# harness at it (SUNDIALD=installer/sandboxed-sundiald.sh). Keep it in step with the unit.
#   unit                                   here
#   PrivateNetwork, PrivateIPC, ...        own network, IPC, UTS and mount namespaces
#   ProcSubset=pid, ReadOnlyPaths=/proc    a new /proc with subset=pid, then read-only
#   ProtectHome=yes                        an empty, inaccessible tmpfs on /home
#   ProtectSystem=strict + StateDirectory  / read-only except the state directory's parent
#   CapabilityBoundingSet, NoNewPrivileges setpriv
# Not reproduced: the system call filter, MemoryDenyWriteExecute, PrivateTmp, PrivateDevices.
# Arguments are sundiald's; --state DIR is required (the harness always passes it).
set -eu
state=
previous=
for argument in "$@"; do
    [ "$previous" = --state ] && state=$argument
    previous=$argument
done
[ -n "$state" ] || { echo "sandboxed-sundiald.sh: needs --state DIR" >&2; exit 2; }
writable=$(dirname "$state")
exec unshare --mount --net --ipc --uts --propagation private -- sh -c '
    set -e
    writable=$1
    shift
    mount --bind "$writable" "$writable"
    mount -t proc -o subset=pid proc /proc
    mount -o remount,bind,ro /proc
    mount -t tmpfs -o ro,mode=000 tmpfs /home
    mount -o remount,bind,ro /
    exec setpriv --bounding-set=-all,+kill,+sys_ptrace,+dac_read_search --inh-caps=-all --no-new-privs \
        /usr/sbin/sundiald "$@"
' sandboxed-sundiald "$writable" "$@"
