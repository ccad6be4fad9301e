// SPDX-License-Identifier: GPL-3.0-or-later
// The time vocabulary of the core: instants, local dates, times of day.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sundial::core
{

// A moment in UTC, second precision. Counting never needs finer grain.
using Instant = std::chrono::sys_seconds;
// A local calendar date (days since 1970-01-01 in the local calendar, no zone attached).
using LocalDate = std::chrono::sys_days;
// Minutes since local midnight, 0 .. 1439.
using TimeOfDay = std::chrono::minutes;

// A wall-clock reading in the child's time zone.
struct LocalDateTime {
    LocalDate date;
    std::chrono::seconds sinceMidnight; // 0 .. 86399
    std::chrono::seconds utcOffset; // offset in force at that instant

    std::chrono::weekday weekday() const { return std::chrono::weekday {date}; }
};

// "HH:MM" with HH 00..23 and MM 00..59 (also "24:00" when allowEndOfDay), or nullopt.
std::optional<TimeOfDay> parseTimeOfDay(std::string_view text, bool allowEndOfDay = false);
// "HH:MM", always two digits each.
std::string formatTimeOfDay(TimeOfDay time);
// "2025-03-30".
std::string formatDate(LocalDate date);
// Parses "2025-03-30"; nullopt if not a valid calendar date.
std::optional<LocalDate> parseDate(std::string_view text);
// "monday" .. "sunday" (lower case English, as in the JSON rules).
std::string_view weekdayKey(std::chrono::weekday day);
// "Monday" .. "Sunday", for sentences.
std::string_view weekdayName(std::chrono::weekday day);
std::optional<std::chrono::weekday> parseWeekdayKey(std::string_view text);
// Human durations for reasons and reports: "2 h", "1 h 30 min", "45 min", "30 s".
std::string formatDuration(std::chrono::seconds duration);
// Parses "90", "90m", "2h", "1h30m", "45s", "1h 30m" into seconds; plain numbers are minutes.
// nullopt on anything else or on negative values.
std::optional<std::chrono::seconds> parseDuration(std::string_view text);

} // namespace sundial::core
