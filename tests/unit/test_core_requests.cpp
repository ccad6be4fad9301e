// SPDX-License-Identifier: GPL-3.0-or-later
// The small stores: requests for more time, grants, children and rule versions.
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "agent/core/childstore.h"
#include "agent/core/database.h"
#include "agent/core/grantstore.h"
#include "agent/core/requeststore.h"
#include "agent/core/rulesjson.h"
#include "agent/core/rulestore.h"
#include "agent/core/text.h"
#include "fakes/fakeclock.h"
#include "fakes/tempdir.h"

namespace
{

using namespace sundial;
using namespace std::chrono_literals;
using core::Grant;
using core::TimeRequest;
using testing::berlin;

constexpr std::int64_t kChild = 1000;
constexpr std::int64_t kSister = 1001;
constexpr std::int64_t kMother = 1500;
constexpr std::int64_t kFather = 1501;

struct Fixture {
    testing::TempDir dir;
    std::unique_ptr<core::Database> db;

    Fixture()
    {
        auto opened = core::Database::open(dir.file("sundial.db"));
        REQUIRE(opened.ok());
        db = std::move(opened).value();
    }
};

core::LocalDate date(const char *text)
{
    return *core::parseDate(text);
}

// Rules with something set in every part, so a round trip that drops a field shows.
core::Rules richRules()
{
    using core::AppMatchKind;
    using core::RuleAction;
    core::Rules rules;
    rules.day(std::chrono::Saturday).budget = 120min;
    rules.day(std::chrono::Saturday).windows = {{15h, 20h + 30min}};
    rules.day(std::chrono::Friday).windows = {{7h, 8h}, {22h, 1h}};
    rules.day(std::chrono::Sunday).budget = 0min;
    rules.weeklyBudget = 600min;
    rules.dayStart = 4h;
    rules.firstWeekday = std::chrono::Sunday;
    rules.apps = {
        {AppMatchKind::DesktopId, "net.minetest.minetest", RuleAction::Budget, 60min, "Minetest"},
        {AppMatchKind::Executable, "/usr/bin/steam", RuleAction::Blocked, std::nullopt, ""},
        {AppMatchKind::Category, "Education", RuleAction::AlwaysAllowed, std::nullopt, "Lernen 📚"},
    };
    rules.sites = {
        {"example.com", RuleAction::Budget, 30min},
        {"video.example.com", RuleAction::Blocked, std::nullopt},
    };
    rules.warnings = {10min, 2min};
    rules.idleThreshold = 300s;
    rules.lockout = {core::LockoutAction::Logout, 120s, 10s, 5};
    rules.privacy = {true, false, std::chrono::days {14}, std::chrono::days {400}};
    rules.helpLine.name = "Nummer gegen Kummer";
    rules.helpLine.phone = "116 111";
    rules.helpLine.url = "https://www.nummergegenkummer.de";
    rules.helpLine.sites = {"kinderschutz.de"};
    rules.helpLine.apps = {"org.kde.help"};
    return rules;
}

} // namespace

TEST_CASE("A child's request for more time waits until a parent answers", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const auto id = requests.ask(kChild, 30min, "Hausaufgaben fertig 📚", berlin("2025-03-10", 18, 0));
    REQUIRE(id.ok());

    const auto request = requests.find(*id);
    REQUIRE(request.has_value());
    CHECK(request->id == *id);
    CHECK(request->child == kChild);
    CHECK(request->state == TimeRequest::State::Pending);
    CHECK(request->minutes == 30min);
    CHECK(request->reason == "Hausaufgaben fertig 📚");
    CHECK(request->askedAt == berlin("2025-03-10", 18, 0));
    CHECK_FALSE(request->answeredAt.has_value());
    CHECK_FALSE(request->answeredBy.has_value());
    CHECK(request->granted == 0min);

    const std::vector<TimeRequest> pending = requests.list(kChild, true);
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].id == *id);
    CHECK(requests.list(kSister, true).empty());
    CHECK_FALSE(requests.find(*id + 1).has_value());
}

