// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/rulesjson.h"

using namespace sundial;
using namespace std::chrono;

TEST_CASE("Rules read from JSON mean what the file says", "[core][rulesjson]")
{
    const auto rules = core::rulesFromJson(R"({
        "version": 1,
        "dayStart": "04:00",
        "days": {
            "saturday": {"budgetMinutes": 180},
            "monday": {"budgetMinutes": 120, "windows": ["07:00-08:00", "15:00-20:30"]},
            "friday": {"windows": ["22:00-01:00"]}
        },
        "weeklyBudgetMinutes": 600,
        "apps": [
            {"match": {"exe": "/usr/games/*"}, "action": "budget", "dailyMinutes": 60, "label": "Trò chơi 🎮"},
            {"match": {"category": "Education"}, "action": "alwaysAllowed"}
        ],
        "sites": [{"domain": "video.example.com", "action": "blocked"}],
        "warningMinutes": [10, 2],
        "lockout": {"action": "logout", "graceSeconds": 30, "downtime": false},
        "privacy": {"recordTitles": true, "activityRetentionDays": 14},
        "helpLine": {"name": "Tổng đài quốc gia bảo vệ trẻ em", "phone": "111", "url": "https://tongdai111.vn"}
    })");
    REQUIRE(rules.ok());
    CHECK(rules->dayStart == hours {4});
    CHECK(rules->day(Saturday).budget == minutes {180});
    CHECK(rules->day(Saturday).windows.empty());
    CHECK_FALSE(rules->day(Sunday).budget);
    REQUIRE(rules->day(Monday).windows.size() == 2);
    CHECK(rules->day(Monday).windows[1] == core::AllowedWindow {minutes {900}, minutes {1230}});
    CHECK(rules->day(Friday).windows[0].spansMidnight());
    CHECK(rules->weeklyBudget == minutes {600});
    REQUIRE(rules->apps.size() == 2);
    CHECK(rules->apps[0].label == "Trò chơi 🎮");
    CHECK(rules->apps[1].action == core::RuleAction::AlwaysAllowed);
    CHECK(rules->warnings == std::vector<minutes> {minutes {10}, minutes {2}});
    CHECK(rules->lockout.action == core::LockoutAction::Logout);
    CHECK(rules->lockout.grace == seconds {30});
    CHECK_FALSE(rules->lockout.downtime);
    CHECK(rules->privacy.recordTitles);
    CHECK_FALSE(rules->privacy.recordFullUrls);
    CHECK(rules->privacy.activityRetention == days {14});
    CHECK(rules->helpLine.phone == "111");
}

TEST_CASE("Rules survive a round trip through JSON unchanged", "[core][rulesjson]")
{
    core::Rules rules;
    rules.day(Wednesday).budget = minutes {90};
    rules.day(Wednesday).windows = {{minutes {22 * 60}, minutes {60}}};
    rules.sites.push_back({"example.com", core::RuleAction::Budget, minutes {30}});
    rules.helpLine.name = "ꦰ helpline";
    rules.browsers.privateWindows = false;
    rules.browsers.allowWithoutExtension = false;
    const std::string json = core::rulesToJson(rules);
    const auto back = core::rulesFromJson(json);
    REQUIRE(back.ok());
    CHECK(*back == rules);
    CHECK(core::rulesToJson(*back) == json);
}

TEST_CASE("A window may end at 24:00", "[core][rulesjson]")
{
    const auto rules = core::rulesFromJson(R"({"version": 1, "days": {"sunday": {"windows": ["15:00-24:00"]}}})");
    REQUIRE(rules.ok());
    CHECK(rules->day(Sunday).windows[0] == core::AllowedWindow {minutes {900}, minutes {0}});
}

TEST_CASE("Malformed rules are refused with the field and what to do", "[core][rulesjson]")
{
    const auto refuse = [](const char *json) {
        const auto result = core::rulesFromJson(json);
        REQUIRE_FALSE(result.ok());
        return result.error();
    };
    CHECK_THAT(refuse("{not json").message, Catch::Contains("not valid JSON"));
    CHECK(refuse(R"({"days": {}})").field == "version");
    const core::Error future = refuse(R"({"version": 7})");
    CHECK(future.field == "version");
    CHECK_THAT(future.message, Catch::Contains("update Sundial"));
    CHECK(refuse(R"({"version": 1, "dayz": {}})").field == "dayz");
    CHECK(refuse(R"({"version": 1, "days": {"funday": {}}})").field == "days.funday");
    const core::Error window = refuse(R"({"version": 1, "days": {"monday": {"windows": ["7-8"]}}})");
    CHECK(window.field == "days.monday.windows[0]");
    CHECK_THAT(window.message, Catch::Contains("HH:MM-HH:MM"));
    CHECK(refuse(R"({"version": 1, "days": {"monday": {"budgetMinutes": "two hours"}}})").field
        == "days.monday.budgetMinutes");
    CHECK(refuse(R"({"version": 1, "apps": [{"match": {"name": "x"}}]})").field == "apps[0].match.name");
    CHECK(refuse(R"({"version": 1, "sites": [{"domain": "a.com", "action": "forbid"}]})").field == "sites[0].action");
    CHECK(refuse(R"({"version": 1, "weeklyBudgetMinutes": -5})").field == "weeklyBudgetMinutes");
    CHECK(refuse(R"({"version": 1, "privacy": {"recordTitles": "yes"}})").field == "privacy.recordTitles");
    const core::Error privateWindows = refuse(R"({"version": 1, "browsers": {"privateWindows": "never"}})");
    CHECK(privateWindows.field == "browsers.privateWindows");
    CHECK_THAT(privateWindows.message, Catch::Contains("allowed or off"));
    CHECK(refuse(R"({"version": 1, "browsers": {"withoutExtension": true}})").field == "browsers.withoutExtension");
    CHECK(refuse(R"({"version": 1, "browsers": {"incognito": "off"}})").field == "browsers.incognito");
    CHECK(refuse("{\"version\": 1, \"helpLine\": {\"name\": \"\xFF\"}}").field == "(file)"); // not UTF-8 at all
}
