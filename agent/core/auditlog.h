// SPDX-License-Identifier: GPL-3.0-or-later
// AuditLog: rule changes, grants and tamper events, hash-chained so that editing or deleting
// a row shows. Each row's hash covers its own fields and the previous row's hash.
//
// Verifying re-hashes rows, so it costs time in the number of rows it reads. A full verification
// reads every row; an incremental one reads only the rows after the last one a verification found
// intact (remembered in memory: the row's id and stored hash), plus that row and the recorded head.
//
// What each notices:
//   edit to a row's fields, stored hash left alone : full only (incremental: rows after the mark)
//   rewritten chain through the mark (new hashes)  : both (the mark's stored hash changed)
//   rows deleted from the end                      : both (the recorded head, or the mark, is gone)
//   a row deleted before the mark                  : full only
// verifyAt() is what Admin.Audit calls: a full verification the first time and whenever the last
// full one is kFullVerifyEvery old, incremental otherwise. So an edit or deletion behind the mark
// shows at the next start of the service or within kFullVerifyEvery, whichever comes first, and a
// flood of rows costs each call only the rows added since the previous call.
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/timetypes.h"

namespace sundial::core
{

struct AuditEntry {
    std::int64_t id = 0;
    Instant at {};
    std::string kind; // "rules-changed", "grant", "clock-jump", "helper-missing", ...
    std::int64_t child = -1; // -1 when not about one child
    std::int64_t actor = -1; // uid that caused it, -1 for the service itself
    std::string detail; // plain words, or JSON for machines
};

struct ChainState {
    bool intact = true;
    std::int64_t rows = 0;
    std::optional<std::int64_t> brokenAt; // the first row whose hash does not match
    std::int64_t hashed = 0; // rows this verification re-hashed: its cost
    bool full = true; // whether it re-hashed from the first row
};

class AuditLog
{
public:
    explicit AuditLog(Database &db);

    Result<std::int64_t> append(const AuditEntry &entry);
    // Oldest first, from `afterId`, at most `limit` rows; child < 0 means every child.
    std::vector<AuditEntry> list(std::int64_t child, std::int64_t afterId, int limit) const;
    // A full verification between two checks never goes longer than this on a running service.
    static constexpr std::chrono::hours kFullVerifyEvery {1};

    // Full: recomputes the chain from the first row. Also notices rows deleted from the end.
    ChainState verify();
    // Incremental: re-hashes only the rows after the last row an earlier verification of this
    // object found intact, after checking that row still holds the hash it had; see the table
    // above for what it cannot see. A full verification when there is no such row (the first
    // call, or the chain was broken last time).
    ChainState verifyNew();
    // Full when none was done yet or the last full one is at least kFullVerifyEvery before `now`,
    // incremental otherwise. `now` is a steady clock, so a wall-clock jump neither skips nor
    // forces a full verification.
    ChainState verifyAt(std::chrono::steady_clock::time_point now);

private:
    struct Mark {
        std::int64_t id = 0; // 0: an empty log was verified
        std::string hash;
    };

    ChainState verifyFrom(const Mark &from);

    Database &m_db;
    std::optional<Mark> m_verified; // the last row a verification found intact
    std::optional<std::chrono::steady_clock::time_point> m_lastFull;
};

} // namespace sundial::core
