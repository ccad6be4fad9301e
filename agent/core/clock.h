// SPDX-License-Identifier: GPL-3.0-or-later
// Clock: the only way the core learns the time. Platform code provides the system clock;
// tests drive a fake one through midnights, DST days and clock jumps.
#pragma once

#include "agent/core/timezone.h"

namespace sundial::core
{

class Clock
{
public:
    virtual ~Clock() = default;

    // The current instant (in the service: trusted time, not the raw wall clock).
    virtual Instant now() const = 0;
    // The zone local times are read in.
    virtual const TimeZone &zone() const = 0;

    LocalDateTime toLocal(Instant at) const { return zone().toLocal(at); }
    Instant fromLocal(LocalDate date, TimeOfDay time) const { return zone().fromLocal(date, time); }
};

} // namespace sundial::core
