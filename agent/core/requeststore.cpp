// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/requeststore.h"

#include <algorithm>

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

constexpr const char *kColumns
    = "SELECT id, child, asked_at, minutes, reason, state, answered_at, answered_by, granted_minutes FROM requests ";

TimeRequest readRequest(const Statement &row)
{
    TimeRequest request;
    request.id = row.integer(0);
    request.child = row.integer(1);
    request.askedAt = Instant {std::chrono::seconds {row.integer(2)}};
    request.minutes = std::chrono::minutes {row.integer(3)};
    request.reason = row.text(4);
    request.state = static_cast<TimeRequest::State>(row.integer(5));
    if (!row.isNull(6)) {
        request.answeredAt = Instant {std::chrono::seconds {row.integer(6)}};
        request.answeredBy = row.integer(7);
        request.granted = std::chrono::minutes {row.integer(8)};
    }
    return request;
}

} // namespace

RequestStore::RequestStore(Database &db)
    : m_db(db)
{
}

Result<std::int64_t> RequestStore::ask(
    std::int64_t child, std::chrono::minutes minutes, const std::string &reason, Instant at)
{
    if (minutes.count() < 1 || minutes.count() > 480) {
        return Error {"minutes", std::to_string(minutes.count()) + " min cannot be asked for: ask for 1 to 480 min"};
    }
    // A loop asking again and again must not grow the table (and the parents' list) without bound.
    Statement pending = m_db.prepare("SELECT COUNT(*) FROM requests WHERE child = ?1 AND state = 0");
    pending.bind(1, child);
    if (pending.step() && pending.integer(0) >= kMaxPending) {
        return Error {"requests",
            std::to_string(kMaxPending)
                + " requests are already waiting for a parent's answer; wait for one before asking again"};
    }
    Statement statement
        = m_db.prepare("INSERT INTO requests(child, asked_at, minutes, reason, state) VALUES(?1, ?2, ?3, ?4, 0)");
    statement.bind(1, child)
        .bind(2, at.time_since_epoch().count())
        .bind(3, static_cast<std::int64_t>(minutes.count()))
        .bind(4, cleanText(reason, kMaxNameBytes));
    if (!statement.run()) {
        return Error {"requests", statement.error()};
    }
    return m_db.lastInsertId();
}

Status RequestStore::answer(std::int64_t id, std::chrono::minutes granted, std::int64_t answeredBy, Instant at)
{
    if (granted.count() < 0 || granted.count() > 24 * 60) {
        return Error {"minutes", std::to_string(granted.count()) + " min cannot be granted: give 0 to 1440 min"};
    }
    const std::optional<TimeRequest> request = find(id);
    if (!request) {
        return Error {"request", "there is no request " + std::to_string(id)};
    }
    if (request->state != TimeRequest::State::Pending) {
        return Error {"request",
            "request " + std::to_string(id) + " was already answered by uid "
                + std::to_string(request->answeredBy.value_or(-1))};
    }
    Statement statement = m_db.prepare("UPDATE requests SET state = ?2, answered_at = ?3, answered_by = ?4, "
                                       "granted_minutes = ?5 WHERE id = ?1 AND state = 0");
    statement.bind(1, id)
        .bind(2, granted.count() > 0 ? 1 : 2)
        .bind(3, at.time_since_epoch().count())
        .bind(4, answeredBy)
        .bind(5, static_cast<std::int64_t>(granted.count()));
    if (!statement.run()) {
        return Error {"requests", statement.error()};
    }
    return success();
}

std::optional<TimeRequest> RequestStore::find(std::int64_t id) const
{
    Statement statement = m_db.prepare(std::string {kColumns} + "WHERE id = ?1");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return readRequest(statement);
}

std::vector<TimeRequest> RequestStore::list(
    std::int64_t child, bool pendingOnly, std::int64_t beforeId, int limit) const
{
    Statement statement = m_db.prepare(std::string {kColumns}
        + "WHERE (?1 < 0 OR child = ?1) AND (?2 = 0 OR state = 0) AND (?3 <= 0 OR id < ?3) "
          "ORDER BY id DESC LIMIT ?4");
    statement.bind(1, child)
        .bind(2, pendingOnly ? 1 : 0)
        .bind(3, beforeId)
        .bind(4, std::int64_t {std::clamp(limit, 0, kMaxPage)});
    std::vector<TimeRequest> requests;
    while (statement.step()) {
        requests.push_back(readRequest(statement));
    }
    return requests;
}

} // namespace sundial::core
