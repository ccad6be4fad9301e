// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <sqlite3.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "agent/core/auditlog.h"
#include "agent/core/childstore.h"
#include "agent/core/database.h"
#include "agent/core/rulesjson.h"
#include "agent/core/rulestore.h"
#include "agent/core/usagereport.h"
#include "fakes/fakeclock.h"
#include "fakes/tempdir.h"

namespace
{

using namespace sundial;
using namespace std::chrono_literals;
using core::Database;
using testing::berlin;

constexpr std::size_t kPageSize = 4096;

// Sets the process umask for a scope, so a test sees the mode the code asks for and not
// what a restrictive umask would give anyway.
class Umask
{
public:
    explicit Umask(mode_t mask)
        : m_previous(::umask(mask))
    {
    }
    ~Umask() { ::umask(m_previous); }
    Umask(const Umask &) = delete;
    Umask &operator=(const Umask &) = delete;

private:
    mode_t m_previous;
};

std::optional<mode_t> modeOf(const std::string &path)
{
    struct stat info {
    };
    if (::stat(path.c_str(), &info) != 0) {
        return std::nullopt;
    }
    return info.st_mode & 0777;
}

std::string readFile(const std::string &path)
{
    std::ifstream in {path, std::ios::binary};
    return {std::istreambuf_iterator<char> {in}, std::istreambuf_iterator<char> {}};
}

void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream out {path, std::ios::binary | std::ios::trunc};
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string garbage(std::size_t size, unsigned seed)
{
    std::mt19937 random {seed};
    std::string bytes(size, '\0');
    for (char &byte : bytes) {
        byte = static_cast<char>(random() & 0xFF);
    }
    return bytes;
}

// Overwrites page `page` (numbered from 1, as SQLite does) with garbage; the header on page 1 stays.
void damagePage(const std::string &path, std::int64_t page)
{
    std::fstream file {path, std::ios::in | std::ios::out | std::ios::binary};
    REQUIRE(file.good());
    file.seekp(static_cast<std::streamoff>((page - 1) * kPageSize));
    const std::string bytes = garbage(kPageSize, static_cast<unsigned>(page));
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(file.good());
}

std::int64_t scalar(const Database &db, const std::string &sql)
{
    core::Statement statement = db.prepare(sql);
    REQUIRE(statement.ok());
    REQUIRE(statement.step());
    return statement.integer(0);
}

bool hasTable(const Database &db, const char *name)
{
    core::Statement statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    statement.bind(1, name);
    return statement.step();
}

std::vector<std::string> damagedFilesIn(const std::filesystem::path &dir)
{
    std::vector<std::string> found;
    for (const auto &entry : std::filesystem::directory_iterator {dir}) {
        if (entry.path().filename().string().find(".damaged-") != std::string::npos) {
            found.push_back(entry.path().string());
        }
    }
    return found;
}

std::unique_ptr<Database> openDatabase(const std::string &path, Database::Options options = {})
{
    auto db = Database::open(path, options);
    INFO((db.ok() ? std::string {} : db.error().describe()));
    REQUIRE(db.ok());
    return std::move(db).value();
}

std::int64_t dayNumber(const char *date)
{
    return core::parseDate(date)->time_since_epoch().count();
}

std::int64_t epoch(core::Instant at)
{
    return at.time_since_epoch().count();
}

// What populate() writes, to compare with what survives.
constexpr int kAuditRows = 1000;

std::string auditDetail(int n)
{
    return "grant " + std::to_string(n) + ": " + std::string(240, static_cast<char>('a' + n % 26));
}

core::Rules savedRules(int version)
{
    core::Rules rules;
    rules.day(std::chrono::Saturday).budget = std::chrono::minutes {60 + version};
    return rules;
}

// Children, three rule versions, then many audit rows (so the audit table fills every page after
// the tables' first pages). Closes the file cleanly.
void populate(const std::string &path)
{
    auto db = openDatabase(path);
    core::ChildStore children {*db};
    REQUIRE(children.add(1000, "Mai", berlin("2025-03-01", 9, 0)));
    REQUIRE(children.add(1001, "Tuấn", berlin("2025-03-01", 9, 5)));
    core::RuleStore rules {*db};
    for (int version = 1; version <= 3; ++version) {
        REQUIRE(rules.save(1000, savedRules(version), 0, berlin("2025-03-02", 10, version)));
    }
    core::AuditLog log {*db};
    Database::Transaction transaction {*db};
    for (int n = 1; n <= kAuditRows; ++n) {
        REQUIRE(
            log.append({0, berlin("2025-03-03", 8, 0) + std::chrono::seconds {n}, "grant", 1000, 0, auditDetail(n)}));
    }
    REQUIRE(transaction.commit());
}

} // namespace

