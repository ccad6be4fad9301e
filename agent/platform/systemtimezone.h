// SPDX-License-Identifier: GPL-3.0-or-later
// SystemTimeZone: the machine's local time zone (TZ, else /etc/localtime), through the C
// library. GCC 12's <chrono> has no time-zone database, so this is the portable path.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include "agent/core/timezone.h"

namespace sundial::platform
{

class SystemTimeZone final : public core::TimeZone
{
public:
    std::chrono::seconds utcOffsetAt(core::Instant at) const override;

    // Sets TZ to ":/etc/localtime" when it is unset. Call first in main, before any thread:
    // reload() then only ever replaces TZ's value, which glibc does in place.
    static void fixZoneVariable();
    // The file the zone is read from: TZ's file (a name under /usr/share/zoneinfo, or a path),
    // else /etc/localtime.
    static std::string zoneFile();
    // Reads the zone again (a changed /etc/localtime) and forgets the offsets it remembered.
    // glibc rereads the file only when TZ's text changes, so the text switches between two
    // spellings of the same file ("/etc/localtime" and "/etc/./localtime"). Not thread-safe.
    void reload();

private:
    // localtime_r is the service's costliest call per decision (a decision asks for dozens of
    // offsets). Offsets change only at transitions, which fall on whole minutes: remember
    // them by minute. Not thread-safe; each thread keeps its own zone.
    mutable std::unordered_map<std::int64_t, std::chrono::seconds> m_offsetByMinute;
};

} // namespace sundial::platform
