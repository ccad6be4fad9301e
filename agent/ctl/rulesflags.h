// SPDX-License-Identifier: GPL-3.0-or-later
// RulesFlags: the command-line shorthand for rules ("--daily 2h --weekday sat=3h
// --allow 07:00-08:00,15:00-20:30"), applied on top of an existing rule set.
#pragma once

#include <string>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/rules.h"

namespace sundial::ctl
{

// Applies each "--flag value" pair in order to `rules`. Known flags:
//   --daily DURATION|unlimited            every weekday's budget
//   --weekday DAY=DURATION|unlimited      one weekday's budget (mon, tue, ... or monday, ...)
//   --allow WINDOWS|any                   every weekday's windows, "07:00-08:00,15:00-20:30"
//   --allow-on DAY=WINDOWS|any            one weekday's windows
//   --weekly DURATION|unlimited           the weekly budget
//   --day-start HH:MM
//   --warnings MINUTES,...                "15,5,1"
//   --lockout lock|logout|suspend
// Errors name the flag and the value and say what was expected.
core::Status applyRulesFlags(core::Rules &rules, const std::vector<std::string> &arguments);

} // namespace sundial::ctl
