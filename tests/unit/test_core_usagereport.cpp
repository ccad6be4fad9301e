// SPDX-License-Identifier: GPL-3.0-or-later
// UsageReport over data recorded the way the service records it: heartbeats every 5 s into an
// ActivityRecorder (pulse 10 s) in Europe/Berlin, flushed to the database.
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "agent/core/activityrecorder.h"
#include "agent/core/database.h"
#include "agent/core/text.h"
#include "agent/core/usagereport.h"
#include "fakes/berlinzone.h"
#include "fakes/fakeclock.h"
#include "fakes/tempdir.h"

namespace
{

using namespace sundial;
using namespace std::chrono_literals;
namespace ActivityFlag = core::ActivityFlag;
using core::AppIdentity;
using core::UsageDimension;
using testing::berlin;

constexpr std::int64_t kChild = 1000;
constexpr std::int64_t kSister = 1001;

const AppIdentity kMinetest {"/usr/games/minetest", "net.minetest.minetest", "Game"};
const AppIdentity kFirefox {"/usr/lib/firefox/firefox", "firefox", "Network"};
const AppIdentity kDictionary {"/usr/bin/kwordquiz", "org.kde.kwordquiz", "Education"};

core::LocalDate date(const char *text)
{
    return *core::parseDate(text);
}

// The dictionary is always allowed: its time is active but charged to nothing.
core::Rules dictionaryAllowed()
{
    core::Rules rules;
    rules.apps.push_back(
        {core::AppMatchKind::DesktopId, "org.kde.kwordquiz", core::RuleAction::AlwaysAllowed, std::nullopt, ""});
    return rules;
}

// A database file with one child's recorder, as the service runs it.
class Recording
{
public:
    explicit Recording(const core::Rules &rules = core::Rules {})
        : m_rules(rules)
    {
        open();
    }

    // Heartbeats every 5 s from `from` to `to`, both included: [from, to) is recorded once the
    // next heartbeat (or a flush) closes it.
    void use(const AppIdentity &app, core::Instant from, core::Instant to, const std::string &domain = {},
        const std::string &title = {}, bool idle = false)
    {
        for (core::Instant at = from; at <= to; at += 5s) {
            core::Heartbeat heartbeat;
            heartbeat.at = at;
            heartbeat.app = app;
            heartbeat.domain = domain;
            heartbeat.title = title;
            heartbeat.idle = idle;
            m_recorder->record(heartbeat);
        }
    }
    void flush() { REQUIRE(m_recorder->flush()); }
    // Ends the open interval, so the next use() starts a fresh one.
    void pause() { m_recorder->endActivity(); }

    // Flushes, closes the file and opens it again: what is read next comes from the file, not
    // from any cache.
    void reopen()
    {
        flush();
        m_recorder.reset();
        m_store.reset();
        m_db.reset();
        open();
    }

    core::ActivityStore &store() { return *m_store; }
    core::UsageReport report() { return core::UsageReport {*m_store}; }
    core::Database &database() { return *m_db; }

private:
    void open()
    {
        auto db = core::Database::open(m_dir.file("sundial.db"));
        REQUIRE(db.ok());
        m_db = std::move(db).value();
        m_store = std::make_unique<core::ActivityStore>(*m_db);
        m_recorder = std::make_unique<core::ActivityRecorder>(*m_store, kChild, m_zone, m_rules, 10s);
    }

