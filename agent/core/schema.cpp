// SPDX-License-Identifier: GPL-3.0-or-later
// Changelog:
//   1  children, versioned rules, dictionaries (apps, domains, categories, titles), merged
//      activity intervals split at the child's day, daily rollups, grants, requests,
//      hash-chained audit log, meta.
//   2  hourly rollups (the hour-of-day heatmap). Rows recorded before version 2 are
//      attributed to the local hour their interval starts in.
#include "agent/core/schema.h"

namespace sundial::core
{

const std::vector<std::string_view> &schemaMigrations()
{
    static const std::vector<std::string_view> migrations {
        // 1
        R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE children(
    uid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    added_at INTEGER NOT NULL);
CREATE TABLE rules(
    id INTEGER PRIMARY KEY,
    child INTEGER NOT NULL,
    saved_at INTEGER NOT NULL,
    saved_by INTEGER NOT NULL,
    json TEXT NOT NULL);
CREATE INDEX rules_by_child ON rules(child, id);
CREATE TABLE apps(
    id INTEGER PRIMARY KEY,
    exe TEXT NOT NULL,
    desktop_id TEXT NOT NULL,
    category TEXT NOT NULL,
    UNIQUE(exe, desktop_id, category));
CREATE TABLE domains(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE categories(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE titles(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
CREATE TABLE activity(
    id INTEGER PRIMARY KEY,
    child INTEGER NOT NULL,
    day INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL,
    app INTEGER NOT NULL,
    domain INTEGER NOT NULL,
    title INTEGER NOT NULL,
    flags INTEGER NOT NULL);
CREATE INDEX activity_by_time ON activity(child, start);
CREATE TABLE daily_usage(
    child INTEGER NOT NULL,
    dim INTEGER NOT NULL,
    day INTEGER NOT NULL,
    key INTEGER NOT NULL,
    active_s INTEGER NOT NULL,
    charged_s INTEGER NOT NULL,
    PRIMARY KEY(child, dim, day, key)) WITHOUT ROWID;
CREATE TABLE grants(
    id INTEGER PRIMARY KEY,
    child INTEGER NOT NULL,
    day INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    until_minute INTEGER NOT NULL,
    granted_at INTEGER NOT NULL,
    granted_by INTEGER NOT NULL,
    note TEXT NOT NULL);
CREATE INDEX grants_by_day ON grants(child, day);
CREATE TABLE requests(
    id INTEGER PRIMARY KEY,
    child INTEGER NOT NULL,
    asked_at INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    reason TEXT NOT NULL,
    state INTEGER NOT NULL,
    answered_at INTEGER,
    answered_by INTEGER,
    granted_minutes INTEGER);
CREATE TABLE audit(
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    child INTEGER NOT NULL,
    actor INTEGER NOT NULL,
    detail TEXT NOT NULL,
    hash BLOB NOT NULL);
)sql",
        // 2
        R"sql(
CREATE TABLE hourly_usage(
    child INTEGER NOT NULL,
    day INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    active_s INTEGER NOT NULL,
    charged_s INTEGER NOT NULL,
    PRIMARY KEY(child, day, hour)) WITHOUT ROWID;
INSERT INTO hourly_usage(child, day, hour, active_s, charged_s)
    SELECT child, day, ((start + utc_offset) % 86400 + 86400) % 86400 / 3600,
           SUM(CASE WHEN flags & 1 THEN end - start ELSE 0 END),
           SUM(CASE WHEN flags & 2 THEN end - start ELSE 0 END)
    FROM activity GROUP BY 1, 2, 3;
)sql",
    };
    return migrations;
}

const std::vector<std::string_view> &salvageableTables()
{
    static const std::vector<std::string_view> tables {"meta", "children", "rules", "apps", "domains", "categories",
        "titles", "grants", "requests", "daily_usage", "hourly_usage", "activity", "audit"};
    return tables;
}

} // namespace sundial::core
