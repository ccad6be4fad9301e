// SPDX-License-Identifier: GPL-3.0-or-later
// sundialctl's command table: the help text and the dispatch come from the same rows, and each
// command, written once, runs against any backend (here a fake one).
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "agent/core/rules.h"
#include "agent/core/rulesjson.h"
#include "agent/ctl/exitcodes.h"
#include "agent/ctl/sundialctlcommands.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

std::vector<std::string> wordsOf(const std::string &text)
{
    std::vector<std::string> words;
    std::istringstream stream {text};
    for (std::string word; stream >> word;) {
        words.push_back(word);
    }
    return words;
}

// A family with the children it is given, rules kept as JSON, and every other question
// answered with an error that says which was asked.
class FakeBackend final : public ctl::SundialBackend
{
public:
    std::vector<core::Child> family;
    std::map<std::int64_t, std::string> savedRules;
    std::vector<std::string> asked;

    core::Result<std::vector<core::Child>> children() override { return family; }
    core::Status addChild(std::int64_t) override { return unexpected("addChild"); }
    core::Status removeChild(std::int64_t) override { return unexpected("removeChild"); }
    core::Result<nlohmann::json> status(std::optional<std::int64_t>) override { return unexpected("status"); }
    core::Result<core::LocalDate> today(std::int64_t) override { return core::LocalDate {2025y / 6 / 14}; }
    core::Result<std::string> rules(std::int64_t child) override
    {
        asked.push_back("rules " + std::to_string(child));
        return savedRules.count(child) ? savedRules.at(child) : core::rulesToJson(core::Rules {});
    }
    core::Result<std::int64_t> setRules(std::int64_t child, const std::string &rulesJson) override
    {
        if (auto parsed = core::rulesFromJson(rulesJson); !parsed) {
            return core::Error {ctl::kErrorInvalidRule, parsed.error().describe()};
        }
        savedRules[child] = rulesJson;
        return std::int64_t {7};
    }
    core::Result<std::vector<core::RuleVersion>> rulesHistory(std::int64_t) override
    {
        return unexpected("rulesHistory");
    }
    core::Status grantExtraTime(std::int64_t, minutes) override
    {
        return core::Error {ctl::kErrorPermissionDenied, "only a parent may give time"};
    }
    core::Status grantFreeUntil(std::int64_t, core::TimeOfDay) override { return unexpected("grantFreeUntil"); }
    core::Result<std::int64_t> requestMoreTime(minutes, const std::string &) override
    {
        return unexpected("requestMoreTime");
    }
    core::Result<std::vector<core::TimeRequest>> requests(bool, std::int64_t, int) override
    {
        return unexpected("requests");
    }
    core::Status answerRequest(std::int64_t, minutes) override { return unexpected("answerRequest"); }
    core::Result<std::string> usage(std::int64_t, core::LocalDate, core::LocalDate) override
    {
        return unexpected("usage");
    }
    core::Result<std::vector<core::TimelineEntry>> timeline(std::int64_t, core::LocalDate) override
    {
        return unexpected("timeline");
    }
    core::Result<ctl::AuditTrail> audit() override { return unexpected("audit"); }
    core::Status acceptClockChange() override { return unexpected("acceptClockChange"); }
    core::Result<ctl::DemoState> createDemo() override { return unexpected("createDemo"); }

private:
    core::Error unexpected(const std::string &what)
    {
        asked.push_back(what);
        return core::Error {"test", "the fake backend does not answer " + what};
    }
};

struct Run {
    int exitCode = 0;
    std::string out;
    std::string err;
};

Run run(FakeBackend &backend, const std::vector<std::string> &arguments, std::optional<std::int64_t> child = {})
{
    std::ostringstream out;
    std::ostringstream err;
    const ctl::CommandTable &table = ctl::sundialctlCommands();
    auto match = table.find(arguments);
    REQUIRE(match);
    ctl::CommandContext context {backend, child, out, err};
    const int exitCode = match->command->run(
        context, std::vector<std::string>(arguments.begin() + static_cast<long>(match->words), arguments.end()));
    return {exitCode, out.str(), err.str()};
}

} // namespace

