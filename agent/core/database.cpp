// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/database.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agent/core/schema.h"

namespace sundial::core
{

namespace
{

constexpr const char *kWalSuffix = "-wal";
constexpr const char *kShmSuffix = "-shm";

bool fileExists(const std::string &path)
{
    struct stat info {
    };
    return ::stat(path.c_str(), &info) == 0;
}

// Creates the file with mode 0600 before SQLite does, so it (and its -wal and -shm, which
// SQLite creates with the database's mode) is never readable by others.
Status createPrivateFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error {path, std::string {"cannot create the database: "} + std::strerror(errno)};
    }
    // open()'s mode is filtered by the umask; the file must be the owner's alone whatever it is.
    const bool private_ = ::fchmod(fd, 0600) == 0;
    const int error = errno;
    ::close(fd);
    if (!private_) {
        return Error {path, std::string {"cannot make the database private (0600): "} + std::strerror(error)};
    }
    return success();
}

Result<sqlite3 *> openHandle(const std::string &path)
{
    sqlite3 *db = nullptr;
    const int code
        = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (code != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
        sqlite3_close(db);
        return Error {path, "cannot open the database: " + message};
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    return db;
}

// Whether SQLite's `code` says the file itself is damaged, rather than that it could not be read
// now (a full disk, an I/O error, a lock): only a damaged file is moved aside.
bool isDamage(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// Empty when the file passes SQLite's quick check, otherwise what is wrong. `failure` receives
// SQLite's code when the check itself failed (0 when it ran and reported damage).
std::string integrityProblem(sqlite3 *db, int &failure)
{
    failure = 0;
    sqlite3_stmt *statement = nullptr;
    int code = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &statement, nullptr);
    if (code != SQLITE_OK) {
        failure = sqlite3_extended_errcode(db);
        sqlite3_finalize(statement);
        return sqlite3_errmsg(db);
    }
    std::string problem;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        const std::string line = text ? text : "";
        if (line != "ok") {
            problem += (problem.empty() ? "" : "; ") + line;
        }
    }
    if (code != SQLITE_DONE) {
        failure = sqlite3_extended_errcode(db);
        problem += (problem.empty() ? "" : "; ") + std::string {sqlite3_errmsg(db)};
    }
    sqlite3_finalize(statement);
    return problem;
}

int userVersion(sqlite3 *db)
{
    Statement statement {db, "PRAGMA user_version"};
    return statement.ok() && statement.step() ? static_cast<int>(statement.integer(0)) : -1;
}

// "<path>.damaged-<seconds>", with "-2", "-3"... when that name is taken: two failures in the
// same second must not rename one kept file over the other.
std::string asidePathFor(const std::string &path)
{
    const auto now = std::chrono::system_clock::now();
    const std::string stem = path + ".damaged-"
        + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    std::string aside = stem;
    for (int n = 2; fileExists(aside); ++n) {
        aside = stem + "-" + std::to_string(n);
    }
    return aside;
}

std::vector<std::string> columnsOf(sqlite3 *db, const std::string &schema, std::string_view table)
{
    std::vector<std::string> columns;
    Statement statement {db, "PRAGMA " + schema + ".table_info(\"" + std::string {table} + "\")"};
    while (statement.ok() && statement.step()) {
        columns.push_back(statement.text(1));
    }
    return columns;
}