TEST_CASE("A new database file is created readable by its owner only, at the latest schema", "[core][database]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    const Umask permissive {0};

    auto db = openDatabase(path);
    CHECK(modeOf(path) == mode_t {0600});
    CHECK(db->report().versionFound == 0);
    CHECK(db->report().versionNow == Database::latestVersion());
    CHECK(scalar(*db, "PRAGMA user_version") == Database::latestVersion());
    CHECK_FALSE(db->report().recovered);
    CHECK(db->report().problem.empty());
    CHECK(db->path() == path);
    CHECK(hasTable(*db, "hourly_usage"));
    CHECK(hasTable(*db, "audit"));

    // The write-ahead log and its index hold the same data: they must be as private.
    REQUIRE(db->exec("INSERT INTO children(uid, name, added_at) VALUES(1000, 'Mai', 0)"));
    CHECK(modeOf(path + "-wal") == mode_t {0600});
    CHECK(modeOf(path + "-shm") == mode_t {0600});
    core::Statement mode = db->prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
}

TEST_CASE("A database of the first schema is migrated to the latest, keeping its rows and filling the hourly "
          "usage",
    "[core][database][migration]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    const std::int64_t monday = dayNumber("2025-03-10");
    const std::int64_t tuesday = dayNumber("2025-03-11");
    {
        Database::Options first;
        first.migrateTo = 1;
        auto db = openDatabase(path, first);
        REQUIRE(db->report().versionNow == 1);
        REQUIRE(scalar(*db, "PRAGMA user_version") == 1);
        REQUIRE_FALSE(hasTable(*db, "hourly_usage"));

        REQUIRE(db->exec("INSERT INTO children(uid, name, added_at) VALUES(1000, 'Mai', 1741000000), "
                         "(1001, 'Bảo', 1741000100)"));
        core::Statement rules
            = db->prepare("INSERT INTO rules(child, saved_at, saved_by, json) VALUES(1000, ?1, 0, ?2)");
        rules.bind(1, std::int64_t {1741000200}).bind(2, core::rulesToJson(savedRules(1)));
        REQUIRE(rules.run());
        REQUIRE(db->exec("INSERT INTO apps(id, exe, desktop_id, category) VALUES(1, '/usr/games/minetest', "
                         "'net.minetest.minetest', 'Game')"));
        core::Statement activity = db->prepare("INSERT INTO activity(child, day, start, end, utc_offset, app, domain, "
                                               "title, flags) VALUES(?1, ?2, ?3, ?4, 3600, 1, 0, 0, ?5)");
        // child, day, start, length, flags (1 = active, 2 = charged, 4 = idle)
        const std::vector<std::tuple<std::int64_t, std::int64_t, core::Instant, int, int>> rows {
            {1000, monday, berlin("2025-03-10", 14, 10), 1200, 1 | 2},
            {1000, monday, berlin("2025-03-10", 14, 50), 600, 1}, // always allowed: active, not charged
            {1000, monday, berlin("2025-03-10", 16, 5), 300, 1 | 2},
            {1000, monday, berlin("2025-03-10", 16, 20), 900, 4}, // idle: neither
            {1000, monday, berlin("2025-03-10", 23, 30), 1800, 1 | 2},
            {1001, tuesday, berlin("2025-03-11", 9, 15), 2700, 1 | 2},
        };
        for (const auto &[child, day, start, length, flags] : rows) {
            activity.bind(1, child).bind(2, day).bind(3, epoch(start)).bind(4, epoch(start) + length).bind(5, flags);
            REQUIRE(activity.run());
        }
        core::Statement daily = db->prepare("INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) "
                                            "VALUES(1000, 0, ?1, 0, 3900, 3300), (1000, 1, ?1, 1, 3900, 3300)");
        daily.bind(1, monday);
        REQUIRE(daily.run());
    }

    auto db = openDatabase(path);
    CHECK(db->report().versionFound == 1);
    CHECK(db->report().versionNow == Database::latestVersion());
    CHECK(scalar(*db, "PRAGMA user_version") == Database::latestVersion());
    CHECK_FALSE(db->report().recovered);

    // Every old row is there, unchanged.
    CHECK(scalar(*db, "SELECT COUNT(*) FROM children") == 2);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM activity") == 6);
    CHECK(scalar(*db, "SELECT SUM(end - start) FROM activity WHERE child = 1000") == 4800);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM activity WHERE utc_offset = 3600") == 6);
    CHECK(scalar(*db, "SELECT charged_s FROM daily_usage WHERE child = 1000 AND dim = 0") == 3300);
    core::ChildStore children {*db};
    REQUIRE(children.list().size() == 2);
    CHECK(children.list()[1].name == "Bảo");
    const auto rules = core::RuleStore {*db}.current(1000);
    REQUIRE(rules.ok());
    REQUIRE(rules->has_value());
    CHECK(**rules == savedRules(1));

    // Each old row lands in the local hour its interval starts in.
    core::Statement hourly
        = db->prepare("SELECT child, day, hour, active_s, charged_s FROM hourly_usage ORDER BY child, day, hour");
    std::vector<std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t>> found;
    while (hourly.step()) {
        found.emplace_back(
            hourly.integer(0), hourly.integer(1), hourly.integer(2), hourly.integer(3), hourly.integer(4));
    }
    const decltype(found) expected {
        {1000, monday, 14, 1800, 1200},
        {1000, monday, 16, 300, 300},
        {1000, monday, 23, 1800, 1800},
        {1001, tuesday, 9, 2700, 2700},
    };
    CHECK(found == expected);

    core::ActivityStore store {*db};
    const core::HourHeatmap heatmap
        = core::UsageReport {store}.hourHeatmap(1000, *core::parseDate("2025-03-10"), *core::parseDate("2025-03-16"));
    CHECK(heatmap[1][14] == 1800s); // Monday 14:00
    CHECK(heatmap[1][15] == 0s);
    CHECK(heatmap[1][16] == 300s);
    CHECK(heatmap[1][23] == 1800s);
    CHECK(heatmap[2][9] == 0s); // the other child's

    // Opening again migrates nothing twice.
    db.reset();
    auto again = openDatabase(path);
    CHECK(again->report().versionFound == Database::latestVersion());
    CHECK(scalar(*again, "SELECT SUM(active_s) FROM hourly_usage") == 1800 + 300 + 1800 + 2700);
}

