// SPDX-License-Identifier: GPL-3.0-or-later
// NewNameLimiter: how many names a child's reports may add to the dictionaries (apps, sites,
// titles) per hour. Each new name costs memory in the service and a row on disk for as long as
// it is kept; a script reporting fresh names in a loop must not grow either without bound.
// Over the limit, a report's names are dropped (it counts as use of an unknown app) until the
// window has room again. A sliding window of the last hour; memory is the limit's size.
#pragma once

#include <cstddef>
#include <deque>

#include "agent/core/timetypes.h"

namespace sundial::core
{

class NewNameLimiter
{
public:
    static constexpr std::size_t kDefaultPerHour = 300;

    explicit NewNameLimiter(std::size_t perHour = kDefaultPerHour);

    // True when one more new name may be kept at `now` (and counts it).
    bool admit(Instant now);
    std::size_t perHour() const { return m_perHour; }
    // True once per hour of refusals: the moment to say so in the audit.
    bool firstRefusalSince(Instant now);

private:
    std::size_t m_perHour;
    std::deque<Instant> m_admitted; // within the last hour, oldest first
    Instant m_lastReported {};
    bool m_reported = false;
};

} // namespace sundial::core
