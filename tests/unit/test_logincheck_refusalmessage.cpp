// SPDX-License-Identifier: GPL-3.0-or-later
#include <array>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>

#include <catch2/catch.hpp>

#include "agent/logincheck/refusalmessage.h"
#include "fakes/scopedtimezone.h"

using namespace sundial;

using sundial::testing::ScopedTimeZone;

namespace
{

constexpr auto kEnglish = logincheck::MessageLanguage::English;
constexpr auto kVietnamese = logincheck::MessageLanguage::Vietnamese;

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
    std::string text = logincheck::refusalMessage(status, now, kEnglish);
    CHECK(has(text, "Sundial: no screen time now — Saturday's 3 h are used up.\n"));
    CHECK(has(text, "Next allowed: not before "));
    CHECK_FALSE(has(text, "words the service chose"));

    status.reasonExtraSeconds = 15 * 60;
    status.reasonBudgetSeconds = 90 * 60;
    CHECK(has(logincheck::refusalMessage(status, now, kEnglish), "Saturday's 1 h 30 min and 15 min extra are used up"));

    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 10 * 3600;
    CHECK(has(logincheck::refusalMessage(status, now, kEnglish), "this week's 10 h are used up"));

    // The next allowed moment is said once, in the reason.
    status.verdict = "outside-hours";
    status.reasonKind = "outside-hours";
    status.reasonAt = now + 1800;
    text = logincheck::refusalMessage(status, now, kEnglish);
    CHECK(has(text, "outside allowed hours; next allowed at "));
    CHECK_FALSE(has(text, "Next allowed: not before"));
    status.reasonAt = 0;
    text = logincheck::refusalMessage(status, now, kEnglish);
    CHECK(has(text, "— outside allowed hours.\n"));
    CHECK(has(text, "Next allowed: not before"));

    // A kind this check does not know (a newer service): the service's words, not nothing.
    status.reasonKind = "something-new";
    CHECK(has(logincheck::refusalMessage(status, now, kEnglish), "— words the service chose.\n"));
    status.reason.clear();
    CHECK(has(logincheck::refusalMessage(status, now, kEnglish), "— not allowed.\n"));
}

TEST_CASE("The refusal names the help line when the rules give one", "[logincheck]")
{
    logincheck::AccountStatus status;
    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 3600;
    CHECK_FALSE(has(logincheck::refusalMessage(status, 0, kEnglish), "someone to talk to"));
    status.helpLineName = "  Tổng đài 111 ";
    status.helpLinePhone = "111";
    CHECK(has(logincheck::refusalMessage(status, 0, kEnglish), "If you need someone to talk to: Tổng đài 111, 111\n"));
}

TEST_CASE("A Vietnamese child is refused in Vietnamese, from the same parts", "[logincheck]")
{
    const ScopedTimeZone utc {"UTC"};
    const std::time_t now = 1'780'000'000; // Thursday 28 May 2026, 20:26 UTC
    logincheck::AccountStatus status;
    status.limited = true;
    status.verdict = "out-of-time";
    status.reason = "words the service chose";
    status.nextChangeAt = now + 12 * 3600; // Friday 08:26

    status.reasonKind = "day-budget-used-up";
    status.reasonWeekday = 4;
    status.reasonBudgetSeconds = 3 * 3600;
    CHECK(logincheck::refusalMessage(status, now, kVietnamese)
        == "Sundial: Tạm thời hết giờ rồi. Em đã dùng hết hạn mức 3 giờ của Thứ Năm.\n"
           "Em được dùng máy lại sớm nhất lúc 08:26 ngày mai, trừ khi bố mẹ cho phép sớm hơn.\n");

    status.reasonExtraSeconds = 15 * 60;
    status.reasonBudgetSeconds = 90 * 60;
    status.reasonWeekday = 0;
    CHECK(has(logincheck::refusalMessage(status, now, kVietnamese),
        "Em đã dùng hết hạn mức 1 giờ 30 phút (thêm 15 phút) của Chủ Nhật."));
    status.reasonExtraSeconds = 30;
    CHECK(has(logincheck::refusalMessage(status, now, kVietnamese), "(thêm 30 giây)"));

    // A day with no screen time at all has nothing "used up".
    status.reasonExtraSeconds = 0;
    status.reasonBudgetSeconds = 0;
    status.reasonWeekday = 6;
    CHECK(has(logincheck::refusalMessage(status, now, kVietnamese),
        "Tạm thời hết giờ rồi. Thứ Bảy không có giờ dùng máy.\n"));
    CHECK(has(logincheck::refusalMessage(status, now, kEnglish), "no screen time on Saturday"));

    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 10 * 3600;
    status.nextChangeAt = now + 4 * 86400; // Monday
    const std::string text = logincheck::refusalMessage(status, now, kVietnamese);
    CHECK(has(text, "Tạm thời hết giờ rồi. Em đã dùng hết hạn mức 10 giờ của tuần này.\n"));
    CHECK(has(text, "sớm nhất lúc 20:26 Thứ Hai, trừ khi"));

    // The next allowed moment is said once, in the reason.
    status.verdict = "outside-hours";
    status.reasonKind = "outside-hours";
    status.reasonAt = now + 1800;
    CHECK(logincheck::refusalMessage(status, now, kVietnamese)
        == "Sundial: Tạm thời hết giờ rồi. Bây giờ ngoài giờ được dùng máy; em được dùng lại lúc 20:56.\n");
    status.reasonAt = 0;
    CHECK(has(logincheck::refusalMessage(status, now, kVietnamese), "Bây giờ ngoài giờ được dùng máy.\nEm được"));

    // A kind this check does not know: the service's words, which are English.
    status.reasonKind = "something-new";
    CHECK(
        has(logincheck::refusalMessage(status, now, kVietnamese), "Tạm thời hết giờ rồi. words the service chose.\n"));
    status.reason.clear();
    CHECK(has(logincheck::refusalMessage(status, now, kVietnamese), "Bây giờ em chưa được dùng máy.\n"));
}

