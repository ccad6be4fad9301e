// SPDX-License-Identifier: GPL-3.0-or-later
// UsageReport: the dashboard's summary queries over a range of days, read from the rollups
// (never from raw activity), so a year answers in milliseconds.
#pragma once

#include <array>
#include <vector>

#include "agent/core/activitystore.h"

namespace sundial::core
{

struct DayTotal {
    LocalDate day {};
    std::chrono::seconds active {0};
    std::chrono::seconds charged {0};
};

struct AppDayTotal {
    LocalDate day {};
    std::int64_t app = 0;
    std::chrono::seconds active {0};
};

// One category's seconds on one day. An empty name is time in apps without a category (no
// report carries one yet: desktop files are not read).
struct CategoryDayTotal {
    LocalDate day {};
    std::string category;
    std::chrono::seconds active {0};
    std::chrono::seconds charged {0};
};

struct NamedTotal {
    std::int64_t id = 0;
    std::string name; // domain or category; for apps the desktop id, else the executable
    std::chrono::seconds active {0};
    std::chrono::seconds charged {0};
};

// Active seconds by weekday (c_encoding: 0 = Sunday) and local hour.
using HourHeatmap = std::array<std::array<std::chrono::seconds, 24>, 7>;

struct TimelineEntry {
    TimeSpan span;
    std::chrono::seconds utcOffset {0};
    std::int64_t appId = 0; // as NamedTotal::id of UsageDimension::App
    AppIdentity app;
    std::string domain;
    std::string title; // title or URL, only when they were recorded
    int flags = 0; // ActivityFlag bits
};

class UsageReport
{
public:
    explicit UsageReport(ActivityStore &store);

    // Inclusive ranges of the child's days.
    std::vector<DayTotal> dayTotals(std::int64_t child, LocalDate from, LocalDate to) const;
    std::vector<AppDayTotal> appsPerDay(std::int64_t child, LocalDate from, LocalDate to) const;
    // Each day's time split by category, in day order; per day the categories' seconds add up
    // to the day's total (the rest, in apps without a category, under the empty name). Days
    // without use are left out. Two range reads of the rollups.
    std::vector<CategoryDayTotal> categoriesPerDay(std::int64_t child, LocalDate from, LocalDate to) const;
    // One app's or site's time per day (`key`: NamedTotal::id from top() of that dimension), in
    // day order; days without it are left out.
    std::vector<DayTotal> keyDayTotals(
        std::int64_t child, UsageDimension dimension, std::int64_t key, LocalDate from, LocalDate to) const;
    std::vector<NamedTotal> top(
        std::int64_t child, UsageDimension dimension, LocalDate from, LocalDate to, int limit) const;
    HourHeatmap hourHeatmap(std::int64_t child, LocalDate from, LocalDate to) const;
    // A day's timeline holds at most this many rows. A day has at most one row for each second a
    // report changed the app, site, title or idleness, so a client that flips between two apps
    // every second could make 86 400 of them: a reply of tens of megabytes built in the service's
    // memory. A real day has a few hundred to a few thousand.
    static constexpr int kMaxTimelineEntries = 20'000;

    // The day's activity rows in time order, for looking into an incident; the first
    // kMaxTimelineEntries of them. The day's totals always count every row.
    std::vector<TimelineEntry> timeline(std::int64_t child, LocalDate day) const;

private:
    ActivityStore &m_store;
};

} // namespace sundial::core
