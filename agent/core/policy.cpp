// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/policy.h"

#include <algorithm>
#include <tuple>

#include "agent/core/daycalendar.h"
#include "agent/core/rulematch.h"

namespace sundial::core
{

using std::chrono::days;
using std::chrono::minutes;
using std::chrono::seconds;

namespace
{

// How far ahead the simulation looks for the next stop: today and two more days.
constexpr int kDaysAhead = 3;

enum class StopCause { None, WindowEnd, OutsideHours, DayBudget, WeekBudget, FreeTimeEnds };

struct Stop {
    std::optional<Instant> at;
    StopCause cause = StopCause::None;
};

seconds toSeconds(minutes value)
{
    return std::chrono::duration_cast<seconds>(value);
}

seconds extraFor(const std::vector<Grant> &grants, LocalDate day)
{
    seconds extra {0};
    for (const Grant &grant : grants) {
        if (grant.kind == Grant::Kind::ExtraTime && grant.day == day) {
            extra += toSeconds(grant.extra);
        }
    }
    return extra;
}

// The latest "free until" instant granted for `day`, if any.
std::optional<Instant> freeUntil(const std::vector<Grant> &grants, LocalDate day, const DayCalendar &calendar)
{
    std::optional<Instant> latest;
    for (const Grant &grant : grants) {
        if (grant.kind != Grant::Kind::FreeUntil || grant.day != day) {
            continue;
        }
        // HH:MM on the day's date, or on the next date when the day starts later than HH:MM.
        Instant until = calendar.zone().fromLocal(day, grant.until);
        if (until < calendar.startOf(day)) {
            until = calendar.zone().fromLocal(day + days {1}, grant.until);
        }
        until = std::min(until, calendar.endOf(day));
        latest = latest ? std::max(*latest, until) : until;
    }
    return latest;
}

const TimeSpan *spanContaining(const std::vector<TimeSpan> &spans, Instant at)
{
    for (const TimeSpan &span : spans) {
        if (span.contains(at)) {
            return &span;
        }
    }
    return nullptr;
}

std::optional<Instant> nextSpanStart(const std::vector<TimeSpan> &spans, Instant after)
{
    for (const TimeSpan &span : spans) {
        if (span.start > after) {
            return span.start;
        }
    }
    return std::nullopt;
}

struct Budgets {
    std::optional<seconds> day; // remaining today, before clamping
    std::optional<seconds> week; // remaining this week, before clamping
    std::optional<seconds> remaining() const
    {
        if (!day && !week) {
            return std::nullopt;
        }
        const seconds least = std::min(day.value_or(seconds::max()), week.value_or(seconds::max()));
        return std::max(least, seconds {0});
    }
    void consume(seconds used)
    {
        if (day) {
            *day -= used;
        }
        if (week) {
            *week -= used;
        }
    }
    StopCause bindingCause() const
    {
        return week && (!day || *week < *day) ? StopCause::WeekBudget : StopCause::DayBudget;
    }
};

// Follows the child, assumed active from `now` on, through today and the next days, and
// returns the first moment the session must stop.
Stop simulate(const Rules &rules, const DayCalendar &calendar, const std::vector<TimeSpan> &spans,
    const std::vector<Grant> &grants, LocalDate today, Budgets budgets, std::optional<Instant> free, Instant now)
{
    Instant cursor = now;
    LocalDate day = today;
    for (int step = 0; step < kDaysAhead; ++step) {
        const Instant dayEnd = calendar.endOf(day);
        if (free && cursor < *free) {
            budgets.consume(*free - cursor); // free time is still charged
            cursor = *free;
            if (cursor >= dayEnd) {
                return {};
            }
        }
        // A stop right where free time ends is, to the child, the end of the free time.
        const bool freeJustEnded = free && cursor == *free && cursor > now;
        const std::optional<seconds> remaining = budgets.remaining();
        if (remaining && *remaining == seconds {0}) {
            return {cursor, freeJustEnded ? StopCause::FreeTimeEnds : budgets.bindingCause()};
        }
        const TimeSpan *span = spanContaining(spans, cursor);
        if (!span) {
            return {cursor, freeJustEnded ? StopCause::FreeTimeEnds : StopCause::OutsideHours};
        }
        const Instant budgetEnd = remaining ? cursor + *remaining : Instant::max();
        if (span->end <= dayEnd || budgetEnd <= dayEnd) {
            if (span->end <= budgetEnd) {
                return {span->end, StopCause::WindowEnd};
            }
            return {budgetEnd, budgets.bindingCause()};
        }
        // Still allowed when the day ends: go on with the next day's budget.
        budgets.consume(dayEnd - cursor);
        const LocalDate next = day + days {1};
        const std::optional<minutes> nextBudget = rules.day(std::chrono::weekday {next}).budget;
        budgets.day = nextBudget ? std::optional {toSeconds(*nextBudget) + extraFor(grants, next)} : std::nullopt;
        if (rules.weeklyBudget
            && DayCalendar::weekStart(next, rules.firstWeekday) != DayCalendar::weekStart(day, rules.firstWeekday)) {
            budgets.week = toSeconds(*rules.weeklyBudget);
        }
        free = freeUntil(grants, next, calendar);
        cursor = dayEnd;
        day = next;
    }
    return {};
}

std::string localClock(const TimeZone &zone, Instant at)
{
    const LocalDateTime local = zone.toLocal(at);
    return formatTimeOfDay(std::chrono::duration_cast<minutes>(local.sinceMidnight));
}

// "15:00", or "Monday at 07:00" when it is not on the child's day `today`.
std::string momentText(const DayCalendar &calendar, LocalDate today, Instant at)
{
    const LocalDate day = calendar.dayOf(at);
    const std::string clock = localClock(calendar.zone(), at);
    if (day == today) {
        return clock;
    }
    if (day == today + days {1}) {
        return "tomorrow at " + clock;
    }
    return std::string {weekdayName(std::chrono::weekday {day})} + " at " + clock;
}

std::string dayBudgetText(const Rules &rules, LocalDate day, seconds extra)
{
    const std::string name {weekdayName(std::chrono::weekday {day})};
    const seconds budget = toSeconds(rules.day(std::chrono::weekday {day}).budget.value_or(minutes {0}));
    std::string text = name + "'s " + formatDuration(budget);
    if (extra > seconds {0}) {
        text += " and " + formatDuration(extra) + " extra";
    }
    return text;
}

std::pair<std::string, Reason> reasonFor(const Rules &rules, const DayCalendar &calendar,
    const std::vector<TimeSpan> &spans, LocalDate today, const Stop &stop, Instant now, seconds extra,
    std::optional<seconds> remaining, std::optional<Instant> free)
{
    Reason parts;
    parts.weekday = std::chrono::weekday {today};
    parts.extra = extra;
    parts.remaining = remaining.value_or(seconds {0});
    const std::string weekText = "this week's " + formatDuration(toSeconds(rules.weeklyBudget.value_or(minutes {0})));
    const bool stoppedNow = stop.at && *stop.at == now;
    switch (stop.cause) {
    case StopCause::None:
        if (free && now < *free) {
            parts.kind = Reason::Kind::FreeTimeUntil;
            parts.at = *free;
            return {"free time until " + localClock(calendar.zone(), *free), parts};
        }
        parts.kind = Reason::Kind::NoLimit;
        return {"no limit today", parts};
    case StopCause::WindowEnd:
        parts.kind = Reason::Kind::WindowEnds;
        parts.at = *stop.at;
        return {"allowed hours end at " + momentText(calendar, today, *stop.at), parts};
    case StopCause::FreeTimeEnds:
    case StopCause::OutsideHours: {
        if (!stoppedNow) {
            parts.kind = stop.cause == StopCause::FreeTimeEnds ? Reason::Kind::FreeTimeEnds : Reason::Kind::WindowEnds;
            parts.at = *stop.at;
            return {(stop.cause == StopCause::FreeTimeEnds ? "free time ends at " : "allowed hours end at ")
                    + momentText(calendar, today, *stop.at),
                parts};
        }
        parts.kind = Reason::Kind::OutsideHours;
        parts.at = nextSpanStart(spans, now);
        return {parts.at ? "outside allowed hours; next allowed at " + momentText(calendar, today, *parts.at)
                         : std::string {"outside allowed hours"},
            parts};
    }
    case StopCause::DayBudget:
        parts.budget = toSeconds(rules.day(std::chrono::weekday {today}).budget.value_or(minutes {0}));
        if (stoppedNow) {
            parts.kind = Reason::Kind::DayBudgetUsedUp;
            if (parts.budget == seconds {0} && extra == seconds {0}) {
                return {"no screen time on " + std::string {weekdayName(std::chrono::weekday {today})}, parts};
            }
            return {dayBudgetText(rules, today, extra) + " are used up", parts};
        }
        parts.kind = Reason::Kind::DayBudgetLeft;
        return {formatDuration(parts.remaining) + " of " + dayBudgetText(rules, today, extra) + " left", parts};
    case StopCause::WeekBudget:
        parts.budget = toSeconds(rules.weeklyBudget.value_or(minutes {0}));
        if (stoppedNow) {
            parts.kind = Reason::Kind::WeekBudgetUsedUp;
            return {weekText + " are used up", parts};
        }
        parts.kind = Reason::Kind::WeekBudgetLeft;
        return {formatDuration(parts.remaining) + " of " + weekText + " left", parts};
    }
    return {};
}

seconds usedUnderAppRule(const Rules &rules, const UsageSnapshot &usage, const AppRule &rule)
{
    seconds used {0};
    for (const auto &[app, charged] : usage.chargedPerApp) {
        if (rule.matches(app)) {
            // Only seconds this rule charged: an app with a stronger rule of its own was not.
            const RuleMatch match = matchRules(rules, app, {});
            if (std::find(match.appBudgets.begin(), match.appBudgets.end(), &rule) != match.appBudgets.end()) {
                used += charged;
            }
        }
    }
    return used;
}

seconds usedUnderSiteRule(const Rules &rules, const UsageSnapshot &usage, const SiteRule &rule)
{
    seconds used {0};
    for (const auto &[domain, charged] : usage.chargedPerDomain) {
        if (winningSiteRule(rules, domain) == &rule) {
            used += charged;
        }
    }
    return used;
}

BudgetState appBudgetState(const Rules &rules, const UsageSnapshot &usage, const AppRule &rule)
{
    BudgetState state;
    state.scope = rule.kind == AppMatchKind::Category ? BudgetState::Scope::Category : BudgetState::Scope::App;
    state.name = rule.label.empty() ? rule.pattern : rule.label;
    state.limit = toSeconds(rule.dailyBudget.value_or(minutes {0}));
    state.used = usedUnderAppRule(rules, usage, rule);
    state.remaining = std::max(state.limit - state.used, seconds {0});
    return state;
}

BudgetState siteBudgetState(const Rules &rules, const UsageSnapshot &usage, const SiteRule &rule)
{
    BudgetState state;
    state.scope = BudgetState::Scope::Site;
    state.name = rule.domain;
    state.limit = toSeconds(rule.dailyBudget.value_or(minutes {0}));
    state.used = usedUnderSiteRule(rules, usage, rule);
    state.remaining = std::max(state.limit - state.used, seconds {0});
    return state;
}

} // namespace

std::vector<TimeSpan> allowedSpans(const Rules &rules, const TimeZone &zone, LocalDate from, int count)
{
    const DayCalendar calendar {zone, rules.dayStart};
    std::vector<TimeSpan> spans;
    for (int i = 0; i < count; ++i) {
        const LocalDate date = from + days {i};
        const DayRules &day = rules.day(std::chrono::weekday {date});
        if (day.windows.empty()) {
            spans.push_back({calendar.startOf(date), calendar.endOf(date)});
            continue;
        }
        for (const AllowedWindow &window : day.windows) {
            const LocalDate endDate = window.spansMidnight() ? date + days {1} : date;
            spans.push_back({zone.fromLocal(date, window.start), zone.fromLocal(endDate, window.end)});
        }
    }
    std::sort(spans.begin(), spans.end(), [](const TimeSpan &a, const TimeSpan &b) { return a.start < b.start; });
    std::vector<TimeSpan> merged;
    for (const TimeSpan &span : spans) {
        if (span.end <= span.start) {
            continue; // a window lost entirely in a DST gap
        }
        if (!merged.empty() && span.start <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, span.end);
        } else {
            merged.push_back(span);
        }
    }
    return merged;
}