TEST_CASE("A file of garbage bytes is moved aside and a fresh database starts", "[core][database][recovery]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    const std::string bytes = garbage(5 * kPageSize, 7);
    writeFile(path, bytes);
    const Umask permissive {0};

    {
        auto db = openDatabase(path);
        const core::OpenReport &report = db->report();
        CHECK(report.recovered);
        CHECK_FALSE(report.problem.empty());
        CHECK(report.movedAsidePath.rfind(path + ".damaged-", 0) == 0);
        CHECK(report.salvaged.empty());
        CHECK(report.versionFound == 0);
        CHECK(report.versionNow == Database::latestVersion());
        // The damaged file is kept, byte for byte.
        CHECK(readFile(report.movedAsidePath) == bytes);
        CHECK(modeOf(path) == mode_t {0600});

        // The fresh database works.
        core::ChildStore children {*db};
        REQUIRE(children.add(1000, "Mai", berlin("2025-03-10", 8, 0)));
        CHECK(children.isChild(1000));
    }
    const std::vector<std::string> aside = damagedFilesIn(dir.path());
    REQUIRE(aside.size() == 1);
    CHECK(readFile(aside[0]) == bytes);

    auto reopened = openDatabase(path);
    CHECK_FALSE(reopened->report().recovered);
    CHECK(core::ChildStore {*reopened}.isChild(1000));
    CHECK(damagedFilesIn(dir.path()).size() == 1);
}

