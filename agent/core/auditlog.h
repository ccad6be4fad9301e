// SPDX-License-Identifier: GPL-3.0-or-later
// AuditLog: rule changes, grants and tamper events, hash-chained so that editing or deleting
// a row shows. Each row's hash covers its own fields and the previous row's hash.
#pragma once

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
};

class AuditLog
{
public:
    explicit AuditLog(Database &db);

    Result<std::int64_t> append(const AuditEntry &entry);
    // Oldest first, from `afterId`, at most `limit` rows; child < 0 means every child.
    std::vector<AuditEntry> list(std::int64_t child, std::int64_t afterId, int limit) const;
    // Recomputes the chain from the first row. Also notices rows deleted from the end.
    ChainState verify() const;

private:
    Database &m_db;
};

} // namespace sundial::core
