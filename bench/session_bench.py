#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sundial-session's footprint, in the set-up of tests/integration/test_session.py: Xvfb with
openbox, an xlogo window run as the child (uid 1001), the real service on a private system bus
with the logind mock, a private session bus of the child's (so the MPRIS watcher is running, with
no player on it), and the helper run as the child with --keep-alive 30:

  1. titles: the focused window changes its title every second (xdotool set_window --name) for
     --seconds (default 60); the rules record titles, so every change is read and reported.
     Resident memory at the end (VmRSS; Pss from smaps_rollup) and CPU time of all the helper's
     threads (schedstat) over the phase;
  2. quiet: --seconds with no change at all: the helper's context switches (all threads),
     sampled every 50 ms, grouped into wakeups (bursts) and each wakeup told apart as at a
     keep-alive tick (within 5 % of the interval, the slack of Qt's coarse timers) or not;
  3. idle (unless --skip-idle): the same, once the child is idle (rules with the least idle
     threshold, 30 s, and no input for longer), where the helper looks for input again every 2 s.

In phases 1 and 2 the child is active: the pointer is moved (XTest) before each phase and every
60 s, which the helper does not see (it asks for the idle time only when a timer fires).

Needs root (the child's programs run as uid 1001 through setpriv). Prints a table, then one JSON
object on its last line. Exits 1 when a sanity check fails (the helper exited, or the service
did not record the titles)."""

import argparse
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "integration"))
import harness  # noqa: E402
from procstats import tasks, cpu_ns, switches, memory_kib  # noqa: E402
import test_session  # noqa: E402

SAMPLE = 0.05  # s between samples of the helper's context switches
BURST_GAP = 0.5  # s: switches closer than this belong to one wakeup
TOUCH_EVERY = 60  # s: input to keep the child active (the rules' default idle threshold is 180 s)


class Bench(test_session.SessionHelperTest):
    record_titles = True

    def runTest(self):  # unittest needs a test method to construct the case
        pass


def alive(helper, what):
    if helper.poll() is not None:
        raise RuntimeError("sundial-session exited (%d) during %s" % (helper.returncode, what))


def titles_phase(bench, helper, window, seconds):
    pid = helper.pid
    service = bench.daemon.pid
    bench.touch()
    time.sleep(1)
    cpu0, service0 = cpu_ns(pid), cpu_ns(service)
    start = time.monotonic()
    for i in range(seconds):
        subprocess.run(["xdotool", "set_window", "--name", "Title %d" % (i + 1), window], env=bench.x_env,
                       check=True, timeout=10)
        if (i + 1) % TOUCH_EVERY == 0:
            bench.touch()
        time.sleep(max(0.0, start + i + 1 - time.monotonic()))
    elapsed = time.monotonic() - start
    cpu, service_cpu = cpu_ns(pid) - cpu0, cpu_ns(service) - service0
    alive(helper, "the titles phase")
    memory = memory_kib(pid)
    recorded = {entry["title"] for entry in bench.timeline()}
    reported = sum(1 for i in range(seconds) if "Title %d" % (i + 1) in recorded)
    return {**memory, "threads": len(tasks(pid)), "cpu_ms": cpu / 1e6, "cpu_percent": cpu / 1e9 / elapsed * 100,
            "title_changes": seconds, "titles_recorded": reported, "service_cpu_ms": service_cpu / 1e6}


def quiet_phase(bench, helper, started, seconds, keep_alive, touch):
    """Wakeups of the helper over `seconds`: bursts of context switches, each at a keep-alive tick
    (within a second after started + k * keep_alive) or not."""
    pid = helper.pid
    if touch:
        bench.touch()
    time.sleep(1)
    cpu0 = cpu_ns(pid)
    last = switches(pid)
    first = last
    bursts = []  # [time of the first switch seen, switches]
    start = time.monotonic()
    next_touch = start + TOUCH_EVERY
    while time.monotonic() - start < seconds:
        time.sleep(SAMPLE)
        now = time.monotonic()
        count = switches(pid)
        if count != last:
            if bursts and now - bursts[-1][2] < BURST_GAP:
                bursts[-1][1] += count - last
                bursts[-1][2] = now
            else:
                bursts.append([now, count - last, now])
            last = count
        if touch and now >= next_touch:
            bench.touch()  # XTest input: the helper is not told, so it does not wake
            next_touch += TOUCH_EVERY
    elapsed = time.monotonic() - start
    cpu = cpu_ns(pid) - cpu0
    alive(helper, "a quiet phase")
    # The keep-alive is a coarse QTimer, which may fire up to 5 % of its interval early or late
    # (Qt lines up such timers to save wakeups); the helper also starts it a moment after its start.
    slack = 0.05 * keep_alive + 0.5
    at_keep_alive = 0
    offsets = []
    for at, _, _ in bursts:
        offset = (at - started) % keep_alive
        offsets.append(round(offset, 2))
        if offset <= slack or offset >= keep_alive - slack:
            at_keep_alive += 1
    return {"seconds": round(elapsed, 1), "switches": last - first, "wakeups": len(bursts),
            "wakeups_at_keep_alive": at_keep_alive, "other_wakeups": len(bursts) - at_keep_alive,
            "wakeups_per_minute": len(bursts) * 60.0 / elapsed, "cpu_ms": cpu / 1e6,
            "wakeup_offsets_s": offsets}


def start_helper(bench, env, keep_alive):
    # --no-restart: measure the helper itself, not the restarter waiting for it.
    helper = bench.start_helper(keep_alive, env, "--no-restart")
    started = time.monotonic()
    bench._wait_for(lambda: any(entry["exe"] == "/usr/bin/xlogo" for entry in bench.timeline()), "the first report")
    return helper, started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="length of each phase (default 60)")
    parser.add_argument("--keep-alive", type=int, default=30, help="the helper's --keep-alive (default 30)")
    parser.add_argument("--skip-idle", action="store_true", help="leave out the idle phase")
    options = parser.parse_args()
    if os.geteuid() != 0:
        print("session_bench.py: needs root (it runs the child's programs as uid %d through setpriv)"
              % harness.CHILD_UID, file=sys.stderr)
        return 1
    if not os.path.exists(test_session.SESSION):
        print("session_bench.py: no %s (set SUNDIAL_SESSION)" % test_session.SESSION, file=sys.stderr)
        return 1

    bench = Bench()
    result = {"benchmark": "session", "seconds": options.seconds, "keep_alive_s": options.keep_alive}
    try:
        bench.setUp()
    except BaseException:
        bench.doCleanups()  # what unittest does when setUp fails
        raise
    try:
        env = bench.start_session_bus()
        window = bench.open_window("xlogo", "Title 0")
        helper, started = start_helper(bench, env, options.keep_alive)
        result["titles"] = titles_phase(bench, helper, window, options.seconds)
        result["quiet"] = quiet_phase(bench, helper, started, options.seconds, options.keep_alive, touch=True)
        if not options.skip_idle:
            bench.end(helper)
            bench.agent("Admin.SetRules", harness.CHILD_UID,
                        bench.rules(privacy={"recordTitles": True}, idleThresholdSeconds=30))
            bench.touch()
            helper, started = start_helper(bench, env, options.keep_alive)
            time.sleep(31)  # the idle threshold after the last input
            result["idle"] = quiet_phase(bench, helper, started, options.seconds, options.keep_alive, touch=False)
            result["idle"]["reported_idle"] = any(entry["idle"] for entry in bench.timeline())
            for key in ("wakeups_at_keep_alive", "other_wakeups"):  # a poll every 2 s: the ticks mean nothing
                del result["idle"][key]
    except (RuntimeError, AssertionError, subprocess.SubprocessError, OSError) as error:
        print("session_bench.py: %s" % error, file=sys.stderr)
        return 1
    finally:
        bench.doCleanups()
        bench.tearDown()

    titles, quiet = result["titles"], result["quiet"]
    result["targets_met"] = {
        "memory_under_25mb": titles["rss_kib"] * 1024 < 25_000_000,
        "cpu_under_0_2_percent": titles["cpu_percent"] < 0.2,
        "no_wakeups_but_keep_alive": quiet["other_wakeups"] == 0,
    }
    print("%-44s %s" % ("figure", "measured"))
    print("%-44s %.1f MiB RSS, %.1f MiB PSS, %.1f MiB anonymous, %d threads"
          % ("memory after the titles phase", titles["rss_kib"] / 1024, titles["pss_kib"] / 1024,
             titles["anonymous_kib"] / 1024, titles["threads"]))
    print("%-44s %.1f ms = %.3f %% of a core (service: %.1f ms)"
          % ("CPU, a new title every second, %d s" % options.seconds, titles["cpu_ms"], titles["cpu_percent"],
             titles["service_cpu_ms"]))
    print("%-44s %d of %d" % ("titles the service recorded", titles["titles_recorded"], titles["title_changes"]))
    print("%-44s %d wakeups (%d at keep-alive ticks, %d other), %d switches, %.2f ms CPU"
          % ("quiet, active child, %d s" % options.seconds, quiet["wakeups"], quiet["wakeups_at_keep_alive"],
             quiet["other_wakeups"], quiet["switches"], quiet["cpu_ms"]))
    if "idle" in result:
        idle = result["idle"]
        print("%-44s %d wakeups (%.1f a minute), %d switches, %.2f ms CPU"
              % ("quiet, idle child, %d s" % options.seconds, idle["wakeups"], idle["wakeups_per_minute"],
                 idle["switches"], idle["cpu_ms"]))
    print(json.dumps(result))
    sane = titles["titles_recorded"] >= 0.9 * titles["title_changes"] and result.get("idle", {}).get(
        "reported_idle", True)
    if not sane:
        print("session_bench.py: sanity check failed: the service did not record what the helper should report",
              file=sys.stderr)
    return 0 if sane else 1


if __name__ == "__main__":
    sys.exit(main())
