#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The browser side (issue #13): Sundial's extension in Debian's Chromium (headless, as the child),
sundial-browser-host and the real sundiald on the tests' private system bus.

  - the host's resident memory (VmRSS, and Pss) while the child switches tabs; target under 8 MB;
  - the delay from a tab switch (the DevTools call that activates the tab) to the service's record
    of the new site (the reply to the host's Session.SiteReport naming it, as dbus-monitor on the
    bus timestamps it); target under 200 ms at the median and the 95th percentile.

--switches N tab switches (default 40) between two sites served on 127.0.0.1, one every
--every seconds (default 0.5). Needs root and Debian's chromium. Prints a table, then one JSON
object on its last line."""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
import harness  # noqa: E402
from procstats import memory_kib  # noqa: E402
from service_bench import Bench, fresh, percentile  # noqa: E402
from test_browser_chromium import CHROMIUM, EXTENSION, HOST, chromium_for_child, copy_for_child  # noqa: E402
from chromium_driver import LocalPages  # noqa: E402

RSS_TARGET_KIB = 8 * 1024
DELAY_TARGET_MS = 200.0


class SiteReplies:
    """dbus-monitor on the bus: the wall time of each reply to a SiteReport, by the domain asked."""

    def __init__(self, address):
        self.process = subprocess.Popen(["dbus-monitor", "--address", address, "--monitor"], stdout=subprocess.PIPE,
                                        text=True, bufsize=1)
        self.calls = {}  # serial -> domain
        self.replies = []  # (time, domain)
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        pending = None  # the serial of a SiteReport call whose arguments come next
        for line in self.process.stdout:
            if os.environ.get("BROWSER_BENCH_DEBUG"):
                sys.stderr.write(line)
            call = re.match(r"method call time=[\d.]+ sender=\S+ -> destination=\S+ serial=(\d+) .*member=SiteReport", line)
            if call:
                pending = call.group(1)
                continue
            # The report's first entry is its domain: `variant string "alpha.test"`.
            value = re.match(r'\s*variant\s+string "(.*)"', line)
            if pending and value:
                self.calls[pending] = value.group(1)
                pending = None
                continue
            reply = re.match(r"method return time=([\d.]+) sender=\S+ -> destination=\S+ serial=\d+ reply_serial=(\d+)", line)
            if reply and reply.group(2) in self.calls:
                with self.lock:
                    self.replies.append((float(reply.group(1)), self.calls.pop(reply.group(2))))

    def first_after(self, moment, domain):
        with self.lock:
            return next((at for at, name in self.replies if at >= moment and name == domain), None)

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switches", type=int, default=40)
    parser.add_argument("--every", type=float, default=0.5)
    options = parser.parse_args()
    if os.geteuid() != 0 or not os.path.exists(CHROMIUM):
        sys.exit("browser_bench.py needs root and Debian's chromium")

    pages = LocalPages()
    bench = fresh(Bench)
    browser = monitor = None
    try:
        host = bench.child_readable(HOST)
        extension = copy_for_child(EXTENSION, os.path.join(bench.dir, "extension"))
        bench.start_service("--trusted-browser-host", host)
        bench.agent("Admin.AddChild", harness.CHILD_UID)
        bench.agent("Admin.SetRules", harness.CHILD_UID, json.dumps({"version": 1}))
        bench.add_session()
        bench.heartbeat(exe=CHROMIUM)
        monitor = SiteReplies(bench.env["DBUS_SYSTEM_BUS_ADDRESS"])
        browser = chromium_for_child(extension, host, pages.resolver_rules(), bench.env["DBUS_SYSTEM_BUS_ADDRESS"])
        tabs = [(browser.new_tab(pages.url("alpha.test")), "alpha.test"),
                (browser.new_tab(pages.url("beta.test")), "beta.test")]
        browser.wait_for(lambda: monitor.first_after(0, "beta.test") is not None, 60, "the first site report")
        host_pid = int(subprocess.run(["pgrep", "-f", "-n", "^" + host], capture_output=True, text=True,
                                      check=True).stdout.split()[0])
        delays, memory = [], []
        for switch in range(options.switches):
            tab, domain = tabs[switch % 2]
            bench.heartbeat(exe=CHROMIUM)
            started = time.time()
            browser.activate(tab)
            browser.wait_for(lambda: monitor.first_after(started, domain) is not None, 10, domain + "'s report")
            delays.append((monitor.first_after(started, domain) - started) * 1000)
            memory.append(memory_kib(host_pid))
            time.sleep(options.every)
        rss = statistics.median(sample["rss_kib"] for sample in memory)
        pss = statistics.median(sample["pss_kib"] for sample in memory)
        figures = {
            "switches": options.switches,
            "host_rss_kib_median": rss,
            "host_rss_kib_max": max(sample["rss_kib"] for sample in memory),
            "host_pss_kib_median": pss,
            "switch_delay_ms_median": round(statistics.median(delays), 1),
            "switch_delay_ms_p95": round(percentile(delays, 0.95), 1),
            "switch_delay_ms_max": round(max(delays), 1),
        }
        figures["targets_met"] = (figures["host_rss_kib_max"] < RSS_TARGET_KIB
                                  and figures["switch_delay_ms_median"] < DELAY_TARGET_MS
                                  and figures["switch_delay_ms_p95"] < DELAY_TARGET_MS)
        print("%-34s %10s %10s" % ("figure", "value", "target"))
        print("%-34s %10d %10s" % ("host RSS, median (KiB)", rss, "< 8192"))
        print("%-34s %10d %10s" % ("host Pss, median (KiB)", pss, ""))
        print("%-34s %10.1f %10s" % ("tab switch to record, median (ms)", figures["switch_delay_ms_median"], "< 200"))
        print("%-34s %10.1f %10s" % ("tab switch to record, p95 (ms)", figures["switch_delay_ms_p95"], "< 200"))
        print(json.dumps(figures))
    finally:
        if browser:
            browser.close()
        if monitor:
            monitor.close()
        bench.tearDown()
        pages.close()


if __name__ == "__main__":
    main()
