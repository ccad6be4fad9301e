// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/heartbeatmerger.h"

namespace sundial::core
{

HeartbeatMerger::HeartbeatMerger(std::chrono::seconds pulse)
    : m_pulse(pulse)
{
}

HeartbeatMerger::Step HeartbeatMerger::add(Instant at, const ActivityKey &key)
{
    Step step;
    if (!m_open) {
        m_open = KeyedInterval {key, {at, at}};
        step.started = true;
        return step;
    }
    TimeSpan &span = m_open->span;
    if (at < span.end) {
        return step;
    }
    if (at <= span.end + m_pulse) {
        if (m_open->key == key) {
            span.end = at;
            return step;
        }
        span.end = at; // the old key held until the new one was reported
    }
    step.closed = m_open;
    m_open = KeyedInterval {key, {at, at}};
    step.started = true;
    return step;
}

std::optional<KeyedInterval> HeartbeatMerger::close()
{
    std::optional<KeyedInterval> closed = m_open;
    m_open.reset();
    return closed;
}

} // namespace sundial::core
