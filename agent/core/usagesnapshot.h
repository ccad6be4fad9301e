// SPDX-License-Identifier: GPL-3.0-or-later
// UsageSnapshot: the charged seconds a decision needs, for one child's day and week.
#pragma once

#include <map>
#include <string>

#include "agent/core/rules.h"

namespace sundial::core
{

struct UsageSnapshot {
    LocalDate day {}; // the child's day these figures are for
    std::chrono::seconds chargedToday {0}; // screen time charged on `day`
    std::chrono::seconds chargedThisWeek {0}; // screen time charged from the week's first day to `day`
    std::map<AppIdentity, std::chrono::seconds> chargedPerApp;
    std::map<std::string, std::chrono::seconds> chargedPerCategory; // by category name as recorded
    std::map<std::string, std::chrono::seconds> chargedPerDomain; // by exact host
};

} // namespace sundial::core
