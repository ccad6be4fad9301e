// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/refusalmessage.h"

#include <array>
#include <string_view>

namespace sundial::logincheck
{

namespace
{

// "15:00", "tomorrow at 15:00" or "Monday at 15:00", in the local time zone (as the service's
// reasons say it).
std::string momentText(std::time_t at, std::time_t now)
{
    std::tm today {};
    std::tm then {};
    localtime_r(&now, &today);
    localtime_r(&at, &then);
    std::tm tomorrow = today;
    tomorrow.tm_mday += 1;
    tomorrow.tm_hour = 12; // away from any DST change
    tomorrow.tm_isdst = -1;
    const std::time_t noonTomorrow = std::mktime(&tomorrow);
    localtime_r(&noonTomorrow, &tomorrow);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M", &then);
    const auto sameDate
        = [](const std::tm &a, const std::tm &b) { return a.tm_year == b.tm_year && a.tm_yday == b.tm_yday; };
    if (sameDate(then, today)) {
        return clock;
    }
    if (sameDate(then, tomorrow)) {
        return std::string {"tomorrow at "} + clock;
    }
    char weekday[32];
    std::strftime(weekday, sizeof weekday, "%A", &then);
    return std::string {weekday} + " at " + clock;
}

// "3 h", "1 h 30 min", "45 min", "30 s": as the service and the child's window say it.
std::string durationText(std::int64_t seconds)
{
    if (seconds < 60) {
        return std::to_string(seconds) + " s";
    }
    const std::int64_t hours = seconds / 3600;
    const std::int64_t minutes = seconds % 3600 / 60;
    if (hours == 0) {
        return std::to_string(minutes) + " min";
    }
    return std::to_string(hours) + " h" + (minutes == 0 ? "" : " " + std::to_string(minutes) + " min");
}

// Why there is no screen time, from the reason's parts; the service's own words only for a kind
// this check does not know (a newer service).
std::string reasonText(const AccountStatus &status, std::time_t now)
{
    static constexpr std::array<std::string_view, 7> kWeekdays {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    const std::string extra
        = status.reasonExtraSeconds > 0 ? " and " + durationText(status.reasonExtraSeconds) + " extra" : "";
    if (status.reasonKind == "day-budget-used-up") {
        const std::string_view day = kWeekdays.at(
            static_cast<std::size_t>(status.reasonWeekday >= 0 && status.reasonWeekday < 7 ? status.reasonWeekday : 0));
        return std::string {day} + "'s " + durationText(status.reasonBudgetSeconds) + extra + " are used up";
    }
    if (status.reasonKind == "week-budget-used-up") {
        return "this week's " + durationText(status.reasonBudgetSeconds) + " are used up";
    }
    if (status.reasonKind == "outside-hours") {
        return status.reasonAt > 0
            ? "outside allowed hours; next allowed at " + momentText(static_cast<std::time_t>(status.reasonAt), now)
            : std::string {"outside allowed hours"};
    }
    return status.reason.empty() ? std::string {"not allowed"} : status.reason;
}

std::string_view trimmed(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\n\v\f\r";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

} // namespace

std::string refusalMessage(const AccountStatus &status, std::time_t now)
{
    std::string text = "Sundial: no screen time now — " + reasonText(status, now) + ".\n";
    // An outside-hours reason already names the next allowed time. Otherwise nextChangeAt is
    // the earliest moment the verdict can change by the rules alone, so it is a true lower bound.
    const bool saysNextAllowed = status.reasonKind == "outside-hours" && status.reasonAt > 0;
    if (!saysNextAllowed && status.nextChangeAt > now) {
        text += "Next allowed: not before " + momentText(static_cast<std::time_t>(status.nextChangeAt), now)
            + ", unless a parent allows it sooner.\n";
    }
    std::string help;
    for (const std::string *value : {&status.helpLineName, &status.helpLinePhone, &status.helpLineUrl}) {
        if (const std::string_view part = trimmed(*value); !part.empty()) {
            help += (help.empty() ? "" : ", ") + std::string {part};
        }
    }
    if (!help.empty()) {
        text += "If you need someone to talk to: " + help + "\n";
    }
    return text;
}

} // namespace sundial::logincheck
