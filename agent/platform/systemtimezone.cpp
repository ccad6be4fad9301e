// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/systemtimezone.h"

#include <time.h>

namespace sundial::platform
{

std::chrono::seconds SystemTimeZone::utcOffsetAt(core::Instant at) const
{
    const std::int64_t minute = std::chrono::floor<std::chrono::minutes>(at).time_since_epoch().count();
    if (const auto found = m_offsetByMinute.find(minute); found != m_offsetByMinute.end()) {
        return found->second;
    }
    if (m_offsetByMinute.size() >= 16384) {
        m_offsetByMinute.clear();
    }
    const time_t seconds = static_cast<time_t>(at.time_since_epoch().count());
    struct tm local {
    };
    if (localtime_r(&seconds, &local) == nullptr) {
        return std::chrono::seconds {0};
    }
    const std::chrono::seconds offset {local.tm_gmtoff};
    m_offsetByMinute.emplace(minute, offset);
    return offset;
}

} // namespace sundial::platform
