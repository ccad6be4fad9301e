// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "agent/core/databasefailurejudge.h"

namespace
{

using namespace std::chrono_literals;
using sundial::core::DatabaseFailureJudge;
using Action = DatabaseFailureJudge::Action;

const DatabaseFailureJudge::TimePoint kStart {std::chrono::hours {1000}};

} // namespace

TEST_CASE("A damaged database is replaced at the first failed write", "[core][failover]")
{
    DatabaseFailureJudge judge;
    CHECK(judge.failed(kStart, SQLITE_CORRUPT, "database disk image is malformed", "") == Action::Replace);
    CHECK(judge.why().find("malformed") != std::string::npos);
    DatabaseFailureJudge other;
    CHECK(other.failed(kStart, SQLITE_NOTADB, "file is not a database", "") == Action::Replace);
}

TEST_CASE("A deleted or replaced file is replaced even while writes still work", "[core][failover]")
{
    DatabaseFailureJudge judge;
    CHECK(judge.written(kStart, "") == Action::None);
    CHECK(judge.written(kStart + 10s, "deleted") == Action::Replace);
    CHECK(judge.why() == "the database file was deleted");
    CHECK(judge.failed(kStart + 20s, SQLITE_IOERR_WRITE, "disk I/O error", "replaced by another file")
        == Action::Replace);
}

TEST_CASE("A busy database is never a failure, however long it lasts", "[core][failover]")
{
    DatabaseFailureJudge judge;
    for (int i = 0; i < 100; ++i) {
        CHECK(judge.failed(kStart + std::chrono::seconds {10 * i}, SQLITE_BUSY, "database is locked", "")
            == Action::None);
    }
    CHECK(judge.failed(kStart + 2000s, SQLITE_LOCKED_SHAREDCACHE, "locked", "") == Action::None);
}

TEST_CASE("Other failures are replaced only when repeated in a row over the failing time", "[core][failover]")
{
    DatabaseFailureJudge judge;
    // Five in a row within a few seconds are not yet enough ...
    for (int i = 0; i < DatabaseFailureJudge::kFailuresBeforeReplace; ++i) {
        CHECK(
            judge.failed(kStart + std::chrono::seconds {i}, SQLITE_IOERR_FSYNC, "disk I/O error", "") == Action::None);
    }
    // ... nor is a long time with a write that worked in between ...
    CHECK(judge.written(kStart + 5s, "") == Action::None);
    for (int i = 0; i < DatabaseFailureJudge::kFailuresBeforeReplace - 1; ++i) {
        CHECK(judge.failed(kStart + std::chrono::seconds {10 + 10 * i}, SQLITE_FULL, "database or disk is full", "")
            == Action::None);
    }
    // ... but the fifth in a row, 30 s after the first of them, is.
    CHECK(judge.failed(kStart + 50s, SQLITE_FULL, "database or disk is full", "") == Action::Replace);
    CHECK(judge.why().find("5 times in a row over 40 s") != std::string::npos);
}

TEST_CASE(
    "Without a fresh file the judge waits a growing backoff and reports writing once it works", "[core][failover]")
{
    DatabaseFailureJudge judge;
    CHECK(judge.failed(kStart, SQLITE_CORRUPT, "malformed", "") == Action::Replace);
    judge.replaceFailed(kStart);
    CHECK(judge.holdingInMemory());
    CHECK(judge.failed(kStart + 29s, SQLITE_CORRUPT, "malformed", "") == Action::None);
    CHECK(judge.failed(kStart + 30s, SQLITE_CORRUPT, "malformed", "") == Action::Replace);
    judge.replaceFailed(kStart + 30s);
    CHECK(judge.heldBecause() == "the database is damaged (malformed)");
    CHECK(judge.failed(kStart + 60s, 0, "", "deleted") == Action::None);
    CHECK(judge.why() == "the database file was deleted");
    CHECK(judge.heldBecause() == "the database is damaged (malformed)"); // the first cause stays
    CHECK(judge.failed(kStart + 89s, SQLITE_CORRUPT, "malformed", "") == Action::None); // 60 s now
    CHECK(judge.failed(kStart + 90s, SQLITE_CORRUPT, "malformed", "") == Action::Replace);
    for (int i = 0; i < 10; ++i) {
        judge.replaceFailed(kStart + 90s);
    }
    CHECK(judge.failed(kStart + 90s + DatabaseFailureJudge::kLongestBackoff - 1s, SQLITE_CORRUPT, "m", "")
        == Action::None);
    CHECK(judge.written(kStart + 2000s, "") == Action::ReportWritable);
    CHECK_FALSE(judge.holdingInMemory());
    CHECK(judge.written(kStart + 2010s, "") == Action::None);
}

TEST_CASE("A fresh file starts the streak and the backoff again", "[core][failover]")
{
    DatabaseFailureJudge judge;
    CHECK(judge.failed(kStart, SQLITE_NOTADB, "not a database", "") == Action::Replace);
    judge.replaceFailed(kStart);
    judge.replaced();
    CHECK_FALSE(judge.holdingInMemory());
    CHECK(judge.failed(kStart + 1s, SQLITE_NOTADB, "not a database", "") == Action::Replace);
}