TEST_CASE("A database with a damaged page in the middle is moved aside and the rows still readable are copied",
    "[core][database][recovery]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    populate(path);

    std::int64_t auditRoot = 0;
    std::int64_t pages = 0;
    {
        auto db = openDatabase(path);
        auditRoot = scalar(*db, "SELECT rootpage FROM sqlite_master WHERE name = 'audit'");
        pages = scalar(*db, "PRAGMA page_count");
        REQUIRE(scalar(*db, "PRAGMA page_size") == static_cast<std::int64_t>(kPageSize));
    }
    // The pages after the tables' first pages are the audit table's leaves, in id order.
    const std::int64_t damaged = (auditRoot + pages) / 2;
    REQUIRE(damaged > auditRoot + 10);
    damagePage(path, damaged);
    const std::string damagedBytes = readFile(path);

    std::string aside;
    {
        auto db = openDatabase(path);
        const core::OpenReport &report = db->report();
        REQUIRE(report.recovered);
        CHECK_FALSE(report.problem.empty());
        CHECK(report.versionNow == Database::latestVersion());
        aside = report.movedAsidePath;
        CHECK(readFile(aside) == damagedBytes);

        // Tables on undamaged pages come across whole.
        const core::ChildStore children {*db};
        REQUIRE(children.list().size() == 2);
        CHECK(children.list()[1].name == "Tuấn");
        const core::RuleStore rules {*db};
        CHECK(rules.history(1000).size() == 3);
        const auto current = rules.current(1000);
        REQUIRE(current.ok());
        REQUIRE(current->has_value());
        CHECK(**current == savedRules(3));

        // The audit table's copy ends at the damaged page: the rows before it are all there,
        // exactly as written, and no later row.
        const std::int64_t copied = scalar(*db, "SELECT COUNT(*) FROM audit");
        CHECK(copied > 0);
        CHECK(copied < kAuditRows);
        CHECK(scalar(*db, "SELECT MAX(id) FROM audit") == copied);
        const std::vector<core::AuditEntry> entries = core::AuditLog {*db}.list(-1, 0, kAuditRows);
        REQUIRE(entries.size() == static_cast<std::size_t>(copied));
        for (const core::AuditEntry &entry : entries) {
            CHECK(entry.detail == auditDetail(static_cast<int>(entry.id)));
        }
        // The report says what was copied, and it matches what is in the file.
        const auto lists = [&](const std::string &line) {
            return std::find(report.salvaged.begin(), report.salvaged.end(), line) != report.salvaged.end();
        };
        CHECK(lists("children: 2 rows"));
        CHECK(lists("rules: 3 rows"));
        CHECK(lists("meta: 1 rows"));
        CHECK(lists("audit: " + std::to_string(copied) + " rows (the rest unreadable)"));
        // The log's recorded head still names row 1000: the loss shows as a broken chain.
        const core::ChainState chain = core::AuditLog {*db}.verify();
        CHECK_FALSE(chain.intact);
        CHECK(chain.brokenAt == copied + 1);

        // The fresh database takes writes.
        core::ChildStore writable {*db};
        REQUIRE(writable.add(1002, "Linh", berlin("2025-03-10", 8, 0)));
    }
    CHECK(readFile(aside) == damagedBytes);
    auto reopened = openDatabase(path);
    CHECK_FALSE(reopened->report().recovered);
    CHECK(core::ChildStore {*reopened}.list().size() == 3);
}

TEST_CASE("A database whose first table page is overwritten keeps every row of its other tables",
    "[core][database][recovery]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    populate(path);
    // Bytes 4096..8191: page 2, the first table's (meta) root. The header on page 1 stays.
    damagePage(path, 2);

    auto db = openDatabase(path);
    const core::OpenReport &report = db->report();
    REQUIRE(report.recovered);
    CHECK_FALSE(report.problem.empty());
    CHECK(std::filesystem::exists(report.movedAsidePath));
    CHECK(report.salvaged.size() >= 3);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM meta") == 0);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM children") == 2);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM rules") == 3);
    CHECK(scalar(*db, "SELECT COUNT(*) FROM audit") == kAuditRows);
    const auto current = core::RuleStore {*db}.current(1000);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK(**current == savedRules(3));
}

