// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/activityrecorder.h"
#include "agent/core/trustedtime.h"
#include "agent/core/usagereport.h"
#include "fakes/fakeclock.h"
#include "fakes/tempdir.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

namespace
{

constexpr std::int64_t kChild = 1001;
const core::AppIdentity kEditor {"/usr/bin/abiword", "abiword", "Office"};
const core::AppIdentity kDictionary {"/usr/bin/goldendict", "goldendict", "Education"};
const core::AppIdentity kBrowser {"/usr/lib/chromium/chromium", "chromium", "Network"};

// A database, store and recorder for one child in Berlin time.
struct Fixture {
    testing::TempDir dir;
    std::unique_ptr<core::Database> db = core::Database::open(dir.file("sundial.db")).value();
    core::ActivityStore store {*db};
    testing::BerlinZone zone;
    core::Rules rules;
    std::unique_ptr<core::ActivityRecorder> recorder;

    Fixture() { reset(); }
    void reset() { recorder = std::make_unique<core::ActivityRecorder>(store, kChild, zone, rules, seconds {10}); }

    // Heartbeats every 5 s from `from` through `to`, as a helper sends them. A helper reports a
    // change the moment it happens, so the next call starts at this one's `to`.
    void use(const core::AppIdentity &app, core::Instant from, core::Instant to, bool idle = false, bool media = false,
        const std::string &domain = {})
    {
        for (core::Instant at = from; at <= to; at += seconds {5}) {
            core::Heartbeat heartbeat;
            heartbeat.at = at;
            heartbeat.app = app;
            heartbeat.domain = domain;
            heartbeat.idle = idle;
            heartbeat.mediaPlaying = media;
            recorder->record(heartbeat);
        }
    }
    core::UsageSnapshot day(const char *date) { return recorder->snapshot(*core::parseDate(date)); }
};

} // namespace

TEST_CASE("Active use is charged to the day, the app and its category", "[core][accounting]")
{
    Fixture f;
    f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 30));
    const auto usage = f.day("2025-06-14");
    CHECK(usage.chargedToday == minutes {30});
    CHECK(usage.chargedPerApp.at(kEditor) == minutes {30});
    CHECK(usage.chargedPerCategory.at("Office") == minutes {30});
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedToday == minutes {30}); // the same after writing
}

TEST_CASE("Idle time is not charged, but media playback is (worked example 8)", "[core][accounting]")
{
    Fixture f;
    SECTION("nothing playing: charged until idle is detected at the threshold")
    {
        // No input from 10:00; the helper reports idle once 3 minutes have passed.
        f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 3));
        f.use(kEditor, berlin("2025-06-14", 10, 3), berlin("2025-06-14", 10, 10), true);
        CHECK(f.day("2025-06-14").chargedToday == minutes {3});
        SECTION("and charging resumes at the next input")
        {
            f.use(kEditor, berlin("2025-06-14", 10, 10), berlin("2025-06-14", 10, 20));
            CHECK(f.day("2025-06-14").chargedToday == minutes {13});
        }
    }
    SECTION("a video playing: all ten minutes charged")
    {
        f.use(kBrowser, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 3), false, true);
        f.use(kBrowser, berlin("2025-06-14", 10, 3), berlin("2025-06-14", 10, 10), true, true);
        CHECK(f.day("2025-06-14").chargedToday == minutes {10});
    }
}

TEST_CASE("Always-allowed time is recorded and charged to nothing (worked example 9)", "[core][accounting]")
{
    Fixture f;
    core::AppRule dictionary;
    dictionary.kind = core::AppMatchKind::DesktopId;
    dictionary.pattern = "goldendict";
    dictionary.action = core::RuleAction::AlwaysAllowed;
    f.rules.apps.push_back(dictionary);
    f.reset();
    f.use(kDictionary, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 20));
    f.use(kEditor, berlin("2025-06-14", 10, 20), berlin("2025-06-14", 10, 30));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedToday == minutes {10});
    core::UsageReport report {f.store};
    const auto totals = report.dayTotals(kChild, *core::parseDate("2025-06-14"), *core::parseDate("2025-06-14"));
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].active == minutes {30});
    CHECK(totals[0].charged == minutes {10});
}