Decision evaluate(
    const Rules &rules, const UsageSnapshot &usage, const std::vector<Grant> &grants, Instant now, const TimeZone &zone)
{
    const DayCalendar calendar {zone, rules.dayStart};
    const LocalDate today = calendar.dayOf(now);
    const Instant dayEnd = calendar.endOf(today);
    const seconds extra = extraFor(grants, today);
    const std::optional<Instant> free = freeUntil(grants, today, calendar);

    Budgets budgets;
    if (const auto budget = rules.day(std::chrono::weekday {today}).budget) {
        budgets.day = toSeconds(*budget) + extra - usage.chargedToday;
    }
    if (rules.weeklyBudget) {
        budgets.week = toSeconds(*rules.weeklyBudget) - usage.chargedThisWeek;
    }
    // Yesterday's windows can reach into today, and the simulation looks a few days ahead.
    const std::vector<TimeSpan> spans = allowedSpans(rules, zone, today - days {1}, kDaysAhead + 2);
    const Stop stop = simulate(rules, calendar, spans, grants, today, budgets, free, now);

    Decision decision;
    decision.day = today;
    decision.remaining = budgets.remaining();
    decision.stopsAt = stop.at;
    std::tie(decision.reason, decision.reasonParts)
        = reasonFor(rules, calendar, spans, today, stop, now, extra, decision.remaining, free);

    if (stop.at && *stop.at == now) {
        decision.verdict = stop.cause == StopCause::DayBudget || stop.cause == StopCause::WeekBudget
            ? Verdict::OutOfTime
            : Verdict::OutsideHours;
    } else if (stop.at) {
        const seconds left = *stop.at - now;
        for (const minutes warning : rules.warnings) {
            if (left <= toSeconds(warning) && (!decision.warningThreshold || warning < *decision.warningThreshold)) {
                decision.warningThreshold = warning;
            }
        }
        decision.verdict = decision.warningThreshold ? Verdict::Warning : Verdict::Allowed;
    }

    // The earliest moment anything above can change for an active child.
    std::vector<Instant> changes {dayEnd};
    if (stop.at) {
        changes.push_back(*stop.at);
        for (const minutes warning : rules.warnings) {
            changes.push_back(*stop.at - toSeconds(warning));
        }
    }
    if (free) {
        changes.push_back(*free);
    }
    if (const auto next = nextSpanStart(spans, now)) {
        changes.push_back(*next);
    }
    decision.nextChangeAt = dayEnd;
    for (const Instant change : changes) {
        if (change > now && change < decision.nextChangeAt) {
            decision.nextChangeAt = change;
        }
    }

    for (const AppRule &rule : rules.apps) {
        if (rule.action == RuleAction::Budget) {
            decision.budgets.push_back(appBudgetState(rules, usage, rule));
        }
    }
    for (const SiteRule &rule : rules.sites) {
        if (rule.action == RuleAction::Budget) {
            decision.budgets.push_back(siteBudgetState(rules, usage, rule));
        }
    }
    return decision;
}

