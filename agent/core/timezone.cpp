// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/timezone.h"

#include <algorithm>

namespace sundial::core
{

using std::chrono::days;
using std::chrono::seconds;

LocalDateTime TimeZone::toLocal(Instant at) const
{
    const seconds offset = utcOffsetAt(at);
    const auto local = at.time_since_epoch() + offset;
    const auto date = std::chrono::floor<days>(local);
    return LocalDateTime {LocalDate {date}, std::chrono::duration_cast<seconds>(local - date), offset};
}

Instant TimeZone::fromLocal(LocalDate date, seconds sinceMidnight) const
{
    // `wanted` is the local reading expressed as if it were UTC. An instant t shows it when
    // t + offset(t) == wanted. Offsets in force within a day either side cover every real zone.
    const Instant wanted = Instant {date.time_since_epoch()} + sinceMidnight;
    const seconds before = utcOffsetAt(wanted - days {1});
    const seconds after = utcOffsetAt(wanted + days {1});

    Instant best = Instant::max();
    for (const seconds offset : {before, after}) {
        const Instant candidate = wanted - offset;
        if (utcOffsetAt(candidate) == offset) {
            best = std::min(best, candidate); // the first occurrence of a repeated time
        }
    }
    if (best != Instant::max()) {
        return best;
    }

    // The local time falls in a gap. Find the transition between the two readings by
    // bisection: the first instant whose offset is the later one.
    Instant low = wanted - std::max(before, after);
    Instant high = wanted - std::min(before, after);
    if (low > high) {
        std::swap(low, high);
    }
    const seconds lowOffset = utcOffsetAt(low);
    while (high - low > seconds {1}) {
        const Instant middle = low + (high - low) / 2;
        if (utcOffsetAt(middle) == lowOffset) {
            low = middle;
        } else {
            high = middle;
        }
    }
    return high;
}

} // namespace sundial::core
