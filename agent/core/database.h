// SPDX-License-Identifier: GPL-3.0-or-later
// Database: the SQLite file that holds everything the service records.
//
// Opening it checks its integrity. A file that is not a database or fails the check is moved
// aside (never deleted), a fresh one is created, and every row that can still be read from
// the damaged file is copied into it; OpenReport says what happened. Schema changes are
// numbered migrations tracked in PRAGMA user_version (see schema.cpp for the changelog).
//
// While it is open, fileProblem() says whether the file at the path is still the one open (not
// deleted, replaced or overwritten): the service's runtime failover (Service::replaceDatabase)
// asks it after every flush and opens a fresh file with Options::moveAsideBecause.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/statement.h"

struct sqlite3;

namespace sundial::core
{

struct OpenReport {
    int versionFound = 0; // user_version before migrating (0 for a new file)
    int versionNow = 0; // after migrating
    bool recovered = false; // the file was damaged and moved aside
    std::string problem; // what was wrong with it
    std::string movedAsidePath; // where the damaged file now is
    std::vector<std::string> salvaged; // "table: N rows" copied from the damaged file (or salvageFrom)
    std::string salvagedFrom; // the file they were read from
};

class Database
{
public:
    struct Options {
        // Stop migrating at this version (tests build old schemas with it); 0 = the latest.
        int migrateTo = 0;
        // Skip the integrity check (benchmarks that reopen a file they just wrote).
        bool skipIntegrityCheck = false;
        // Not empty: the file at the path failed while in use. It is moved aside (never deleted)
        // and salvaged as a damaged one is, with this as the report's problem; a missing file is
        // simply created, and the -wal and -shm left at the path (a connection to the deleted file
        // may still have them open) are moved aside.
        std::string moveAsideBecause;
        // Not empty: the rows are salvaged from this file (a copy taken through the failed file's
        // own connection, copyInto()) instead of from the file moved aside, which is kept as it is.
        std::string salvageFrom;
    };

    // Opens or creates the file at `path` (created 0600). Fails only when no usable database
    // can be had at all (the folder is missing or unwritable, the disk is full).
    static Result<std::unique_ptr<Database>> open(const std::string &path, Options options);
    static Result<std::unique_ptr<Database>> open(const std::string &path) { return open(path, Options {}); }
    // A database in memory at the latest schema: what the service runs on when no file can be
    // had at start (a full disk), rather than exit and let every login in. path() is ":memory:".
    static Result<std::unique_ptr<Database>> openInMemory();
    bool inMemory() const { return m_inMemory; }
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // The schema version this build creates and migrates to.
    static int latestVersion();

    const OpenReport &report() const { return m_report; }
    // Empty while the path names the file this connection opened and it starts with SQLite's
    // header; otherwise what happened to it ("deleted", "replaced by another file",
    // "overwritten"; in memory: "kept in memory"). One stat and one 16-byte read.
    std::string fileProblem() const;
    // Writes a complete copy of the database as this connection sees it to `path` (a new file,
    // 0600), through VACUUM INTO: a file deleted or replaced under the connection is still whole
    // through it. Fails (removing what it began) when a page cannot be read.
    Status copyInto(const std::string &path) const;
    const std::string &path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // Runs SQL without results (may hold several statements).
    Status exec(std::string_view sql);
    Statement prepare(std::string_view sql) const { return Statement {m_db, sql}; }
    // The same, prepared once for this connection and kept: for statements the service runs
    // again and again (each flush, each transaction). Use it with run(), or reset() after
    // stepping; it lives as long as the connection.
    Statement &cached(std::string_view sql) const;

    // The `meta` table: the service's own small records (the trusted clock's last instant, the
    // audit chain's head, a lockout's position, a held-back zone change), by key.
    std::optional<std::string> metaValue(std::string_view key) const;
    Status setMeta(std::string_view key, std::string_view value);
    Status removeMeta(std::string_view key);
    std::int64_t lastInsertId() const;
    int changes() const;
    // Rows inserted, updated or deleted through this connection since it opened. It only
    // grows: a cache of query results keyed by it is valid while it stays the same (the
    // service is the database's only writer).
    std::int64_t writeCount() const;

    // BEGIN IMMEDIATE on construction; rolls back unless commit() succeeded.
    class Transaction
    {
    public:
        explicit Transaction(Database &db);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        bool began() const { return m_began; }
        Status commit();

    private:
        Database &m_db;
        bool m_began = false;
        bool m_done = false;
    };

private:
    Database(sqlite3 *db, std::string path);
    Status migrate(int target);

    sqlite3 *m_db;
    std::string m_path;
    unsigned long long m_device = 0; // the file's identity when it was opened
    unsigned long long m_inode = 0;
    bool m_inMemory = false;
    OpenReport m_report;
    mutable std::map<std::string, Statement, std::less<>> m_cached; // finalized before the connection closes
};

} // namespace sundial::core