TEST_CASE("Use across the day start is split there (worked example 4)", "[core][accounting]")
{
    Fixture f;
    f.rules.dayStart = hours {4};
    f.reset();
    f.use(kEditor, berlin("2025-06-14", 3), berlin("2025-06-14", 4, 30)); // Saturday 03:00–04:30
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-13").chargedToday == hours {1});
    CHECK(f.day("2025-06-14").chargedToday == minutes {30});
    core::UsageReport report {f.store};
    const auto friday = report.timeline(kChild, *core::parseDate("2025-06-13"));
    REQUIRE(friday.size() == 1);
    CHECK(friday[0].span.end == berlin("2025-06-14", 4));
}

TEST_CASE("On the 23-hour day, 01:30 to 03:30 is one hour (worked example 5)", "[core][accounting]")
{
    Fixture f;
    f.use(kEditor, f.zone.fromLocal(*core::parseDate("2025-03-30"), minutes {90}),
        f.zone.fromLocal(*core::parseDate("2025-03-30"), minutes {210}));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-03-30").chargedToday == hours {1});
}

TEST_CASE("On the 25-hour day, 01:30 to the second 02:30 is two hours (worked example 6)", "[core][accounting]")
{
    Fixture f;
    const core::Instant start = f.zone.fromLocal(*core::parseDate("2025-10-26"), minutes {90});
    const core::Instant secondTwoThirty = f.zone.fromLocal(*core::parseDate("2025-10-26"), minutes {150}) + hours {1};
    f.use(kEditor, start, secondTwoThirty);
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-10-26").chargedToday == hours {2});
    core::UsageReport report {f.store};
    const auto heatmap = report.hourHeatmap(kChild, *core::parseDate("2025-10-26"), *core::parseDate("2025-10-26"));
    CHECK(heatmap[Sunday.c_encoding()][1] == minutes {30});
    CHECK(heatmap[Sunday.c_encoding()][2] == hours {1} + minutes {30}); // 02:00–03:00 twice
}

TEST_CASE("A wall-clock jump between heartbeats does not change the count (worked example 7)", "[core][accounting]")
{
    const auto jump = GENERATE(as<seconds> {}, hours {3}, -hours {3}, days {1}, -days {1});
    Fixture f;
    core::TrustedTime trusted;
    core::Instant wall = berlin("2025-06-14", 10);
    nanoseconds monotonic {seconds {500}};
    trusted.start({wall, monotonic, monotonic}, std::nullopt);
    int jumps = 0;
    for (int i = 0; i <= 24 * 60 / 5 * 5; ++i) { // 2 hours of heartbeats every 5 s
        if (i == 720) {
            wall += jump; // the child moves the clock in the middle
        }
        const core::ClockSample sample {wall, monotonic, monotonic};
        for (const auto &event : trusted.observe(sample)) {
            jumps += event.kind == core::TimeEventKind::WallClockJump ? 1 : 0;
        }
        core::Heartbeat heartbeat;
        heartbeat.at = trusted.at(sample);
        heartbeat.app = kEditor;
        f.recorder->record(heartbeat);
        wall += seconds {5};
        monotonic += seconds {5};
    }
    REQUIRE(f.recorder->flush().ok());
    CHECK(jumps == 1);
    CHECK(f.day("2025-06-14").chargedToday == hours {2});
    CHECK(f.day("2025-06-15").chargedToday == seconds {0});
    CHECK(f.day("2025-06-13").chargedToday == seconds {0});
}

TEST_CASE("Per-site usage is recorded by host", "[core][accounting]")
{
    Fixture f;
    f.use(kBrowser, berlin("2025-06-14", 15), berlin("2025-06-14", 15, 10), false, false, "docs.example.com");
    f.use(kBrowser, berlin("2025-06-14", 15, 10), berlin("2025-06-14", 15, 15), false, false, "video.example.com");
    const auto usage = f.day("2025-06-14");
    CHECK(usage.chargedPerDomain.at("docs.example.com") == minutes {10});
    CHECK(usage.chargedPerDomain.at("video.example.com") == minutes {5});
    CHECK(usage.chargedToday == minutes {15});
}

TEST_CASE("New rules apply from the moment they are set", "[core][accounting]")
{
    Fixture f;
    f.use(kDictionary, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 10));
    core::Rules rules = f.rules;
    core::AppRule dictionary;
    dictionary.kind = core::AppMatchKind::DesktopId;
    dictionary.pattern = "goldendict";
    dictionary.action = core::RuleAction::AlwaysAllowed;
    rules.apps.push_back(dictionary);
    f.recorder->setRules(rules);
    f.use(kDictionary, berlin("2025-06-14", 10, 10), berlin("2025-06-14", 10, 20));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedToday == minutes {10});
}

