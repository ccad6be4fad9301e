// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/siteverdict.h"

#include "agent/core/policy.h"

namespace sundial::core
{

SiteVerdict judgeSite(const Rules &rules, const UsageSnapshot &usage, const Decision &screen,
    const AppIdentity &browser, std::string_view domain, const DayCalendar &calendar)
{
    const UseDecision use = judgeUse(rules, usage, screen, browser, domain);
    SiteVerdict site;
    site.reason = use.reason;
    switch (use.verdict) {
    case UseVerdict::AlwaysAllowed:
        site.kind = SiteVerdict::Kind::AlwaysAllowed;
        return site;
    case UseVerdict::Blocked:
        site.kind = SiteVerdict::Kind::Blocked; // until the parent changes the rule: no time to give
        return site;
    case UseVerdict::OverBudget:
    case UseVerdict::Allowed:
        break;
    }
    if (forbidsUse(screen.verdict)) {
        site.reason = screen.reason;
        if (screen.verdict == Verdict::OutsideHours) {
            site.kind = SiteVerdict::Kind::OutsideHours;
            site.opensAt = screen.reasonParts.at;
        } else {
            site.kind = SiteVerdict::Kind::OutOfTime;
        }
        return site;
    }
    if (use.verdict == UseVerdict::OverBudget) {
        site.kind = SiteVerdict::Kind::OverBudget;
        site.opensAt = calendar.endOf(screen.day); // a site's budget is a day's
        return site;
    }
    site.secondsLeft = use.remaining;
    return site;
}

std::string_view siteVerdictKey(SiteVerdict::Kind kind)
{
    switch (kind) {
    case SiteVerdict::Kind::Allowed:
        return "allowed";
    case SiteVerdict::Kind::AlwaysAllowed:
        return "always-allowed";
    case SiteVerdict::Kind::Blocked:
        return "blocked";
    case SiteVerdict::Kind::OverBudget:
        return "over-budget";
    case SiteVerdict::Kind::OutsideHours:
        return "outside-hours";
    case SiteVerdict::Kind::OutOfTime:
        return "out-of-time";
    }
    return "allowed";
}

nlohmann::json siteVerdictJson(const SiteVerdict &verdict, const Rules &rules)
{
    nlohmann::json answer {
        {"verdict", siteVerdictKey(verdict.kind)},
        {"reason", verdict.reason},
        {"opensAt", nullptr},
        {"secondsLeft", verdict.secondsLeft ? verdict.secondsLeft->count() : -1},
        {"recordUrls", rules.privacy.recordFullUrls},
    };
    if (verdict.opensAt) {
        answer["opensAt"]
            = std::chrono::duration_cast<std::chrono::seconds>(verdict.opensAt->time_since_epoch()).count();
    }
    if (!rules.helpLine.name.empty() || !rules.helpLine.phone.empty() || !rules.helpLine.url.empty()) {
        answer["helpLine"]
            = {{"name", rules.helpLine.name}, {"phone", rules.helpLine.phone}, {"url", rules.helpLine.url}};
    }
    return answer;
}

} // namespace sundial::core
