// SPDX-License-Identifier: GPL-3.0-or-later
#include <fstream>
#include <iterator>

#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "agent/core/statebackup.h"
#include "fakes/fakeclock.h"
#include "fakes/tempdir.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

namespace
{

core::Rules rulesWithSaturday(int minutes)
{
    core::Rules rules;
    rules.day(Saturday).budget = std::chrono::minutes {minutes};
    return rules;
}

std::string readFile(const std::string &path)
{
    std::ifstream in {path, std::ios::binary};
    return {std::istreambuf_iterator<char> {in}, {}};
}

void writeFile(const std::string &path, const std::string &bytes)
{
    std::ofstream {path, std::ios::binary | std::ios::trunc} << bytes;
}

} // namespace

TEST_CASE(
    "The state backup keeps the limited accounts and their rules, and reads back what it wrote", "[core][statebackup]")
{
    testing::TempDir dir;
    auto db = core::Database::open(dir.file("sundial.db"));
    REQUIRE(db);
    core::ChildStore children {**db};
    core::RuleStore rules {**db};
    REQUIRE(children.add(1001, "Tuấn 🌞", berlin("2025-03-01", 9, 0)));
    REQUIRE(children.add(1002, "ꦱꦸꦤ꧀ꦢꦶ", berlin("2025-03-01", 9, 5))); // Javanese script
    REQUIRE(rules.save(1001, rulesWithSaturday(90), 0, berlin("2025-03-02", 10, 0)));
    REQUIRE(rules.save(1001, rulesWithSaturday(120), 0, berlin("2025-03-02", 11, 0)));

    const core::StateBackup backup {dir.file("children.json")};
    const std::vector<core::BackedUpChild> collected = core::StateBackup::collect(children, rules);
    REQUIRE(collected.size() == 2);
    REQUIRE(backup.write(collected));
    struct stat info {
    };
    REQUIRE(::stat(backup.path().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);

    const auto read = backup.read();
    REQUIRE(read);
    CHECK(*read == collected);
    CHECK((*read)[0].rules == rulesWithSaturday(120));
    CHECK_FALSE((*read)[1].rules);
}

TEST_CASE("A state backup that was edited or damaged is refused whole, saying why", "[core][statebackup]")
{
    testing::TempDir dir;
    const core::StateBackup backup {dir.file("children.json")};
    CHECK_THAT(backup.read().error().message, Catch::Contains("no state backup"));

    core::BackedUpChild child {{1001, "Mai", berlin("2025-03-01", 9, 0)}, rulesWithSaturday(60), 4};
    REQUIRE(backup.write({child}));
    std::string bytes = readFile(backup.path());
    const auto at = bytes.find("Mai");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 3, "Max"); // a child editing the name (or a flipped bit)
    writeFile(backup.path(), bytes);
    CHECK_THAT(backup.read().error().message, Catch::Contains("SHA-256"));

    writeFile(backup.path(), bytes.substr(0, bytes.size() / 2)); // cut short
    CHECK_THAT(backup.read().error().message, Catch::Contains("not a Sundial backup"));
}

TEST_CASE(
    "Restoring puts back an account and newer rules that the database lost, and nothing else", "[core][statebackup]")
{
    testing::TempDir dir;
    auto db = core::Database::open(dir.file("sundial.db"));
    REQUIRE(db);
    core::ChildStore children {**db};
    core::RuleStore rules {**db};
    REQUIRE(children.add(1001, "Mai", berlin("2025-03-01", 9, 0)));
    const auto first = rules.save(1001, rulesWithSaturday(60), 0, berlin("2025-03-02", 10, 0));
    REQUIRE(first);

    // The backup knows a second child and a later rules version than the database.
    const std::vector<core::BackedUpChild> backup {
        {{1001, "Mai", berlin("2025-03-01", 9, 0)}, rulesWithSaturday(45), *first + 1},
        {{1002, "Linh", berlin("2025-03-01", 9, 5)}, rulesWithSaturday(30), *first + 2},
    };
    const auto restored = core::StateBackup::restore(backup, children, rules, berlin("2025-03-05", 8, 0));
    REQUIRE(restored);
    CHECK(restored->size() == 3);
    CHECK(children.isChild(1002));
    CHECK(**rules.current(1001) == rulesWithSaturday(45));
    CHECK(**rules.current(1002) == rulesWithSaturday(30));

    // Run again: the database has everything now, so nothing more is written.
    const auto again = core::StateBackup::restore(
        core::StateBackup::collect(children, rules), children, rules, berlin("2025-03-05", 8, 1));
    REQUIRE(again);
    CHECK(again->empty());
    CHECK(rules.history(1001).size() == 2);
}
