#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sundiald's footprint and reaction times, on a private system bus with the logind mock
(the same set-up as tests/integration; logind cannot run here):

  1. steady state: one child session, a heartbeat every second for --seconds (default 60):
     resident memory (VmRSS at the end), CPU time of all threads (schedstat, ns), and the
     heartbeat round trip seen by the child's client (p50, p99);
  2. idle: no child session, --seconds of nothing: the service's wakeups (context switches of
     all its threads) and CPU;
  3. lockout latency: --lock-runs times, a budget that runs out a few seconds after start with
     no grace; latency = logind mock's LockSession timestamp - the moment the budget hit zero
     (`allowedUntil`, trusted time); and the re-lock latency after the child unlocks.

Needs root (it calls as uid 1001 through setpriv). Prints a table, then one JSON object on
its last line."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
import harness  # noqa: E402

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

CLIENT = r"""
import dbus, json, sys, time
bus = dbus.SystemBus()
agent = dbus.Interface(bus.get_object('org.sundial.Agent1', '/org/sundial/Agent1'), 'org.sundial.Agent1.Session')
seconds = int(sys.argv[1])
rtts = []
start = time.monotonic()
for i in range(seconds):
    t0 = time.perf_counter()
    agent.Heartbeat({'exe': '/usr/bin/app%d' % (i // 30), 'desktopId': 'app%d' % (i // 30)})
    rtts.append((time.perf_counter() - t0) * 1000.0)
    time.sleep(max(0.0, start + i + 1 - time.monotonic()))
print(json.dumps(rtts))
"""


class Bench(harness.ServiceTestCase):
    def runTest(self):  # unittest needs a test method to construct the case
        pass


def cpu_ns(pid):
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/schedstat" % (pid, task)) as f:
            total += int(f.read().split()[0])
    return total


def switches(pid):
    total = 0
    for task in os.listdir("/proc/%d/task" % pid):
        with open("/proc/%d/task/%s/status" % (pid, task)) as f:
            for line in f:
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
    return total


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


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def fresh():
    bench = Bench()
    bench.setUp()
    return bench


def steady_state(seconds):
    bench = fresh()
    try:
        bench.flush_interval = 10
        bench.start_service()
        bench.agent("Admin.AddChild", harness.CHILD_UID)
        bench.agent("Admin.SetRules", harness.CHILD_UID, json.dumps({"version": 1}))
        bench.add_session()
        time.sleep(2)
        pid = bench.daemon.pid
        cpu0 = cpu_ns(pid)
        client = subprocess.run(["setpriv", "--reuid=%d" % harness.CHILD_UID, "--regid=%d" % harness.CHILD_UID,
                                 "--clear-groups", "/usr/bin/python3", "-c", CLIENT, str(seconds)],
                                env=bench.env, capture_output=True, text=True, timeout=seconds + 60)
        if client.returncode != 0:
            raise RuntimeError(client.stderr)
        cpu = cpu_ns(pid) - cpu0
        rtts = json.loads(client.stdout)
        used = bench.status()["usedSeconds"]
        if used < seconds * 0.9:
            raise RuntimeError("the service counted %d s of %d s: not measuring a working service" % (used, seconds))
        return {**memory_kib(pid), "cpu_ms": cpu / 1e6, "cpu_percent": cpu / 1e9 / seconds * 100,
                "rtt_p50_ms": percentile(rtts, 0.5), "rtt_p99_ms": percentile(rtts, 0.99), "counted_s": used}
    finally:
        bench.tearDown()


def idle(seconds):
    bench = fresh()
    try:
        bench.start_service()
        bench.agent("Admin.AddChild", harness.CHILD_UID)
        time.sleep(2)
        pid = bench.daemon.pid
        s0, c0 = switches(pid), cpu_ns(pid)
        time.sleep(seconds)
        return {"wakeups_per_minute": (switches(pid) - s0) * 60.0 / seconds,
                "cpu_ms": (cpu_ns(pid) - c0) / 1e6, "rss_kib": rss_kib(pid)}
    finally:
        bench.tearDown()


def lock_latency(runs):
    latencies, relocks = [], []
    for _ in range(runs):
        bench = fresh()
        try:
            bench.start_service()
            bench.agent("Admin.AddChild", harness.CHILD_UID)
            bench.agent("Admin.SetRules", harness.CHILD_UID, json.dumps({
                "version": 1, "days": {day: {"budgetMinutes": 1} for day in WEEKDAYS},
                "lockout": {"graceSeconds": 0, "lockConfirmSeconds": 30, "unlocksBeforeTerminate": 100}}))
            bench.stop_service()
            bench.seed_usage(harness.CHILD_UID, 57)
            bench.start_service()
            bench.add_session()
            zero = bench.status()["allowedUntil"]
            bench._wait_for(lambda: bench.logind_calls("LockSession"), "LockSession", timeout=10)
            locked_at = float(bench.logind_calls("LockSession")[0].split()[0])
            latencies.append((locked_at - zero) * 1000.0)
            bench.set_session("c2", LockedHint="true")
            time.sleep(0.3)
            unlocked = time.time()
            bench.set_session("c2", LockedHint="false")
            bench._wait_for(lambda: len(bench.logind_calls("LockSession")) >= 2, "re-lock", timeout=5)
            relocked_at = float(bench.logind_calls("LockSession")[1].split()[0])
            relocks.append((relocked_at - unlocked) * 1000.0)
        finally:
            bench.tearDown()
    return {"lock_p50_ms": percentile(latencies, 0.5), "lock_p95_ms": percentile(latencies, 0.95),
            "relock_p50_ms": percentile(relocks, 0.5), "relock_max_ms": max(relocks), "runs": runs}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--lock-runs", type=int, default=20)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("service_bench.py: run as root (it calls the service as another uid)")
    steady = steady_state(args.seconds)
    quiet = idle(args.seconds)
    lock = lock_latency(args.lock_runs)
    print("steady state, 1 heartbeat/s for %d s: RSS %.1f MiB (PSS %.1f, anonymous %.1f), CPU %.1f ms "
          "(%.4f %% of a core), heartbeat round trip p50 %.2f ms, p99 %.2f ms"
          % (args.seconds, steady["rss_kib"] / 1024, steady["pss_kib"] / 1024, steady["anonymous_kib"] / 1024,
             steady["cpu_ms"], steady["cpu_percent"],
             steady["rtt_p50_ms"], steady["rtt_p99_ms"]))
    print("idle, no child session, %d s: %.1f wakeups/min, CPU %.1f ms"
          % (args.seconds, quiet["wakeups_per_minute"], quiet["cpu_ms"]))
    print("budget at zero -> LockSession over %d runs: p50 %.0f ms, p95 %.0f ms; unlock -> re-lock p50 %.0f ms, max %.0f ms"
          % (lock["runs"], lock["lock_p50_ms"], lock["lock_p95_ms"], lock["relock_p50_ms"], lock["relock_max_ms"]))
    print(json.dumps({"benchmark": "service", "steady": steady, "idle": quiet, "lockout": lock}))


if __name__ == "__main__":
    main()
