// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/policy.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

namespace
{

const testing::BerlinZone kZone;
const core::AppIdentity kMinetest {"/usr/games/minetest", "net.minetest.minetest", "Game"};
const core::AppIdentity kBrowser {"/usr/lib/chromium/chromium", "chromium", "Network"};

core::UsageSnapshot charged(const char *date, seconds today, seconds week = seconds {-1})
{
    core::UsageSnapshot usage;
    usage.day = *core::parseDate(date);
    usage.chargedToday = today;
    usage.chargedThisWeek = week < seconds {0} ? today : week;
    return usage;
}

core::AllowedWindow window(int fromHour, int fromMinute, int toHour, int toMinute)
{
    return {minutes {fromHour * 60 + fromMinute}, minutes {toHour * 60 + toMinute}};
}

} // namespace

TEST_CASE("Worked example 1: ten minutes of Saturday's two hours left at 18:00", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {2};
    const auto decision
        = core::evaluate(rules, charged("2025-06-14", hours {1} + minutes {50}), {}, berlin("2025-06-14", 18), kZone);
    CHECK(decision.verdict == core::Verdict::Warning);
    CHECK(decision.warningThreshold == minutes {15});
    CHECK(decision.remaining == minutes {10});
    CHECK(decision.stopsAt == berlin("2025-06-14", 18, 10));
    CHECK(decision.nextChangeAt == berlin("2025-06-14", 18, 5));
    CHECK(decision.reason == "10 min of Saturday's 2 h left");
}

TEST_CASE("Worked example 2: allowed hours end at 20:30 with an hour of budget left", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {3};
    rules.day(Saturday).windows = {window(15, 0, 20, 30)};
    const auto decision
        = core::evaluate(rules, charged("2025-06-14", hours {2}), {}, berlin("2025-06-14", 20, 25), kZone);
    CHECK(decision.verdict == core::Verdict::Warning);
    CHECK(decision.warningThreshold == minutes {5});
    CHECK(decision.remaining == hours {1});
    CHECK(decision.reason == "allowed hours end at 20:30");
    CHECK(decision.nextChangeAt == berlin("2025-06-14", 20, 29));
}

TEST_CASE("Worked example 3: a Friday window 22:00–01:00 covers Saturday 00:30", "[core][policy]")
{
    core::Rules rules;
    rules.day(Friday).windows = {window(22, 0, 1, 0)};
    rules.day(Saturday).windows = {window(10, 0, 12, 0)};
    const auto night = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 0, 30), kZone);
    CHECK(night.verdict == core::Verdict::Allowed);
    CHECK(night.reason == "allowed hours end at 01:00");
    CHECK(night.nextChangeAt == berlin("2025-06-14", 0, 45)); // the 15-minute warning
    const auto late = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 1), kZone);
    CHECK(late.verdict == core::Verdict::OutsideHours);
    CHECK(late.reason == "outside allowed hours; next allowed at 10:00");
    CHECK(late.nextChangeAt == berlin("2025-06-14", 10));
}

TEST_CASE("The warning before a window spanning midnight comes on the evening before", "[core][policy]")
{
    core::Rules rules;
    rules.day(Friday).windows = {window(20, 0, 0, 10)};
    rules.day(Saturday).windows = {window(10, 0, 12, 0)};
    const auto decision = core::evaluate(rules, charged("2025-06-13", {}), {}, berlin("2025-06-13", 23, 56), kZone);
    CHECK(decision.verdict == core::Verdict::Warning);
    CHECK(decision.stopsAt == berlin("2025-06-14", 0, 10));
    CHECK(decision.reason == "allowed hours end at tomorrow at 00:10");
}