    testing::TempDir m_dir;
    testing::BerlinZone m_zone;
    core::Rules m_rules;
    std::unique_ptr<core::Database> m_db;
    std::unique_ptr<core::ActivityStore> m_store;
    std::unique_ptr<core::ActivityRecorder> m_recorder;
};

// Monday: 30 min Minetest, 15 min Firefox on two sites, 5 min of the always-allowed dictionary.
// Tuesday: 20 min Minetest, 10 min Firefox.
void recordTwoDays(Recording &recording)
{
    recording.use(kMinetest, berlin("2025-03-10", 10, 0), berlin("2025-03-10", 10, 30));
    recording.use(kFirefox, berlin("2025-03-10", 10, 30), berlin("2025-03-10", 10, 40), "www.wikipedia.org");
    recording.use(kFirefox, berlin("2025-03-10", 10, 40), berlin("2025-03-10", 10, 45), "youtube.com");
    recording.use(kDictionary, berlin("2025-03-10", 10, 45), berlin("2025-03-10", 10, 50));
    recording.pause();
    recording.use(kMinetest, berlin("2025-03-11", 16, 0), berlin("2025-03-11", 16, 20));
    recording.use(kFirefox, berlin("2025-03-11", 16, 20), berlin("2025-03-11", 16, 30), "www.wikipedia.org");
    recording.reopen();
}

std::vector<std::tuple<std::string, std::chrono::seconds, std::chrono::seconds>> named(
    const std::vector<core::NamedTotal> &totals)
{
    std::vector<std::tuple<std::string, std::chrono::seconds, std::chrono::seconds>> found;
    for (const core::NamedTotal &total : totals) {
        found.emplace_back(total.name, total.active, total.charged);
    }
    return found;
}

} // namespace

TEST_CASE("Day totals count active and charged seconds per day", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    const core::UsageReport report = recording.report();

    const std::vector<core::DayTotal> totals = report.dayTotals(kChild, date("2025-03-09"), date("2025-03-12"));
    REQUIRE(totals.size() == 2);
    CHECK(totals[0].day == date("2025-03-10"));
    CHECK(totals[0].active == 50min);
    CHECK(totals[0].charged == 45min); // the dictionary's 5 min are charged to nothing
    CHECK(totals[1].day == date("2025-03-11"));
    CHECK(totals[1].active == 30min);
    CHECK(totals[1].charged == 30min);

    const std::vector<core::DayTotal> tuesday = report.dayTotals(kChild, date("2025-03-11"), date("2025-03-11"));
    REQUIRE(tuesday.size() == 1);
    CHECK(tuesday[0].active == 30min);
    CHECK(report.dayTotals(kSister, date("2025-03-09"), date("2025-03-12")).empty());
    CHECK(report.dayTotals(kChild, date("2025-03-12"), date("2025-03-20")).empty());
}

TEST_CASE("Apps per day gives each app's active seconds on each day", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    core::ActivityStore &store = recording.store();
    const std::int64_t minetest = store.appId(kMinetest);
    const std::int64_t firefox = store.appId(kFirefox);
    const std::int64_t dictionary = store.appId(kDictionary);
    REQUIRE(minetest != 0);

    std::vector<std::tuple<core::LocalDate, std::int64_t, std::chrono::seconds>> found;
    for (const core::AppDayTotal &total :
        recording.report().appsPerDay(kChild, date("2025-03-10"), date("2025-03-11"))) {
        found.emplace_back(total.day, total.app, total.active);
    }
    std::sort(found.begin(), found.end());
    decltype(found) expected {
        {date("2025-03-10"), minetest, 30min},
        {date("2025-03-10"), firefox, 15min},
        {date("2025-03-10"), dictionary, 5min},
        {date("2025-03-11"), minetest, 20min},
        {date("2025-03-11"), firefox, 10min},
    };
    std::sort(expected.begin(), expected.end());
    CHECK(found == expected);
}

