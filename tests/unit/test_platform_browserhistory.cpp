// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a browser's history as it is while the browser runs: the database held with an
// exclusive lock, the newest visits still in its write-ahead log. The files are made here with
// the browsers' own table layouts (the columns the reader uses and a few beside them).
#include <chrono>
#include <filesystem>
#include <string>

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "agent/platform/browserhistory.h"
#include "fakes/tempdir.h"

using namespace sundial;
using namespace std::chrono;
using platform::HistoryFormat;

namespace
{

// A browser's open history: WAL, never checkpointed by itself, locked exclusively as Chromium does.
class RunningBrowserDatabase
{
public:
    RunningBrowserDatabase(const std::string &path, const char *schema)
    {
        REQUIRE(sqlite3_open(path.c_str(), &m_db) == SQLITE_OK);
        run("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;");
        run(schema);
        run("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA locking_mode=EXCLUSIVE;");
    }
    ~RunningBrowserDatabase() { sqlite3_close(m_db); }
    void run(const std::string &sql)
    {
        char *error = nullptr;
        const int result = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error);
        INFO((error ? error : ""));
        sqlite3_free(error);
        REQUIRE(result == SQLITE_OK);
    }

private:
    sqlite3 *m_db = nullptr;
};

constexpr const char *kFirefoxSchema
    = "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url LONGVARCHAR, title LONGVARCHAR, rev_host LONGVARCHAR, "
      "visit_count INTEGER DEFAULT 0, hidden INTEGER DEFAULT 0 NOT NULL, frecency INTEGER DEFAULT -1 NOT NULL);"
      "CREATE TABLE moz_historyvisits (id INTEGER PRIMARY KEY, from_visit INTEGER, place_id INTEGER, "
      "visit_date INTEGER, visit_type INTEGER, session INTEGER, source INTEGER DEFAULT 0 NOT NULL);";
constexpr const char *kChromiumSchema
    = "CREATE TABLE urls(id INTEGER PRIMARY KEY AUTOINCREMENT, url LONGVARCHAR, title LONGVARCHAR, "
      "visit_count INTEGER DEFAULT 0 NOT NULL, typed_count INTEGER DEFAULT 0 NOT NULL, "
      "last_visit_time INTEGER NOT NULL, hidden INTEGER DEFAULT 0 NOT NULL);"
      "CREATE TABLE visits(id INTEGER PRIMARY KEY AUTOINCREMENT, url INTEGER NOT NULL, visit_time INTEGER NOT NULL, "
      "from_visit INTEGER, transition INTEGER DEFAULT 0 NOT NULL, segment_id INTEGER, "
      "visit_duration INTEGER DEFAULT 0 NOT NULL);";

// 2026-12-05 10:00:00 UTC.
const core::Instant kMorning = sys_days {2026y / December / 5} + hours {10};

long long unixMicros(core::Instant at)
{
    return duration_cast<microseconds>(at.time_since_epoch()).count();
}

long long chromiumMicros(core::Instant at)
{
    return unixMicros(at) + 11'644'473'600LL * 1'000'000;
}

} // namespace

TEST_CASE("Firefox's visits are read from a copy, the write-ahead log's newest ones included", "[browserhistory]")
{
    testing::TempDir dir;
    const std::string places = dir.file("places.sqlite");
    RunningBrowserDatabase firefox(places, kFirefoxSchema);
    firefox.run("INSERT INTO moz_places(id, url) VALUES (1, 'https://vi.wikipedia.org/wiki/Hà_Nội'), "
                "(2, 'https://www.youtube.com/watch?v=1'), (3, 'about:newtab');");
    firefox.run("INSERT INTO moz_historyvisits(place_id, visit_date) VALUES (1, " + std::to_string(unixMicros(kMorning))
        + "), (3, " + std::to_string(unixMicros(kMorning + minutes {1})) + "), (2, "
        + std::to_string(unixMicros(kMorning + minutes {5})) + ");");
    REQUIRE(std::filesystem::file_size(places + "-wal") > 0); // the visits are only in the log

    // The original cannot be read while the browser holds it.
    sqlite3 *direct = nullptr;
    REQUIRE(sqlite3_open_v2(places.c_str(), &direct, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(direct, "SELECT count(*) FROM moz_historyvisits", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(direct);

    const auto visits
        = platform::readBrowserHistory(places, HistoryFormat::Firefox, kMorning - hours {1}, dir.file(""));
    REQUIRE(visits.ok());
    REQUIRE(visits->size() == 2); // about:newtab is no site
    CHECK((*visits)[0].domain == "vi.wikipedia.org");
    CHECK((*visits)[0].at == kMorning);
    CHECK((*visits)[1].domain == "www.youtube.com");
    CHECK((*visits)[1].at == kMorning + minutes {5});

    const auto later = platform::readBrowserHistory(places, HistoryFormat::Firefox, kMorning, dir.file(""));
    REQUIRE(later.ok());
    REQUIRE(later->size() == 1);
    CHECK(later->front().domain == "www.youtube.com");
    // The private copies are gone.
    for (const auto &entry : std::filesystem::directory_iterator(dir.path())) {
        CHECK(entry.path().filename().string().rfind("sundial-history-", 0) == std::string::npos);
    }
}

TEST_CASE("Chromium's visits count from 1601 and are read while Chromium holds History", "[browserhistory]")
{
    testing::TempDir dir;
    const std::string history = dir.file("History");
    RunningBrowserDatabase chromium(history, kChromiumSchema);
    chromium.run("INSERT INTO urls(id, url, last_visit_time) VALUES (1, 'https://scratch.mit.edu/projects/1', 0), "
                 "(2, 'chrome://newtab/', 0);");
    chromium.run("INSERT INTO visits(url, visit_time) VALUES (1, " + std::to_string(chromiumMicros(kMorning))
        + "), (2, " + std::to_string(chromiumMicros(kMorning + seconds {30})) + ");");
    const auto visits
        = platform::readBrowserHistory(history, HistoryFormat::Chromium, kMorning - hours {1}, dir.file(""));
    REQUIRE(visits.ok());
    REQUIRE(visits->size() == 1);
    CHECK(visits->front().domain == "scratch.mit.edu");
    CHECK(visits->front().at == kMorning);
}

TEST_CASE("a missing file or one that is no browser history is a clear error", "[browserhistory]")
{
    testing::TempDir dir;
    const auto missing
        = platform::readBrowserHistory(dir.file("nope.sqlite"), HistoryFormat::Firefox, kMorning, dir.file(""));
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("cannot copy"));
    {
        RunningBrowserDatabase other(dir.file("other.sqlite"), "CREATE TABLE notes(text TEXT);");
    }
    const auto wrong
        = platform::readBrowserHistory(dir.file("other.sqlite"), HistoryFormat::Chromium, kMorning, dir.file(""));
    REQUIRE_FALSE(wrong.ok());
    CHECK_THAT(wrong.error().message, Catch::Contains("is not a Chromium history"));
}