TEST_CASE("Approving a request grants minutes and answers it", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const std::int64_t id = requests.ask(kChild, 30min, "noch ein Level", berlin("2025-03-10", 18, 0)).value();

    REQUIRE(requests.answer(id, 20min, kMother, berlin("2025-03-10", 18, 2)));
    const auto request = requests.find(id);
    REQUIRE(request.has_value());
    CHECK(request->state == TimeRequest::State::Approved);
    CHECK(request->granted == 20min);
    CHECK(request->minutes == 30min);
    CHECK(request->answeredBy == kMother);
    CHECK(request->answeredAt == berlin("2025-03-10", 18, 2));
    CHECK(requests.list(kChild, true).empty());
    CHECK(requests.list(kChild, false).size() == 1);
}

TEST_CASE("Answering a request with 0 minutes denies it", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const std::int64_t id = requests.ask(kChild, 60min, "Film", berlin("2025-03-10", 20, 0)).value();

    REQUIRE(requests.answer(id, 0min, kFather, berlin("2025-03-10", 20, 1)));
    const auto request = requests.find(id);
    REQUIRE(request.has_value());
    CHECK(request->state == TimeRequest::State::Denied);
    CHECK(request->granted == 0min);
    CHECK(request->answeredBy == kFather);
}

TEST_CASE("A request is answered once; a second answer is refused naming who answered", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const std::int64_t approved = requests.ask(kChild, 30min, "bitte", berlin("2025-03-10", 18, 0)).value();
    const std::int64_t denied = requests.ask(kChild, 30min, "bitte!", berlin("2025-03-10", 18, 5)).value();
    REQUIRE(requests.answer(approved, 30min, kMother, berlin("2025-03-10", 18, 1)));
    REQUIRE(requests.answer(denied, 0min, kFather, berlin("2025-03-10", 18, 6)));

    const core::Status again = requests.answer(approved, 0min, kFather, berlin("2025-03-10", 18, 3));
    REQUIRE_FALSE(again.ok());
    CHECK_THAT(again.error().message, Catch::Contains("already answered") && Catch::Contains("1500"));
    const core::Status overturn = requests.answer(denied, 45min, kMother, berlin("2025-03-10", 18, 7));
    REQUIRE_FALSE(overturn.ok());
    CHECK_THAT(overturn.error().message, Catch::Contains("1501"));

    // The first answers stand.
    CHECK(requests.find(approved)->state == TimeRequest::State::Approved);
    CHECK(requests.find(approved)->granted == 30min);
    CHECK(requests.find(approved)->answeredBy == kMother);
    CHECK(requests.find(denied)->state == TimeRequest::State::Denied);
    CHECK(requests.find(denied)->answeredBy == kFather);

    const core::Status unknown = requests.answer(denied + 10, 10min, kMother, berlin("2025-03-10", 18, 8));
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.error().message, Catch::Contains("no request"));
}

TEST_CASE("Requests for too little or too much time are refused with the allowed range", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    for (const std::chrono::minutes minutes : {0min, -5min, 481min, 100000min}) {
        const auto refused = requests.ask(kChild, minutes, "x", berlin("2025-03-10", 18, 0));
        INFO(minutes.count());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().field == "minutes");
        CHECK_THAT(refused.error().message, Catch::Contains("1 to 480 min"));
    }
    CHECK(requests.list(-1, false).empty());
    CHECK(requests.ask(kChild, 1min, "x", berlin("2025-03-10", 18, 0)).ok());
    CHECK(requests.ask(kChild, 480min, "x", berlin("2025-03-10", 18, 0)).ok());
}

TEST_CASE(
    "Answers granting less than 0 or more than a day are refused and the request stays pending", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const std::int64_t id = requests.ask(kChild, 30min, "x", berlin("2025-03-10", 18, 0)).value();
    for (const std::chrono::minutes minutes : {-1min, 1441min}) {
        const core::Status refused = requests.answer(id, minutes, kMother, berlin("2025-03-10", 18, 1));
        INFO(minutes.count());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().field == "minutes");
        CHECK_THAT(refused.error().message, Catch::Contains("0 to 1440 min"));
    }
    CHECK(requests.find(id)->state == TimeRequest::State::Pending);
    REQUIRE(requests.answer(id, 1440min, kMother, berlin("2025-03-10", 18, 2)));
    CHECK(requests.find(id)->granted == 1440min);
}

