// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/trustedtime.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

namespace
{

// Drives the three clocks of a machine: wall (settable by anyone with the rights), monotonic
// (stops in suspend) and boot time (runs in suspend).
struct MachineClocks {
    core::Instant wall;
    nanoseconds monotonic {seconds {1000}};
    nanoseconds boottime {seconds {1000}};

    core::ClockSample sample() const { return {wall, monotonic, boottime}; }
    void run(seconds elapsed)
    {
        wall += elapsed;
        monotonic += elapsed;
        boottime += elapsed;
    }
    void suspend(seconds elapsed)
    {
        wall += elapsed;
        boottime += elapsed;
    }
};

} // namespace

TEST_CASE("Trusted time follows the clocks while nobody touches them", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 10)};
    core::TrustedTime trusted;
    CHECK(trusted.start(clocks.sample(), std::nullopt).empty());
    clocks.run(minutes {5});
    CHECK(trusted.observe(clocks.sample()).empty());
    CHECK(trusted.now() == berlin("2025-06-14", 10, 5));
}

TEST_CASE("A small drift is followed silently", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 10)};
    core::TrustedTime trusted;
    trusted.start(clocks.sample(), std::nullopt);
    clocks.run(minutes {1});
    clocks.wall += seconds {2}; // NTP slews
    CHECK(trusted.observe(clocks.sample()).empty());
    CHECK(trusted.now() == berlin("2025-06-14", 10, 1, 2));
}

TEST_CASE("A wall-clock jump is recorded once and not followed", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 10)};
    core::TrustedTime trusted;
    trusted.start(clocks.sample(), std::nullopt);
    clocks.run(minutes {1});
    clocks.wall += hours {3};
    const auto events = trusted.observe(clocks.sample());
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == core::TimeEventKind::WallClockJump);
    CHECK(events[0].amount == hours {3});
    CHECK(trusted.now() == berlin("2025-06-14", 10, 1));
    CHECK(trusted.pendingJump() == hours {3});

    clocks.run(minutes {1});
    CHECK(trusted.observe(clocks.sample()).empty()); // the same jump is not logged again
    CHECK(trusted.now() == berlin("2025-06-14", 10, 2));

    SECTION("and adopted when confirmed")
    {
        const auto adopted = trusted.adopt(clocks.sample());
        REQUIRE(adopted.size() == 1);
        CHECK(adopted[0].kind == core::TimeEventKind::JumpAdopted);
        CHECK(trusted.now() == berlin("2025-06-14", 13, 2));
        CHECK_FALSE(trusted.pendingJump());
    }
    SECTION("or forgotten when the clock is put back")
    {
        clocks.wall -= hours {3};
        const auto restored = trusted.observe(clocks.sample());
        REQUIRE(restored.size() == 1);
        CHECK(restored[0].kind == core::TimeEventKind::WallClockRestored);
        CHECK_FALSE(trusted.pendingJump());
    }
}

TEST_CASE("A second, different jump is recorded too", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 10)};
    core::TrustedTime trusted;
    trusted.start(clocks.sample(), std::nullopt);
    clocks.wall -= days {1};
    CHECK(trusted.observe(clocks.sample()).size() == 1);
    clocks.wall += days {2};
    const auto events = trusted.observe(clocks.sample());
    REQUIRE(events.size() == 1);
    CHECK(events[0].amount == days {1});
}

TEST_CASE("A suspend is a gap, and the calendar moves on through it", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 22)};
    core::TrustedTime trusted;
    trusted.start(clocks.sample(), std::nullopt);
    clocks.run(minutes {10});
    clocks.suspend(hours {9});
    clocks.run(seconds {1});
    const auto events = trusted.observe(clocks.sample());
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == core::TimeEventKind::SuspendGap);
    CHECK(events[0].amount == hours {9});
    // It began at the latest one gap before it was noticed.
    CHECK(events[0].trustedAt == berlin("2025-06-14", 22, 10, 1));
    CHECK(trusted.now() == berlin("2025-06-15", 7, 10, 1));
}

TEST_CASE("A clock set back across a reboot is a tamper event", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-14", 9)};
    core::TrustedTime trusted;
    const auto events = trusted.start(clocks.sample(), berlin("2025-06-14", 18));
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == core::TimeEventKind::ClockSetBackAcrossReboot);
    CHECK(trusted.now() == berlin("2025-06-14", 18));
    CHECK(trusted.pendingJump() == -hours {9});
}

TEST_CASE("A clock after the last trusted instant at boot is trusted", "[core][trustedtime]")
{
    MachineClocks clocks {berlin("2025-06-15", 9)};
    core::TrustedTime trusted;
    // Off for 15 h, or moved forward: followed, and said (the service stays silent when NTP
    // vouches for the clock).
    const auto events = trusted.start(clocks.sample(), berlin("2025-06-14", 18));
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == core::TimeEventKind::ClockForwardAcrossRestart);
    CHECK(events[0].amount == hours {15});
    CHECK(trusted.now() == berlin("2025-06-15", 9));
    CHECK_FALSE(trusted.pendingJump());
}

TEST_CASE("A jump is measured to the nearest second, whatever the sub-second phase", "[core][trustedtime]")
{
    using std::chrono::sys_time;
    // The service samples at arbitrary sub-second moments, and reads the wall clock a moment
    // before the others: a clock moved by 600 s must still read 600, not 599.
    const core::Instant start = berlin("2025-06-14", 10);
    const nanoseconds phase = milliseconds {700};
    core::TrustedTime trusted;
    trusted.start(
        {sys_time<nanoseconds> {start} + phase, seconds {1000} + phase, seconds {1000} + phase}, std::nullopt);
    const nanoseconds later = seconds {1001} + milliseconds {200};
    const auto events = trusted.observe(
        {sys_time<nanoseconds> {start} + seconds {1} + milliseconds {199} + seconds {600}, later, later});
    REQUIRE(events.size() == 1);
    CHECK(events[0].amount == seconds {600});
    CHECK(trusted.pendingJump() == seconds {600});
}

TEST_CASE("A clock far ahead of the last trusted instant at start is followed and said", "[core][trustedtime]")
{
    const core::Instant last {std::chrono::seconds {1'750'000'000}};
    core::TrustedTime trusted;
    core::ClockSample sample {std::chrono::sys_time<std::chrono::nanoseconds> {last + std::chrono::hours {9}},
        std::chrono::seconds {100}, std::chrono::seconds {100}};
    const std::vector<core::TimeEvent> events = trusted.start(sample, last);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == core::TimeEventKind::ClockForwardAcrossRestart);
    CHECK(events[0].amount == std::chrono::hours {9});
    CHECK(trusted.now() == last + std::chrono::hours {9});
    CHECK_FALSE(trusted.pendingJump());

    core::TrustedTime shortly;
    sample.wall = std::chrono::sys_time<std::chrono::nanoseconds> {last + std::chrono::minutes {50}};
    CHECK(shortly.start(sample, last).empty()); // a short stop says nothing
}
