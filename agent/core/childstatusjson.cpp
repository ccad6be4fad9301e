// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/childstatusjson.h"

#include "agent/core/rulesjson.h"

namespace sundial::core
{

namespace
{

std::int64_t unixTime(Instant at)
{
    return at.time_since_epoch().count();
}

const char *scopeName(BudgetState::Scope scope)
{
    switch (scope) {
    case BudgetState::Scope::App:
        return "app";
    case BudgetState::Scope::Category:
        return "category";
    case BudgetState::Scope::Site:
        return "site";
    }
    return "app";
}

// What happens when the grace ends: "downtime", else the lockout action.
std::string_view timeUpAction(const Rules &rules)
{
    if (downtimeApplies(rules)) {
        return "downtime";
    }
    return lockoutActionName(rules.lockout.action);
}

} // namespace

nlohmann::json childStatusJson(const Decision &decision, std::chrono::seconds used, const Rules &rules)
{
    const Reason &parts = decision.reasonParts;
    nlohmann::json budgets = nlohmann::json::array();
    for (const BudgetState &budget : decision.budgets) {
        budgets.push_back(
            {{"name", budget.name}, {"scope", scopeName(budget.scope)}, {"limitSeconds", budget.limit.count()},
                {"usedSeconds", budget.used.count()}, {"remainingSeconds", budget.remaining.count()}});
    }
    const PrivacySettings &privacy = rules.privacy;
    // For clients that show it as it is; the child's window composes its own from the keys below.
    const std::string recorded = std::string {"Sundial records which apps you use and when"}
        + (privacy.recordFullUrls ? ", the full address of the pages you visit (including what you search for)"
                                  : ", which web sites you visit (only the site's name)")
        + (privacy.recordTitles ? ", and the titles of your windows (such as the name of a page or a file)" : "")
        + ". Details are kept " + std::to_string(privacy.activityRetention.count()) + " days, daily totals "
        + std::to_string(privacy.dailyRetention.count())
        + " days. Sundial never records what you type and never takes screenshots.";
    return {{"limited", true}, {"verdict", std::string {verdictKey(decision.verdict)}}, {"reason", decision.reason},
        {"reasonKind", std::string {reasonKindKey(parts.kind)}},
        {"reasonAt", parts.at ? unixTime(*parts.at) : std::int64_t {0}}, {"reasonBudgetSeconds", parts.budget.count()},
        {"reasonExtraSeconds", parts.extra.count()}, {"reasonRemainingSeconds", parts.remaining.count()},
        {"reasonWeekday", std::int64_t {parts.weekday.c_encoding()}}, {"day", formatDate(decision.day)},
        {"usedSeconds", used.count()},
        {"remainingSeconds", decision.remaining ? decision.remaining->count() : std::int64_t {-1}},
        {"allowedUntil", decision.stopsAt ? unixTime(*decision.stopsAt) : std::int64_t {0}},
        {"nextChangeAt", unixTime(decision.nextChangeAt)}, {"budgets", budgets.dump()}, {"recorded", recorded},
        // What the child's helper needs to know to send no more than is kept.
        {"recordTitles", privacy.recordTitles}, {"recordFullUrls", privacy.recordFullUrls},
        {"idleThresholdSeconds", rules.idleThreshold.count()},
        {"activityRetentionDays", privacy.activityRetention.count()},
        {"dailyRetentionDays", privacy.dailyRetention.count()}, {"helpLineName", rules.helpLine.name},
        {"helpLinePhone", rules.helpLine.phone}, {"helpLineUrl", rules.helpLine.url},
        {"helpLineNote", rules.helpLine.note}, {"lockoutAction", std::string {timeUpAction(rules)}}};
}

} // namespace sundial::core
