# SPDX-License-Identifier: GPL-3.0-or-later
"""What the benchmarks read about a process from /proc: its threads' CPU time and context
switches, and its memory. Shared by service_bench.py and session_bench.py."""

import os


def tasks(pid):
    return os.listdir("/proc/%d/task" % pid)


def _per_task(pid, read):
    total = 0
    for task in tasks(pid):
        try:
            total += read("/proc/%d/task/%s/" % (pid, task))
        except FileNotFoundError:  # a thread that ended between the listing and the read
            pass
    return total


def _schedstat_ns(directory):
    with open(directory + "schedstat") as f:
        return int(f.read().split()[0])


def _context_switches(directory):
    total = 0
    with open(directory + "status") as f:
        for line in f:
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                total += int(line.split()[1])
    return total


def cpu_ns(pid):
    """CPU time of all the process's threads, in nanoseconds (schedstat)."""
    return _per_task(pid, _schedstat_ns)


def switches(pid):
    """Context switches of all the process's threads: a burst of them is a wakeup."""
    return _per_task(pid, _context_switches)


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


def memory_kib(pid):
    """VmRSS, and from smaps_rollup the proportional share (Pss) and private anonymous memory."""
    figures = {"rss_kib": rss_kib(pid)}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("Pss", "Anonymous"):
                figures[key.lower() + "_kib"] = int(value.split()[0])
    return figures