TEST_CASE("A used-up budget is out of time, with the reason in plain words", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {3};
    const auto decision = core::evaluate(rules, charged("2025-06-14", hours {3}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(decision.verdict == core::Verdict::OutOfTime);
    CHECK(decision.remaining == seconds {0});
    CHECK(decision.reason == "Saturday's 3 h are used up");
    CHECK(decision.nextChangeAt == berlin("2025-06-15", 0)); // a new day, a new budget
}

TEST_CASE("Remaining time never goes below zero", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {1};
    const auto decision = core::evaluate(rules, charged("2025-06-14", hours {2}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(decision.remaining == seconds {0});
}

TEST_CASE("A budget of zero is no use at all that day, unlike no windows", "[core][policy]")
{
    core::Rules rules;
    rules.day(Sunday).budget = minutes {0};
    CHECK(core::evaluate(rules, charged("2025-06-15", {}), {}, berlin("2025-06-15", 10), kZone).verdict
        == core::Verdict::OutOfTime);
    rules.day(Sunday).budget.reset();
    const auto open = core::evaluate(rules, charged("2025-06-15", {}), {}, berlin("2025-06-15", 10), kZone);
    CHECK(open.verdict == core::Verdict::Allowed);
    CHECK_FALSE(open.remaining);
}

TEST_CASE("The weekly budget binds when it is smaller than the day's", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {3};
    rules.weeklyBudget = hours {10};
    const auto decision = core::evaluate(
        rules, charged("2025-06-14", minutes {30}, hours {9} + minutes {50}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(decision.remaining == minutes {10});
    CHECK(decision.reason == "10 min of this week's 10 h left");
    const auto spent
        = core::evaluate(rules, charged("2025-06-14", hours {1}, hours {10}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(spent.verdict == core::Verdict::OutOfTime);
    CHECK(spent.reason == "this week's 10 h are used up");
}

TEST_CASE("Extra minutes raise the day's budget only", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {2};
    const auto day = *core::parseDate("2025-06-14");
    const std::vector<core::Grant> grants {
        core::Grant::extraTime(day, minutes {15}), core::Grant::extraTime(day - days {1}, minutes {60})};
    const auto decision
        = core::evaluate(rules, charged("2025-06-14", hours {2}), grants, berlin("2025-06-14", 16), kZone);
    CHECK(decision.verdict == core::Verdict::Warning);
    CHECK(decision.remaining == minutes {15});
    CHECK(decision.reason == "15 min of Saturday's 2 h and 15 min extra left");
}

TEST_CASE("Free until HH:MM allows use outside hours and past the budget until then", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {1};
    rules.day(Saturday).windows = {window(15, 0, 17, 0)};
    const auto day = *core::parseDate("2025-06-14");
    const std::vector<core::Grant> grants {core::Grant::freeUntil(day, minutes {19 * 60})};
    const auto decision
        = core::evaluate(rules, charged("2025-06-14", hours {1}), grants, berlin("2025-06-14", 18), kZone);
    CHECK(decision.verdict == core::Verdict::Allowed);
    CHECK(decision.stopsAt == berlin("2025-06-14", 19));
    CHECK(decision.reason == "free time ends at 19:00");
    CHECK(decision.remaining == seconds {0}); // time is still charged meanwhile
    const auto after = core::evaluate(rules, charged("2025-06-14", hours {2}), grants, berlin("2025-06-14", 19), kZone);
    CHECK(after.verdict == core::Verdict::OutOfTime);
}

TEST_CASE("The next change is the earliest of warnings, window starts and the day's end", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).windows = {window(7, 0, 8, 0), window(15, 0, 20, 30)};
    const auto morning = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 7, 10), kZone);
    CHECK(morning.verdict == core::Verdict::Allowed);
    CHECK(morning.nextChangeAt == berlin("2025-06-14", 7, 45));
    const auto noon = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 12), kZone);
    CHECK(noon.verdict == core::Verdict::OutsideHours);
    CHECK(noon.nextChangeAt == berlin("2025-06-14", 15));
}

TEST_CASE("Windows stay right on DST days", "[core][policy]")
{
    core::Rules rules;
    rules.day(Sunday).windows = {window(1, 0, 4, 0)};
    rules.day(Sunday).budget = hours {5};
    // 2025-03-30 01:00–04:00 is two real hours; 2025-10-26 01:00–04:00 is four.
    const auto spring = core::evaluate(rules, charged("2025-03-30", {}), {}, berlin("2025-03-30", 1), kZone);
    CHECK(*spring.stopsAt - berlin("2025-03-30", 1) == hours {2});
    const auto fall = core::evaluate(rules, charged("2025-10-26", {}), {}, berlin("2025-10-26", 1), kZone);
    CHECK(*fall.stopsAt - berlin("2025-10-26", 1) == hours {4});
}

TEST_CASE("With a day start of 04:00, Saturday 03:00 is still Friday", "[core][policy]")
{
    core::Rules rules;
    rules.dayStart = hours {4};
    rules.day(Friday).budget = hours {2};
    rules.day(Saturday).budget = hours {3};
    const auto decision = core::evaluate(rules, charged("2025-06-13", hours {2}), {}, berlin("2025-06-14", 3), kZone);
    CHECK(core::formatDate(decision.day) == "2025-06-13");
    CHECK(decision.verdict == core::Verdict::OutOfTime);
    CHECK(decision.reason == "Friday's 2 h are used up");
    CHECK(decision.nextChangeAt == berlin("2025-06-14", 4));
}

TEST_CASE("Apps and sites are judged by their own budgets (worked example 10)", "[core][policy]")
{
    core::Rules rules;
    rules.sites.push_back({"example.com", core::RuleAction::Budget, minutes {30}});
    rules.sites.push_back({"video.example.com", core::RuleAction::Blocked, std::nullopt});
    core::AppRule games;
    games.kind = core::AppMatchKind::Category;
    games.pattern = "Game";
    games.dailyBudget = hours {1};
    rules.apps.push_back(games);
    core::UsageSnapshot usage = charged("2025-06-14", hours {1} + minutes {30});
    usage.chargedPerDomain["docs.example.com"] = minutes {20};
    usage.chargedPerDomain["example.com"] = minutes {5};
    usage.chargedPerApp[kMinetest] = hours {1};
    const auto session = core::evaluate(rules, usage, {}, berlin("2025-06-14", 16), kZone);
    REQUIRE(session.budgets.size() == 2);

    const auto docs = core::judgeUse(rules, usage, session, kBrowser, "docs.example.com");
    CHECK(docs.verdict == core::UseVerdict::Allowed);
    CHECK(docs.remaining == minutes {5});
    CHECK(core::judgeUse(rules, usage, session, kBrowser, "video.example.com").verdict == core::UseVerdict::Blocked);
    const auto game = core::judgeUse(rules, usage, session, kMinetest, "");
    CHECK(game.verdict == core::UseVerdict::OverBudget);
    CHECK(game.reason == "today's 1 h for Game are used up");
    CHECK(core::judgeUse(rules, usage, session, kBrowser, "").verdict == core::UseVerdict::Allowed);
}

TEST_CASE("The help line is always allowed, even out of time", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = minutes {0};
    rules.helpLine = {"Childline", "0800 1111", "https://www.childline.org.uk", {}, {}, ""};
    const auto usage = charged("2025-06-14", {});
    const auto session = core::evaluate(rules, usage, {}, berlin("2025-06-14", 16), kZone);
    CHECK(session.verdict == core::Verdict::OutOfTime);
    const auto help = core::judgeUse(rules, usage, session, kBrowser, "www.childline.org.uk");
    CHECK(help.verdict == core::UseVerdict::AlwaysAllowed);
    CHECK(help.reason == "the help line is always allowed");
}

TEST_CASE("The reason comes in parts a user interface can translate", "[core][policy]")
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {2};
    rules.day(Saturday).windows = {window(15, 0, 20, 30)};
    const auto left
        = core::evaluate(rules, charged("2025-06-14", hours {1} + minutes {50}), {}, berlin("2025-06-14", 18), kZone);
    CHECK(left.reasonParts.kind == core::Reason::Kind::DayBudgetLeft);
    CHECK(left.reasonParts.remaining == minutes {10});
    CHECK(left.reasonParts.budget == hours {2});
    CHECK(left.reasonParts.weekday == Saturday);
    CHECK(core::reasonKindKey(left.reasonParts.kind) == "day-budget-left");

    const auto windowEnd = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 20, 25), kZone);
    CHECK(windowEnd.reasonParts.kind == core::Reason::Kind::WindowEnds);
    CHECK(windowEnd.reasonParts.at == berlin("2025-06-14", 20, 30));

    const auto outside = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 12), kZone);
    CHECK(outside.reasonParts.kind == core::Reason::Kind::OutsideHours);
    CHECK(outside.reasonParts.at == berlin("2025-06-14", 15));

    const auto usedUp = core::evaluate(rules, charged("2025-06-14", hours {2}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(usedUp.reasonParts.kind == core::Reason::Kind::DayBudgetUsedUp);

    // A day with a budget of 0 has nothing to use up: it has no screen time.
    rules.day(Saturday).budget = minutes {0};
    const auto none = core::evaluate(rules, charged("2025-06-14", {}), {}, berlin("2025-06-14", 16), kZone);
    CHECK(none.reasonParts.kind == core::Reason::Kind::DayBudgetUsedUp);
    CHECK(none.reasonParts.budget == seconds {0});
    CHECK(none.reason == "no screen time on Saturday");
}
