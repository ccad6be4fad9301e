// SPDX-License-Identifier: GPL-3.0-or-later
// RuleStore: each child's rules, replaced whole and atomically; every version is kept.
#pragma once

#include <optional>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/rules.h"

namespace sundial::core
{

struct RuleVersion {
    std::int64_t id = 0;
    Instant savedAt {};
    std::int64_t savedBy = 0; // uid of the parent who saved them
    std::string json;
};

class RuleStore
{
public:
    explicit RuleStore(Database &db);

    // Validates, then stores `rules` as the child's current version. Invalid rules are
    // refused with the validator's error and the current version stays.
    Result<std::int64_t> save(std::int64_t child, const Rules &rules, std::int64_t savedBy, Instant at);
    // The current rules; nullopt when the child has none yet. Fails only if the stored
    // version cannot be read back (it was written by a newer Sundial).
    Result<std::optional<Rules>> current(std::int64_t child) const;
    // All versions, newest first.
    std::vector<RuleVersion> history(std::int64_t child) const;

private:
    Database &m_db;
};

} // namespace sundial::core
