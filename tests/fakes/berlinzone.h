// SPDX-License-Identifier: GPL-3.0-or-later
// BerlinZone: Europe/Berlin's offsets by the EU rule (UTC+1; UTC+2 from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC). Lets core tests run DST days
// without the system's time-zone database; test_platform_systemtimezone checks it against it.
#pragma once

#include "agent/core/timezone.h"

namespace sundial::testing
{

class BerlinZone final : public core::TimeZone
{
public:
    std::chrono::seconds utcOffsetAt(core::Instant at) const override
    {
        using namespace std::chrono;
        const year y = year_month_day {floor<days>(at)}.year();
        const auto lastSunday = [&](month m) { return sys_days {y / m / Sunday[last]} + hours {1}; };
        const bool summer = at >= lastSunday(March) && at < lastSunday(October);
        return summer ? hours {2} : hours {1};
    }
};

} // namespace sundial::testing
