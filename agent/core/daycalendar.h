// SPDX-License-Identifier: GPL-3.0-or-later
// DayCalendar: which child's day an instant belongs to. A day D runs from dayStart on date D
// to dayStart on date D+1 (23 or 25 hours on DST days).
#pragma once

#include <vector>

#include "agent/core/timezone.h"

namespace sundial::core
{

// A half-open stretch of time [start, end).
struct TimeSpan {
    Instant start;
    Instant end;

    std::chrono::seconds length() const { return end > start ? end - start : std::chrono::seconds {0}; }
    bool contains(Instant at) const { return start <= at && at < end; }
    bool operator==(const TimeSpan &) const = default;
};

// A piece of a span that lies within one day and one local hour.
struct DayHourPiece {
    LocalDate day;
    int localHour; // 0..23, the wall-clock hour the piece starts in
    TimeSpan span;
};

class DayCalendar
{
public:
    // `zone` must outlive the calendar.
    DayCalendar(const TimeZone &zone, TimeOfDay dayStart);

    LocalDate dayOf(Instant at) const;
    Instant startOf(LocalDate day) const;
    Instant endOf(LocalDate day) const { return startOf(day + std::chrono::days {1}); }
    // The first day of the week that contains `day`.
    static LocalDate weekStart(LocalDate day, std::chrono::weekday firstWeekday);

    // Cuts [start, end) at every day boundary and every local hour boundary, in order.
    std::vector<DayHourPiece> split(TimeSpan span) const;

    const TimeZone &zone() const { return *m_zone; }
    TimeOfDay dayStart() const { return m_dayStart; }

private:
    const TimeZone *m_zone;
    TimeOfDay m_dayStart;
};

} // namespace sundial::core
