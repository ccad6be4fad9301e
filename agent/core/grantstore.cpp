// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/grantstore.h"

#include "agent/core/text.h"

namespace sundial::core
{

GrantStore::GrantStore(Database &db)
    : m_db(db)
{
}

Result<std::int64_t> GrantStore::add(
    std::int64_t child, const Grant &grant, std::int64_t grantedBy, Instant at, const std::string &note)
{
    if (grant.kind == Grant::Kind::ExtraTime && (grant.extra.count() < 1 || grant.extra.count() > 24 * 60)) {
        return Error {"minutes", std::to_string(grant.extra.count()) + " min is not extra time: give 1 to 1440 min"};
    }
    if (grant.kind == Grant::Kind::FreeUntil && (grant.until.count() < 0 || grant.until.count() >= 24 * 60)) {
        return Error {"until", "is not a time of day: give HH:MM"};
    }
    Statement statement = m_db.prepare("INSERT INTO grants(child, day, kind, minutes, until_minute, granted_at, "
                                       "granted_by, note) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    statement.bind(1, child)
        .bind(2, static_cast<std::int64_t>(grant.day.time_since_epoch().count()))
        .bind(3, grant.kind == Grant::Kind::ExtraTime ? 0 : 1)
        .bind(4, static_cast<std::int64_t>(grant.extra.count()))
        .bind(5, static_cast<std::int64_t>(grant.until.count()))
        .bind(6, at.time_since_epoch().count())
        .bind(7, grantedBy)
        .bind(8, cleanText(note, kMaxNameBytes));
    if (!statement.run()) {
        return Error {"grants", statement.error()};
    }
    return m_db.lastInsertId();
}

std::vector<Grant> GrantStore::forDay(std::int64_t child, LocalDate day) const
{
    if (m_cached.child == child && m_cached.day == day && m_cached.writeCount == m_db.writeCount()) {
        return m_cached.grants;
    }
    std::vector<Grant> grants;
    if (!m_forDay) {
        m_forDay = std::make_unique<Statement>(
            m_db.prepare("SELECT kind, minutes, until_minute FROM grants WHERE child = ?1 AND day = ?2 ORDER BY id"));
    }
    Statement &statement = *m_forDay;
    statement.reset();
    statement.bind(1, child).bind(2, static_cast<std::int64_t>(day.time_since_epoch().count()));
    while (statement.step()) {
        Grant grant;
        grant.kind = statement.integer(0) == 0 ? Grant::Kind::ExtraTime : Grant::Kind::FreeUntil;
        grant.day = day;
        grant.extra = std::chrono::minutes {statement.integer(1)};
        grant.until = TimeOfDay {statement.integer(2)};
        grants.push_back(grant);
    }
    m_cached = {child, day, m_db.writeCount(), grants};
    return grants;
}

} // namespace sundial::core
