// SPDX-License-Identifier: GPL-3.0-or-later
// TimeZone: converts between instants and local wall time, with the exact rules of docs/RULES.md
// for local times that do not exist (spring forward) or exist twice (fall back).
#pragma once

#include "agent/core/timetypes.h"

namespace sundial::core
{

class TimeZone
{
public:
    virtual ~TimeZone() = default;

    // The offset from UTC in force at `at` (local = UTC + offset). Implementations must be
    // pure: the same instant always gives the same offset.
    virtual std::chrono::seconds utcOffsetAt(Instant at) const = 0;

    LocalDateTime toLocal(Instant at) const;

    // The instant of local `date` at `sinceMidnight` (may be 24 h for the end of the date).
    // A local time that does not exist means the first instant after the gap; a local time
    // that exists twice means its first occurrence.
    Instant fromLocal(LocalDate date, std::chrono::seconds sinceMidnight) const;
    Instant fromLocal(LocalDate date, TimeOfDay time) const
    {
        return fromLocal(date, std::chrono::duration_cast<std::chrono::seconds>(time));
    }
};

// A zone with one offset all year. Useful for UTC and for tests.
class FixedOffsetZone final : public TimeZone
{
public:
    explicit FixedOffsetZone(std::chrono::seconds offset)
        : m_offset(offset)
    {
    }
    std::chrono::seconds utcOffsetAt(Instant) const override { return m_offset; }

private:
    std::chrono::seconds m_offset;
};

} // namespace sundial::core