TEST_CASE("Every command in the table is in the help text, at the start of its line", "[ctl][commands]")
{
    const ctl::CommandTable &table = ctl::sundialctlCommands();
    const std::string help = table.help();
    REQUIRE(table.commands().size() >= 16);
    for (const ctl::Command &command : table.commands()) {
        INFO(command.name);
        CHECK(help.find("\n  " + command.name + " ") != std::string::npos);
        CHECK_FALSE(command.help.empty());
        CHECK(static_cast<bool>(command.run));
        CHECK(table.helpFor(wordsOf(command.name).front()).find("usage: sundialctl") == 0);
    }
}

TEST_CASE("Every command in the table is found by its own name, and only by it", "[ctl][commands]")
{
    const ctl::CommandTable &table = ctl::sundialctlCommands();
    for (const ctl::Command &command : table.commands()) {
        INFO(command.name);
        std::vector<std::string> arguments = wordsOf(command.name);
        const std::size_t words = arguments.size();
        arguments.push_back("--json");
        const auto match = table.find(arguments);
        REQUIRE(match);
        CHECK(match->command == &command);
        CHECK(match->words == words);
    }
    CHECK(table.find({"frobnicate"}).error().message == "unknown command 'frobnicate'");
    CHECK(table.find({"rules"}).error().message == "rules needs get, set or history");
    CHECK(table.find({"rules", "delete"}).error().message == "rules delete: unknown; use get, set or history");
    CHECK(table.helpFor("frobnicate").empty());
}

TEST_CASE("Rules flags change the only child's rules through whichever backend answers", "[ctl][commands]")
{
    FakeBackend backend;
    backend.family = {{1001, "an", {}}};
    const Run result = run(backend, {"rules", "set", "--weekday", "sat=3h", "--allow", "07:00-08:00,15:00-20:30"});
    CHECK(result.exitCode == ctl::kExitDone);
    CHECK(result.out == "Saved rules version 7.\n");
    const auto saved = core::rulesFromJson(backend.savedRules.at(1001));
    REQUIRE(saved);
    CHECK(saved->day(Saturday).budget == minutes {180});
    CHECK(saved->day(Monday).windows.size() == 2);
}

TEST_CASE("A parent command asks which child when several are limited", "[ctl][commands]")
{
    FakeBackend backend;
    backend.family = {{1001, "an", {}}, {1002, "binh", {}}};
    const Run result = run(backend, {"rules", "get"});
    CHECK(result.exitCode == ctl::kExitFailed);
    CHECK(result.err == "sundialctl: 2 accounts are limited: say which with --child UID (see sundialctl children)\n");
    CHECK(run(backend, {"rules", "get"}, 1002).out == core::rulesToJson(core::Rules {}) + "\n");
}

TEST_CASE(
    "Each error name has its exit code, and usage errors are found before the backend is asked", "[ctl][commands]")
{
    FakeBackend backend;
    backend.family = {{1001, "an", {}}};
    const Run denied = run(backend, {"grant", "--minutes", "30"});
    CHECK(denied.exitCode == ctl::kExitDenied);
    CHECK(denied.err == "sundialctl: only a parent may give time\n");
    const Run invalid = run(backend, {"rules", "set", "--weekday", "sat=25h"});
    CHECK(invalid.exitCode == ctl::kExitRefused);
    CHECK(invalid.err.find("days.saturday.budgetMinutes") != std::string::npos);
    backend.asked.clear();
    CHECK(run(backend, {"report", "--period", "fortnight"}).exitCode == ctl::kExitUsage);
    CHECK(run(backend, {"report", "--from", "2025-06-14", "--to", "2025-06-01"}).exitCode == ctl::kExitRefused);
    CHECK(run(backend, {"grant", "--until", "25:00"}).exitCode == ctl::kExitRefused);
    CHECK(run(backend, {"request"}).exitCode == ctl::kExitUsage);
    CHECK(run(backend, {"answer", "twelve", "--deny"}).exitCode == ctl::kExitUsage);
    CHECK(backend.asked.empty());
    CHECK(ctl::exitCodeFor({"org.freedesktop.DBus.Error.ServiceUnknown", "not running"}) == ctl::kExitFailed);
    CHECK(ctl::exitCodeFor({ctl::kErrorNotLimited, "uid 5 is not a limited account"}) == ctl::kExitRefused);
}