TEST_CASE("Requests are listed newest first, per child or for everyone", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    const std::int64_t first = requests.ask(kChild, 10min, "a", berlin("2025-03-10", 17, 0)).value();
    const std::int64_t sister = requests.ask(kSister, 20min, "b", berlin("2025-03-10", 17, 5)).value();
    const std::int64_t second = requests.ask(kChild, 30min, "c", berlin("2025-03-10", 17, 10)).value();
    REQUIRE(requests.answer(first, 10min, kMother, berlin("2025-03-10", 17, 11)));

    const auto ids = [](const std::vector<TimeRequest> &list) {
        std::vector<std::int64_t> found;
        for (const TimeRequest &request : list) {
            found.push_back(request.id);
        }
        return found;
    };
    CHECK(ids(requests.list(-1, false)) == std::vector<std::int64_t> {second, sister, first});
    CHECK(ids(requests.list(kChild, false)) == std::vector<std::int64_t> {second, first});
    CHECK(ids(requests.list(kChild, true)) == std::vector<std::int64_t> {second});
    CHECK(ids(requests.list(-1, true)) == std::vector<std::int64_t> {second, sister});
}

TEST_CASE("Requests are listed a page at a time, each page at most kMaxPage long", "[core][requests]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    constexpr int kAsked = 2 * core::RequestStore::kMaxPage + 50;
    for (int i = 0; i < kAsked; ++i) {
        const std::int64_t id = requests.ask(kChild, 10min, "again", berlin("2025-03-10", 17, i % 60)).value();
        REQUIRE(requests.answer(id, 0min, kMother, berlin("2025-03-10", 18, 0)));
    }
    const std::int64_t pending = requests.ask(kChild, 10min, "once more", berlin("2025-03-10", 19, 0)).value();

    // However large the limit asked for, one call returns a page.
    const std::vector<TimeRequest> first = requests.list(-1, false, 0, 1'000'000);
    REQUIRE(first.size() == core::RequestStore::kMaxPage);
    CHECK(first.front().id == pending);
    const std::vector<TimeRequest> second = requests.list(-1, false, first.back().id, 1'000'000);
    REQUIRE(second.size() == core::RequestStore::kMaxPage);
    CHECK(second.front().id == first.back().id - 1);
    const std::vector<TimeRequest> last = requests.list(-1, false, second.back().id, 1'000'000);
    REQUIRE(last.size() == 51);
    CHECK(last.back().id == 1);
    CHECK(requests.list(-1, false, last.back().id).empty());

    CHECK(requests.list(-1, false, 0, 5).size() == 5);
    CHECK(requests.list(-1, false, 0, 0).empty());
    CHECK(requests.list(-1, true).size() == 1);
    CHECK(requests.list(-1, true, pending).empty());
}

TEST_CASE("A long request reason is cut at a character boundary", "[core][requests][unicode]")
{
    Fixture fixture;
    core::RequestStore requests {*fixture.db};
    std::string reason;
    for (int i = 0; i < 300; ++i) {
        reason += "ꦰ"; // three bytes each
    }
    const std::int64_t id = requests.ask(kChild, 10min, reason, berlin("2025-03-10", 17, 0)).value();
    const std::string stored = requests.find(id)->reason;
    CHECK(stored.size() == 510);
    CHECK(core::isValidUtf8(stored));
    CHECK(reason.starts_with(stored));
}

TEST_CASE("Grants are kept per child and day", "[core][requests][grants]")
{
    Fixture fixture;
    core::GrantStore grants {*fixture.db};
    const core::Instant at = berlin("2025-03-10", 18, 0);
    const Grant extra = Grant::extraTime(date("2025-03-10"), 30min);
    const Grant free = Grant::freeUntil(date("2025-03-10"), 20h);
    REQUIRE(grants.add(kChild, extra, kMother, at, "Hausaufgaben"));
    REQUIRE(grants.add(kChild, Grant::extraTime(date("2025-03-11"), 15min), kMother, at, ""));
    REQUIRE(grants.add(kSister, Grant::extraTime(date("2025-03-10"), 45min), kMother, at, ""));
    REQUIRE(grants.add(kChild, free, kFather, at, "Geburtstag 🎂"));

    CHECK(grants.forDay(kChild, date("2025-03-10")) == std::vector<Grant> {extra, free});
    CHECK(
        grants.forDay(kChild, date("2025-03-11")) == std::vector<Grant> {Grant::extraTime(date("2025-03-11"), 15min)});
    CHECK(
        grants.forDay(kSister, date("2025-03-10")) == std::vector<Grant> {Grant::extraTime(date("2025-03-10"), 45min)});
    CHECK(grants.forDay(kChild, date("2025-03-09")).empty());
    CHECK(grants.forDay(kChild, date("2025-03-12")).empty());
}

