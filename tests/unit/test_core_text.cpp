// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/text.h"

using namespace sundial;

TEST_CASE("UTF-8 validation accepts every script and refuses malformed bytes", "[core][text]")
{
    CHECK(core::isValidUtf8("Bảo vệ trẻ em trên không gian mạng"));
    CHECK(core::isValidUtf8("ꦰ"));
    CHECK(core::isValidUtf8("🧒🏽⏳"));
    CHECK_FALSE(core::isValidUtf8("\xC0\xAF")); // overlong '/'
    CHECK_FALSE(core::isValidUtf8("\xED\xA0\x80")); // surrogate
    CHECK_FALSE(core::isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
    CHECK_FALSE(core::isValidUtf8("abc\xE2\x82")); // cut short
}

TEST_CASE("Invalid bytes become U+FFFD and the rest is kept", "[core][text]")
{
    CHECK(core::sanitizeUtf8("a\xFFz") == "a\xEF\xBF\xBDz");
    CHECK(core::sanitizeUtf8("ok") == "ok");
}

TEST_CASE("Cutting text never splits a character", "[core][text]")
{
    const std::string emoji = "🧒🧒🧒"; // 4 bytes each
    CHECK(core::truncateUtf8(emoji, 5) == "🧒");
    CHECK(core::truncateUtf8(emoji, 8) == "🧒🧒");
    CHECK(core::truncateUtf8(emoji, 3).empty());
    const std::string vietnamese = "Bảo vệ trẻ em";
    for (std::size_t limit = 0; limit <= vietnamese.size(); ++limit) {
        const std::string cut = core::truncateUtf8(vietnamese, limit);
        CHECK(core::isValidUtf8(cut));
        CHECK(cut.size() <= limit);
        CHECK(vietnamese.compare(0, cut.size(), cut) == 0);
    }
    std::string long10k;
    while (long10k.size() < 10'000) {
        long10k += "ꦰ🧒ả";
    }
    const std::string cut = core::cleanText(long10k, core::kMaxTitleBytes);
    CHECK(cut.size() <= core::kMaxTitleBytes);
    CHECK(cut.size() > core::kMaxTitleBytes - 4);
    CHECK(core::isValidUtf8(cut));
}
