// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/heartbeatmerger.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

const core::Instant t0 {seconds {1'750'000'000}};
const core::ActivityKey kA {1, 0, 0, 3};
const core::ActivityKey kB {2, 0, 0, 3};

} // namespace

TEST_CASE("Heartbeats with the same data within the pulse extend one interval", "[core][heartbeatmerger]")
{
    core::HeartbeatMerger merger {seconds {10}};
    CHECK(merger.add(t0, kA).started);
    for (int i = 1; i <= 12; ++i) {
        const auto step = merger.add(t0 + seconds {5 * i}, kA);
        CHECK_FALSE(step.closed);
        CHECK_FALSE(step.started);
    }
    REQUIRE(merger.open());
    CHECK(merger.open()->span == core::TimeSpan {t0, t0 + seconds {60}});
}

TEST_CASE("A change within the pulse closes the old interval at the new heartbeat", "[core][heartbeatmerger]")
{
    core::HeartbeatMerger merger {seconds {10}};
    merger.add(t0, kA);
    merger.add(t0 + seconds {5}, kA);
    const auto step = merger.add(t0 + seconds {12}, kB);
    REQUIRE(step.closed);
    CHECK(step.closed->key == kA);
    CHECK(step.closed->span == core::TimeSpan {t0, t0 + seconds {12}});
    CHECK(merger.open()->span.start == t0 + seconds {12});
}

TEST_CASE("A gap longer than the pulse is not counted", "[core][heartbeatmerger]")
{
    core::HeartbeatMerger merger {seconds {10}};
    merger.add(t0, kA);
    merger.add(t0 + seconds {5}, kA);
    const auto step = merger.add(t0 + seconds {30}, kA);
    REQUIRE(step.closed);
    CHECK(step.closed->span == core::TimeSpan {t0, t0 + seconds {5}});
    CHECK(merger.open()->span == core::TimeSpan {t0 + seconds {30}, t0 + seconds {30}});
}

TEST_CASE("A heartbeat from the past changes nothing", "[core][heartbeatmerger]")
{
    core::HeartbeatMerger merger {seconds {10}};
    merger.add(t0, kA);
    merger.add(t0 + seconds {10}, kA);
    const auto step = merger.add(t0 + seconds {3}, kB);
    CHECK_FALSE(step.closed);
    CHECK_FALSE(step.started);
    CHECK(merger.open()->key == kA);
    CHECK(merger.open()->span.end == t0 + seconds {10});
}
