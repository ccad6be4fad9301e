// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/rulematch.h"
#include "agent/core/rules.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

core::AppRule appRule(
    core::AppMatchKind kind, std::string pattern, core::RuleAction action, std::optional<minutes> budget = std::nullopt)
{
    core::AppRule rule;
    rule.kind = kind;
    rule.pattern = std::move(pattern);
    rule.action = action;
    rule.dailyBudget = budget;
    return rule;
}

const core::AppIdentity kMinetest {"/usr/games/minetest", "net.minetest.minetest", "Game"};
const core::AppIdentity kFirefox {"/usr/lib/firefox-esr/firefox-esr", "firefox-esr", "Network"};

} // namespace

TEST_CASE("Default rules are valid", "[core][rules]")
{
    CHECK(core::validateRules(core::Rules {}).ok());
}

TEST_CASE("Validation names the offending field and value", "[core][rules]")
{
    core::Rules rules;
    SECTION("a budget longer than a day")
    {
        rules.day(Saturday).budget = minutes {1500};
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "days.saturday.budgetMinutes");
        CHECK_THAT(status.error().message, Catch::Contains("1500 min"));
    }
    SECTION("a window time out of range")
    {
        rules.day(Monday).windows = {{minutes {7 * 60}, minutes {8 * 60}}, {minutes {15 * 60}, minutes {1500}}};
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "days.monday.windows[1]");
    }
    SECTION("a relative executable path")
    {
        rules.apps.push_back(appRule(core::AppMatchKind::Executable, "minetest", core::RuleAction::Blocked));
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "apps[0].match.exe");
        CHECK_THAT(status.error().message, Catch::Contains("absolute path"));
    }
    SECTION("an unknown category")
    {
        rules.apps.push_back(appRule(core::AppMatchKind::Category, "Games", core::RuleAction::Blocked));
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "apps[0].match.category");
    }
    SECTION("a budget rule without a budget")
    {
        rules.sites.push_back({"example.com", core::RuleAction::Budget, std::nullopt});
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "sites[0].dailyMinutes");
    }
    SECTION("a domain with a scheme")
    {
        rules.sites.push_back({"https://example.com", core::RuleAction::Blocked, std::nullopt});
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "sites[0].domain");
    }
    SECTION("a warning listed twice")
    {
        rules.warnings = {minutes {5}, minutes {5}};
        CHECK(core::validateRules(rules).error().field == "warningMinutes[0]");
    }
    SECTION("daily totals kept shorter than detail")
    {
        rules.privacy.activityRetention = days {60};
        rules.privacy.dailyRetention = days {30};
        CHECK(core::validateRules(rules).error().field == "privacy.dailyRetentionDays");
    }
}

TEST_CASE("A rule that would block the help line is refused", "[core][rules]")
{
    core::Rules rules;
    rules.helpLine = {"Tổng đài 111", "111", "https://tongdai111.vn", {}, {"vn.gov.tongdai111"}, ""};
    SECTION("its site, through a parent domain")
    {
        rules.sites.push_back({"vn", core::RuleAction::Blocked, std::nullopt});
        const auto status = core::validateRules(rules);
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().field == "sites[0]");
        CHECK_THAT(status.error().message, Catch::Contains("help line"));
    }
    SECTION("its app")
    {
        rules.apps.push_back(appRule(core::AppMatchKind::DesktopId, "VN.gov.tongdai111", core::RuleAction::Blocked));
        CHECK_FALSE(core::validateRules(rules).ok());
    }
    SECTION("a budget on its site is allowed, and never charged")
    {
        rules.sites.push_back({"tongdai111.vn", core::RuleAction::Budget, minutes {10}});
        REQUIRE(core::validateRules(rules).ok());
        const auto match = core::matchRules(rules, kFirefox, "www.tongdai111.vn");
        CHECK(match.helpLine);
        CHECK(match.effect == core::RuleMatch::Effect::AlwaysAllowed);
    }
}

TEST_CASE("Apps match by executable path or glob, desktop id and category", "[core][rules]")
{
    CHECK(appRule(core::AppMatchKind::Executable, "/usr/games/minetest", core::RuleAction::Blocked).matches(kMinetest));
    CHECK(appRule(core::AppMatchKind::Executable, "/usr/games/*", core::RuleAction::Blocked).matches(kMinetest));
    CHECK_FALSE(appRule(core::AppMatchKind::Executable, "/usr/*", core::RuleAction::Blocked).matches(kMinetest));
    CHECK_FALSE(
        appRule(core::AppMatchKind::Executable, "/home/kid/minetest", core::RuleAction::Blocked).matches(kMinetest));
    CHECK(
        appRule(core::AppMatchKind::DesktopId, "NET.Minetest.Minetest", core::RuleAction::Blocked).matches(kMinetest));
    CHECK(appRule(core::AppMatchKind::Category, "game", core::RuleAction::Blocked).matches(kMinetest));
    CHECK_FALSE(appRule(core::AppMatchKind::Category, "Game", core::RuleAction::Blocked).matches(kFirefox));
}