// Copies every readable row of each known table from the damaged file. A damaged page ends a
// table's copy early; rows read before it are kept. The damaged file is read through a
// connection of its own: on a connection that has it attached, the first damaged page read
// fails every later write and the COMMIT, and all the salvaged rows would be lost.
std::vector<std::string> salvage(sqlite3 *db, const std::string &damagedPath)
{
    std::vector<std::string> summary;
    sqlite3 *damaged = nullptr;
    if (sqlite3_open_v2(damagedPath.c_str(), &damaged, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(damaged);
        return summary;
    }
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_close(damaged);
        return summary;
    }
    for (const std::string_view table : salvageableTables()) {
        const std::vector<std::string> mine = columnsOf(db, "main", table);
        const std::vector<std::string> theirs = columnsOf(damaged, "main", table);
        std::string common;
        std::string placeholders;
        int count = 0;
        for (const std::string &column : mine) {
            for (const std::string &other : theirs) {
                if (column == other) {
                    common += (count ? "," : "") + ("\"" + column + "\"");
                    placeholders += count ? ",?" : "?";
                    ++count;
                }
            }
        }
        if (count == 0) {
            continue;
        }
        // Bind each column's value as it is read, keeping types and BLOBs exact.
        long long copied = 0;
        bool cutShort = true; // until the read reaches the table's end
        sqlite3_stmt *readRaw = nullptr;
        sqlite3_stmt *writeRaw = nullptr;
        const std::string readSql = "SELECT " + common + " FROM \"" + std::string {table} + "\"";
        const std::string writeSql
            = "INSERT OR IGNORE INTO main.\"" + std::string {table} + "\"(" + common + ") VALUES(" + placeholders + ")";
        if (sqlite3_prepare_v2(damaged, readSql.c_str(), -1, &readRaw, nullptr) == SQLITE_OK
            && sqlite3_prepare_v2(db, writeSql.c_str(), -1, &writeRaw, nullptr) == SQLITE_OK) {
            int stepped = SQLITE_ROW;
            while ((stepped = sqlite3_step(readRaw)) == SQLITE_ROW) {
                for (int i = 0; i < count; ++i) {
                    sqlite3_bind_value(writeRaw, i + 1, sqlite3_column_value(readRaw, i));
                }
                if (sqlite3_step(writeRaw) == SQLITE_DONE) {
                    copied += sqlite3_changes(db);
                }
                sqlite3_reset(writeRaw);
            }
            cutShort = stepped != SQLITE_DONE;
        }
        sqlite3_finalize(readRaw);
        sqlite3_finalize(writeRaw);
        // What could not be read is not known row by row: say where the damage stopped the copy.
        summary.push_back(
            std::string {table} + ": " + std::to_string(copied) + " rows" + (cutShort ? " (the rest unreadable)" : ""));
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        summary.clear();
    }
    sqlite3_close(damaged);
    return summary;
}

// After a salvage: the daily and hourly totals of every day that still has activity rows, rebuilt
// from those rows and kept where larger than what was salvaged (a damaged totals page must not
// hand a child a fresh budget; activity rows outlive no totals, so nothing is lowered). Hours
// are those in which each row starts, as migration 2 computes them. Returns the days rebuilt.
long long rebuildTotalsFromActivity(sqlite3 *db)
{
    static constexpr const char *kRebuild = R"sql(
CREATE TEMP TABLE rebuilt_daily AS
    SELECT child, 0 AS dim, day, 0 AS key, SUM(end - start) AS active_s,
           SUM(CASE WHEN flags & 2 THEN end - start ELSE 0 END) AS charged_s
        FROM activity WHERE flags & 1 GROUP BY child, day
    UNION ALL
    SELECT child, 1, day, app, SUM(end - start), SUM(CASE WHEN flags & 2 THEN end - start ELSE 0 END)
        FROM activity WHERE flags & 1 GROUP BY child, day, app
    UNION ALL
    SELECT child, 2, day, domain, SUM(end - start), SUM(CASE WHEN flags & 2 THEN end - start ELSE 0 END)
        FROM activity WHERE flags & 1 AND domain <> 0 GROUP BY child, day, domain
    UNION ALL
    SELECT a.child, 3, a.day, c.id, SUM(a.end - a.start), SUM(CASE WHEN a.flags & 2 THEN a.end - a.start ELSE 0 END)
        FROM activity a JOIN apps p ON p.id = a.app JOIN categories c ON c.name = p.category
        WHERE a.flags & 1 AND p.category <> '' GROUP BY a.child, a.day, c.id;
INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s)
    SELECT child, dim, day, key, active_s, charged_s FROM rebuilt_daily WHERE true
    ON CONFLICT(child, dim, day, key) DO UPDATE SET
        active_s = MAX(active_s, excluded.active_s), charged_s = MAX(charged_s, excluded.charged_s);
