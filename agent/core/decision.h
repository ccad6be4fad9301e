// SPDX-License-Identifier: GPL-3.0-or-later
// Decision: what the policy says about a child's session at one moment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agent/core/timetypes.h"

namespace sundial::core
{

enum class Verdict {
    Allowed,
    Warning, // within a warning threshold of the next stop
    OutsideHours, // not inside an allowed window (and no grant covers now)
    OutOfTime, // the day's or week's budget is used up
};

// Outside hours or out of time: the session may not be used (the lockout's concern).
constexpr bool forbidsUse(Verdict verdict)
{
    return verdict == Verdict::OutOfTime || verdict == Verdict::OutsideHours;
}

// What one app or site may do right now.
enum class UseVerdict { Allowed, AlwaysAllowed, Blocked, OverBudget };

// The state of one app, category or site budget.
struct BudgetState {
    enum class Scope { App, Category, Site };
    Scope scope = Scope::App;
    std::string name; // the rule's label, pattern, category or domain
    std::chrono::seconds limit {0};
    std::chrono::seconds used {0};
    std::chrono::seconds remaining {0}; // never negative
};

// The reason in parts, so a user interface can say it in the child's language.
struct Reason {
    enum class Kind {
        NoLimit, // nothing stops the session today
        FreeTimeUntil, // a "free until" grant runs until `at`
        FreeTimeEnds, // the session stops when free time ends at `at`
        WindowEnds, // allowed hours end at `at`
        OutsideHours, // outside allowed hours; next allowed at `at` (if any)
        DayBudgetLeft, // `remaining` of `weekday`'s `budget` (+ `extra`) left
        DayBudgetUsedUp, // `weekday`'s `budget` (+ `extra`) used up
        WeekBudgetLeft, // `remaining` of the week's `budget` left
        WeekBudgetUsedUp, // the week's `budget` used up
    };
    Kind kind = Kind::NoLimit;
    std::optional<Instant> at;
    std::chrono::seconds budget {0};
    std::chrono::seconds extra {0};
    std::chrono::seconds remaining {0};
    std::chrono::weekday weekday = std::chrono::Monday;
};

// "no-limit", "free-time-until", "free-time-ends", "window-ends", "outside-hours",
// "day-budget-left", "day-budget-used-up", "week-budget-left", "week-budget-used-up".
std::string_view reasonKindKey(Reason::Kind kind);

struct Decision {
    Verdict verdict = Verdict::Allowed;
    std::string reason; // plain words: "Saturday's 3 h are used up", "allowed hours end at 20:30"
    Reason reasonParts; // the same, in parts
    LocalDate day {};
    // Screen time left today (budget, extra time and week considered); nullopt = unlimited.
    std::optional<std::chrono::seconds> remaining;
    // When the session must stop if the child stays active (budget end, window end, grant end),
    // or nullopt when nothing stops it within the days the policy looks at (today and two more).
    std::optional<Instant> stopsAt;
    // The earliest instant at which the verdict or reason could change with the child active.
    Instant nextChangeAt {};
    // The warning threshold in force, when verdict is Warning.
    std::optional<std::chrono::minutes> warningThreshold;
    std::vector<BudgetState> budgets;
};

// The verdict on one app (and site, in a browser).
struct UseDecision {
    UseVerdict verdict = UseVerdict::Allowed;
    std::string reason;
    // Time left for this app under its own, its category's and its site's budgets, and the
    // screen's; nullopt = no limit of its own.
    std::optional<std::chrono::seconds> remaining;
};

std::string_view verdictKey(Verdict verdict); // "allowed", "warning", "outside-hours", "out-of-time"
std::string_view useVerdictKey(UseVerdict verdict); // "allowed", "always-allowed", "blocked", "over-budget"

} // namespace sundial::core
