#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""sundiald under a flood from a child's account (issue 11, item 8), on the private system bus
with the logind mock that tests/integration and service_bench.py use:

  - the child's client (uid 1001 through setpriv) sends 20 heartbeats a second, each naming a
    fresh executable, desktop id, site and window title, and asks for more time twice a second;
  - a parent (root) calls Admin.Audit for the newest 100 entries and Admin.ListRequests for the
    newest page every 10 s, timing each round trip;
  - before the service starts, the audit log is given --audit-rows rows (a valid chain), so that
    an Audit call that re-hashed the whole chain would show in its round trip.

Every 30 s it samples the service's resident memory (VmRSS) and private anonymous memory and the
database's size on disk (sundial.db + sundial.db-wal). Figures: the samples, the growth from the
1-minute sample to the end, Audit's round trip at the start and at the end of the flood.
Targets: RSS and private anonymous memory grow by at most 1 MiB and the database by at most
1 MiB between minute 1 and the end; Audit's round trip at the end is within 2x of the start (or
within 5 ms of it) although the flood went on.

The client's interpreter (python3) is made a trusted reporter, as in service_bench.py, and the
service runs without its claim cross-checks (--no-claim-checks, asked for explicitly): the
flood's executables are made up and do not run, so a checked report would be charged as an
unknown app without ever reaching the per-name code this measures.