TEST_CASE("A grant written through another store is seen by the next question", "[core][requests][grants]")
{
    // forDay() answers from memory between writes; any write to the database must end that.
    Fixture fixture;
    core::GrantStore asked {*fixture.db};
    core::GrantStore written {*fixture.db};
    const core::LocalDate day = date("2025-03-10");
    CHECK(asked.forDay(kChild, day).empty());
    CHECK(asked.forDay(kChild, day).empty()); // now from memory
    REQUIRE(written.add(kChild, Grant::extraTime(day, 20min), kMother, berlin("2025-03-10", 18, 0), ""));
    CHECK(asked.forDay(kChild, day) == std::vector<Grant> {Grant::extraTime(day, 20min)});
}

TEST_CASE("Extra time outside 1 to 1440 minutes and a free-until that is no time of day are refused",
    "[core][requests][grants]")
{
    Fixture fixture;
    core::GrantStore grants {*fixture.db};
    const core::Instant at = berlin("2025-03-10", 18, 0);
    const core::LocalDate day = date("2025-03-10");
    for (const std::chrono::minutes minutes : {0min, 1441min, -30min}) {
        const auto refused = grants.add(kChild, Grant::extraTime(day, minutes), kMother, at, "");
        INFO(minutes.count());
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().field == "minutes");
        CHECK_THAT(refused.error().message, Catch::Contains("1 to 1440 min"));
    }
    for (const core::TimeOfDay until : {core::TimeOfDay {1440}, core::TimeOfDay {-1}}) {
        const auto refused = grants.add(kChild, Grant::freeUntil(day, until), kMother, at, "");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().field == "until");
    }
    CHECK(grants.forDay(kChild, day).empty());
    CHECK(grants.add(kChild, Grant::extraTime(day, 1min), kMother, at, "").ok());
    CHECK(grants.add(kChild, Grant::extraTime(day, 1440min), kMother, at, "").ok());
    CHECK(grants.add(kChild, Grant::freeUntil(day, core::TimeOfDay {1439}), kMother, at, "").ok());
    CHECK(grants.forDay(kChild, day).size() == 3);
}

TEST_CASE("Children are added, renamed and removed", "[core][requests][children]")
{
    Fixture fixture;
    core::ChildStore children {*fixture.db};
    CHECK(children.list().empty());
    CHECK_FALSE(children.isChild(kChild));

    REQUIRE(children.add(kChild, "Mai", berlin("2025-03-01", 9, 0)));
    REQUIRE(children.add(kSister, "Bảo Ngọc", berlin("2025-03-01", 9, 5)));
    CHECK(children.isChild(kChild));
    CHECK(children.isChild(kSister));
    CHECK_FALSE(children.isChild(kMother));

    // Adding again renames and keeps when the account was first added.
    REQUIRE(children.add(kChild, "Mai Anh", berlin("2025-03-05", 9, 0)));
    std::vector<core::Child> list = children.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].uid == kChild);
    CHECK(list[0].name == "Mai Anh");
    CHECK(list[0].addedAt == berlin("2025-03-01", 9, 0));
    CHECK(list[1].uid == kSister);
    CHECK(list[1].name == "Bảo Ngọc");

    // Removing stops limiting the account; what was stored about it stays.
    core::RuleStore rules {*fixture.db};
    REQUIRE(rules.save(kChild, core::Rules {}, kMother, berlin("2025-03-05", 9, 1)));
    REQUIRE(children.remove(kChild));
    CHECK_FALSE(children.isChild(kChild));
    list = children.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].uid == kSister);
    CHECK(rules.history(kChild).size() == 1);
    CHECK(children.remove(kChild).ok()); // removing twice is no error

    const core::Status negative = children.add(-1, "nobody", berlin("2025-03-05", 9, 0));
    REQUIRE_FALSE(negative.ok());
    CHECK(negative.error().field == "uid");
    CHECK(children.list().size() == 1);
}

