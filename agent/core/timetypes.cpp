// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/timetypes.h"

#include <array>
#include <cstdio>

namespace sundial::core
{

namespace
{

constexpr std::array<std::string_view, 7> kWeekdayKeys {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 7> kWeekdayNames {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::optional<TimeOfDay> parseTimeOfDay(std::string_view text, bool allowEndOfDay)
{
    if (text.size() != 5 || text[2] != ':' || !isDigit(text[0]) || !isDigit(text[1]) || !isDigit(text[3])
        || !isDigit(text[4])) {
        return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (minutes > 59) {
        return std::nullopt;
    }
    if (hours == 24 && minutes == 0 && allowEndOfDay) {
        return TimeOfDay {24 * 60};
    }
    if (hours > 23) {
        return std::nullopt;
    }
    return TimeOfDay {hours * 60 + minutes};
}

std::string formatTimeOfDay(TimeOfDay time)
{
    char text[8];
    std::snprintf(
        text, sizeof text, "%02d:%02d", static_cast<int>(time.count() / 60 % 100), static_cast<int>(time.count() % 60));
    return text;
}

std::string formatDate(LocalDate date)
{
    const std::chrono::year_month_day ymd {date};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
        static_cast<unsigned>(ymd.day()));
    return text;
}

std::optional<LocalDate> parseDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int parts[3] = {0, 0, 0};
    const size_t starts[3] = {0, 5, 8};
    const size_t lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i) {
        for (size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (!isDigit(c)) {
                return std::nullopt;
            }
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    const std::chrono::year_month_day ymd {
        std::chrono::year {parts[0]}, std::chrono::month {unsigned(parts[1])}, std::chrono::day {unsigned(parts[2])}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return LocalDate {ymd};
}

std::string_view weekdayKey(std::chrono::weekday day)
{
    return kWeekdayKeys[day.c_encoding()];
}

std::string_view weekdayName(std::chrono::weekday day)
{
    return kWeekdayNames[day.c_encoding()];
}

std::optional<std::chrono::weekday> parseWeekdayKey(std::string_view text)
{
    for (unsigned i = 0; i < kWeekdayKeys.size(); ++i) {
        if (kWeekdayKeys[i] == text) {
            return std::chrono::weekday {i};
        }
    }
    return std::nullopt;
}

std::string formatDuration(std::chrono::seconds duration)
{
    const auto total = duration.count();
    if (total < 60) {
        return std::to_string(total) + " s";
    }
    const auto hours = total / 3600;
    const auto minutes = (total % 3600) / 60;
    if (hours == 0) {
        return std::to_string(minutes) + " min";
    }
    if (minutes == 0) {
        return std::to_string(hours) + " h";
    }
    return std::to_string(hours) + " h " + std::to_string(minutes) + " min";
}

std::optional<std::chrono::seconds> parseDuration(std::string_view text)
{
    long long total = 0;
    long long number = -1;
    bool sawUnit = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c)) {
            number = (number < 0 ? 0 : number) * 10 + (c - '0');
            if (number > 100'000'000) {
                return std::nullopt;
            }
        } else if (c == 'h' || c == 'm' || c == 's') {
            if (number < 0) {
                return std::nullopt;
            }
            total += number * (c == 'h' ? 3600 : c == 'm' ? 60 : 1);
            number = -1;
            sawUnit = true;
            // Accept the long forms "min" and "h" followed by spaces.
            if (c == 'm' && text.substr(i, 3) == "min") {
                i += 2;
            }
        } else if (c == ' ') {
            continue;
        } else {
            return std::nullopt;
        }
    }
    if (number >= 0) {
        if (sawUnit) {
            return std::nullopt; // "1h30" is ambiguous
        }
        total = number * 60;
    } else if (!sawUnit) {
        return std::nullopt;
    }
    return std::chrono::seconds {total};
}

} // namespace sundial::core