INSERT INTO hourly_usage(child, day, hour, active_s, charged_s)
    SELECT child, day, ((start + utc_offset) % 86400 + 86400) % 86400 / 3600,
           SUM(CASE WHEN flags & 1 THEN end - start ELSE 0 END),
           SUM(CASE WHEN flags & 3 = 3 THEN end - start ELSE 0 END)
        FROM activity WHERE true GROUP BY 1, 2, 3
    ON CONFLICT(child, day, hour) DO UPDATE SET
        active_s = MAX(active_s, excluded.active_s), charged_s = MAX(charged_s, excluded.charged_s);
)sql";
    long long days = -1;
    if (sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) {
        return days;
    }
    if (sqlite3_exec(db, kRebuild, nullptr, nullptr, nullptr) == SQLITE_OK) {
        Statement count {db, "SELECT COUNT(*) FROM (SELECT DISTINCT child, day FROM temp.rebuilt_daily)"};
        days = count.ok() && count.step() ? count.integer(0) : 0;
    }
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.rebuilt_daily", nullptr, nullptr, nullptr);
    if (days < 0 || sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return -1;
    }
    return days;
}

Status configure(sqlite3 *db)
{
    // WAL: readers never block the writer. FULL: a commit is on disk when it returns (the WAL
    // is synced), so a power cut loses only what was counted since the last flush (at most the
    // flush interval) and never a saved rule or grant. NORMAL would leave recent commits in the
    // page cache for as long as the kernel keeps dirty pages (30 s by default).
    char *message = nullptr;
    if (sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;", nullptr,
            nullptr, &message)
        != SQLITE_OK) {
        Error error {"", std::string {"cannot configure the database: "} + (message ? message : "unknown error")};
        sqlite3_free(message);
        return error;
    }
    return success();
}

} // namespace