TEST_CASE("A rule for a domain covers its subdomains only", "[core][rules]")
{
    const core::SiteRule rule {"example.com", core::RuleAction::Blocked, std::nullopt};
    CHECK(rule.covers("example.com"));
    CHECK(rule.covers("video.example.com"));
    CHECK_FALSE(rule.covers("badexample.com"));
    CHECK_FALSE(rule.covers("example.com.evil.org"));
    CHECK(core::hostOf("https://User@Docs.Example.COM:8443/path?q#x") == "docs.example.com");
    CHECK(core::hostOf("example.com.") == "example.com");
}

TEST_CASE("An app rule beats its category's rule", "[core][rules]")
{
    core::Rules rules;
    rules.apps.push_back(appRule(core::AppMatchKind::Category, "Game", core::RuleAction::Blocked));
    CHECK(core::matchRules(rules, kMinetest, "").effect == core::RuleMatch::Effect::Blocked);
    rules.apps.push_back(
        appRule(core::AppMatchKind::DesktopId, "net.minetest.minetest", core::RuleAction::Budget, minutes {60}));
    const auto match = core::matchRules(rules, kMinetest, "");
    CHECK(match.effect == core::RuleMatch::Effect::Counted);
    CHECK(match.appBudgets.size() == 1);
}

TEST_CASE("At the same specificity blocked beats always-allowed beats budget", "[core][rules]")
{
    core::Rules rules;
    rules.apps.push_back(
        appRule(core::AppMatchKind::Executable, "/usr/games/minetest", core::RuleAction::Budget, minutes {30}));
    rules.apps.push_back(
        appRule(core::AppMatchKind::DesktopId, "net.minetest.minetest", core::RuleAction::AlwaysAllowed));
    CHECK(core::matchRules(rules, kMinetest, "").effect == core::RuleMatch::Effect::AlwaysAllowed);
    rules.apps.push_back(appRule(core::AppMatchKind::Executable, "/usr/games/*", core::RuleAction::Blocked));
    CHECK(core::matchRules(rules, kMinetest, "").effect == core::RuleMatch::Effect::Blocked);
}

TEST_CASE("Both the app's and its category's budgets charge it", "[core][rules]")
{
    core::Rules rules;
    rules.apps.push_back(appRule(core::AppMatchKind::Category, "Game", core::RuleAction::Budget, minutes {120}));
    rules.apps.push_back(
        appRule(core::AppMatchKind::DesktopId, "net.minetest.minetest", core::RuleAction::Budget, minutes {60}));
    CHECK(core::matchRules(rules, kMinetest, "").appBudgets.size() == 2);
}

TEST_CASE("For sites the longest matching domain wins (worked example 10)", "[core][rules]")
{
    core::Rules rules;
    rules.sites.push_back({"example.com", core::RuleAction::Budget, minutes {30}});
    rules.sites.push_back({"video.example.com", core::RuleAction::Blocked, std::nullopt});
    CHECK(core::matchRules(rules, kFirefox, "video.example.com").effect == core::RuleMatch::Effect::Blocked);
    const auto docs = core::matchRules(rules, kFirefox, "docs.example.com");
    CHECK(docs.effect == core::RuleMatch::Effect::Counted);
    REQUIRE(docs.siteBudgets.size() == 1);
    CHECK(docs.siteBudgets[0]->domain == "example.com");
}

TEST_CASE("An always-allowed site is not charged even in a budgeted browser", "[core][rules]")
{
    core::Rules rules;
    rules.apps.push_back(appRule(core::AppMatchKind::DesktopId, "firefox-esr", core::RuleAction::Budget, minutes {60}));
    rules.sites.push_back({"wikipedia.org", core::RuleAction::AlwaysAllowed, std::nullopt});
    CHECK(core::matchRules(rules, kFirefox, "de.wikipedia.org").effect == core::RuleMatch::Effect::AlwaysAllowed);
    CHECK(core::matchRules(rules, kFirefox, "example.org").effect == core::RuleMatch::Effect::Counted);
}
