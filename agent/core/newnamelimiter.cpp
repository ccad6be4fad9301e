// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/newnamelimiter.h"

namespace sundial::core
{

namespace
{
constexpr std::chrono::hours kWindow {1};
}

NewNameLimiter::NewNameLimiter(std::size_t perHour)
    : m_perHour(perHour)
{
}

bool NewNameLimiter::admit(Instant now)
{
    while (!m_admitted.empty() && now - m_admitted.front() >= kWindow) {
        m_admitted.pop_front();
    }
    if (m_admitted.size() >= m_perHour) {
        return false;
    }
    m_admitted.push_back(now);
    return true;
}

bool NewNameLimiter::firstRefusalSince(Instant now)
{
    if (m_reported && now - m_lastReported < kWindow) {
        return false;
    }
    m_reported = true;
    m_lastReported = now;
    return true;
}

} // namespace sundial::core
