// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/childstore.h"

#include "agent/core/text.h"

namespace sundial::core
{

ChildStore::ChildStore(Database &db)
    : m_db(db)
{
}

Status ChildStore::add(std::int64_t uid, const std::string &name, Instant at)
{
    if (uid < 0) {
        return Error {"uid", std::to_string(uid) + " is not a user id"};
    }
    Statement statement = m_db.prepare("INSERT INTO children(uid, name, added_at) VALUES(?1, ?2, ?3) "
                                       "ON CONFLICT(uid) DO UPDATE SET name = excluded.name");
    statement.bind(1, uid).bind(2, cleanText(name, kMaxNameBytes)).bind(3, at.time_since_epoch().count());
    if (!statement.run()) {
        return Error {"children", statement.error()};
    }
    return success();
}

Status ChildStore::remove(std::int64_t uid)
{
    Statement statement = m_db.prepare("DELETE FROM children WHERE uid = ?1");
    statement.bind(1, uid);
    if (!statement.run()) {
        return Error {"children", statement.error()};
    }
    return success();
}

std::vector<Child> ChildStore::list() const
{
    std::vector<Child> children;
    Statement statement = m_db.prepare("SELECT uid, name, added_at FROM children ORDER BY uid");
    while (statement.step()) {
        children.push_back(
            {statement.integer(0), statement.text(1), Instant {std::chrono::seconds {statement.integer(2)}}});
    }
    return children;
}

bool ChildStore::isChild(std::int64_t uid) const
{
    Statement statement = m_db.prepare("SELECT 1 FROM children WHERE uid = ?1");
    statement.bind(1, uid);
    return statement.step();
}

} // namespace sundial::core
