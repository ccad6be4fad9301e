// SPDX-License-Identifier: GPL-3.0-or-later
// The usage report's JSON form: what Admin.Usage answers and `sundialctl report --format json`
// prints, from the service or straight from a state directory.
//
//   {"from": "2025-06-09", "to": "2025-06-15",
//    "days": [{"day", "activeSeconds", "chargedSeconds"}],           days with use, in order
//    "apps": [{"id", "name", "activeSeconds", "chargedSeconds"}],     most used first
//    "sites": [{"name", ...}], "categories": [{"name", ...}],
//    "categoryDays": [{"day", "category", "activeSeconds", "chargedSeconds"}],  "" = no category
//    "hours": 7 rows (Sunday first) of 24 active seconds per local hour}
#pragma once

#include <string>

#include "agent/core/usagereport.h"

namespace sundial::core
{

// The child's days from..to (inclusive); at most `topLimit` apps, sites and categories.
std::string usageReportJson(
    const UsageReport &report, std::int64_t child, LocalDate from, LocalDate to, int topLimit = 50);

} // namespace sundial::core
