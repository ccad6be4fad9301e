// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/rulestore.h"

#include "agent/core/rulesjson.h"

namespace sundial::core
{

RuleStore::RuleStore(Database &db)
    : m_db(db)
{
}

Result<std::int64_t> RuleStore::save(std::int64_t child, const Rules &rules, std::int64_t savedBy, Instant at)
{
    if (Status valid = validateRules(rules); !valid) {
        return valid.error();
    }
    Statement statement = m_db.prepare("INSERT INTO rules(child, saved_at, saved_by, json) VALUES(?1, ?2, ?3, ?4)");
    statement.bind(1, child).bind(2, at.time_since_epoch().count()).bind(3, savedBy).bind(4, rulesToJson(rules));
    if (!statement.run()) {
        return Error {"rules", "could not be saved: " + statement.error()};
    }
    return m_db.lastInsertId();
}

Result<std::optional<Rules>> RuleStore::current(std::int64_t child) const
{
    Statement statement = m_db.prepare("SELECT json FROM rules WHERE child = ?1 ORDER BY id DESC LIMIT 1");
    statement.bind(1, child);
    if (!statement.step()) {
        return std::optional<Rules> {};
    }
    Result<Rules> rules = rulesFromJson(statement.text(0));
    if (!rules) {
        return rules.error();
    }
    return std::optional<Rules> {std::move(rules).value()};
}

std::vector<RuleVersion> RuleStore::history(std::int64_t child) const
{
    std::vector<RuleVersion> versions;
    Statement statement
        = m_db.prepare("SELECT id, saved_at, saved_by, json FROM rules WHERE child = ?1 ORDER BY id DESC");
    statement.bind(1, child);
    while (statement.step()) {
        versions.push_back({statement.integer(0), Instant {std::chrono::seconds {statement.integer(1)}},
            statement.integer(2), statement.text(3)});
    }
    return versions;
}

} // namespace sundial::core
