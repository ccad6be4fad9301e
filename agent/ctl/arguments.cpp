// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/arguments.h"

#include <algorithm>

namespace sundial::ctl
{

std::optional<std::string> takeOption(std::vector<std::string> &args, const std::string &name)
{
    const auto found = std::find(args.begin(), args.end(), name);
    if (found == args.end() || found + 1 == args.end()) {
        return std::nullopt;
    }
    std::string value = *(found + 1);
    args.erase(found, found + 2);
    return value;
}

bool takeFlag(std::vector<std::string> &args, const std::string &name)
{
    const auto found = std::find(args.begin(), args.end(), name);
    if (found == args.end()) {
        return false;
    }
    args.erase(found);
    return true;
}

core::Result<ReportRange> takeReportRange(std::vector<std::string> &args, core::LocalDate today)
{
    using std::chrono::days;
    const std::string period = takeOption(args, "--period").value_or("week");
    const int back = period == "day" ? 0 : period == "week" ? 6 : period == "month" ? 29 : period == "year" ? 364 : -1;
    if (back < 0) {
        return core::Error {"--period", "--period is day, week, month or year"};
    }
    ReportRange range {today - days {back}, today};
    for (const auto &[option, end] : {std::pair {"--from", &range.from}, std::pair {"--to", &range.to}}) {
        if (auto text = takeOption(args, option)) {
            const auto date = core::parseDate(*text);
            if (!date) {
                return core::Error {option, "\"" + *text + "\" is not a date such as 2025-06-14"};
            }
            *end = *date;
        }
    }
    if (range.to < range.from) {
        return core::Error {"--from", "the report starts after it ends: --from must not be after --to"};
    }
    return range;
}

} // namespace sundial::ctl
