// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/rulematch.h"

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

int rank(RuleAction action)
{
    switch (action) {
    case RuleAction::Blocked:
        return 3;
    case RuleAction::AlwaysAllowed:
        return 2;
    case RuleAction::Budget:
        return 1;
    }
    return 0;
}

bool isHelpLine(const Rules &rules, const AppIdentity &app, std::string_view domain)
{
    for (const std::string &helpApp : rules.helpLine.apps) {
        if (!app.desktopId.empty() && asciiLower(helpApp) == asciiLower(app.desktopId)) {
            return true;
        }
    }
    if (domain.empty()) {
        return false;
    }
    for (const std::string &helpDomain : rules.helpLine.domains()) {
        if (SiteRule {helpDomain, RuleAction::AlwaysAllowed, std::nullopt}.covers(domain)) {
            return true;
        }
    }
    return false;
}

RuleMatch::Effect effectOf(RuleAction action)
{
    switch (action) {
    case RuleAction::Blocked:
        return RuleMatch::Effect::Blocked;
    case RuleAction::AlwaysAllowed:
        return RuleMatch::Effect::AlwaysAllowed;
    case RuleAction::Budget:
        return RuleMatch::Effect::Counted;
    }
    return RuleMatch::Effect::Counted;
}

} // namespace

const SiteRule *winningSiteRule(const Rules &rules, std::string_view host)
{
    const SiteRule *winner = nullptr;
    for (const SiteRule &rule : rules.sites) {
        if (!rule.covers(host)) {
            continue;
        }
        if (!winner || rule.domain.size() > winner->domain.size()
            || (rule.domain.size() == winner->domain.size() && rank(rule.action) > rank(winner->action))) {
            winner = &rule;
        }
    }
    return winner;
}

RuleMatch matchRules(const Rules &rules, const AppIdentity &app, std::string_view domain)
{
    RuleMatch match;
    if (isHelpLine(rules, app, domain)) {
        match.effect = RuleMatch::Effect::AlwaysAllowed;
        match.helpLine = true;
        return match;
    }

    const AppRule *appLevel = nullptr;
    const AppRule *categoryLevel = nullptr;
    std::vector<const AppRule *> appBudgets;
    std::vector<const AppRule *> categoryBudgets;
    for (const AppRule &rule : rules.apps) {
        if (!rule.matches(app)) {
            continue;
        }
        const bool isCategory = rule.kind == AppMatchKind::Category;
        const AppRule *&best = isCategory ? categoryLevel : appLevel;
        if (!best || rank(rule.action) > rank(best->action)) {
            best = &rule;
        }
        if (rule.action == RuleAction::Budget) {
            (isCategory ? categoryBudgets : appBudgets).push_back(&rule);
        }
    }
    match.deciding = appLevel ? appLevel : categoryLevel;
    RuleMatch::Effect appEffect = match.deciding ? effectOf(match.deciding->action) : RuleMatch::Effect::Counted;

    match.site = domain.empty() ? nullptr : winningSiteRule(rules, domain);
    const RuleMatch::Effect siteEffect = match.site ? effectOf(match.site->action) : RuleMatch::Effect::Counted;

    if (appEffect == RuleMatch::Effect::Blocked || siteEffect == RuleMatch::Effect::Blocked) {
        match.effect = RuleMatch::Effect::Blocked;
        if (appEffect != RuleMatch::Effect::Blocked) {
            match.deciding = nullptr; // the site decided
        }
        return match;
    }
    if (appEffect == RuleMatch::Effect::AlwaysAllowed || siteEffect == RuleMatch::Effect::AlwaysAllowed) {
        match.effect = RuleMatch::Effect::AlwaysAllowed;
        return match;
    }
    match.effect = RuleMatch::Effect::Counted;
    match.appBudgets = appBudgets;
    // An app rule beats its category's: a blocked category does not block an app that has a
    // rule of its own, but the category's budget still charges it.
    match.appBudgets.insert(match.appBudgets.end(), categoryBudgets.begin(), categoryBudgets.end());
    if (match.site && match.site->action == RuleAction::Budget) {
        match.siteBudgets.push_back(match.site);
    }
    return match;
}

} // namespace sundial::core
