// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/systemclock.h"

#include <time.h>

namespace sundial::platform
{

namespace
{

std::chrono::nanoseconds read(clockid_t id)
{
    timespec value {};
    clock_gettime(id, &value);
    return std::chrono::seconds {value.tv_sec} + std::chrono::nanoseconds {value.tv_nsec};
}

} // namespace

core::Instant SystemClock::now() const
{
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

core::ClockSample SystemClock::sample()
{
    const auto monotonic = read(CLOCK_MONOTONIC);
    const auto boottime = read(CLOCK_BOOTTIME);
    const auto wall = read(CLOCK_REALTIME);
    return core::ClockSample {std::chrono::sys_time<std::chrono::nanoseconds> {wall}, monotonic, boottime};
}

} // namespace sundial::platform
