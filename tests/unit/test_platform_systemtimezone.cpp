// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdlib>
#include <ctime>

#include <catch2/catch.hpp>

#include "agent/platform/systemclock.h"
#include "agent/platform/systemtimezone.h"
#include "fakes/berlinzone.h"
#include "fakes/scopedtimezone.h"

using namespace sundial;
using namespace std::chrono;

using sundial::testing::ScopedTimeZone;

TEST_CASE("The system zone agrees with the Berlin fake through 2025", "[platform][timezone]")
{
    ScopedTimeZone berlin {"Europe/Berlin"};
    const platform::SystemTimeZone system;
    const testing::BerlinZone fake;
    const core::Instant start {sys_days {year {2025} / January / 1}};
    for (core::Instant at = start; at < start + days {366}; at += minutes {30}) {
        REQUIRE(system.utcOffsetAt(at) == fake.utcOffsetAt(at));
    }
    const auto gap = system.fromLocal(*core::parseDate("2025-03-30"), minutes {150});
    CHECK(system.toLocal(gap).sinceMidnight == hours {3});
    const auto repeated = system.fromLocal(*core::parseDate("2025-10-26"), minutes {150});
    CHECK(repeated == fake.fromLocal(*core::parseDate("2025-10-26"), minutes {150}));
}

TEST_CASE("A clock sample reads three consistent clocks", "[platform][clock]")
{
    const core::ClockSample first = platform::SystemClock::sample();
    const core::ClockSample second = platform::SystemClock::sample();
    CHECK(second.monotonic >= first.monotonic);
    CHECK(second.boottime >= first.boottime);
    CHECK(first.boottime >= first.monotonic);
    CHECK(abs(platform::SystemClock {}.now() - first.wall) < seconds {5});
}