TEST_CASE("The week's charged time adds up the days from the week's first day", "[core][accounting]")
{
    Fixture f;
    f.use(kEditor, berlin("2025-06-08", 10), berlin("2025-06-08", 11)); // Sunday: previous week
    f.use(kEditor, berlin("2025-06-09", 10), berlin("2025-06-09", 11)); // Monday
    f.use(kEditor, berlin("2025-06-12", 10), berlin("2025-06-12", 10, 30));
    REQUIRE(f.recorder->flush().ok());
    f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 15)); // not flushed yet
    const auto usage = f.day("2025-06-14");
    CHECK(usage.chargedThisWeek == hours {1} + minutes {45});
    CHECK(usage.chargedToday == minutes {15});
}

TEST_CASE("The stored part of a snapshot is read again after the database changes", "[core][accounting]")
{
    // snapshot() keeps what it read from the database until the next write through the same
    // connection: a flush, a purge or another child's rows.
    Fixture f;
    f.use(kEditor, berlin("2025-06-13", 10), berlin("2025-06-13", 11)); // Friday
    f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 30));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedThisWeek == minutes {90});
    CHECK(f.day("2025-06-14").chargedThisWeek == minutes {90}); // from memory
    REQUIRE(f.store.purge(kChild, berlin("2025-06-14", 0), *core::parseDate("2025-06-14")).ok());
    CHECK(f.day("2025-06-14").chargedThisWeek == minutes {30}); // Friday's total is gone
    f.use(kEditor, berlin("2025-06-14", 12), berlin("2025-06-14", 12, 10));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedToday == minutes {40});
}

TEST_CASE(
    "Other state written with a flush shares its transaction, and its failure keeps the usage", "[core][accounting]")
{
    // The service saves the trusted clock's anchor inside the usage's commit (one synced commit
    // a flush); if that part fails, nothing of the batch may be lost or half written.
    Fixture f;
    f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 20));
    const auto storedRows = [&f] {
        core::Statement count = f.db->prepare("SELECT count(*) FROM daily_usage");
        return count.step() ? count.integer(0) : -1;
    };
    REQUIRE_FALSE(f.recorder->flush([] { return core::Status {core::Error {"meta", "disk full"}}; }).ok());
    CHECK(storedRows() == 0); // rolled back with the failing part
    CHECK(f.day("2025-06-14").chargedToday == minutes {20}); // still in memory

    const auto writeMeta = [&f] { return f.db->exec("INSERT INTO meta(key, value) VALUES('test-anchor', '42')"); };
    REQUIRE(f.recorder->flush(writeMeta).ok());
    CHECK(storedRows() > 0);
    core::Statement anchor = f.db->prepare("SELECT value FROM meta WHERE key = 'test-anchor'");
    REQUIRE(anchor.step());
    CHECK(anchor.text(0) == "42");
    f.reset(); // a new recorder reads only what was written
    CHECK(f.day("2025-06-14").chargedToday == minutes {20});
}

TEST_CASE("Moving to another database keeps what is not written yet, under the new file's ids", "[core][failover]")
{
    Fixture f;
    f.use(kEditor, berlin("2025-06-14", 10), berlin("2025-06-14", 10, 20));
    REQUIRE(f.recorder->flush().ok());
    CHECK(f.day("2025-06-14").chargedToday == minutes {20}); // read from the first file
    f.use(kBrowser, berlin("2025-06-14", 10, 20), berlin("2025-06-14", 10, 25), false, false, "example.org");
    f.use(kDictionary, berlin("2025-06-14", 10, 25), berlin("2025-06-14", 10, 30));

    SECTION("a fresh file: the day's totals as last read are a floor")
    {
        auto fresh = core::Database::open(f.dir.file("fresh.db")).value();
        core::ActivityStore freshStore {*fresh};
        freshStore.appId({"/usr/bin/other", "other", "Games"}); // ids differ from the first file's
        f.recorder->moveTo(freshStore);
        const auto usage = f.day("2025-06-14");
        CHECK(usage.chargedToday == minutes {30});
        CHECK(usage.chargedPerApp.at(kEditor) == minutes {20});
        CHECK(usage.chargedPerApp.at(kBrowser) == minutes {5});
        CHECK(usage.chargedPerDomain.at("example.org") == minutes {5});
        CHECK(usage.chargedPerCategory.at("Education") == minutes {5});
        REQUIRE(f.recorder->flush().ok());
        core::ActivityRecorder reopened {freshStore, kChild, f.zone, f.rules, seconds {10}};
        const auto written = reopened.snapshot(*core::parseDate("2025-06-14"));
        CHECK(written.chargedToday == minutes {30});
        CHECK(written.chargedPerApp.at(kDictionary) == minutes {5});
        CHECK(written.chargedPerApp.at(kEditor) == minutes {20});
        CHECK(core::UsageReport {freshStore}.timeline(kChild, *core::parseDate("2025-06-14")).size() >= 2);
    }
    SECTION("a file that salvaged the first one's rows: nothing is counted twice")
    {
        core::Database::Options options;
        options.moveAsideBecause = "failed while in use";
        f.store.appId(kDictionary); // keep the first file's dictionary readable by id
        auto salvaged = core::Database::open(f.dir.file("sundial.db"), options).value();
        REQUIRE(salvaged->report().recovered);
        core::ActivityStore salvagedStore {*salvaged};
        f.recorder->moveTo(salvagedStore);
        CHECK(f.day("2025-06-14").chargedToday == minutes {30});
        REQUIRE(f.recorder->flush().ok());
        core::ActivityRecorder reopened {salvagedStore, kChild, f.zone, f.rules, seconds {10}};
        CHECK(reopened.snapshot(*core::parseDate("2025-06-14")).chargedToday == minutes {30});
    }
}

