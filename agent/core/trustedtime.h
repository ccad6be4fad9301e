// SPDX-License-Identifier: GPL-3.0-or-later
// TrustedTime: the service's idea of "now", which a child cannot move by changing the clock.
//
// Trusted time is the last trusted wall-clock instant plus the time elapsed since, as the
// kernel's boot-time clock measures it (CLOCK_BOOTTIME: it runs through suspend, so the
// calendar stays right after a resume, and nobody but the kernel can set it). Wall-clock
// readings that disagree with it by more than `tolerance` are jumps: recorded once, not
// followed until adopted (NTP synchronisation or a parent's confirmation). Small drifts, such
// as NTP slewing, are followed silently.
//
//   wall      : 10:00 ─── 10:01 ══jump══▶ 13:01 ─── 13:02            (child sets the clock +3 h)
//   trusted   : 10:00 ─── 10:01 ───────── 10:01 ─── 10:02            (jump recorded, not followed)
//   adopt()   :                                        13:02         (only when confirmed)
#pragma once

#include <optional>
#include <vector>

#include "agent/core/timetypes.h"

namespace sundial::core
{

// One reading of the three clocks, taken together.
struct ClockSample {
    std::chrono::sys_time<std::chrono::nanoseconds> wall; // CLOCK_REALTIME
    std::chrono::nanoseconds monotonic; // CLOCK_MONOTONIC: stops during suspend
    std::chrono::nanoseconds boottime; // CLOCK_BOOTTIME: runs during suspend
};

enum class TimeEventKind {
    WallClockJump, // the wall clock disagrees with trusted time; not followed
    WallClockRestored, // the wall clock agrees again before the jump was adopted
    JumpAdopted, // a jump was confirmed; trusted time follows the wall clock again
    ClockSetBackAcrossReboot, // at start the wall clock lies before the last trusted instant
    // At start the wall clock lies at least kLongRestartGap after the last trusted instant: the
    // machine was off that long, or its clock was moved forward meanwhile. Followed (nothing
    // can tell the two apart here); the service says so unless NTP vouches for the clock.
    ClockForwardAcrossRestart,
    SuspendGap, // the machine was suspended for `amount`
};

struct TimeEvent {
    TimeEventKind kind;
    Instant trustedAt; // trusted time when noticed; for a suspend, when it began at the latest
    std::chrono::seconds amount; // wall minus trusted for jumps, the gap's length for suspends
    bool operator==(const TimeEvent &) const = default;
};

class TrustedTime
{
public:
    static constexpr std::chrono::seconds kLongRestartGap {3600};

    explicit TrustedTime(std::chrono::seconds tolerance = std::chrono::seconds {5});

    // The first sample after the service starts. `lastTrusted` is the last trusted instant the
    // service recorded before it stopped (nullopt on the very first start).
    std::vector<TimeEvent> start(const ClockSample &sample, std::optional<Instant> lastTrusted);

    // A later sample. Samples must come in boot-time order.
    std::vector<TimeEvent> observe(const ClockSample &sample);

    // Confirms the current wall clock (timedate1 reports NTPSynchronized, or a parent accepted
    // the change): trusted time follows the wall clock from this sample on.
    std::vector<TimeEvent> adopt(const ClockSample &sample);

    // Trusted time at `sample`, without changing any state.
    Instant at(const ClockSample &sample) const;
    // How long after `sample` trusted time reaches `target`, to the nanosecond (timers need
    // better than the one-second grain of Instant). Negative when it has passed.
    std::chrono::nanoseconds until(const ClockSample &sample, Instant target) const;
    // Trusted time as of the last sample.
    Instant now() const { return m_lastTrusted; }
    // Wall minus trusted while a jump waits to be adopted.
    std::optional<std::chrono::seconds> pendingJump() const { return m_pendingJump; }

private:
    using PreciseInstant = std::chrono::sys_time<std::chrono::nanoseconds>;
    void anchor(PreciseInstant trusted, const ClockSample &sample);
    PreciseInstant preciseAt(const ClockSample &sample) const;

    std::chrono::seconds m_tolerance;
    PreciseInstant m_anchorTrusted {};
    std::chrono::nanoseconds m_anchorBoottime {0};
    std::chrono::nanoseconds m_lastMonotonic {0};
    std::chrono::nanoseconds m_lastBoottime {0};
    Instant m_lastTrusted {};
    std::optional<std::chrono::seconds> m_pendingJump;
};

} // namespace sundial::core
