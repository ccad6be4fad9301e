// SPDX-License-Identifier: GPL-3.0-or-later
// ActivityStore: the dictionaries, merged activity rows and per-day rollups of every child.
// Writes come in batches (one transaction each); nothing here writes one row per heartbeat.
#pragma once

#include <functional>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/daycalendar.h"
#include "agent/core/heartbeat.h"

namespace sundial::core
{

// The dimensions of daily_usage.dim.
enum class UsageDimension { Total = 0, App = 1, Domain = 2, Category = 3 };

struct UsageDelta {
    std::chrono::seconds active {0};
    std::chrono::seconds charged {0};
};

// One activity row: a merged interval within one child's day.
struct ActivityRow {
    std::int64_t id = 0; // 0 = not written yet
    LocalDate day {};
    TimeSpan span;
    std::chrono::seconds utcOffset {0};
    ActivityKey key;
};

struct ActivityBatch {
    std::int64_t child = 0;
    std::vector<ActivityRow *> rows; // inserted when id == 0 (the id is filled in), else updated
    std::map<std::tuple<int, std::int64_t, std::int64_t>, UsageDelta> daily; // (dim, day, key)
    std::map<std::pair<std::int64_t, int>, UsageDelta> hourly; // (day, hour)
    bool empty() const { return rows.empty() && daily.empty() && hourly.empty(); }
};

class ActivityStore
{
public:
    explicit ActivityStore(Database &db);

    // Dictionary ids, created on first use; 0 for an empty value. Values are cleaned to UTF-8
    // and cut at the text.h limits before they are stored.
    std::int64_t appId(const AppIdentity &app);
    std::int64_t domainId(std::string_view domain);
    std::int64_t categoryId(std::string_view category);
    std::int64_t titleId(std::string_view title);

    // Whether the value already has an id this run (asking creates nothing): what a new-name
    // limit counts. A value stored before a restart counts once more after it.
    bool knowsApp(const AppIdentity &app) const;
    bool knowsDomain(std::string_view domain) const;
    bool knowsTitle(std::string_view title) const;

    AppIdentity appById(std::int64_t id) const;
    std::string domainById(std::int64_t id) const;
    std::string categoryById(std::int64_t id) const;
    std::string titleById(std::int64_t id) const;

    // Writes the batch in one transaction, adding the deltas to the rollups. `alsoWrite`, if
    // given, runs inside the same transaction after the batch (even an empty one), so other state
    // saved at the same moment costs no second synced commit; its failure rolls back all.
    Status write(ActivityBatch &batch, const std::function<Status()> &alsoWrite = {});

    // Deletes activity rows that ended before `activityBefore` and rollups of days before
    // `dailyBefore`. Returns the number of rows deleted.
    Result<std::int64_t> purge(std::int64_t child, Instant activityBefore, LocalDate dailyBefore);

    Database &database() { return m_db; }

private:
    struct Dictionary {
        std::unordered_map<std::string, std::int64_t> ids;
        std::unordered_map<std::int64_t, std::string> values;
    };
    std::int64_t intern(Dictionary &dictionary, const char *table, const char *column, std::string_view value);
    std::string lookup(const Dictionary &dictionary, const char *table, const char *column, std::int64_t id) const;

    Database &m_db;
    Dictionary m_domains;
    Dictionary m_categories;
    Dictionary m_titles;
    std::unordered_map<std::string, std::int64_t> m_appIds;
    mutable std::unordered_map<std::int64_t, AppIdentity> m_apps;
    Statement m_insertRow;
    Statement m_updateRow;
    Statement m_addDaily;
    Statement m_addHourly;
};

} // namespace sundial::core
