// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/activitystore.h"

#include <sqlite3.h>

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

std::string appKey(const AppIdentity &app)
{
    std::string key;
    key.reserve(app.exe.size() + app.desktopId.size() + app.category.size() + 2);
    key += app.exe;
    key += '\0';
    key += app.desktopId;
    key += '\0';
    key += app.category;
    return key;
}

std::int64_t daysSinceEpoch(LocalDate day)
{
    return day.time_since_epoch().count();
}

} // namespace

ActivityStore::ActivityStore(Database &db)
    : m_db(db)
    , m_insertRow(db.prepare("INSERT INTO activity(child, day, start, end, utc_offset, app, domain, title, flags) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"))
    , m_updateRow(db.prepare("UPDATE activity SET end = ?2 WHERE id = ?1"))
    , m_addDaily(db.prepare("INSERT INTO daily_usage(child, dim, day, key, active_s, charged_s) "
                            "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(child, dim, day, key) DO UPDATE SET "
                            "active_s = active_s + excluded.active_s, charged_s = charged_s + excluded.charged_s"))
    , m_addHourly(db.prepare("INSERT INTO hourly_usage(child, day, hour, active_s, charged_s) "
                             "VALUES(?1, ?2, ?3, ?4, ?5) ON CONFLICT(child, day, hour) DO UPDATE SET "
                             "active_s = active_s + excluded.active_s, charged_s = charged_s + excluded.charged_s"))
{
}

std::int64_t ActivityStore::intern(Dictionary &dictionary, const char *table, const char *column, std::string_view raw)
{
    if (raw.empty()) {
        return 0;
    }
    if (const auto found = dictionary.ids.find(std::string {raw}); found != dictionary.ids.end()) {
        return found->second;
    }
    const std::size_t limit = std::string_view {table} == "titles" ? kMaxTitleBytes
        : std::string_view {table} == "domains"                    ? kMaxDomainBytes
                                                                   : kMaxNameBytes;
    const std::string value = cleanText(raw, limit);
    Statement insert = m_db.prepare(
        std::string {"INSERT INTO "} + table + "(" + column + ") VALUES(?1) ON CONFLICT(" + column + ") DO NOTHING");
    insert.bind(1, value);
    insert.run();
    Statement select = m_db.prepare(std::string {"SELECT id FROM "} + table + " WHERE " + column + " = ?1");
    select.bind(1, value);
    const std::int64_t id = select.step() ? select.integer(0) : 0;
    dictionary.ids.emplace(std::string {raw}, id);
    dictionary.values.emplace(id, value);
    return id;
}

std::string ActivityStore::lookup(
    const Dictionary &dictionary, const char *table, const char *column, std::int64_t id) const
{
    if (id == 0) {
        return {};
    }
    if (const auto found = dictionary.values.find(id); found != dictionary.values.end()) {
        return found->second;
    }
    Statement select = m_db.prepare(std::string {"SELECT "} + column + " FROM " + table + " WHERE id = ?1");
    select.bind(1, id);
    return select.step() ? select.text(0) : std::string {};
}

std::int64_t ActivityStore::appId(const AppIdentity &raw)
{
    const std::string key = appKey(raw);
    if (const auto found = m_appIds.find(key); found != m_appIds.end()) {
        return found->second;
    }
    const AppIdentity app {cleanText(raw.exe, kMaxPathBytes), cleanText(raw.desktopId, kMaxNameBytes),
        cleanText(raw.category, kMaxNameBytes)};
    Statement insert = m_db.prepare("INSERT INTO apps(exe, desktop_id, category) VALUES(?1, ?2, ?3) "
                                    "ON CONFLICT(exe, desktop_id, category) DO NOTHING");
    insert.bind(1, app.exe).bind(2, app.desktopId).bind(3, app.category);
    insert.run();
    Statement select = m_db.prepare("SELECT id FROM apps WHERE exe = ?1 AND desktop_id = ?2 AND category = ?3");
    select.bind(1, app.exe).bind(2, app.desktopId).bind(3, app.category);
    const std::int64_t id = select.step() ? select.integer(0) : 0;
    m_appIds.emplace(key, id);
    m_apps.emplace(id, app);
    return id;
}

bool ActivityStore::knowsApp(const AppIdentity &app) const
{
    return m_appIds.count(appKey(app)) > 0;
}

bool ActivityStore::knowsDomain(std::string_view domain) const
{
    return domain.empty() || m_domains.ids.count(std::string {domain}) > 0;
}

bool ActivityStore::knowsTitle(std::string_view title) const
{
    return title.empty() || m_titles.ids.count(std::string {title}) > 0;
}

std::int64_t ActivityStore::domainId(std::string_view domain)
{
    return intern(m_domains, "domains", "name", domain);
}

