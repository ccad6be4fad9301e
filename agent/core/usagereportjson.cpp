// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/usagereportjson.h"

#include <nlohmann/json.hpp>

namespace sundial::core
{

std::string usageReportJson(const UsageReport &report, std::int64_t child, LocalDate from, LocalDate to, int topLimit)
{
    using nlohmann::json;
    json out = {{"from", formatDate(from)}, {"to", formatDate(to)}, {"days", json::array()}};
    for (const DayTotal &total : report.dayTotals(child, from, to)) {
        out["days"].push_back({{"day", formatDate(total.day)}, {"activeSeconds", total.active.count()},
            {"chargedSeconds", total.charged.count()}});
    }
    for (const auto &[key, dimension] : {std::pair {"apps", UsageDimension::App},
             std::pair {"sites", UsageDimension::Domain}, std::pair {"categories", UsageDimension::Category}}) {
        json items = json::array();
        for (const NamedTotal &item : report.top(child, dimension, from, to, topLimit)) {
            json entry = {
                {"name", item.name}, {"activeSeconds", item.active.count()}, {"chargedSeconds", item.charged.count()}};
            if (dimension != UsageDimension::Category) {
                entry["id"] = item.id; // for Admin.AppUsage / SiteUsage, and the timeline's appId
            }
            items.push_back(std::move(entry));
        }
        out[key] = std::move(items);
    }
    json categoryDays = json::array();
    for (const CategoryDayTotal &total : report.categoriesPerDay(child, from, to)) {
        categoryDays.push_back({{"day", formatDate(total.day)}, {"category", total.category},
            {"activeSeconds", total.active.count()}, {"chargedSeconds", total.charged.count()}});
    }
    out["categoryDays"] = std::move(categoryDays);
    json hours = json::array();
    for (const auto &weekday : report.hourHeatmap(child, from, to)) {
        json row = json::array();
        for (const std::chrono::seconds cell : weekday) {
            row.push_back(cell.count());
        }
        hours.push_back(std::move(row));
    }
    out["hours"] = std::move(hours);
    // Names come from helpers and desktop files: replace, never throw, on a broken sequence.
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace sundial::core
