// SPDX-License-Identifier: GPL-3.0-or-later
// DatabaseFailureJudge: after each write of the running service, decides whether the database
// has failed in a way retrying will not cure, so that the service moves to a fresh file
// (Service::replaceDatabase) instead of keeping what it counts in memory forever.
//
//   the file at the path is gone, another, or overwritten (Database::fileProblem)  -> replace now
//   SQLite says the file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)               -> replace now
//   SQLite is busy (SQLITE_BUSY, SQLITE_LOCKED: another process holds a lock)     -> retry, not a failure
//   any other failure (SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, ...)           -> retry; replace once
//       kFailuresBeforeReplace writes in a row failed over at least kFailingFor
//   a write that works                                                            -> the streak ends
//
// When no fresh file can be had either (the disk is full), the service keeps counting in memory
// and tries again after a backoff (kFirstBackoff, doubling up to kLongestBackoff); the first write
// that works after that is reported once (Action::ReportWritable). Pure: the caller passes the time.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sundial::core
{

class DatabaseFailureJudge
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    static constexpr int kFailuresBeforeReplace = 5;
    static constexpr std::chrono::seconds kFailingFor {30};
    static constexpr std::chrono::seconds kFirstBackoff {30};
    static constexpr std::chrono::seconds kLongestBackoff {600};

    enum class Action {
        None, // nothing to do (written, or worth retrying)
        Replace, // move to a fresh file now; why() says what failed
        ReportWritable, // writing works again after the data was held in memory: audit it once
    };

    // A write succeeded. `fileProblem`: Database::fileProblem() (a deleted file still takes writes).
    Action written(TimePoint at, std::string_view fileProblem);
    // A write failed with SQLite's (extended) result `code` (0: not from SQLite) and `message`.
    Action failed(TimePoint at, int code, std::string_view message, std::string_view fileProblem);
    // A fresh file is in use: the streak and the backoff start again.
    void replaced();
    // No fresh file could be had: what is counted stays in memory until the backoff has passed.
    void replaceFailed(TimePoint at);

    // What failed, in plain words, for the log and the audit row.
    const std::string &why() const { return m_why; }
    // Whether what is counted is being held in memory (since a failed replace).
    bool holdingInMemory() const { return m_holdingSince.has_value(); }
    std::optional<TimePoint> holdingSince() const { return m_holdingSince; }
    // While holding: what failed first (why() says what failed last).
    const std::string &heldBecause() const { return m_heldBecause; }

private:
    Action replaceIfDue(TimePoint at, std::string why);

    int m_failuresInARow = 0;
    std::optional<TimePoint> m_failingSince;
    std::optional<TimePoint> m_holdingSince;
    std::optional<TimePoint> m_nextAttempt;
    std::chrono::seconds m_backoff {kFirstBackoff};
    std::string m_why;
    std::string m_heldBecause;
};

} // namespace sundial::core
