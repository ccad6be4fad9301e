// SPDX-License-Identifier: GPL-3.0-or-later
// GrantStore: extra time and "free until" grants, per child and day.
#pragma once

#include <memory>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/grant.h"

namespace sundial::core
{

class GrantStore
{
public:
    explicit GrantStore(Database &db);

    // Refuses extra time outside 1..1440 minutes and a "free until" that is not a time of day.
    Result<std::int64_t> add(
        std::int64_t child, const Grant &grant, std::int64_t grantedBy, Instant at, const std::string &note);
    // Asked on every decision: answered from memory until the database is written again.
    std::vector<Grant> forDay(std::int64_t child, LocalDate day) const;

private:
    struct CachedDay {
        std::int64_t child = 0;
        LocalDate day {};
        std::int64_t writeCount = -1;
        std::vector<Grant> grants;
    };

    Database &m_db;
    mutable std::unique_ptr<Statement> m_forDay; // prepared once
    mutable CachedDay m_cached;
};

} // namespace sundial::core
