// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/usagereport.h"

#include <algorithm>

namespace sundial::core
{

using std::chrono::seconds;

namespace
{

std::int64_t dayNumber(LocalDate day)
{
    return day.time_since_epoch().count();
}
LocalDate dayFrom(std::int64_t number)
{
    return LocalDate {std::chrono::days {number}};
}

} // namespace

UsageReport::UsageReport(ActivityStore &store)
    : m_store(store)
{
}

std::vector<DayTotal> UsageReport::dayTotals(std::int64_t child, LocalDate from, LocalDate to) const
{
    Statement query = m_store.database().prepare("SELECT day, active_s, charged_s FROM daily_usage "
                                                 "WHERE child = ?1 AND dim = 0 AND day BETWEEN ?2 AND ?3 ORDER BY day");
    query.bind(1, child).bind(2, dayNumber(from)).bind(3, dayNumber(to));
    std::vector<DayTotal> totals;
    while (query.step()) {
        totals.push_back({dayFrom(query.integer(0)), seconds {query.integer(1)}, seconds {query.integer(2)}});
    }
    return totals;
}

std::vector<AppDayTotal> UsageReport::appsPerDay(std::int64_t child, LocalDate from, LocalDate to) const
{
    Statement query = m_store.database().prepare("SELECT day, key, active_s FROM daily_usage "
                                                 "WHERE child = ?1 AND dim = 1 AND day BETWEEN ?2 AND ?3");
    query.bind(1, child).bind(2, dayNumber(from)).bind(3, dayNumber(to));
    std::vector<AppDayTotal> totals;
    while (query.step()) {
        totals.push_back({dayFrom(query.integer(0)), query.integer(1), seconds {query.integer(2)}});
    }
    return totals;
}

std::vector<CategoryDayTotal> UsageReport::categoriesPerDay(std::int64_t child, LocalDate from, LocalDate to) const
{
    // Totals first (dim 0 sorts before dim 3), so each day's remainder is known when its
    // categories follow.
    Statement query = m_store.database().prepare("SELECT dim, day, key, active_s, charged_s FROM daily_usage "
                                                 "WHERE child = ?1 AND dim IN (0, 3) AND day BETWEEN ?2 AND ?3 "
                                                 "ORDER BY day, dim");
    query.bind(1, child).bind(2, dayNumber(from)).bind(3, dayNumber(to));
    std::vector<CategoryDayTotal> totals;
    // The open day's time not yet given to a category (no std::optional: GCC 12 warns falsely
    // about its string member).
    bool haveRest = false;
    CategoryDayTotal rest;
    const auto closeDay = [&] {
        if (haveRest && (rest.active > seconds {0} || rest.charged > seconds {0})) {
            totals.push_back(rest);
        }
        haveRest = false;
    };
    while (query.step()) {
        const LocalDate day = dayFrom(query.integer(1));
        const seconds active {query.integer(3)};
        const seconds charged {query.integer(4)};
        if (query.integer(0) == static_cast<int>(UsageDimension::Total)) {
            closeDay();
            rest = CategoryDayTotal {day, {}, active, charged};
            haveRest = true;
            continue;
        }
        totals.push_back({day, m_store.categoryById(query.integer(2)), active, charged});
        if (haveRest && rest.day == day) {
            rest.active = std::max(seconds {0}, rest.active - active);
            rest.charged = std::max(seconds {0}, rest.charged - charged);
        }
    }
    closeDay();
    // Each day's remainder goes in when the next day starts, so days are already in order unless
    // the rollups hold categories of a day without its total.
    std::stable_sort(totals.begin(), totals.end(),
        [](const CategoryDayTotal &a, const CategoryDayTotal &b) { return a.day < b.day; });
    return totals;
}

std::vector<DayTotal> UsageReport::keyDayTotals(
    std::int64_t child, UsageDimension dimension, std::int64_t key, LocalDate from, LocalDate to) const
{
    // One key lookup per day: a range read would step over every other app's (site's) rows.
    Statement query = m_store.database().prepare(
        "WITH RECURSIVE days(d) AS (SELECT ?2 UNION ALL SELECT d + 1 FROM days WHERE d < ?3) "
        "SELECT day, active_s, charged_s FROM days JOIN daily_usage "
        "ON child = ?1 AND dim = ?5 AND day = d AND key = ?4 ORDER BY day");
    query.bind(1, child)
        .bind(2, dayNumber(from))
        .bind(3, dayNumber(to))
        .bind(4, key)
        .bind(5, static_cast<int>(dimension));
    std::vector<DayTotal> totals;
    while (query.step()) {
        totals.push_back({dayFrom(query.integer(0)), seconds {query.integer(1)}, seconds {query.integer(2)}});
    }
    return totals;
}

std::vector<NamedTotal> UsageReport::top(
    std::int64_t child, UsageDimension dimension, LocalDate from, LocalDate to, int limit) const
{
    Statement query = m_store.database().prepare(
        "SELECT key, SUM(active_s) AS active, SUM(charged_s) FROM daily_usage "
        "WHERE child = ?1 AND dim = ?2 AND day BETWEEN ?3 AND ?4 GROUP BY key ORDER BY active DESC LIMIT ?5");
    query.bind(1, child)
        .bind(2, static_cast<int>(dimension))
        .bind(3, dayNumber(from))
        .bind(4, dayNumber(to))
        .bind(5, limit);
    std::vector<NamedTotal> totals;
    while (query.step()) {
        NamedTotal total {query.integer(0), {}, seconds {query.integer(1)}, seconds {query.integer(2)}};
        switch (dimension) {
        case UsageDimension::App: {
            const AppIdentity app = m_store.appById(total.id);
            total.name = !app.desktopId.empty() ? app.desktopId : !app.exe.empty() ? app.exe : "unknown app";
            break;
        }
        case UsageDimension::Domain:
            total.name = m_store.domainById(total.id);
            break;
        case UsageDimension::Category:
            total.name = m_store.categoryById(total.id);
            break;
        case UsageDimension::Total:
            total.name = "total";
            break;
        }
        totals.push_back(std::move(total));
    }
    return totals;
}

HourHeatmap UsageReport::hourHeatmap(std::int64_t child, LocalDate from, LocalDate to) const
{
    // 1970-01-01 was a Thursday (c_encoding 4).
    Statement query = m_store.database().prepare("SELECT (day + 4) % 7, hour, SUM(active_s) FROM hourly_usage "
                                                 "WHERE child = ?1 AND day BETWEEN ?2 AND ?3 GROUP BY 1, 2");
    query.bind(1, child).bind(2, dayNumber(from)).bind(3, dayNumber(to));
    HourHeatmap heatmap {};
    while (query.step()) {
        const auto weekday = static_cast<std::size_t>((query.integer(0) + 7) % 7);
        const auto hour = static_cast<std::size_t>(query.integer(1));
        if (hour < 24) {
            heatmap[weekday][hour] += seconds {query.integer(2)};
        }
    }
    return heatmap;
}

std::vector<TimelineEntry> UsageReport::timeline(std::int64_t child, LocalDate day) const
{
    Statement query
        = m_store.database().prepare("SELECT start, end, utc_offset, app, domain, title, flags "
                                     "FROM activity WHERE child = ?1 AND day = ?2 ORDER BY start, id LIMIT ?3");
    query.bind(1, child).bind(2, dayNumber(day)).bind(3, kMaxTimelineEntries);
    std::vector<TimelineEntry> entries;
    while (query.step()) {
        TimelineEntry entry;
        entry.span = {Instant {seconds {query.integer(0)}}, Instant {seconds {query.integer(1)}}};
        entry.utcOffset = seconds {query.integer(2)};
        entry.appId = query.integer(3);
        entry.app = m_store.appById(query.integer(3));
        entry.domain = m_store.domainById(query.integer(4));
        entry.title = m_store.titleById(query.integer(5));
        entry.flags = static_cast<int>(query.integer(6));
        entries.push_back(std::move(entry));
    }
    return entries;
}

} // namespace sundial::core
