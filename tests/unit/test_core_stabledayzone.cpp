// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/daycalendar.h"
#include "agent/core/stabledayzone.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

// A zone whose offset a test changes, as a parent (or a child with rights) changing the
// machine's time zone would.
class ChangeableZone final : public core::TimeZone
{
public:
    seconds offset {3600};
    seconds utcOffsetAt(core::Instant) const override { return offset; }
};

const core::Instant kAfternoon
    = core::FixedOffsetZone {hours {1}}.fromLocal(*core::parseDate("2025-06-14"), seconds {15 * 3600});

} // namespace

TEST_CASE("A zone change waits for the end of the day it happened in", "[core][stabledayzone]")
{
    ChangeableZone live;
    core::StableDayZone zone {live};
    CHECK(zone.utcOffsetAt(kAfternoon) == hours {1});

    live.offset = hours {14}; // 15:00 at UTC+1 is already tomorrow 04:00 at UTC+14
    const auto takesEffect = zone.liveZoneChanged(kAfternoon, hours {1});
    REQUIRE(takesEffect);
    const core::Instant midnight
        = core::FixedOffsetZone {hours {1}}.fromLocal(*core::parseDate("2025-06-15"), seconds {0});
    CHECK(*takesEffect == midnight);

    // Until then the day is the same day, with the old offset: no fresh budget.
    const core::DayCalendar calendar {zone, core::TimeOfDay {0}};
    CHECK(calendar.dayOf(kAfternoon) == *core::parseDate("2025-06-14"));
    CHECK(calendar.dayOf(midnight - seconds {1}) == *core::parseDate("2025-06-14"));
    CHECK(zone.utcOffsetAt(midnight - seconds {1}) == hours {1});
    // From the day's end the new zone applies.
    CHECK(zone.utcOffsetAt(midnight) == hours {14});
}

TEST_CASE("A second change on the same day keeps the day's first offset; a change back drops the hold",
    "[core][stabledayzone]")
{
    ChangeableZone live;
    core::StableDayZone zone {live};
    live.offset = hours {-10};
    REQUIRE(zone.liveZoneChanged(kAfternoon, hours {1}));
    live.offset = hours {5};
    REQUIRE(zone.liveZoneChanged(kAfternoon + hours {1}, hours {-10}));
    CHECK(zone.utcOffsetAt(kAfternoon + hours {2}) == hours {1});
    live.offset = hours {1};
    CHECK_FALSE(zone.liveZoneChanged(kAfternoon + hours {3}, hours {5}));
    CHECK_FALSE(zone.hold());
    CHECK(zone.utcOffsetAt(kAfternoon + hours {3}) == hours {1});
}

TEST_CASE("A held change is kept across a restart", "[core][stabledayzone]")
{
    ChangeableZone live;
    core::StableDayZone before {live};
    live.offset = hours {-10};
    REQUIRE(before.liveZoneChanged(kAfternoon, hours {1}));
    core::StableDayZone after {live};
    after.restore(before.hold());
    CHECK(after.utcOffsetAt(kAfternoon + hours {1}) == hours {1});
}
