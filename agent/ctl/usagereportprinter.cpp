// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/usagereportprinter.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "agent/core/timetypes.h"

namespace sundial::ctl
{

namespace
{

constexpr std::size_t kTopShown = 10;

std::string duration(const nlohmann::json &seconds)
{
    return core::formatDuration(std::chrono::seconds {seconds.get<long long>()});
}

} // namespace

bool printUsageReport(const std::string &reportJson, const std::string &format, std::ostream &out)
{
    const nlohmann::json report = nlohmann::json::parse(reportJson, nullptr, false);
    if (report.is_discarded() || !report.contains("days")) {
        return false;
    }
    if (format == "json") {
        out << report.dump(2) << "\n";
        return true;
    }
    if (format == "csv") {
        out << "day,active_seconds,charged_seconds\n";
        for (const auto &day : report.at("days")) {
            out << day.at("day").get<std::string>() << "," << day.at("activeSeconds").get<long long>() << ","
                << day.at("chargedSeconds").get<long long>() << "\n";
        }
        return true;
    }
    if (format != "table") {
        return false;
    }
    out << "Screen time " << report.value("from", std::string {}) << " to " << report.value("to", std::string {})
        << "\n";
    for (const auto &day : report.at("days")) {
        const std::string date = day.at("day").get<std::string>();
        const auto parsed = core::parseDate(date);
        const long long charged = day.at("chargedSeconds").get<long long>();
        const auto bar = static_cast<std::size_t>(std::clamp(charged / 600, 0LL, 40LL)); // a # per 10 min
        out << "  " << date << " " << (parsed ? core::weekdayName(std::chrono::weekday {*parsed}).substr(0, 3) : "")
            << "  " << std::string(bar, '#') << " " << duration(day.at("chargedSeconds")) << "\n";
    }
    for (const auto &[key, title] : {std::pair {"apps", "Top apps"}, std::pair {"sites", "Top sites"}}) {
        out << title << ":\n";
        const auto &items = report.value(key, nlohmann::json::array());
        for (std::size_t i = 0; i < std::min(items.size(), kTopShown); ++i) {
            out << "  " << duration(items[i].at("activeSeconds")) << "\t" << items[i].at("name").get<std::string>()
                << "\n";
        }
    }
    return true;
}

} // namespace sundial::ctl