TEST_CASE("Categories per day split each day's time, with uncategorised apps under no name", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    // Tuesday: 7 more minutes in an app whose desktop file names no category.
    const AppIdentity script {"/usr/bin/python3", "", ""};
    recording.use(script, berlin("2025-03-11", 17, 0), berlin("2025-03-11", 17, 7));
    recording.reopen();

    using Row = std::tuple<core::LocalDate, std::string, std::chrono::seconds, std::chrono::seconds>;
    std::vector<Row> found;
    for (const core::CategoryDayTotal &total :
        recording.report().categoriesPerDay(kChild, date("2025-03-09"), date("2025-03-12"))) {
        found.emplace_back(total.day, total.category, total.active, total.charged);
    }
    // Within a day the order is not part of the contract.
    std::sort(found.begin(), found.end());
    const std::vector<Row> expected {
        {date("2025-03-10"), "Education", 5min, 0min},
        {date("2025-03-10"), "Game", 30min, 30min},
        {date("2025-03-10"), "Network", 15min, 15min},
        {date("2025-03-11"), "", 7min, 7min},
        {date("2025-03-11"), "Game", 20min, 20min},
        {date("2025-03-11"), "Network", 10min, 10min},
    };
    CHECK(found == expected);

    const auto monday = recording.report().categoriesPerDay(kChild, date("2025-03-10"), date("2025-03-10"));
    CHECK(monday.size() == 3);
    CHECK(recording.report().categoriesPerDay(kSister, date("2025-03-09"), date("2025-03-12")).empty());
}

TEST_CASE("One app's day totals leave out other apps and days without it", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    const core::UsageReport report = recording.report();
    const std::int64_t dictionary = recording.store().appId(kDictionary);
    const std::int64_t firefox = recording.store().appId(kFirefox);

    const auto firefoxDays
        = report.keyDayTotals(kChild, core::UsageDimension::App, firefox, date("2025-03-09"), date("2025-03-12"));
    REQUIRE(firefoxDays.size() == 2);
    CHECK(firefoxDays[0].day == date("2025-03-10"));
    CHECK(firefoxDays[0].active == 15min);
    CHECK(firefoxDays[1].day == date("2025-03-11"));
    CHECK(firefoxDays[1].active == 10min);

    const auto dictionaryDays
        = report.keyDayTotals(kChild, core::UsageDimension::App, dictionary, date("2025-03-09"), date("2025-03-12"));
    REQUIRE(dictionaryDays.size() == 1);
    CHECK(dictionaryDays[0].active == 5min);
    CHECK(dictionaryDays[0].charged == 0min);
    CHECK(report.keyDayTotals(kChild, core::UsageDimension::App, firefox, date("2025-03-11"), date("2025-03-11")).size()
        == 1);
    CHECK(report.keyDayTotals(kSister, core::UsageDimension::App, firefox, date("2025-03-09"), date("2025-03-12"))
              .empty());
}

TEST_CASE("One site's day totals, for the console's drill-down into a site", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    const core::UsageReport report = recording.report();
    const std::int64_t wikipedia = recording.store().domainId("www.wikipedia.org");
    const std::int64_t youtube = recording.store().domainId("youtube.com");
    const auto wikipediaDays
        = report.keyDayTotals(kChild, core::UsageDimension::Domain, wikipedia, date("2025-03-09"), date("2025-03-12"));
    REQUIRE(wikipediaDays.size() == 2);
    CHECK(wikipediaDays[0].active == 10min);
    CHECK(wikipediaDays[1].active == 10min);
    const auto youtubeDays
        = report.keyDayTotals(kChild, core::UsageDimension::Domain, youtube, date("2025-03-09"), date("2025-03-12"));
    REQUIRE(youtubeDays.size() == 1);
    CHECK(youtubeDays[0].day == date("2025-03-10"));
    CHECK(youtubeDays[0].active == 5min);
}

TEST_CASE("Timeline entries carry the app's id as the top apps give it", "[core][usagereport]")
{
    Recording recording;
    recordTwoDays(recording);
    const core::UsageReport report = recording.report();
    const auto top = report.top(kChild, UsageDimension::App, date("2025-03-10"), date("2025-03-10"), 1);
    REQUIRE(top.size() == 1);
    const auto entries = report.timeline(kChild, date("2025-03-10"));
    REQUIRE(!entries.empty());
    CHECK(entries.front().appId == top.front().id);
    CHECK(entries.front().app == kMinetest);
}

