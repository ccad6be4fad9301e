// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/refusalmessage.h"

#include <array>
#include <initializer_list>
#include <string_view>

namespace sundial::logincheck
{

namespace
{

// The refusal's words in one language. "%1", "%2", "%3" stand for what the comment names, in
// that order; the Vietnamese follows the child's window (resources/translations/sundial_vi.ts)
// and its review: the child is "em", a budget is "hạn mức", a moment is "07:00 Thứ Hai".
struct RefusalWords {
    std::array<std::string_view, 7> weekdays; // 0 = Sunday
    std::string_view tomorrowAt; // the clock
    std::string_view weekdayAt; // the weekday, the clock
    std::string_view seconds; // the number
    std::string_view minutes; // the number
    std::string_view hours; // the number
    std::string_view hoursAndMinutes; // hours, minutes
    std::string_view dayBudgetUsedUp; // the weekday, the budget
    std::string_view noScreenTimeOn; // the weekday (its budget is 0)
    std::string_view dayBudgetAndExtraUsedUp; // the weekday, the budget, the extra time
    std::string_view weekBudgetUsedUp; // the budget
    std::string_view outsideHoursUntil; // the next allowed moment
    std::string_view outsideHours;
    std::string_view notAllowed;
    std::string_view refusal; // the reason
    std::string_view nextAllowed; // the moment
};

constexpr RefusalWords kEnglish {
    {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    "tomorrow at %1",
    "%1 at %2",
    "%1 s",
    "%1 min",
    "%1 h",
    "%1 h %2 min",
    "%1's %2 are used up",
    "no screen time on %1",
    "%1's %2 and %3 extra are used up",
    "this week's %1 are used up",
    "outside allowed hours; next allowed at %1",
    "outside allowed hours",
    "not allowed",
    "Sundial: no screen time now — %1.\n",
    "Next allowed: not before %1, unless a parent allows it sooner.\n",
};

constexpr RefusalWords kVietnamese {
    {"Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"},
    "%1 ngày mai",
    "%2 %1",
    "%1 giây",
    "%1 phút",
    "%1 giờ",
    "%1 giờ %2 phút",
    "Em đã dùng hết hạn mức %2 của %1",
    "%1 không có giờ dùng máy",
    "Em đã dùng hết hạn mức %2 (thêm %3) của %1",
    "Em đã dùng hết hạn mức %1 của tuần này",
    "Bây giờ ngoài giờ được dùng máy; em được dùng lại lúc %1",
    "Bây giờ ngoài giờ được dùng máy",
    "Bây giờ em chưa được dùng máy",
    "Sundial: Tạm thời hết giờ rồi. %1.\n",
    "Em được dùng máy lại sớm nhất lúc %1, trừ khi bố mẹ cho phép sớm hơn.\n",
};

const RefusalWords &wordsOf(MessageLanguage language)
{
    return language == MessageLanguage::Vietnamese ? kVietnamese : kEnglish;
}

// `pattern` with "%1".."%9" replaced by the arguments, in one pass: an argument that contains
// "%2" stays as it is.
std::string filled(std::string_view pattern, std::initializer_list<std::string_view> arguments)
{
    std::string text;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto index = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (index < arguments.size()) {
                text += arguments.begin()[index];
                ++i;
                continue;
            }
        }
        text += pattern[i];
    }
    return text;
}

std::string_view weekdayName(std::int64_t weekday, const RefusalWords &words)
{
    return words.weekdays.at(static_cast<std::size_t>(weekday >= 0 && weekday < 7 ? weekday : 0));
}

// "15:00", "tomorrow at 15:00" or "Monday at 15:00" ("15:00 ngày mai", "15:00 Thứ Hai"), in the
// local time zone (as the service's reasons say it).
std::string momentText(std::time_t at, std::time_t now, const RefusalWords &words)
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
        return filled(words.tomorrowAt, {clock});
    }
    return filled(words.weekdayAt, {weekdayName(then.tm_wday, words), clock});
}