--minutes 10 is the measured run (docs/BENCHMARKS.md); --minutes 1 a smoke run. Needs root.
Prints a table, then one JSON object on its last line."""

import argparse
import hashlib
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "integration"))
import harness  # noqa: E402
from procstats import memory_kib  # noqa: E402
from service_bench import Bench, fresh  # noqa: E402

import dbus  # noqa: E402

SUNDIALCTL = os.environ.get("SUNDIALCTL", os.path.join(harness.BUILD, "agent", "ctl", "sundialctl"))
SAMPLE_EVERY = 30  # s
PARENT_EVERY = 10  # s
AUDIT_PAGE = 100
RSS_BOUND_KIB = 1024
DB_BOUND_BYTES = 1024 * 1024
AUDIT_RATIO_BOUND = 2.0
AUDIT_SLACK_MS = 5.0

FLOOD_CLIENT = r"""
import dbus, json, sys, time
bus = dbus.SystemBus()
agent = bus.get_object('org.sundial.Agent1', '/org/sundial/Agent1')
session = dbus.Interface(agent, 'org.sundial.Agent1.Session')
child = dbus.Interface(agent, 'org.sundial.Agent1.Child')
seconds, rate = float(sys.argv[1]), int(sys.argv[2])
counts = {'heartbeats': 0, 'heartbeats_refused': 0, 'requests': 0, 'requests_refused': 0}
start = time.monotonic()
i = 0
while time.monotonic() - start < seconds:
    try:
        session.Heartbeat({'exe': '/opt/flood/app-%d' % i, 'desktopId': 'flood-%d.desktop' % i,
                           'domain': 'site-%d.example' % i, 'title': 'window %d' % i})
        counts['heartbeats'] += 1
    except dbus.DBusException:
        counts['heartbeats_refused'] += 1
    if i % (rate // 2) == 0:
        try:
            child.RequestMoreTime(dbus.UInt32(15), 'please %d' % i)
            counts['requests'] += 1
        except dbus.DBusException:
            counts['requests_refused'] += 1
    i += 1
    time.sleep(max(0.0, start + i / rate - time.monotonic()))
print(json.dumps(counts))
"""


def chain_hash(previous, fields):
    """auditlog.cpp's hashOf: the previous hash, then each field length-prefixed."""
    data = previous.encode()
    for field in fields:
        raw = str(field).encode()
        data += b"%d:%s;" % (len(raw), raw)
    return hashlib.sha256(data).hexdigest()


def seed_audit(db_path, rows):
    """Appends `rows` rows to the audit log, continuing its chain and its recorded head."""
    db = sqlite3.connect(db_path)
    last = db.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone() or (0, "")
    at = int(time.time()) - 86400
    previous, next_id, batch = last[1], last[0] + 1, []
    for n in range(rows):
        row = (next_id, at, "seeded", -1, -1, "seeded audit row %d" % n)
        previous = chain_hash(previous, row)
        batch.append(row + (previous,))
        next_id += 1
    db.executemany("INSERT INTO audit(id, at, kind, child, actor, detail, hash) VALUES(?, ?, ?, ?, ?, ?, ?)", batch)
    db.execute("INSERT INTO meta(key, value) VALUES('audit_head', ?) ON CONFLICT(key) DO UPDATE SET value = "
               "excluded.value", ("%d:%s" % (next_id - 1, previous),))
    db.commit()
    db.close()


def database_bytes(state):
    return sum(os.path.getsize(os.path.join(state, name)) for name in ("sundial.db", "sundial.db-wal")
               if os.path.exists(os.path.join(state, name)))


class Parent:
    """Admin calls as root on its own connection to the private bus, timed."""

    def __init__(self, address):
        self.bus = dbus.bus.BusConnection(address)
        self.admin = dbus.Interface(self.bus.get_object(*harness.AGENT), "org.sundial.Agent1.Admin")

    def audit(self):
        """Round trip (ms) of reading the newest AUDIT_PAGE entries, and the reply."""
        rows = json.loads(self.admin.Audit(dbus.Int64(2 ** 62), dbus.UInt32(0)))["rows"]
        t0 = time.perf_counter()
        log = json.loads(self.admin.Audit(dbus.Int64(max(0, rows - AUDIT_PAGE)), dbus.UInt32(AUDIT_PAGE)))
        return (time.perf_counter() - t0) * 1000.0, log

    def list_requests(self):
        t0 = time.perf_counter()
        page = json.loads(self.admin.ListRequests(False, dbus.Int64(0), dbus.UInt32(2 ** 32 - 1)))
        return (time.perf_counter() - t0) * 1000.0, page


def flood(minutes, rate, audit_rows):
    bench = fresh(Bench)
    try:
        bench.flush_interval = 10
        bench.start_service(check_claims=False)  # the flood's executables are made up (the docstring)
        bench.agent("Admin.AddChild", harness.CHILD_UID)
        bench.agent("Admin.SetRules", harness.CHILD_UID, json.dumps({"version": 1}))
        bench.stop_service()
        seed_audit(os.path.join(bench.state, "sundial.db"), audit_rows)
        started = time.perf_counter()
        bench.start_service(check_claims=False)  # verifies the whole chain once
        start_ms = (time.perf_counter() - started) * 1000.0
        bench.add_session()
        pid = bench.daemon.pid
        parent = Parent(bench.env["DBUS_SYSTEM_BUS_ADDRESS"])

        seconds = minutes * 60
        client = subprocess.Popen(["setpriv", "--reuid=%d" % harness.CHILD_UID, "--regid=%d" % harness.CHILD_UID,
                                   "--clear-groups", "/usr/bin/python3", "-c", FLOOD_CLIENT, str(seconds), str(rate)],
                                  env=bench.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        samples, audits, lists = [], [], []
        begin = time.monotonic()
        next_sample, next_parent = 0.0, 0.0
        while True:
            elapsed = time.monotonic() - begin
            if elapsed >= next_sample:
                samples.append({"t_s": round(elapsed), **memory_kib(pid), "db_bytes": database_bytes(bench.state)})
                next_sample += SAMPLE_EVERY
            if elapsed >= next_parent:
                rtt, log = parent.audit()
                if not log["intact"]:
                    raise RuntimeError("the audit chain reads as broken during the flood: %s" % log)
                audits.append({"t_s": round(elapsed, 1), "ms": rtt, "rows": log["rows"]})
                rtt, page = parent.list_requests()
                lists.append({"t_s": round(elapsed, 1), "ms": rtt, "returned": len(page)})
                next_parent += PARENT_EVERY
            if elapsed >= seconds and next_sample > seconds + 1:
                break
            time.sleep(max(0.0, min(next_sample, next_parent) - (time.monotonic() - begin)))
        out, err = client.communicate(timeout=120)
        if client.returncode != 0:
            raise RuntimeError("the flood client failed: " + err)
        counts = json.loads(out)
        if counts["heartbeats"] < seconds * rate * 0.8:
            raise RuntimeError("the service took %d heartbeats of %d: not measuring a flood"
                               % (counts["heartbeats"], seconds * rate))
        bench.stop_service()
        db = sqlite3.connect(os.path.join(bench.state, "sundial.db"))
        tables = {name: db.execute("SELECT COUNT(*) FROM %s" % name).fetchone()[0]
                  for name in ("apps", "domains", "titles", "requests", "audit", "activity")}
        db.close()
        full = time_full_verification(bench)
        return {"minutes": minutes, "rate_per_s": rate, "seeded_audit_rows": audit_rows, "start_ms": start_ms,
                "client": counts, "samples": samples, "audit": audits, "list_requests": lists, "rows_at_end": tables,
                "full_verification_ms": full}
    finally:
        bench.tearDown()


def time_full_verification(bench):
    """`sundialctl --state DIR audit --verify` on the stopped service's database: a full chain check,
    which is what every Admin.Audit call cost before the check became incremental."""
    started = time.perf_counter()
    result = subprocess.run([SUNDIALCTL, "--state", bench.state, "audit", "--verify"],
                            capture_output=True, text=True, timeout=300)
    elapsed = (time.perf_counter() - started) * 1000.0
    return elapsed if result.returncode == 0 else None


def sample_at(samples, t):
    return next(s for s in samples if s["t_s"] >= t)


def summarise(run):
    samples = run["samples"]
    one = sample_at(samples, 60) if run["minutes"] > 1 else samples[min(1, len(samples) - 1)]
    end = samples[-1]
    audits = run["audit"]
    first = statistics.median(a["ms"] for a in audits[:3])
    last = statistics.median(a["ms"] for a in audits[-3:])
    growth = {"from_s": one["t_s"], "to_s": end["t_s"], "rss_kib": end["rss_kib"] - one["rss_kib"],
              "anonymous_kib": end["anonymous_kib"] - one["anonymous_kib"],
              "db_bytes": end["db_bytes"] - one["db_bytes"]}
    within = {"rss": growth["rss_kib"] <= RSS_BOUND_KIB, "anonymous": growth["anonymous_kib"] <= RSS_BOUND_KIB,
              "db": growth["db_bytes"] <= DB_BOUND_BYTES,
              "audit": last <= max(first * AUDIT_RATIO_BOUND, first + AUDIT_SLACK_MS),
              "list_requests_capped": all(entry["returned"] <= 200 for entry in run["list_requests"])}
    return {"growth": growth, "audit_start_ms": first, "audit_end_ms": last,
            "list_requests_max_ms": max(entry["ms"] for entry in run["list_requests"]),
            "within_targets": within, "ok": all(within.values())}


def print_table(run, summary):
    print("%6s %10s %14s %12s" % ("t (s)", "RSS (MiB)", "anon (MiB)", "db (MiB)"))
    for s in run["samples"]:
        print("%6d %10.2f %14.2f %12.3f" % (s["t_s"], s["rss_kib"] / 1024, s["anonymous_kib"] / 1024,
                                            s["db_bytes"] / 1048576))
    g = summary["growth"]
    client = run["client"]
    print("flood: %d min, %d heartbeats (%d refused), %d requests asked (%d refused); audit seeded with %d rows; "
          "service start with the full chain check %.0f ms"
          % (run["minutes"], client["heartbeats"], client["heartbeats_refused"], client["requests"],
             client["requests_refused"], run["seeded_audit_rows"], run["start_ms"]))
    print("growth %d s -> %d s: RSS %+.2f MiB, private anonymous %+.2f MiB, database %+.3f MiB (bounds: 1 MiB each)"
          % (g["from_s"], g["to_s"], g["rss_kib"] / 1024, g["anonymous_kib"] / 1024, g["db_bytes"] / 1048576))
    print("Admin.Audit (newest %d of %d rows) round trip: start %.2f ms, end %.2f ms; ListRequests max %.2f ms; "
          "a full chain check (sundialctl --state audit --verify, process included): %s"
          % (AUDIT_PAGE, run["audit"][-1]["rows"], summary["audit_start_ms"], summary["audit_end_ms"],
             summary["list_requests_max_ms"],
             "%.0f ms" % run["full_verification_ms"] if run["full_verification_ms"] is not None else "failed"))
    print("rows at the end: " + ", ".join("%s %d" % item for item in run["rows_at_end"].items()))
    print("within targets: " + ", ".join("%s %s" % (k, "yes" if v else "NO") for k, v in summary["within_targets"].items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=int, default=10, help="length of the flood (1 for a smoke run)")
    parser.add_argument("--rate", type=int, default=20, help="heartbeats a second, each with fresh names")
    parser.add_argument("--audit-rows", type=int, default=200_000, help="audit rows written before the flood")
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("flood_bench.py: run as root (it calls the service as another uid)")
    run = flood(args.minutes, args.rate, args.audit_rows)
    summary = summarise(run)
    print_table(run, summary)
    print(json.dumps({"benchmark": "flood", **run, **summary}))
    if not summary["ok"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