TEST_CASE("Top apps, sites and categories are ranked by active time over the range", "[core][usagereport]")
{
    Recording recording {dictionaryAllowed()};
    recordTwoDays(recording);
    const core::UsageReport report = recording.report();
    const core::LocalDate monday = date("2025-03-10");
    const core::LocalDate tuesday = date("2025-03-11");

    using Row = std::tuple<std::string, std::chrono::seconds, std::chrono::seconds>;
    CHECK(named(report.top(kChild, UsageDimension::App, monday, tuesday, 10))
        == std::vector<Row> {
            {"net.minetest.minetest", 50min, 50min}, {"firefox", 25min, 25min}, {"org.kde.kwordquiz", 5min, 0min}});
    CHECK(named(report.top(kChild, UsageDimension::Domain, monday, tuesday, 10))
        == std::vector<Row> {{"www.wikipedia.org", 20min, 20min}, {"youtube.com", 5min, 5min}});
    CHECK(named(report.top(kChild, UsageDimension::Category, monday, tuesday, 10))
        == std::vector<Row> {{"Game", 50min, 50min}, {"Network", 25min, 25min}, {"Education", 5min, 0min}});

    CHECK(named(report.top(kChild, UsageDimension::App, monday, tuesday, 2))
        == std::vector<Row> {{"net.minetest.minetest", 50min, 50min}, {"firefox", 25min, 25min}});
    CHECK(named(report.top(kChild, UsageDimension::Domain, tuesday, tuesday, 10))
        == std::vector<Row> {{"www.wikipedia.org", 10min, 10min}});
    CHECK(report.top(kSister, UsageDimension::App, monday, tuesday, 10).empty());
}

TEST_CASE("The hour heatmap puts seconds in the weekday and local hour they elapsed in", "[core][usagereport]")
{
    Recording recording;
    recording.use(kMinetest, berlin("2025-03-10", 14, 55), berlin("2025-03-10", 15, 10)); // Monday
    recording.pause();
    recording.use(kMinetest, berlin("2025-03-15", 9, 0), berlin("2025-03-15", 9, 20)); // Saturday
    recording.reopen();
    const core::UsageReport report = recording.report();

    const core::HourHeatmap week = report.hourHeatmap(kChild, date("2025-03-10"), date("2025-03-16"));
    CHECK(week[1][14] == 5min);
    CHECK(week[1][15] == 10min);
    CHECK(week[6][9] == 20min);
    std::chrono::seconds sum {0};
    for (const auto &day : week) {
        for (const std::chrono::seconds cell : day) {
            sum += cell;
        }
    }
    CHECK(sum == 35min);

    const core::HourHeatmap monday = report.hourHeatmap(kChild, date("2025-03-10"), date("2025-03-10"));
    CHECK(monday[1][14] == 5min);
    CHECK(monday[6][9] == 0s);
    CHECK(report.hourHeatmap(kSister, date("2025-03-10"), date("2025-03-16"))[1][14] == 0s);
}

TEST_CASE("On the spring-forward day the heatmap skips the hour that does not exist", "[core][usagereport]")
{
    // RULES.md example 5: active from 01:30 to 03:30 local on 2025-03-30 is one hour.
    Recording recording;
    recording.use(kMinetest, berlin("2025-03-30", 1, 30), berlin("2025-03-30", 3, 30));
    recording.reopen();
    const core::UsageReport report = recording.report();

    const core::HourHeatmap heatmap = report.hourHeatmap(kChild, date("2025-03-30"), date("2025-03-30"));
    CHECK(heatmap[0][1] == 30min); // Sunday 01:30-02:00
    CHECK(heatmap[0][2] == 0s);
    CHECK(heatmap[0][3] == 30min); // 03:00-03:30
    const auto totals = report.dayTotals(kChild, date("2025-03-30"), date("2025-03-30"));
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].active == 1h);
}

