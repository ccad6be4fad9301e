// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/trustedtime.h"

namespace sundial::core
{

using std::chrono::seconds;

namespace
{

// A suspend shorter than this is scheduling noise between the two clock reads.
constexpr seconds kMinimumSuspendGap {2};

seconds absolute(seconds value)
{
    return value < seconds {0} ? -value : value;
}

} // namespace

TrustedTime::TrustedTime(seconds tolerance)
    : m_tolerance(tolerance)
{
}

void TrustedTime::anchor(PreciseInstant trusted, const ClockSample &sample)
{
    m_anchorTrusted = trusted;
    m_anchorBoottime = sample.boottime;
    m_lastMonotonic = sample.monotonic;
    m_lastBoottime = sample.boottime;
    m_lastTrusted = std::chrono::floor<seconds>(trusted);
}

TrustedTime::PreciseInstant TrustedTime::preciseAt(const ClockSample &sample) const
{
    return m_anchorTrusted + (sample.boottime - m_anchorBoottime);
}

Instant TrustedTime::at(const ClockSample &sample) const
{
    return std::chrono::floor<seconds>(preciseAt(sample));
}

std::chrono::nanoseconds TrustedTime::until(const ClockSample &sample, Instant target) const
{
    return (target - m_anchorTrusted) - (sample.boottime - m_anchorBoottime);
}

std::vector<TimeEvent> TrustedTime::start(const ClockSample &sample, std::optional<Instant> lastTrusted)
{
    std::vector<TimeEvent> events;
    m_pendingJump.reset();
    if (lastTrusted && sample.wall < *lastTrusted - m_tolerance) {
        // The clock was set back while the service was not running. Resume from the last
        // trusted instant; the time the machine was off is unknown and counts for nothing.
        anchor(*lastTrusted, sample);
        m_pendingJump = std::chrono::round<seconds>(sample.wall - *lastTrusted);
        events.push_back({TimeEventKind::ClockSetBackAcrossReboot, *lastTrusted, *m_pendingJump});
    } else {
        anchor(sample.wall, sample);
        if (lastTrusted && sample.wall >= *lastTrusted + kLongRestartGap) {
            events.push_back({TimeEventKind::ClockForwardAcrossRestart, *lastTrusted,
                std::chrono::round<seconds>(sample.wall - *lastTrusted)});
        }
    }
    return events;
}

std::vector<TimeEvent> TrustedTime::observe(const ClockSample &sample)
{
    std::vector<TimeEvent> events;
    const Instant trusted = at(sample);
    const auto gap = std::chrono::duration_cast<seconds>(
        (sample.boottime - m_lastBoottime) - (sample.monotonic - m_lastMonotonic));
    if (gap >= kMinimumSuspendGap) {
        events.push_back({TimeEventKind::SuspendGap, trusted - gap, gap});
    }
    m_lastMonotonic = sample.monotonic;
    m_lastBoottime = sample.boottime;
    m_lastTrusted = trusted;

    const seconds drift = std::chrono::round<seconds>(sample.wall - preciseAt(sample));
    if (absolute(drift) <= m_tolerance) {
        if (m_pendingJump) {
            events.push_back({TimeEventKind::WallClockRestored, trusted, drift});
            m_pendingJump.reset();
        }
        anchor(sample.wall, sample); // follow small drifts (NTP slewing)
        return events;
    }
    if (m_pendingJump && absolute(drift - *m_pendingJump) <= m_tolerance) {
        return events; // the same jump, already recorded
    }
    m_pendingJump = drift;
    events.push_back({TimeEventKind::WallClockJump, trusted, drift});
    return events;
}

std::vector<TimeEvent> TrustedTime::adopt(const ClockSample &sample)
{
    std::vector<TimeEvent> events = observe(sample);
    if (m_pendingJump) {
        events.push_back({TimeEventKind::JumpAdopted, at(sample), *m_pendingJump});
        m_pendingJump.reset();
        anchor(sample.wall, sample);
    }
    return events;
}

} // namespace sundial::core
