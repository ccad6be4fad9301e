// SPDX-License-Identifier: GPL-3.0-or-later
// Reading sundialctl's command arguments, the same for commands run through the service and
// commands run on a state directory.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/timetypes.h"

namespace sundial::ctl
{

// The value of "NAME VALUE" in args, removing both; nullopt if absent (or NAME is last).
std::optional<std::string> takeOption(std::vector<std::string> &args, const std::string &name);
// Whether NAME is in args, removing it.
bool takeFlag(std::vector<std::string> &args, const std::string &name);

// The days a report covers: --period day|week|month|year ending `today` (default week), or
// --from/--to dates (either overrides its end of the period).
struct ReportRange {
    core::LocalDate from {};
    core::LocalDate to {};
};
// The error's field names the option: "--period" is a usage error, "--from"/"--to" a refusal.
core::Result<ReportRange> takeReportRange(std::vector<std::string> &args, core::LocalDate today);

} // namespace sundial::ctl
