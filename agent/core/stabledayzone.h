// SPDX-License-Identifier: GPL-3.0-or-later
// StableDayZone: the machine's zone, except that a change of zone takes effect only when the
// day it happened in ends (by the zone before it), so a changed time zone never hands a child a
// new day, and with it a fresh budget, in the middle of one (docs/RULES.md "Days").
//
//   live zone : UTC+1 ──────────── changed at 15:00 to UTC+14 ─────────────────────────────
//   this zone : UTC+1 ─────────────────────────────────── until 24:00 (UTC+1) │ UTC+14 ──────
//
// The day in force keeps the old zone's offset at the moment of the change (a DST switch later
// that same day is not followed). Days that start after midnight (a rule's dayStart) may start
// up to that much early on the day the change takes effect.
#pragma once

#include <optional>

#include "agent/core/timezone.h"

namespace sundial::core
{

class StableDayZone final : public TimeZone
{
public:
    // `live` must outlive this zone.
    explicit StableDayZone(const TimeZone &live);

    std::chrono::seconds utcOffsetAt(Instant at) const override;

    // The live zone changed at `at`; `previousOffset` is the old zone's offset then. Returns the
    // moment the change takes effect (the old zone's next midnight), or nullopt when the offset
    // at `at` is unchanged (nothing to hold back).
    std::optional<Instant> liveZoneChanged(Instant at, std::chrono::seconds previousOffset);

    // What is held back, to keep it across a restart.
    struct Hold {
        Instant until {};
        std::chrono::seconds offset {0};
        bool operator==(const Hold &) const = default;
    };
    std::optional<Hold> hold() const { return m_hold; }
    void restore(std::optional<Hold> hold) { m_hold = hold; }

private:
    const TimeZone &m_live;
    std::optional<Hold> m_hold;
};

} // namespace sundial::core
