// SPDX-License-Identifier: GPL-3.0-or-later
#include <string>

#include <catch2/catch.hpp>

#include "agent/logincheck/refusalmessage.h"

using namespace sundial;

namespace
{

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("The refusal at login is said from the reason's parts, not the service's words", "[logincheck]")
{
    const std::time_t now = 1'780'000'000;
    logincheck::AccountStatus status;
    status.limited = true;
    status.verdict = "out-of-time";
    status.reason = "words the service chose";
    status.nextChangeAt = now + 3600;

    status.reasonKind = "day-budget-used-up";
    status.reasonWeekday = 6;
    status.reasonBudgetSeconds = 3 * 3600;
    std::string text = logincheck::refusalMessage(status, now);
    CHECK(has(text, "Sundial: no screen time now — Saturday's 3 h are used up.\n"));
    CHECK(has(text, "Next allowed: not before "));
    CHECK_FALSE(has(text, "words the service chose"));

    status.reasonExtraSeconds = 15 * 60;
    status.reasonBudgetSeconds = 90 * 60;
    CHECK(has(logincheck::refusalMessage(status, now), "Saturday's 1 h 30 min and 15 min extra are used up"));

    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 10 * 3600;
    CHECK(has(logincheck::refusalMessage(status, now), "this week's 10 h are used up"));

    // The next allowed moment is said once, in the reason.
    status.verdict = "outside-hours";
    status.reasonKind = "outside-hours";
    status.reasonAt = now + 1800;
    text = logincheck::refusalMessage(status, now);
    CHECK(has(text, "outside allowed hours; next allowed at "));
    CHECK_FALSE(has(text, "Next allowed: not before"));
    status.reasonAt = 0;
    text = logincheck::refusalMessage(status, now);
    CHECK(has(text, "— outside allowed hours.\n"));
    CHECK(has(text, "Next allowed: not before"));

    // A kind this check does not know (a newer service): the service's words, not nothing.
    status.reasonKind = "something-new";
    CHECK(has(logincheck::refusalMessage(status, now), "— words the service chose.\n"));
    status.reason.clear();
    CHECK(has(logincheck::refusalMessage(status, now), "— not allowed.\n"));
}

TEST_CASE("The refusal names the help line when the rules give one", "[logincheck]")
{
    logincheck::AccountStatus status;
    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 3600;
    CHECK_FALSE(has(logincheck::refusalMessage(status, 0), "someone to talk to"));
    status.helpLineName = "  Tổng đài 111 ";
    status.helpLinePhone = "111";
    CHECK(has(logincheck::refusalMessage(status, 0), "If you need someone to talk to: Tổng đài 111, 111\n"));
}