TEST_CASE(
    "The timeline lists a day's rows in time order, without titles unless they are recorded", "[core][usagereport]")
{
    const bool recordTitles = GENERATE(false, true);
    core::Rules rules = dictionaryAllowed();
    rules.privacy.recordTitles = recordTitles;
    Recording recording {rules};
    recording.use(kMinetest, berlin("2025-03-10", 10, 0), berlin("2025-03-10", 10, 30), "", "Minetest – Welt 1");
    recording.use(kMinetest, berlin("2025-03-10", 10, 30), berlin("2025-03-10", 10, 35), "", "Minetest – Welt 1", true);
    recording.use(
        kFirefox, berlin("2025-03-10", 10, 35), berlin("2025-03-10", 10, 40), "de.wikipedia.org", "Katze – Wikipedia");
    recording.use(kDictionary, berlin("2025-03-10", 10, 40), berlin("2025-03-10", 10, 45), "", "KWordQuiz");
    recording.pause();
    recording.use(kMinetest, berlin("2025-03-11", 8, 0), berlin("2025-03-11", 8, 5), "", "Minetest – Welt 2");
    recording.reopen();

    INFO("recordTitles " << recordTitles);
    const std::vector<core::TimelineEntry> entries = recording.report().timeline(kChild, date("2025-03-10"));
    REQUIRE(entries.size() == 4);
    const auto title = [&](const char *text) { return recordTitles ? std::string {text} : std::string {}; };

    CHECK(entries[0].span == core::TimeSpan {berlin("2025-03-10", 10, 0), berlin("2025-03-10", 10, 30)});
    CHECK(entries[0].app == kMinetest);
    CHECK(entries[0].domain.empty());
    CHECK(entries[0].title == title("Minetest – Welt 1"));
    CHECK(entries[0].flags == (ActivityFlag::Active | ActivityFlag::Charged));
    CHECK(entries[0].utcOffset == 1h);

    CHECK(entries[1].span == core::TimeSpan {berlin("2025-03-10", 10, 30), berlin("2025-03-10", 10, 35)});
    CHECK(entries[1].flags == ActivityFlag::Idle);

    CHECK(entries[2].span == core::TimeSpan {berlin("2025-03-10", 10, 35), berlin("2025-03-10", 10, 40)});
    CHECK(entries[2].app == kFirefox);
    CHECK(entries[2].domain == "de.wikipedia.org");
    CHECK(entries[2].title == title("Katze – Wikipedia"));

    CHECK(entries[3].app == kDictionary);
    CHECK(entries[3].flags == ActivityFlag::Active); // always allowed: not charged
    CHECK(entries[3].title == title("KWordQuiz"));

    // Idle time is on the timeline but not in the totals.
    const auto totals = recording.report().dayTotals(kChild, date("2025-03-10"), date("2025-03-10"));
    REQUIRE(totals.size() == 1);
    CHECK(totals[0].active == 40min);
    CHECK(totals[0].charged == 35min);

    const std::vector<core::TimelineEntry> tuesday = recording.report().timeline(kChild, date("2025-03-11"));
    REQUIRE(tuesday.size() == 1);
    CHECK(tuesday[0].title == title("Minetest – Welt 2"));
    CHECK(recording.report().timeline(kChild, date("2025-03-12")).empty());
    CHECK(recording.report().timeline(kSister, date("2025-03-10")).empty());
}