Database::Database(sqlite3 *db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{
}

Database::~Database()
{
    m_cached.clear();
    sqlite3_close_v2(m_db);
}

Statement &Database::cached(std::string_view sql) const
{
    if (const auto found = m_cached.find(sql); found != m_cached.end()) {
        return found->second;
    }
    return m_cached.emplace(std::string {sql}, prepare(sql)).first->second;
}

std::optional<std::string> Database::metaValue(std::string_view key) const
{
    Statement &read = cached("SELECT value FROM meta WHERE key = ?1");
    read.bind(1, key);
    std::optional<std::string> value;
    if (read.step()) {
        value = read.text(0);
    }
    read.reset();
    return value;
}

Status Database::setMeta(std::string_view key, std::string_view value)
{
    Statement &write = cached("INSERT INTO meta(key, value) VALUES(?1, ?2) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    write.bind(1, key).bind(2, value);
    if (!write.run()) {
        return Error {"meta", "cannot record " + std::string {key} + ": " + write.error(), write.lastCode()};
    }
    return success();
}

Status Database::removeMeta(std::string_view key)
{
    Statement &remove = cached("DELETE FROM meta WHERE key = ?1");
    remove.bind(1, key);
    if (!remove.run()) {
        return Error {"meta", "cannot remove " + std::string {key} + ": " + remove.error(), remove.lastCode()};
    }
    return success();
}

int Database::latestVersion()
{
    return static_cast<int>(schemaMigrations().size());
}

Result<std::unique_ptr<Database>> Database::open(const std::string &path, Options options)
{
    OpenReport report;
    const bool existed = fileExists(path);
    const bool moveAside = existed && !options.moveAsideBecause.empty();
    if (!existed && !options.moveAsideBecause.empty()) {
        // Deleted under a connection that still has its -wal and -shm open: they are the old
        // file's, and a fresh file must not start with them.
        const std::string aside = asidePathFor(path);
        std::rename((path + kWalSuffix).c_str(), (aside + kWalSuffix).c_str());
        std::rename((path + kShmSuffix).c_str(), (aside + kShmSuffix).c_str());
    }
    // A file this call created and could not make usable (the disk is full) is removed, so that
    // the next attempt finds the path as it was; where the failed file went is said.
    bool created = false;
    const auto fail = [&](Error error) -> Result<std::unique_ptr<Database>> {
        if (created) {
            for (const char *suffix : {"", kWalSuffix, kShmSuffix}) {
                std::remove((path + suffix).c_str());
            }
        }
        if (!report.movedAsidePath.empty()) {
            error.message += "; the failed file was moved to " + report.movedAsidePath;
        }
        return error;
    };
    if (!existed) {
        if (Status made = createPrivateFile(path); !made) {
            return made.error();
        }
        created = true;
    }
    Result<sqlite3 *> handle = openHandle(path);
    if (!handle) {
        return fail(handle.error());
    }
    sqlite3 *db = *handle;
    int failure = 0;
    std::string problem = moveAside              ? options.moveAsideBecause
        : options.skipIntegrityCheck || !existed ? std::string {}
                                                 : integrityProblem(db, failure);
    if (problem.empty()) {
        report.versionFound = userVersion(db);
        if (report.versionFound < 0) {
            problem = sqlite3_errmsg(db);
            failure = sqlite3_extended_errcode(db);
        }
    }
    if (!moveAside && failure != 0 && !isDamage(failure)) {
        // Not known to be damaged (the disk is full, the -shm cannot be made, an I/O error): a
        // good file must not be moved aside for it. The caller runs on something else meanwhile.
        sqlite3_close_v2(db);
        return Error {path, "cannot check the database (" + problem + "); left as it is", failure};
    }
    if (!problem.empty()) {
        sqlite3_close_v2(db);
        const std::string aside = asidePathFor(path);
        if (std::rename(path.c_str(), aside.c_str()) != 0) {
            return Error {
                path, "the database is damaged (" + problem + ") and cannot be moved aside: " + std::strerror(errno)};
        }
        std::rename((path + kWalSuffix).c_str(), (aside + kWalSuffix).c_str());
        std::rename((path + kShmSuffix).c_str(), (aside + kShmSuffix).c_str());
        report.recovered = true;
        report.problem = problem;
        report.movedAsidePath = aside;
        if (Status made = createPrivateFile(path); !made) {
            return fail(made.error());
        }
        created = true;
        handle = openHandle(path);
        if (!handle) {
            return fail(handle.error());
        }
        db = *handle;
        report.versionFound = 0;
    }
    if (report.versionFound > latestVersion()) {
        sqlite3_close_v2(db);
        return Error {path,
            "the database was written by a newer Sundial (schema " + std::to_string(report.versionFound)
                + ", this one knows up to " + std::to_string(latestVersion()) + "); install that version or newer"};
    }
    if (Status configured = configure(db); !configured) {
        sqlite3_close_v2(db);
        return fail(Error {path, configured.error().message});
    }
    std::unique_ptr<Database> database {new Database(db, path)};
    struct stat opened {
    };
    if (::stat(path.c_str(), &opened) == 0) {
        database->m_device = opened.st_dev;
        database->m_inode = opened.st_ino;
    }
    const int target = options.migrateTo > 0 ? options.migrateTo : latestVersion();
    if (Status migrated = database->migrate(target); !migrated) {
        database.reset();
        return fail(migrated.error());
    }
    report.versionNow = userVersion(db);
    if (!options.salvageFrom.empty()) {
        report.salvaged = salvage(db, options.salvageFrom);
        report.salvagedFrom = options.salvageFrom;
    } else if (report.recovered) {
        report.salvaged = salvage(db, report.movedAsidePath);
        report.salvagedFrom = report.movedAsidePath;
    }
    if (!report.salvaged.empty()) {
        const long long rebuilt = rebuildTotalsFromActivity(db);
        report.salvaged.push_back(rebuilt < 0
                ? std::string {"daily totals: not rebuilt ("} + sqlite3_errmsg(db) + ")"
                : "daily totals: rebuilt from activity for " + std::to_string(rebuilt) + " child-days");
    }
    database->m_report = std::move(report);
    return database;
}

Result<std::unique_ptr<Database>> Database::openInMemory()
{
    sqlite3 *db = nullptr;
    if (const int code = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        code != SQLITE_OK) {
        sqlite3_close(db);
        return Error {":memory:", std::string {"cannot open a database in memory: "} + sqlite3_errstr(code)};
    }
    sqlite3_extended_result_codes(db, 1);
    std::unique_ptr<Database> database {new Database(db, ":memory:")};
    database->m_inMemory = true;
    if (Status migrated = database->migrate(latestVersion()); !migrated) {
        return migrated.error();
    }
    database->m_report.versionNow = userVersion(db);
    return database;
}

std::string Database::fileProblem() const
{
    if (m_inMemory) {
        return "kept in memory (no file could be opened)";
    }
    struct stat now {
    };
    if (::stat(m_path.c_str(), &now) != 0) {
        return errno == ENOENT ? "deleted" : std::string {"cannot be looked at: "} + std::strerror(errno);
    }
    if (now.st_dev != m_device || now.st_ino != m_inode) {
        return "replaced by another file";
    }
    // An empty file is one SQLite has not written yet (never the case once migrated).
    static constexpr char kHeader[] = "SQLite format 3";
    char header[sizeof kHeader] = {};
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return std::string {"cannot be read: "} + std::strerror(errno);
    }
    const ssize_t got = ::pread(fd, header, sizeof header, 0);
    ::close(fd);
    if (got != static_cast<ssize_t>(sizeof header) || std::memcmp(header, kHeader, sizeof header) != 0) {
        return "overwritten (its first bytes are not an SQLite header)";
    }
    return {};
}

Status Database::copyInto(const std::string &path) const
{
    if (fileExists(path)) {
        return Error {path, "cannot copy the database there: the file exists"};
    }
    if (Status created = createPrivateFile(path); !created) {
        return created;
    }
    Statement vacuum {m_db, "VACUUM INTO ?1"};
    vacuum.bind(1, path);
    if (!vacuum.run()) {
        Error error {path, "cannot copy the database: " + vacuum.error(), vacuum.lastCode()};
        std::remove(path.c_str());
        return error;
    }
    return success();
}

Status Database::migrate(int target)
{
    const int current = userVersion(m_db);
    const auto &migrations = schemaMigrations();
    for (int version = current + 1; version <= target; ++version) {
        Transaction transaction {*this};
        if (!transaction.began()) {
            return Error {m_path, "cannot start migration " + std::to_string(version) + ": " + sqlite3_errmsg(m_db)};
        }
        if (Status applied = exec(migrations[static_cast<std::size_t>(version - 1)]); !applied) {
            return Error {m_path, "migration " + std::to_string(version) + " failed: " + applied.error().message};
        }
        if (Status stamped = exec("PRAGMA user_version = " + std::to_string(version)); !stamped) {
            return stamped.error();
        }
        if (Status committed = transaction.commit(); !committed) {
            return committed.error();
        }
    }
    return success();
}

Status Database::exec(std::string_view sql)
{
    char *message = nullptr;
    const std::string text {sql};
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error {"", message ? message : sqlite3_errmsg(m_db), sqlite3_extended_errcode(m_db)};
        sqlite3_free(message);
        return error;
    }
    return success();
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

std::int64_t Database::writeCount() const
{
    return sqlite3_total_changes64(m_db);
}

Database::Transaction::Transaction(Database &db)
    : m_db(db)
{
    m_began = m_db.cached("BEGIN IMMEDIATE").run();
}

Database::Transaction::~Transaction()
{
    if (m_began && !m_done) {
        m_db.cached("ROLLBACK").run();
    }
}

Status Database::Transaction::commit()
{
    if (!m_began) {
        return Error {"", "no transaction to commit"};
    }
    Statement &commit = m_db.cached("COMMIT");
    if (!commit.run()) {
        return Error {"", commit.error(), sqlite3_extended_errcode(m_db.handle())};
    }
    m_done = true;
    return success();
}

} // namespace sundial::core
