// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/ratelimiter.h"

#include <algorithm>

namespace sundial::daemon
{

RateLimiter::RateLimiter(double perSecond, double burst)
    : m_perSecond(perSecond)
    , m_burst(burst)
{
}

bool RateLimiter::allow(unsigned caller, std::chrono::steady_clock::time_point now)
{
    if (m_buckets.size() > 4096) {
        m_buckets.clear(); // uids are few; this only bounds memory against a pathological bus
    }
    auto [bucket, added] = m_buckets.try_emplace(caller, Bucket {m_burst, now});
    Bucket &state = bucket->second;
    const double elapsed = std::chrono::duration<double>(now - state.refilled).count();
    state.tokens = std::min(m_burst, state.tokens + elapsed * m_perSecond);
    state.refilled = now;
    if (state.tokens < 1.0) {
        return false;
    }
    state.tokens -= 1.0;
    return true;
}

} // namespace sundial::daemon
