// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/daycalendar.h"

#include <algorithm>

namespace sundial::core
{

using std::chrono::days;
using std::chrono::seconds;

DayCalendar::DayCalendar(const TimeZone &zone, TimeOfDay dayStart)
    : m_zone(&zone)
    , m_dayStart(dayStart)
{
}

LocalDate DayCalendar::dayOf(Instant at) const
{
    const LocalDateTime local = m_zone->toLocal(at);
    // Compare instants, not wall readings: on a fall-back day the wall clock repeats.
    return at < startOf(local.date) ? local.date - days {1} : local.date;
}

Instant DayCalendar::startOf(LocalDate day) const
{
    return m_zone->fromLocal(day, m_dayStart);
}

LocalDate DayCalendar::weekStart(LocalDate day, std::chrono::weekday firstWeekday)
{
    const auto back = (std::chrono::weekday {day} - firstWeekday).count(); // 0..6
    return day - days {back};
}

std::vector<DayHourPiece> DayCalendar::split(TimeSpan span) const
{
    std::vector<DayHourPiece> pieces;
    Instant cursor = span.start;
    LocalDate day = dayOf(cursor);
    Instant dayEnd = endOf(day);
    while (cursor < span.end) {
        const LocalDateTime local = m_zone->toLocal(cursor);
        const auto intoHour = local.sinceMidnight % std::chrono::hours {1};
        Instant hourEnd = cursor + (std::chrono::hours {1} - intoHour);
        // An offset change inside the hour (a DST transition) also ends the piece.
        if (m_zone->utcOffsetAt(hourEnd - seconds {1}) != local.utcOffset) {
            Instant low = cursor;
            Instant high = hourEnd - seconds {1};
            while (high - low > seconds {1}) {
                const Instant middle = low + (high - low) / 2;
                (m_zone->utcOffsetAt(middle) == local.utcOffset ? low : high) = middle;
            }
            hourEnd = high;
        }
        if (cursor >= dayEnd) {
            day = dayOf(cursor);
            dayEnd = endOf(day);
        }
        const Instant pieceEnd = std::min({span.end, hourEnd, dayEnd});
        pieces.push_back(
            DayHourPiece {day, static_cast<int>(local.sinceMidnight.count() / 3600), TimeSpan {cursor, pieceEnd}});
        cursor = pieceEnd;
    }
    return pieces;
}

} // namespace sundial::core
