// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/rulesflags.h"

#include <chrono>

namespace sundial::ctl
{

namespace
{

using std::chrono::minutes;

core::Error flagError(const std::string &flag, const std::string &value, const std::string &expected)
{
    return core::Error {flag, "\"" + value + "\" is not " + expected};
}

std::optional<std::chrono::weekday> parseDay(const std::string &text)
{
    static const char *const kShort[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
    for (unsigned i = 0; i < 7; ++i) {
        if (text == kShort[i]) {
            return std::chrono::weekday {i};
        }
    }
    return core::parseWeekdayKey(text);
}

core::Result<std::optional<minutes>> parseBudget(const std::string &flag, const std::string &text)
{
    if (text == "unlimited") {
        return std::optional<minutes> {};
    }
    const auto duration = core::parseDuration(text);
    if (!duration || duration->count() % 60 != 0) {
        return flagError(flag, text, "a duration such as 2h, 90m or 1h30m (or \"unlimited\")");
    }
    return std::optional<minutes> {std::chrono::duration_cast<minutes>(*duration)};
}

core::Result<std::vector<core::AllowedWindow>> parseWindows(const std::string &flag, const std::string &text)
{
    std::vector<core::AllowedWindow> windows;
    if (text == "any") {
        return windows;
    }
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        const std::size_t dash = item.find('-');
        const auto from = dash == std::string::npos ? std::nullopt : core::parseTimeOfDay(item.substr(0, dash));
        const auto to = dash == std::string::npos ? std::nullopt : core::parseTimeOfDay(item.substr(dash + 1), true);
        if (!from || !to) {
            return flagError(flag, item, "a window such as 07:00-08:00 (several separated by commas, or \"any\")");
        }
        windows.push_back({*from, *to == minutes {24 * 60} ? minutes {0} : *to});
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    return windows;
}

// Splits "sat=3h" into the weekday and the value.
core::Result<std::pair<std::chrono::weekday, std::string>> dayAssignment(
    const std::string &flag, const std::string &text)
{
    const std::size_t equals = text.find('=');
    const auto day = equals == std::string::npos ? std::nullopt : parseDay(text.substr(0, equals));
    if (!day) {
        return flagError(flag, text, "DAY=VALUE with DAY one of mon, tue, wed, thu, fri, sat, sun");
    }
    return std::pair {*day, text.substr(equals + 1)};
}

} // namespace

core::Status applyRulesFlags(core::Rules &rules, const std::vector<std::string> &arguments)
{
    for (std::size_t i = 0; i < arguments.size(); i += 2) {
        const std::string &flag = arguments[i];
        if (i + 1 >= arguments.size()) {
            return core::Error {flag, "needs a value"};
        }
        const std::string &value = arguments[i + 1];
        if (flag == "--daily") {
            auto budget = parseBudget(flag, value);
            if (!budget) {
                return budget.error();
            }
            for (auto &day : rules.days) {
                day.budget = *budget;
            }
        } else if (flag == "--weekday") {
            auto assignment = dayAssignment(flag, value);
            if (!assignment) {
                return assignment.error();
            }
            auto budget = parseBudget(flag, assignment->second);
            if (!budget) {
                return budget.error();
            }
            rules.day(assignment->first).budget = *budget;
        } else if (flag == "--allow") {
            auto windows = parseWindows(flag, value);
            if (!windows) {
                return windows.error();
            }
            for (auto &day : rules.days) {
                day.windows = *windows;
            }
        } else if (flag == "--allow-on") {
            auto assignment = dayAssignment(flag, value);
            if (!assignment) {
                return assignment.error();
            }
            auto windows = parseWindows(flag, assignment->second);
            if (!windows) {
                return windows.error();
            }
            rules.day(assignment->first).windows = *windows;
        } else if (flag == "--weekly") {
            auto budget = parseBudget(flag, value);
            if (!budget) {
                return budget.error();
            }
            rules.weeklyBudget = *budget;
        } else if (flag == "--day-start") {
            const auto time = core::parseTimeOfDay(value);
            if (!time) {
                return flagError(flag, value, "a time of day such as 04:00");
            }
            rules.dayStart = *time;
        } else if (flag == "--warnings") {
            std::vector<minutes> warnings;
            std::size_t start = 0;
            while (start < value.size()) {
                const std::size_t comma = value.find(',', start);
                const std::string item = value.substr(start, comma - start);
                if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos || item.size() > 4) {
                    return flagError(flag, value, "a list of minutes such as 15,5,1");
                }
                warnings.push_back(minutes {std::stoi(item)});
                start = comma == std::string::npos ? value.size() : comma + 1;
            }
            rules.warnings = warnings;
        } else if (flag == "--lockout") {
            if (value == "lock") {
                rules.lockout.action = core::LockoutAction::Lock;
            } else if (value == "logout") {
                rules.lockout.action = core::LockoutAction::Logout;
            } else if (value == "suspend") {
                rules.lockout.action = core::LockoutAction::Suspend;
            } else {
                return flagError(flag, value, "lock, logout or suspend");
            }
        } else {
            return core::Error {flag, "is not a rules flag (see sundialctl rules --help)"};
        }
    }
    return core::validateRules(rules);
}

} // namespace sundial::ctl