TEST_CASE("The weekdays and moments are the same days in both languages", "[logincheck]")
{
    const ScopedTimeZone utc {"UTC"};
    const std::time_t sunday = 1'780'185'600; // Sunday 31 May 2026, 00:00 UTC
    const std::array<std::pair<const char *, const char *>, 7> days {
        {{"Sunday", "Chủ Nhật"}, {"Monday", "Thứ Hai"}, {"Tuesday", "Thứ Ba"}, {"Wednesday", "Thứ Tư"},
            {"Thursday", "Thứ Năm"}, {"Friday", "Thứ Sáu"}, {"Saturday", "Thứ Bảy"}}};
    const std::time_t now = sunday - 3 * 86400; // a Thursday: each of the days below is 3 to 9 days on
    logincheck::AccountStatus status;
    status.reasonBudgetSeconds = 3600;
    for (std::size_t day = 0; day < days.size(); ++day) {
        const auto [english, vietnamese] = days[day];
        INFO(english);
        status.reasonKind = "outside-hours";
        status.reasonAt = sunday + static_cast<std::time_t>(day) * 86400 + 7 * 3600;
        CHECK(has(logincheck::refusalMessage(status, now, kEnglish), std::string {english} + " at 07:00"));
        CHECK(has(logincheck::refusalMessage(status, now, kVietnamese), std::string {"07:00 "} + vietnamese));
        status.reasonKind = "day-budget-used-up";
        status.reasonWeekday = static_cast<std::int64_t>(day);
        CHECK(has(logincheck::refusalMessage(status, now, kEnglish), std::string {english} + "'s 1 h are used up"));
        CHECK(has(logincheck::refusalMessage(status, now, kVietnamese), std::string {"1 giờ của "} + vietnamese));
    }
}

TEST_CASE("The Vietnamese help line says to call the number, with the rest after it", "[logincheck]")
{
    logincheck::AccountStatus status;
    status.reasonKind = "week-budget-used-up";
    status.reasonBudgetSeconds = 3600;
    CHECK_FALSE(has(logincheck::refusalMessage(status, 0, kVietnamese), "lắng nghe"));
    status.helpLinePhone = " 111 ";
    CHECK(has(logincheck::refusalMessage(status, 0, kVietnamese), "\nEm cần ai đó lắng nghe? Gọi 111\n"));
    status.helpLineName = "Tổng đài điện thoại quốc gia bảo vệ trẻ em";
    status.helpLineUrl = "https://tongdai111.vn/";
    CHECK(has(logincheck::refusalMessage(status, 0, kVietnamese),
        "Em cần ai đó lắng nghe? Gọi 111 (Tổng đài điện thoại quốc gia bảo vệ trẻ em, https://tongdai111.vn/)\n"));
    status.helpLinePhone.clear();
    CHECK(has(logincheck::refusalMessage(status, 0, kVietnamese),
        "Em cần ai đó lắng nghe? Tổng đài điện thoại quốc gia bảo vệ trẻ em, https://tongdai111.vn/\n"));
}