TEST_CASE("A damaged daily-totals page does not hand out a fresh budget: totals are rebuilt from activity",
    "[core][database][recovery]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    const std::int64_t day = dayNumber("2025-03-10");
    const std::int64_t start = epoch(berlin("2025-03-10", 15, 0));
    std::int64_t totalsRoot = 0;
    {
        auto db = openDatabase(path);
        REQUIRE(db->exec("INSERT INTO apps(id, exe, desktop_id, category) VALUES(1, '/usr/games/tux', 'tux', 'Game')"));
        REQUIRE(db->exec("INSERT INTO categories(id, name) VALUES(1, 'Game')"));
        // 40 min charged (flags Active|Charged), 10 min idle (not active), 5 min always allowed.
        const std::string rows = "INSERT INTO activity(child, day, start, end, utc_offset, app, domain, title, flags) "
                                 "VALUES(1000, "
            + std::to_string(day) + ", " + std::to_string(start) + ", " + std::to_string(start + 2400)
            + ", 3600, 1, 0, 0, 3), (1000, " + std::to_string(day) + ", " + std::to_string(start + 2400) + ", "
            + std::to_string(start + 3000) + ", 3600, 1, 0, 0, 4), (1000, " + std::to_string(day) + ", "
            + std::to_string(start + 3000) + ", " + std::to_string(start + 3300) + ", 3600, 1, 0, 0, 1)";
        REQUIRE(db->exec(rows));
        REQUIRE(db->exec("INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) VALUES(1000, 0, "
            + std::to_string(day) + ", 0, 2700, 2400)"));
        totalsRoot = scalar(*db, "SELECT rootpage FROM sqlite_master WHERE name = 'daily_usage'");
    }
    damagePage(path, totalsRoot);

    auto db = openDatabase(path);
    REQUIRE(db->report().recovered);
    const std::string today = std::to_string(day);
    CHECK(scalar(*db, "SELECT charged_s FROM daily_usage WHERE child = 1000 AND dim = 0 AND day = " + today) == 2400);
    CHECK(scalar(*db, "SELECT active_s FROM daily_usage WHERE child = 1000 AND dim = 0 AND day = " + today) == 2700);
    CHECK(scalar(*db, "SELECT charged_s FROM daily_usage WHERE dim = 1 AND key = 1 AND day = " + today) == 2400);
    CHECK(scalar(*db, "SELECT charged_s FROM daily_usage WHERE dim = 3 AND key = 1 AND day = " + today) == 2400);
    CHECK(scalar(*db, "SELECT SUM(charged_s) FROM hourly_usage WHERE day = " + today) == 2400);
    const auto &salvaged = db->report().salvaged;
    CHECK(std::find(salvaged.begin(), salvaged.end(), "daily totals: rebuilt from activity for 1 child-days")
        != salvaged.end());
}

TEST_CASE("An open database says when its file is deleted, replaced or overwritten", "[core][database][failover]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    auto db = openDatabase(path);
    CHECK(db->fileProblem().empty());
    SECTION("deleted")
    {
        std::filesystem::remove(path);
        CHECK(db->fileProblem() == "deleted");
    }
    SECTION("replaced by a copy of itself")
    {
        std::filesystem::copy_file(path, dir.file("copy"));
        std::filesystem::rename(dir.file("copy"), path);
        CHECK(db->fileProblem() == "replaced by another file");
    }
    SECTION("overwritten in place")
    {
        std::fstream file {path, std::ios::in | std::ios::out | std::ios::binary};
        file.write("garbage garbage!", 16);
        file.close();
        CHECK(db->fileProblem().rfind("overwritten", 0) == 0);
    }
}

TEST_CASE(
    "A file that failed while in use is moved aside whole and what it holds is salvaged", "[core][database][failover]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    populate(path);
    auto failed = openDatabase(path); // still open, as the service's connection is
    const std::string before = readFile(path);
    Database::Options options;
    options.moveAsideBecause = "writing failed 5 times in a row";
    auto fresh = openDatabase(path, options);
    const core::OpenReport &report = fresh->report();
    CHECK(report.recovered);
    CHECK(report.problem == "writing failed 5 times in a row");
    CHECK(readFile(report.movedAsidePath) == before);
    CHECK(core::ChildStore {*fresh}.isChild(1001));
    CHECK(scalar(*fresh, "SELECT COUNT(*) FROM audit") == kAuditRows);
    CHECK(fresh->fileProblem().empty());
    CHECK(failed->fileProblem() == "replaced by another file");

    SECTION("a second failure in the same second keeps both files")
    {
        auto again = openDatabase(path, options);
        CHECK(again->report().movedAsidePath != report.movedAsidePath);
        CHECK(damagedFilesIn(dir.path()).size() >= 2);
        CHECK(readFile(report.movedAsidePath) == before);
    }
    SECTION("a deleted file is simply created")
    {
        fresh.reset();
        std::filesystem::remove(path);
        auto created = openDatabase(path, options);
        CHECK_FALSE(created->report().recovered);
    }
}

