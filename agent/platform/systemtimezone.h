// SPDX-License-Identifier: GPL-3.0-or-later
// SystemTimeZone: the machine's local time zone (TZ, else /etc/localtime), through the C
// library. GCC 12's <chrono> has no time-zone database, so this is the portable path.
#pragma once

#include "agent/core/timezone.h"

namespace sundial::platform
{

class SystemTimeZone final : public core::TimeZone
{
public:
    std::chrono::seconds utcOffsetAt(core::Instant at) const override;
};

} // namespace sundial::platform
