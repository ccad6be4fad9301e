// SPDX-License-Identifier: GPL-3.0-or-later
// What the browser does with a site (core::judgeSite), on Berlin's calendar.
#include <catch2/catch.hpp>

#include "agent/core/policy.h"
#include "agent/core/siteverdict.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

namespace
{

const testing::BerlinZone kZone;
const core::AppIdentity kBrowser {"/usr/lib/chromium/chromium", "chromium", "Network"};

core::UsageSnapshot charged(const char *date, seconds today)
{
    core::UsageSnapshot usage;
    usage.day = *core::parseDate(date);
    usage.chargedToday = today;
    usage.chargedThisWeek = today;
    return usage;
}

core::Rules siteRules()
{
    core::Rules rules;
    rules.day(Saturday).budget = hours {2};
    rules.day(Saturday).windows = {{hours {15}, hours {20}}};
    rules.sites.push_back({"youtube.com", core::RuleAction::Budget, minutes {30}});
    rules.sites.push_back({"games.example", core::RuleAction::Blocked, std::nullopt});
    rules.helpLine = {"Tổng đài 111", "111", "https://tongdai111.vn", {}, {}, ""};
    return rules;
}

core::SiteVerdict judge(
    const core::Rules &rules, const core::UsageSnapshot &usage, core::Instant at, std::string_view domain)
{
    const core::Decision screen = core::evaluate(rules, usage, {}, at, kZone);
    return core::judgeSite(rules, usage, screen, kBrowser, domain, core::DayCalendar {kZone, core::TimeOfDay {0}});
}

} // namespace

TEST_CASE("a site with budget left says how long, the least of its own and the screen's", "[core][siteverdict]")
{
    core::UsageSnapshot usage = charged("2025-06-14", minutes {100});
    usage.chargedPerDomain["youtube.com"] = minutes {10};
    const auto video = judge(siteRules(), usage, berlin("2025-06-14", 16), "www.youtube.com");
    CHECK(video.kind == core::SiteVerdict::Kind::Allowed);
    CHECK(video.secondsLeft == minutes {20});
    CHECK_FALSE(core::closesSite(video.kind));
    const auto other = judge(siteRules(), usage, berlin("2025-06-14", 16), "vi.wikipedia.org");
    CHECK(other.secondsLeft == minutes {20}); // the screen's two hours, 100 minutes used
}

TEST_CASE("a spent site budget closes the site until the next day", "[core][siteverdict]")
{
    core::UsageSnapshot usage = charged("2025-06-14", minutes {40});
    usage.chargedPerDomain["youtube.com"] = minutes {30};
    const auto video = judge(siteRules(), usage, berlin("2025-06-14", 16), "youtube.com");
    CHECK(video.kind == core::SiteVerdict::Kind::OverBudget);
    CHECK(video.opensAt == berlin("2025-06-15", 0));
    CHECK(core::closesSite(video.kind));
    CHECK(core::siteVerdictJson(video, siteRules())["verdict"] == "over-budget");
}

TEST_CASE("outside hours every counted site is closed until the window opens; a blocked one stays blocked",
    "[core][siteverdict]")
{
    const core::UsageSnapshot usage = charged("2025-06-14", minutes {0});
    const auto early = judge(siteRules(), usage, berlin("2025-06-14", 9), "vi.wikipedia.org");
    CHECK(early.kind == core::SiteVerdict::Kind::OutsideHours);
    CHECK(early.opensAt == berlin("2025-06-14", 15));
    const auto game = judge(siteRules(), usage, berlin("2025-06-14", 9), "games.example");
    CHECK(game.kind == core::SiteVerdict::Kind::Blocked);
    CHECK_FALSE(game.opensAt.has_value());
}

TEST_CASE("the help line's site stays open when screen time is over", "[core][siteverdict]")
{
    const core::UsageSnapshot usage = charged("2025-06-14", hours {2});
    CHECK(
        judge(siteRules(), usage, berlin("2025-06-14", 16), "youtube.com").kind == core::SiteVerdict::Kind::OutOfTime);
    const auto help = judge(siteRules(), usage, berlin("2025-06-14", 16), "tongdai111.vn");
    CHECK(help.kind == core::SiteVerdict::Kind::AlwaysAllowed);
    const auto json = core::siteVerdictJson(help, siteRules());
    CHECK(json["verdict"] == "always-allowed");
    CHECK(json["helpLine"]["phone"] == "111");
    CHECK(json["secondsLeft"] == -1);
    CHECK(json["opensAt"].is_null());
}