TEST_CASE(
    "Invalid rules are refused with the field that is wrong, and the current rules stay", "[core][requests][rulestore]")
{
    Fixture fixture;
    core::RuleStore store {*fixture.db};
    const core::Rules good = richRules();
    REQUIRE(store.save(kChild, good, kMother, berlin("2025-03-10", 9, 0)));

    core::Rules bad = good;
    bad.sites.push_back({"Not A Domain", core::RuleAction::Blocked, std::nullopt});
    const auto refused = store.save(kChild, bad, kMother, berlin("2025-03-10", 9, 5));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().field == "sites[2].domain");
    CHECK_THAT(refused.error().message, Catch::Contains("Not A Domain"));

    const auto current = store.current(kChild);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK(**current == good);
    CHECK(store.history(kChild).size() == 1);
}

TEST_CASE("The latest saved rules are current and every version is kept, newest first", "[core][requests][rulestore]")
{
    Fixture fixture;
    core::RuleStore store {*fixture.db};
    const auto none = store.current(kChild);
    REQUIRE(none.ok());
    CHECK_FALSE(none->has_value());
    CHECK(store.history(kChild).empty());

    core::Rules first;
    first.day(std::chrono::Saturday).budget = 120min;
    core::Rules second = first;
    second.day(std::chrono::Saturday).budget = 90min;
    const core::Rules third = richRules();
    const std::int64_t firstId = store.save(kChild, first, kMother, berlin("2025-03-01", 9, 0)).value();
    const std::int64_t secondId = store.save(kChild, second, kFather, berlin("2025-03-02", 9, 0)).value();
    const std::int64_t sisterId = store.save(kSister, first, kFather, berlin("2025-03-02", 9, 30)).value();
    const std::int64_t thirdId = store.save(kChild, third, kMother, berlin("2025-03-03", 9, 0)).value();

    const auto current = store.current(kChild);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK(**current == third);
    CHECK(**store.current(kSister) == first);

    const std::vector<core::RuleVersion> history = store.history(kChild);
    REQUIRE(history.size() == 3);
    CHECK(history[0].id == thirdId);
    CHECK(history[1].id == secondId);
    CHECK(history[2].id == firstId);
    CHECK(history[1].savedBy == kFather);
    CHECK(history[1].savedAt == berlin("2025-03-02", 9, 0));
    CHECK(history[2].json == core::rulesToJson(first));
    CHECK(core::rulesFromJson(history[1].json).value() == second);
    REQUIRE(store.history(kSister).size() == 1);
    CHECK(store.history(kSister)[0].id == sisterId);
}

TEST_CASE("Rules saved and read back are equal to what was saved", "[core][requests][rulestore]")
{
    Fixture fixture;
    const core::Rules rules = richRules();
    REQUIRE(core::validateRules(rules));
    {
        core::RuleStore store {*fixture.db};
        REQUIRE(store.save(kChild, rules, kMother, berlin("2025-03-10", 9, 0)));
    }
    const std::string path = fixture.db->path();
    fixture.db.reset();
    auto reopened = core::Database::open(path);
    REQUIRE(reopened.ok());
    const auto current = core::RuleStore {**reopened}.current(kChild);
    REQUIRE(current.ok());
    REQUIRE(current->has_value());
    CHECK(**current == rules);
    CHECK(**current != core::Rules {});
}

TEST_CASE("A child has at most ten requests waiting; an answer makes room", "[core][requests]")
{
    testing::TempDir dir;
    auto db = core::Database::open(dir.file("sundial.db"));
    REQUIRE(db);
    core::RequestStore requests {**db};
    const core::Instant at = testing::berlin("2025-03-10", 16, 0);
    std::int64_t first = 0;
    for (int i = 0; i < core::RequestStore::kMaxPending; ++i) {
        auto id = requests.ask(1001, std::chrono::minutes {15}, "please", at);
        REQUIRE(id);
        first = first ? first : *id;
    }
    const auto refused = requests.ask(1001, std::chrono::minutes {15}, "please", at);
    REQUIRE_FALSE(refused);
    CHECK_THAT(refused.error().message, Catch::Contains("already waiting"));
    CHECK(requests.ask(1002, std::chrono::minutes {15}, "another child", at)); // per child
    REQUIRE(requests.answer(first, std::chrono::minutes {0}, 0, at));
    CHECK(requests.ask(1001, std::chrono::minutes {15}, "please", at));
}
