// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/stabledayzone.h"

namespace sundial::core
{

StableDayZone::StableDayZone(const TimeZone &live)
    : m_live(live)
{
}

std::chrono::seconds StableDayZone::utcOffsetAt(Instant at) const
{
    if (m_hold && at < m_hold->until) {
        return m_hold->offset;
    }
    return m_live.utcOffsetAt(at);
}

std::optional<Instant> StableDayZone::liveZoneChanged(Instant at, std::chrono::seconds previousOffset)
{
    // A change while one is already held back keeps the day's original offset.
    const std::chrono::seconds dayOffset = m_hold && at < m_hold->until ? m_hold->offset : previousOffset;
    if (m_live.utcOffsetAt(at) == dayOffset) {
        m_hold.reset();
        return std::nullopt;
    }
    const FixedOffsetZone old {dayOffset};
    const LocalDate today = old.toLocal(at).date;
    const Instant midnight = old.fromLocal(today + std::chrono::days {1}, std::chrono::seconds {0});
    m_hold = Hold {midnight, dayOffset};
    return midnight;
}

} // namespace sundial::core
