// SPDX-License-Identifier: GPL-3.0-or-later
// Prints a usage report (its JSON form, agent/core/usagereportjson.h) as `sundialctl report`
// shows it, whether the report came from the service or from a state directory.
#pragma once

#include <ostream>
#include <string>

namespace sundial::ctl
{

// format: "table" (each day with a bar, the top apps and sites), "csv" (one line a day) or
// "json" (the report, indented). False if the format is none of these or the text no report.
bool printUsageReport(const std::string &reportJson, const std::string &format, std::ostream &out);

} // namespace sundial::ctl