UseDecision judgeUse(const Rules &rules, const UsageSnapshot &usage, const Decision &screen, const AppIdentity &app,
    std::string_view domain)
{
    const RuleMatch match = matchRules(rules, app, domain);
    UseDecision use;
    const std::string what = !domain.empty() ? std::string {domain} : !app.desktopId.empty() ? app.desktopId : app.exe;
    switch (match.effect) {
    case RuleMatch::Effect::AlwaysAllowed:
        use.verdict = UseVerdict::AlwaysAllowed;
        use.reason = match.helpLine ? "the help line is always allowed" : what + " is always allowed";
        return use;
    case RuleMatch::Effect::Blocked:
        use.verdict = UseVerdict::Blocked;
        use.reason = what + " is blocked";
        return use;
    case RuleMatch::Effect::Counted:
        break;
    }
    use.remaining = screen.remaining;
    std::vector<BudgetState> states;
    for (const AppRule *rule : match.appBudgets) {
        states.push_back(appBudgetState(rules, usage, *rule));
    }
    for (const SiteRule *rule : match.siteBudgets) {
        states.push_back(siteBudgetState(rules, usage, *rule));
    }
    for (const BudgetState &state : states) {
        use.remaining = use.remaining ? std::min(*use.remaining, state.remaining) : state.remaining;
        if (state.remaining == seconds {0} && use.verdict != UseVerdict::OverBudget) {
            use.verdict = UseVerdict::OverBudget;
            use.reason = "today's " + formatDuration(state.limit) + " for " + state.name + " are used up";
        }
    }
    if (use.verdict == UseVerdict::Allowed) {
        use.reason = use.remaining ? formatDuration(*use.remaining) + " left for " + what : what + " has no limit";
    }
    return use;
}

