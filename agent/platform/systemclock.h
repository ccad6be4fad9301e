// SPDX-License-Identifier: GPL-3.0-or-later
// SystemClock: the real clocks. now() is the raw wall clock; the service wraps it in
// core::TrustedTime using sample().
#pragma once

#include "agent/core/clock.h"
#include "agent/core/trustedtime.h"
#include "agent/platform/systemtimezone.h"

namespace sundial::platform
{

class SystemClock final : public core::Clock
{
public:
    core::Instant now() const override;
    const core::TimeZone &zone() const override { return m_zone; }

    // Reads CLOCK_REALTIME, CLOCK_MONOTONIC and CLOCK_BOOTTIME together.
    static core::ClockSample sample();

private:
    SystemTimeZone m_zone;
};

} // namespace sundial::platform
