// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-test-crashwriter: writes to a database until it is killed, for test_core_crash.
//
//   sundial-test-crashwriter DATABASE audit      appends audit rows, one commit each
//   sundial-test-crashwriter DATABASE activity   records heartbeats and flushes every minute of them
//
// After every successful commit it prints "committed N" and flushes stdout: N audit rows in the
// log, or N active seconds in the daily totals. Whatever it printed is on disk, so a test that
// kills it (SIGKILL) at any moment must find at least N afterwards. It picks up where an earlier
// run left off, so the same file can be killed again and again.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "agent/core/activityrecorder.h"
#include "agent/core/auditlog.h"
#include "agent/core/database.h"

namespace
{

using namespace sundial::core;
using namespace std::chrono_literals;

int fail(const std::string &what)
{
    std::fprintf(stderr, "crashwriter: %s\n", what.c_str());
    return 2;
}

std::int64_t scalar(Database &db, const char *sql)
{
    Statement statement = db.prepare(sql);
    return statement.step() ? statement.integer(0) : 0;
}

int writeAudit(Database &db)
{
    AuditLog log {db};
    const std::string padding(200, 'x');
    for (std::int64_t n = 0;; ++n) {
        const AuditEntry entry {0, Instant {1'741'600'000s + std::chrono::seconds {n}}, "grant", n % 3, 1000,
            "row " + std::to_string(n) + " " + padding};
        const Result<std::int64_t> id = log.append(entry);
        if (!id) {
            return fail(id.error().describe());
        }
        // Ids are 1, 2, 3 ... so the last id is the number of rows.
        std::printf("committed %lld\n", static_cast<long long>(*id));
        std::fflush(stdout);
    }
}

int writeActivity(Database &db)
{
    constexpr std::int64_t kChild = 1000;
    ActivityStore store {db};
    const FixedOffsetZone zone {1h};
    const Rules rules;
    ActivityRecorder recorder {store, kChild, zone, rules, 10s};
    const AppIdentity apps[] = {{"/usr/games/minetest", "net.minetest.minetest", "Game"},
        {"/usr/bin/firefox", "firefox", "Network"}, {"/usr/bin/gcompris-qt", "org.kde.gcompris", "Education"}};
    const std::int64_t before = scalar(db, "SELECT COALESCE(SUM(active_s), 0) FROM daily_usage WHERE dim = 0");
    const std::int64_t lastEnd = scalar(db, "SELECT COALESCE(MAX(end), 0) FROM activity");
    // After the last recorded second, with a gap longer than the pulse.
    const Instant start = std::max(Instant {1'741'590'000s}, Instant {std::chrono::seconds {lastEnd}} + 60s);
    Instant at = start;
    for (std::int64_t beat = 0;; ++beat) {
        const AppIdentity &app = apps[(beat / 7) % 3];
        Heartbeat heartbeat;
        heartbeat.at = at;
        heartbeat.app = app;
        heartbeat.domain = app.desktopId == "firefox" ? "example.com" : "";
        recorder.record(heartbeat);
        if (beat % 12 == 11) {
            if (Status flushed = recorder.flush(); !flushed) {
                return fail(flushed.error().describe());
            }
            std::printf("committed %lld\n", static_cast<long long>(before + (at - start).count()));
            std::fflush(stdout);
        }
        at += 5s;
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 3) {
        return fail("usage: sundial-test-crashwriter DATABASE audit|activity");
    }
    Result<std::unique_ptr<Database>> db = Database::open(argv[1]);
    if (!db) {
        return fail(db.error().describe());
    }
    if ((*db)->report().recovered) {
        return fail("the database was damaged: " + (*db)->report().problem);
    }
    const std::string mode = argv[2];
    if (mode == "audit") {
        return writeAudit(**db);
    }
    if (mode == "activity") {
        return writeActivity(**db);
    }
    return fail("unknown mode " + mode);
}