TEST_CASE("While writes fail, rows kept in memory are bounded and the totals are not", "[core][failover]")
{
    Fixture f;
    f.store.appId(kEditor); // the names are known before writing fails
    f.store.appId(kDictionary);
    f.store.categoryId(kEditor.category);
    f.store.categoryId(kDictionary.category);
    REQUIRE(f.db->exec("PRAGMA query_only = 1").ok()); // every write fails
    core::Instant at = berlin("2025-06-14", 8);
    const std::size_t changes = core::ActivityRecorder::kMaxPendingRows + 100;
    for (std::size_t i = 0; i < changes; ++i) {
        core::Heartbeat heartbeat;
        heartbeat.at = at;
        heartbeat.app = i % 2 ? kEditor : kDictionary;
        f.recorder->record(heartbeat);
        at += seconds {5};
    }
    CHECK_FALSE(f.recorder->flush().ok());
    CHECK(f.recorder->pendingRows() <= core::ActivityRecorder::kMaxPendingRows + 1);
    CHECK(f.recorder->droppedRows() > 0);
    CHECK(f.day("2025-06-14").chargedToday == seconds {5 * (changes - 1)});
}

TEST_CASE("Moving from a database in memory adds what it holds to the file's totals", "[core][failover]")
{
    testing::TempDir dir;
    auto file = core::Database::open(dir.file("sundial.db")).value();
    core::ActivityStore fileStore {*file};
    testing::BerlinZone zone;
    core::Rules rules;
    {
        core::ActivityRecorder earlier {fileStore, kChild, zone, rules, seconds {10}};
        core::Heartbeat heartbeat;
        heartbeat.app = kEditor;
        for (core::Instant at = berlin("2025-06-14", 9); at <= berlin("2025-06-14", 9, 40); at += seconds {5}) {
            heartbeat.at = at;
            earlier.record(heartbeat);
        }
        REQUIRE(earlier.flush().ok());
    }
    auto memory = core::Database::openInMemory().value();
    CHECK(memory->inMemory());
    CHECK_FALSE(memory->fileProblem().empty());
    core::ActivityStore memoryStore {*memory};
    core::ActivityRecorder recorder {memoryStore, kChild, zone, rules, seconds {10}};
    core::Heartbeat heartbeat;
    heartbeat.app = kDictionary;
    for (core::Instant at = berlin("2025-06-14", 10); at <= berlin("2025-06-14", 10, 10); at += seconds {5}) {
        heartbeat.at = at;
        recorder.record(heartbeat);
    }
    REQUIRE(recorder.flush().ok()); // written, but only in memory
    CHECK(recorder.snapshot(*core::parseDate("2025-06-14")).chargedToday == minutes {10});
    recorder.moveTo(fileStore, true);
    const auto usage = recorder.snapshot(*core::parseDate("2025-06-14"));
    CHECK(usage.chargedToday == minutes {50});
    CHECK(usage.chargedPerApp.at(kDictionary) == minutes {10});
    CHECK(usage.chargedPerApp.at(kEditor) == minutes {40});
    REQUIRE(recorder.flush().ok());
    core::ActivityRecorder reopened {fileStore, kChild, zone, rules, seconds {10}};
    CHECK(reopened.snapshot(*core::parseDate("2025-06-14")).chargedToday == minutes {50});
}
