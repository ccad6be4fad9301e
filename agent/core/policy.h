// SPDX-License-Identifier: GPL-3.0-or-later
// The policy: pure functions from rules, usage, grants and a moment to a decision.
// docs/RULES.md "Budgets", "Grants" and "Decisions" are their specification.
#pragma once

#include <string_view>
#include <vector>

#include "agent/core/daycalendar.h"
#include "agent/core/decision.h"
#include "agent/core/grant.h"
#include "agent/core/rules.h"
#include "agent/core/timezone.h"
#include "agent/core/usagesnapshot.h"

namespace sundial::core
{

// The decision on the child's screen time at `now`. `usage` must be for the child's day containing `now`.
// Never fails: rules are validated before they get here.
Decision evaluate(const Rules &rules, const UsageSnapshot &usage, const std::vector<Grant> &grants, Instant now,
    const TimeZone &zone);

// Whether `app` (showing `domain`, in a browser; empty otherwise) may be used under `screen`,
// the decision evaluate() gave for the same moment.
UseDecision judgeUse(const Rules &rules, const UsageSnapshot &usage, const Decision &screen, const AppIdentity &app,
    std::string_view domain);

// The allowed stretches of time from the start of `from`'s calendar date through `days` dates,
// merged, in order. A date without windows is allowed for the whole child's day.
std::vector<TimeSpan> allowedSpans(const Rules &rules, const TimeZone &zone, LocalDate from, int days);

} // namespace sundial::core
