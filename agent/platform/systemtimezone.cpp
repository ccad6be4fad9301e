// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/systemtimezone.h"

#include <time.h>

namespace sundial::platform
{

std::chrono::seconds SystemTimeZone::utcOffsetAt(core::Instant at) const
{
    const time_t seconds = static_cast<time_t>(at.time_since_epoch().count());
    struct tm local {
    };
    if (localtime_r(&seconds, &local) == nullptr) {
        return std::chrono::seconds {0};
    }
    return std::chrono::seconds {local.tm_gmtoff};
}

} // namespace sundial::platform
