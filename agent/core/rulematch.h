// SPDX-License-Identifier: GPL-3.0-or-later
// Which rules apply to an app and site (docs/RULES.md "Which rule applies to an app or site").
#pragma once

#include <string_view>
#include <vector>

#include "agent/core/rules.h"

namespace sundial::core
{

struct RuleMatch {
    enum class Effect { Counted, AlwaysAllowed, Blocked };
    Effect effect = Effect::Counted;
    bool helpLine = false; // the help line's app or site: never blocked, never counted
    const AppRule *deciding = nullptr; // the app or category rule that set `effect`, if any
    const SiteRule *site = nullptr; // the site rule that won for the domain, if any
    std::vector<const AppRule *> appBudgets; // budget rules that also charge this use
    std::vector<const SiteRule *> siteBudgets;
};

// Specific beats general (an app rule beats its category's; the longest domain wins); at the
// same specificity blocked beats always-allowed beats budget. The help line wins over all.
// Pointers refer into `rules`, which must outlive the result.
RuleMatch matchRules(const Rules &rules, const AppIdentity &app, std::string_view domain);

// The site rule that decides for `host`, or nullptr.
const SiteRule *winningSiteRule(const Rules &rules, std::string_view host);

} // namespace sundial::core
