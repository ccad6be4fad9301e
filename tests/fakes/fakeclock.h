// SPDX-License-Identifier: GPL-3.0-or-later
// FakeClock: a clock a test sets and advances, in Berlin time unless told otherwise.
#pragma once

#include "agent/core/clock.h"
#include "fakes/berlinzone.h"

namespace sundial::testing
{

class FakeClock final : public core::Clock
{
public:
    explicit FakeClock(core::Instant start)
        : m_now(start)
    {
    }
    core::Instant now() const override { return m_now; }
    const core::TimeZone &zone() const override { return m_zone; }

    void set(core::Instant at) { m_now = at; }
    void advance(std::chrono::seconds by) { m_now += by; }
    // The instant of a Berlin local time ("2025-03-30", 1 h 30 min) with RULES.md's resolution.
    core::Instant local(const char *date, int hours, int minutes = 0) const;

private:
    core::Instant m_now;
    BerlinZone m_zone;
};

inline core::Instant FakeClock::local(const char *date, int hours, int minutes) const
{
    return m_zone.fromLocal(*core::parseDate(date), std::chrono::minutes {hours * 60 + minutes});
}

// Berlin local time to an instant, for tests that need no clock.
inline core::Instant berlin(const char *date, int hours, int minutes = 0, int seconds = 0)
{
    static const BerlinZone zone;
    return zone.fromLocal(*core::parseDate(date), std::chrono::seconds {hours * 3600 + minutes * 60 + seconds});
}

} // namespace sundial::testing