// "3 h", "1 h 30 min", "45 min", "30 s" ("3 giờ", "1 giờ 30 phút"): as the service and the
// child's window say it.
std::string durationText(std::int64_t seconds, const RefusalWords &words)
{
    if (seconds < 60) {
        return filled(words.seconds, {std::to_string(seconds)});
    }
    const std::int64_t hours = seconds / 3600;
    const std::int64_t minutes = seconds % 3600 / 60;
    if (hours == 0) {
        return filled(words.minutes, {std::to_string(minutes)});
    }
    return minutes == 0 ? filled(words.hours, {std::to_string(hours)})
                        : filled(words.hoursAndMinutes, {std::to_string(hours), std::to_string(minutes)});
}

// Why there is no screen time, from the reason's parts; the service's own words (English) only
// for a kind this check does not know (a newer service).
std::string reasonText(const AccountStatus &status, std::time_t now, const RefusalWords &words)
{
    if (status.reasonKind == "day-budget-used-up") {
        const std::string_view day = weekdayName(status.reasonWeekday, words);
        const std::string budget = durationText(status.reasonBudgetSeconds, words);
        if (status.reasonExtraSeconds > 0) {
            return filled(words.dayBudgetAndExtraUsedUp, {day, budget, durationText(status.reasonExtraSeconds, words)});
        }
        // A day with a budget of 0 has nothing to use up.
        return status.reasonBudgetSeconds == 0 ? filled(words.noScreenTimeOn, {day})
                                               : filled(words.dayBudgetUsedUp, {day, budget});
    }
    if (status.reasonKind == "week-budget-used-up") {
        return filled(words.weekBudgetUsedUp, {durationText(status.reasonBudgetSeconds, words)});
    }
    if (status.reasonKind == "outside-hours") {
        return status.reasonAt > 0
            ? filled(words.outsideHoursUntil, {momentText(static_cast<std::time_t>(status.reasonAt), now, words)})
            : std::string {words.outsideHours};
    }
    return status.reason.empty() ? std::string {words.notAllowed} : status.reason;
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

// The non-empty parts, trimmed, joined by ", ".
std::string listed(std::initializer_list<const std::string *> parts)
{
    std::string list;
    for (const std::string *value : parts) {
        if (const std::string_view part = trimmed(*value); !part.empty()) {
            list += (list.empty() ? "" : ", ") + std::string {part};
        }
    }
    return list;
}

// The help line, or nothing when the rules name none. English lists what the rules give
// ("name, number, address"); Vietnamese says what to do first, as the child's window does:
// "Gọi <number> (name, address)".
std::string helpLineText(const AccountStatus &status, MessageLanguage language)
{
    if (language == MessageLanguage::English) {
        const std::string help = listed({&status.helpLineName, &status.helpLinePhone, &status.helpLineUrl});
        return help.empty() ? "" : "If you need someone to talk to: " + help + "\n";
    }
    const std::string_view phone = trimmed(status.helpLinePhone);
    const std::string others = listed({&status.helpLineName, &status.helpLineUrl});
    if (phone.empty()) {
        return others.empty() ? "" : "Em cần ai đó lắng nghe? " + others + "\n";
    }
    return "Em cần ai đó lắng nghe? Gọi " + std::string {phone} + (others.empty() ? "" : " (" + others + ")") + "\n";
}

} // namespace

std::string refusalMessage(const AccountStatus &status, std::time_t now, MessageLanguage language)
{
    const RefusalWords &words = wordsOf(language);
    std::string text = filled(words.refusal, {reasonText(status, now, words)});
    // An outside-hours reason already names the next allowed time. Otherwise nextChangeAt is
    // the earliest moment the verdict can change by the rules alone, so it is a true lower bound.
    const bool saysNextAllowed = status.reasonKind == "outside-hours" && status.reasonAt > 0;
    if (!saysNextAllowed && status.nextChangeAt > now) {
        text += filled(words.nextAllowed, {momentText(static_cast<std::time_t>(status.nextChangeAt), now, words)});
    }
    return text + helpLineText(status, language);
}

} // namespace sundial::logincheck