TEST_CASE("App names and titles in any script are stored and read back exactly", "[core][usagereport][unicode]")
{
    core::Rules rules;
    rules.privacy.recordTitles = true;
    Recording recording {rules};
    const std::vector<std::pair<AppIdentity, std::string>> uses {
        {{"/usr/bin/baove", "Bảo vệ trẻ em trên không gian mạng", "Education"}, "Bảo vệ trẻ em trên không gian mạng"},
        {{"/usr/bin/aksara", "ꦰ", "Utility"}, "ꦰ"},
        {{"/opt/🧒🏽/bin/game", "🧒🏽⏳", "Game"}, "🧒🏽⏳ noch 5 Minuten"},
    };
    core::Instant at = berlin("2025-03-10", 15, 0);
    for (const auto &[app, title] : uses) {
        recording.use(app, at, at + 1min, "bücher.example", title);
        at += 1min;
    }
    recording.reopen();

    const std::vector<core::TimelineEntry> entries = recording.report().timeline(kChild, date("2025-03-10"));
    REQUIRE(entries.size() == uses.size());
    for (std::size_t i = 0; i < uses.size(); ++i) {
        CHECK(entries[i].app == uses[i].first);
        CHECK(entries[i].title == uses[i].second);
        CHECK(entries[i].domain == "bücher.example");
        CHECK(entries[i].span.length() == 1min);
    }
    const auto top = recording.report().top(kChild, UsageDimension::App, date("2025-03-10"), date("2025-03-10"), 10);
    std::vector<std::string> names;
    for (const core::NamedTotal &total : top) {
        names.push_back(total.name);
    }
    std::sort(names.begin(), names.end());
    std::vector<std::string> expected {"Bảo vệ trẻ em trên không gian mạng", "ꦰ", "🧒🏽⏳"};
    std::sort(expected.begin(), expected.end());
    CHECK(names == expected);
}

TEST_CASE("A 10 kB title is cut at the title limit without breaking a character", "[core][usagereport][unicode]")
{
    core::Rules rules;
    rules.privacy.recordTitles = true;
    Recording recording {rules};
    // One ASCII byte, then four-byte characters: the limit falls inside one of them.
    std::string title = "x";
    while (title.size() < 10 * 1024) {
        title += "🧒";
    }
    REQUIRE((core::kMaxTitleBytes - 1) % 4 != 0);
    recording.use(kFirefox, berlin("2025-03-10", 15, 0), berlin("2025-03-10", 15, 1), "example.com", title);
    recording.reopen();

    const std::vector<core::TimelineEntry> entries = recording.report().timeline(kChild, date("2025-03-10"));
    REQUIRE(entries.size() == 1);
    const std::string &stored = entries[0].title;
    CHECK(stored.size() <= core::kMaxTitleBytes);
    CHECK(stored.size() > core::kMaxTitleBytes - 4);
    CHECK(core::isValidUtf8(stored));
    CHECK(title.starts_with(stored));
}

TEST_CASE("Names and titles that are not UTF-8 are stored as UTF-8 with replacement characters",
    "[core][usagereport][unicode]")
{
    core::Rules rules;
    rules.privacy.recordTitles = true;
    Recording recording {rules};
    const AppIdentity broken {"/usr/bin/bad\xFF", "bad\xC3(", "Game"};
    recording.use(broken, berlin("2025-03-10", 15, 0), berlin("2025-03-10", 15, 1), "", "Titel \xE2\x82 kaputt");
    recording.reopen();

    const std::vector<core::TimelineEntry> entries = recording.report().timeline(kChild, date("2025-03-10"));
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].app.exe == "/usr/bin/bad\xEF\xBF\xBD");
    CHECK(entries[0].app.desktopId == "bad\xEF\xBF\xBD(");
    CHECK(entries[0].app.category == "Game");
    const std::string &title = entries[0].title;
    CHECK(core::isValidUtf8(title));
    CHECK(title.starts_with("Titel \xEF\xBF\xBD"));
    CHECK(title.ends_with(" kaputt"));
    CHECK(entries[0].span.length() == 1min);
}