std::int64_t ActivityStore::categoryId(std::string_view category)
{
    return intern(m_categories, "categories", "name", category);
}

std::int64_t ActivityStore::titleId(std::string_view title)
{
    return intern(m_titles, "titles", "text", title);
}

AppIdentity ActivityStore::appById(std::int64_t id) const
{
    if (const auto found = m_apps.find(id); found != m_apps.end()) {
        return found->second;
    }
    Statement select = m_db.prepare("SELECT exe, desktop_id, category FROM apps WHERE id = ?1");
    select.bind(1, id);
    AppIdentity app;
    if (select.step()) {
        app = {select.text(0), select.text(1), select.text(2)};
        m_apps.emplace(id, app);
    }
    return app;
}

std::string ActivityStore::domainById(std::int64_t id) const
{
    return lookup(m_domains, "domains", "name", id);
}

std::string ActivityStore::categoryById(std::int64_t id) const
{
    return lookup(m_categories, "categories", "name", id);
}

std::string ActivityStore::titleById(std::int64_t id) const
{
    return lookup(m_titles, "titles", "text", id);
}

Status ActivityStore::write(ActivityBatch &batch, const std::function<Status()> &alsoWrite)
{
    if (batch.empty() && !alsoWrite) {
        return success();
    }
    Database::Transaction transaction {m_db};
    if (!transaction.began()) {
        return Error {"activity", std::string {"cannot start writing: "} + sqlite3_errmsg(m_db.handle()),
            sqlite3_extended_errcode(m_db.handle())};
    }
    for (ActivityRow *row : batch.rows) {
        if (row->id == 0) {
            m_insertRow.bind(1, batch.child)
                .bind(2, daysSinceEpoch(row->day))
                .bind(3, row->span.start.time_since_epoch().count())
                .bind(4, row->span.end.time_since_epoch().count())
                .bind(5, row->utcOffset.count())
                .bind(6, row->key.app)
                .bind(7, row->key.domain)
                .bind(8, row->key.title)
                .bind(9, row->key.flags);
            if (!m_insertRow.run()) {
                return Error {"activity", "cannot record activity: " + m_insertRow.error(), m_insertRow.lastCode()};
            }
            row->id = m_db.lastInsertId();
        } else {
            m_updateRow.bind(1, row->id).bind(2, row->span.end.time_since_epoch().count());
            if (!m_updateRow.run()) {
                return Error {"activity", "cannot record activity: " + m_updateRow.error(), m_updateRow.lastCode()};
            }
        }
    }
    for (const auto &[key, delta] : batch.daily) {
        const auto &[dimension, day, id] = key;
        m_addDaily.bind(1, batch.child)
            .bind(2, dimension)
            .bind(3, day)
            .bind(4, id)
            .bind(5, delta.active.count())
            .bind(6, delta.charged.count());
        if (!m_addDaily.run()) {
            return Error {"daily_usage", "cannot record usage: " + m_addDaily.error(), m_addDaily.lastCode()};
        }
    }
    for (const auto &[key, delta] : batch.hourly) {
        m_addHourly.bind(1, batch.child)
            .bind(2, key.first)
            .bind(3, key.second)
            .bind(4, delta.active.count())
            .bind(5, delta.charged.count());
        if (!m_addHourly.run()) {
            return Error {"hourly_usage", "cannot record usage: " + m_addHourly.error(), m_addHourly.lastCode()};
        }
    }
    if (alsoWrite) {
        if (Status also = alsoWrite(); !also) {
            return also;
        }
    }
    return transaction.commit();
}

Result<std::int64_t> ActivityStore::purge(std::int64_t child, Instant activityBefore, LocalDate dailyBefore)
{
    Database::Transaction transaction {m_db};
    std::int64_t deleted = 0;
    Statement activity = m_db.prepare("DELETE FROM activity WHERE child = ?1 AND end < ?2");
    activity.bind(1, child).bind(2, activityBefore.time_since_epoch().count());
    Statement daily = m_db.prepare("DELETE FROM daily_usage WHERE child = ?1 AND day < ?2");
    daily.bind(1, child).bind(2, daysSinceEpoch(dailyBefore));
    Statement hourly = m_db.prepare("DELETE FROM hourly_usage WHERE child = ?1 AND day < ?2");
    hourly.bind(1, child).bind(2, daysSinceEpoch(dailyBefore));
    for (Statement *statement : {&activity, &daily, &hourly}) {
        if (!statement->run()) {
            return Error {"retention", "cannot purge old activity: " + statement->error()};
        }
        deleted += m_db.changes();
    }
    if (Status committed = transaction.commit(); !committed) {
        return committed.error();
    }
    return deleted;
}

} // namespace sundial::core
