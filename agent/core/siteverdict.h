// SPDX-License-Identifier: GPL-3.0-or-later
// SiteVerdict: what the browser does with one site now (agent/browser/PROTOCOL.md's `verdict`),
// from the same rules and decision as everything else. A site the rules block says "blocked"
// even outside hours (the reason that lasts); an always-allowed site, the help line's above all,
// stays open when screen time is over. Otherwise the screen's own verdict comes before the site's
// budget: outside hours the whole screen is closed, whatever the site has left.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "agent/core/daycalendar.h"
#include "agent/core/decision.h"
#include "agent/core/rules.h"
#include "agent/core/usagesnapshot.h"

namespace sundial::core
{

struct SiteVerdict {
    enum class Kind { Allowed, AlwaysAllowed, Blocked, OverBudget, OutsideHours, OutOfTime };
    Kind kind = Kind::Allowed;
    std::string reason; // plain words (English), as UseDecision's
    std::optional<Instant> opensAt; // when the site opens again, when known
    // Until the site's own budget or the screen's runs out; nullopt = no limit.
    std::optional<std::chrono::seconds> secondsLeft;
};

// The verdict on `domain` shown in `browser` (its app rules count too: a blocked browser blocks
// every site in it).
SiteVerdict judgeSite(const Rules &rules, const UsageSnapshot &usage, const Decision &screen,
    const AppIdentity &browser, std::string_view domain, const DayCalendar &calendar);

// "allowed", "always-allowed", "blocked", "over-budget", "outside-hours", "out-of-time".
std::string_view siteVerdictKey(SiteVerdict::Kind kind);
// Whether the browser shows the block page in place of the site.
constexpr bool closesSite(SiteVerdict::Kind kind)
{
    return kind != SiteVerdict::Kind::Allowed && kind != SiteVerdict::Kind::AlwaysAllowed;
}

// The answer to Session.SiteReport: verdict, reason, opensAt (Unix seconds, or null),
// secondsLeft (-1: no limit), recordUrls, and the help line (name, phone, url; never blocked).
nlohmann::json siteVerdictJson(const SiteVerdict &verdict, const Rules &rules);

} // namespace sundial::core
