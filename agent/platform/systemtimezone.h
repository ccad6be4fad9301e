// SPDX-License-Identifier: GPL-3.0-or-later
// SystemTimeZone: the machine's local time zone (TZ, else /etc/localtime), through the C
// library. GCC 12's <chrono> has no time-zone database, so this is the portable path.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "agent/core/timezone.h"

namespace sundial::platform
{

class SystemTimeZone final : public core::TimeZone
{
public:
    std::chrono::seconds utcOffsetAt(core::Instant at) const override;

private:
    // localtime_r is the service's costliest call per decision (a decision asks for dozens of
    // offsets). Offsets change only at transitions, which fall on whole minutes: remember
    // them by minute. Not thread-safe; each thread keeps its own zone.
    mutable std::unordered_map<std::int64_t, std::chrono::seconds> m_offsetByMinute;
};

} // namespace sundial::platform
