// SPDX-License-Identifier: GPL-3.0-or-later
// Grant: time a parent gives on top of the rules (docs/RULES.md "Grants").
#pragma once

#include "agent/core/timetypes.h"

namespace sundial::core
{

struct Grant {
    enum class Kind {
        ExtraTime, // raises `day`'s budget by `extra` (not the weekly one)
        FreeUntil, // allowed until `until` local time on `day`, even outside hours or budget
    };
    Kind kind = Kind::ExtraTime;
    LocalDate day {};
    std::chrono::minutes extra {0};
    TimeOfDay until {0};

    static Grant extraTime(LocalDate day, std::chrono::minutes extra) { return {Kind::ExtraTime, day, extra, {}}; }
    static Grant freeUntil(LocalDate day, TimeOfDay until) { return {Kind::FreeUntil, day, {}, until}; }
    bool operator==(const Grant &) const = default;
};

} // namespace sundial::core
