// SPDX-License-Identifier: GPL-3.0-or-later
// HeartbeatMerger: turns a stream of heartbeats into intervals, the way ActivityWatch does,
// with one difference: a change of key within the pulse closes the old interval at the new
// heartbeat, so the seconds between two reports are not lost at every app switch.
//
//   heartbeats : A@0   A@5   A@10  B@12        B@17          (pulse 10 s)
//   intervals  : [A 0 ──────── 12) [B 12 ── 17)
//   heartbeats : A@0   A@5                 A@30               (gap > pulse)
//   intervals  : [A 0 ─ 5)                 [A 30 ...          (the gap is not counted here)
#pragma once

#include <optional>

#include "agent/core/daycalendar.h"
#include "agent/core/heartbeat.h"

namespace sundial::core
{

struct KeyedInterval {
    ActivityKey key;
    TimeSpan span;
};

class HeartbeatMerger
{
public:
    explicit HeartbeatMerger(std::chrono::seconds pulse);

    struct Step {
        std::optional<KeyedInterval> closed; // an interval this heartbeat ended
        bool started = false; // a new interval was opened at the heartbeat
    };

    // Heartbeats older than the open interval's end are ignored: counts only grow.
    Step add(Instant at, const ActivityKey &key);
    // Ends the open interval where it is (the session ended or the rules changed).
    std::optional<KeyedInterval> close();
    const std::optional<KeyedInterval> &open() const { return m_open; }
    std::chrono::seconds pulse() const { return m_pulse; }

private:
    std::chrono::seconds m_pulse;
    std::optional<KeyedInterval> m_open;
};

} // namespace sundial::core
