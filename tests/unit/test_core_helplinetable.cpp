// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/helplinetable.h"

using namespace sundial;

TEST_CASE("The help line for a country comes from the table, else its international line", "[core][helpline]")
{
    const auto table = core::HelpLineTable::fromJson(R"({"version": 1, "helplines": [
        {"country": "VN", "name": "Tổng đài 111", "phone": "111", "url": "https://tongdai111.vn", "source": "x",
         "note": "Miễn phí, cả ngày lẫn đêm"},
        {"country": "DE", "name": "Nummer gegen Kummer", "phone": "116 111", "url": "", "source": "x"},
        {"country": "DE", "name": "a second German line", "phone": "0800", "url": "", "source": "x"},
        {"country": "FR", "name": "no way to reach it", "phone": "", "url": "", "source": "x"},
        {"country": "ZZ", "name": "International", "phone": "", "url": "https://example.org/", "source": "x"},
        "not an entry"]})");
    REQUIRE(table);
    CHECK(table->entries().size() == 4); // the one without phone or url is left out
    CHECK(table->lineFor("VN").phone == "111");
    CHECK(table->lineFor("vn").name == "Tổng đài 111");
    CHECK(table->lineFor("VN").note == "Miễn phí, cả ngày lẫn đêm"); // what the line offers, per entry
    CHECK(table->lineFor("DE").note.empty()); // none given: nothing is promised
    CHECK(table->lineFor("DE").phone == "116 111"); // the first entry for the country
    CHECK(table->lineFor("FR").url == "https://example.org/");
    CHECK(table->lineFor("").url == "https://example.org/");
}

TEST_CASE("A table that cannot be read still gives the built-in international line", "[core][helpline]")
{
    CHECK_FALSE(core::HelpLineTable::fromJson("not json"));
    CHECK_FALSE(core::HelpLineTable::fromJson(R"({"helplines": 3})"));
    const auto empty = core::HelpLineTable::fromJson(R"({"helplines": []})");
    REQUIRE(empty);
    const core::HelpLine line = empty->lineFor("VN");
    CHECK(line == core::HelpLineTable::builtInInternational());
    CHECK_FALSE(line.name.empty());
    CHECK_FALSE(line.url.empty());
}

TEST_CASE("A help line the parent set is kept; none set takes the fallback's", "[core][helpline]")
{
    const core::HelpLine fallback {"Tổng đài 111", "111", "https://tongdai111.vn", {}, {}, "Miễn phí"};
    core::Rules rules;
    rules.helpLine.sites = {"school.example"};
    const core::Rules filled = core::withHelpLine(rules, fallback);
    CHECK(filled.helpLine.phone == "111");
    CHECK(filled.helpLine.url == "https://tongdai111.vn");
    CHECK(filled.helpLine.note == "Miễn phí");
    CHECK(filled.helpLine.sites == std::vector<std::string> {"school.example"});
    CHECK(filled.helpLine.domains().size() == 2);

    rules.helpLine.phone = "0123 456"; // only a number: the parent's line, as the parent set it
    const core::Rules kept = core::withHelpLine(rules, fallback);
    CHECK(kept.helpLine.phone == "0123 456");
    CHECK(kept.helpLine.name.empty());
    CHECK(kept.helpLine.url.empty());
    CHECK(kept.helpLine.note.empty()); // the table's promise is not put on the parent's number
}