TEST_CASE("A file deleted under its connection is copied whole through it and a fresh file starts clean",
    "[core][database][failover]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    populate(path);
    auto failed = openDatabase(path);
    std::filesystem::remove(path);
    // Still written through the old connection, into the -wal left at the path.
    REQUIRE(core::ChildStore {*failed}.add(1002, "Lan", berlin("2025-03-04", 9, 0)));
    REQUIRE(failed->fileProblem() == "deleted");
    const std::string copy = dir.file("sundial.db.copy");
    REQUIRE(failed->copyInto(copy).ok());
    CHECK(modeOf(copy) == mode_t {0600});
    CHECK_FALSE(failed->copyInto(copy).ok()); // never over an existing file

    Database::Options options;
    options.moveAsideBecause = "deleted";
    SECTION("salvaged from the copy: nothing is lost")
    {
        options.salvageFrom = copy;
        auto fresh = openDatabase(path, options);
        CHECK(fresh->report().salvagedFrom == copy);
        CHECK(core::ChildStore {*fresh}.isChild(1002));
        CHECK(scalar(*fresh, "SELECT COUNT(*) FROM audit") == kAuditRows);
        CHECK(core::AuditLog {*fresh}.verify().intact);
    }
    SECTION("without a copy: the old file's -wal does not leak into the fresh one")
    {
        auto fresh = openDatabase(path, options);
        CHECK_FALSE(core::ChildStore {*fresh}.isChild(1002));
        CHECK(scalar(*fresh, "SELECT COUNT(*) FROM audit") == 0);
        core::Statement check = fresh->prepare("PRAGMA quick_check");
        REQUIRE(check.step());
        CHECK(check.text(0) == "ok");
    }
}

TEST_CASE("A database written by a newer Sundial is refused and left where it is", "[core][database]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    const int newer = Database::latestVersion() + 1;
    {
        auto db = openDatabase(path);
        REQUIRE(db->exec("INSERT INTO children(uid, name, added_at) VALUES(1000, 'Mai', 0)"));
        REQUIRE(db->exec("PRAGMA user_version = " + std::to_string(newer)));
    }
    const std::string before = readFile(path);

    const auto refused = Database::open(path);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("newer"));
    CHECK(damagedFilesIn(dir.path()).empty());
    CHECK(readFile(path) == before);

    // Still the newer file, with its rows.
    sqlite3 *raw = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    core::Statement version {raw, "PRAGMA user_version"};
    REQUIRE(version.step());
    CHECK(version.integer(0) == newer);
    core::Statement rows {raw, "SELECT COUNT(*) FROM children"};
    REQUIRE(rows.step());
    CHECK(rows.integer(0) == 1);
    sqlite3_close_v2(raw);
}

TEST_CASE("A transaction that is not committed is rolled back", "[core][database]")
{
    testing::TempDir dir;
    auto db = openDatabase(dir.file("sundial.db"));
    {
        Database::Transaction transaction {*db};
        REQUIRE(transaction.began());
        REQUIRE(db->exec("INSERT INTO children(uid, name, added_at) VALUES(1000, 'Mai', 0)"));
        CHECK(scalar(*db, "SELECT COUNT(*) FROM children") == 1);
    }
    CHECK(scalar(*db, "SELECT COUNT(*) FROM children") == 0);

    {
        Database::Transaction transaction {*db};
        REQUIRE(db->exec("INSERT INTO children(uid, name, added_at) VALUES(1001, 'Bảo', 0)"));
        // Transactions do not nest: a second one does not begin and cannot commit.
        Database::Transaction inner {*db};
        CHECK_FALSE(inner.began());
        CHECK_FALSE(inner.commit().ok());
        REQUIRE(transaction.commit());
    }
    CHECK(scalar(*db, "SELECT COUNT(*) FROM children") == 1);
    CHECK(core::ChildStore {*db}.isChild(1001));

    const core::Status wrong = db->exec("INSERT INTO nowhere VALUES(1)");
    REQUIRE_FALSE(wrong.ok());
    CHECK_THAT(wrong.error().message, Catch::Contains("nowhere"));
}
