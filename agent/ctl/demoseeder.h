// SPDX-License-Identifier: GPL-3.0-or-later
// DemoSeeder: a believable state for trying Sundial out: one child, a starter rule set and
// two weeks of sample activity recorded through the real recorder.
#pragma once

#include <string>

#include "agent/core/database.h"
#include "agent/core/rules.h"
#include "agent/core/timezone.h"

namespace sundial::ctl
{

// Adds `uid` as a child with starter rules and fills the 14 days before `now` (and today up to
// `now`) with sample use. Deterministic for a given `now`.
core::Status seedDemo(
    core::Database &db, std::int64_t uid, const std::string &name, const core::TimeZone &zone, core::Instant now);

// The starter rules the demo and first run offer: school days 2 h, weekends 3 h,
// 07:00–21:00, games 1 h a day, the help line for the user's language.
core::Rules starterRules(const std::string &language);

} // namespace sundial::ctl