std::string_view reasonKindKey(Reason::Kind kind)
{
    switch (kind) {
    case Reason::Kind::NoLimit:
        return "no-limit";
    case Reason::Kind::FreeTimeUntil:
        return "free-time-until";
    case Reason::Kind::FreeTimeEnds:
        return "free-time-ends";
    case Reason::Kind::WindowEnds:
        return "window-ends";
    case Reason::Kind::OutsideHours:
        return "outside-hours";
    case Reason::Kind::DayBudgetLeft:
        return "day-budget-left";
    case Reason::Kind::DayBudgetUsedUp:
        return "day-budget-used-up";
    case Reason::Kind::WeekBudgetLeft:
        return "week-budget-left";
    case Reason::Kind::WeekBudgetUsedUp:
        return "week-budget-used-up";
    }
    return "no-limit";
}

std::string_view verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Allowed:
        return "allowed";
    case Verdict::Warning:
        return "warning";
    case Verdict::OutsideHours:
        return "outside-hours";
    case Verdict::OutOfTime:
        return "out-of-time";
    }
    return "allowed";
}

std::string_view useVerdictKey(UseVerdict verdict)
{
    switch (verdict) {
    case UseVerdict::Allowed:
        return "allowed";
    case UseVerdict::AlwaysAllowed:
        return "always-allowed";
    case UseVerdict::Blocked:
        return "blocked";
    case UseVerdict::OverBudget:
        return "over-budget";
    }
    return "allowed";
}

} // namespace sundial::core