TEST_CASE("Purging removes activity before the cut-off and rollups of earlier days, and keeps the rest",
    "[core][usagereport][retention]")
{
    Recording recording;
    recording.use(kMinetest, berlin("2025-03-10", 10, 0), berlin("2025-03-10", 10, 30)); // Monday
    recording.pause();
    recording.use(kMinetest, berlin("2025-03-12", 10, 0), berlin("2025-03-12", 10, 20)); // Wednesday
    recording.reopen();
    // The sister's Monday, which no purge of the child's may touch.
    {
        testing::BerlinZone zone;
        core::ActivityRecorder sister {recording.store(), kSister, zone, core::Rules {}, 10s};
        for (core::Instant at = berlin("2025-03-10", 11, 0); at <= berlin("2025-03-10", 11, 10); at += 5s) {
            core::Heartbeat heartbeat;
            heartbeat.at = at;
            heartbeat.app = kFirefox;
            sister.record(heartbeat);
        }
        REQUIRE(sister.flush());
    }
    core::ActivityStore &store = recording.store();
    const core::UsageReport report = recording.report();
    const core::LocalDate monday = date("2025-03-10");
    const core::LocalDate wednesday = date("2025-03-12");

    SECTION("activity and rollups with the same cut-off")
    {
        const auto purged = store.purge(kChild, berlin("2025-03-11", 0, 0), date("2025-03-11"));
        REQUIRE(purged.ok());
        // Monday's activity row, its total, app and category rollups, and its hour.
        CHECK(*purged == 5);

        CHECK(report.timeline(kChild, monday).empty());
        CHECK(report.timeline(kChild, wednesday).size() == 1);
        const auto totals = report.dayTotals(kChild, monday, wednesday);
        REQUIRE(totals.size() == 1);
        CHECK(totals[0].day == wednesday);
        CHECK(totals[0].active == 20min);
        const core::HourHeatmap heatmap = report.hourHeatmap(kChild, monday, wednesday);
        CHECK(heatmap[1][10] == 0s);
        CHECK(heatmap[3][10] == 20min);
        CHECK(report.appsPerDay(kChild, monday, wednesday).size() == 1);
    }
    SECTION("rollups kept longer than activity")
    {
        const auto purged = store.purge(kChild, berlin("2025-03-11", 0, 0), monday);
        REQUIRE(purged.ok());
        CHECK(*purged == 1);
        CHECK(report.timeline(kChild, monday).empty());
        const auto totals = report.dayTotals(kChild, monday, wednesday);
        REQUIRE(totals.size() == 2);
        CHECK(totals[0].active == 30min);
        CHECK(report.hourHeatmap(kChild, monday, monday)[1][10] == 30min);
    }
    SECTION("a cut-off before everything removes nothing")
    {
        const auto purged = store.purge(kChild, berlin("2025-03-01", 0, 0), date("2025-03-01"));
        REQUIRE(purged.ok());
        CHECK(*purged == 0);
        CHECK(report.dayTotals(kChild, monday, wednesday).size() == 2);
    }

    // The sister's data stays whatever is purged for the child.
    CHECK(report.timeline(kSister, monday).size() == 1);
    const auto sisterTotals = report.dayTotals(kSister, monday, monday);
    REQUIRE(sisterTotals.size() == 1);
    CHECK(sisterTotals[0].active == 10min);
}

TEST_CASE("A flooded day's timeline holds its first kMaxTimelineEntries rows", "[core][usagereport]")
{
    Recording recording;
    recordTwoDays(recording);
    // A row a second after Monday's first, as from a client flipping apps every second.
    const int flood = core::UsageReport::kMaxTimelineEntries + 500;
    REQUIRE(recording.database().exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
        + std::to_string(flood)
        + ") INSERT INTO activity(child, day, start, end, utc_offset, app, domain, title, flags) "
          "SELECT child, day, start + 7200 + i, start + 7201 + i, utc_offset, app, domain, title, flags "
          "FROM activity, n WHERE activity.id = (SELECT MIN(id) FROM activity)"));

    const std::vector<core::TimelineEntry> entries = recording.report().timeline(kChild, date("2025-03-10"));
    REQUIRE(entries.size() == static_cast<std::size_t>(core::UsageReport::kMaxTimelineEntries));
    CHECK(entries.front().span.start == berlin("2025-03-10", 10, 0));
    CHECK(entries.front().app == kMinetest);
}
