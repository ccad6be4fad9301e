// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/daycalendar.h"
#include "fakes/fakeclock.h"

using namespace sundial;
using namespace std::chrono;
using testing::berlin;

TEST_CASE("A day lasts 23 hours on the spring-forward date and 25 on the fall-back date", "[core][daycalendar]")
{
    const testing::BerlinZone zone;
    const core::DayCalendar calendar {zone, minutes {0}};
    const auto spring = *core::parseDate("2025-03-30");
    const auto fall = *core::parseDate("2025-10-26");
    CHECK(calendar.endOf(spring) - calendar.startOf(spring) == hours {23});
    CHECK(calendar.endOf(fall) - calendar.startOf(fall) == hours {25});
    CHECK(calendar.endOf(*core::parseDate("2025-06-01")) - calendar.startOf(*core::parseDate("2025-06-01"))
        == hours {24});
}

TEST_CASE("With a day start of 04:00, 03:00 belongs to the previous day", "[core][daycalendar]")
{
    const testing::BerlinZone zone;
    const core::DayCalendar calendar {zone, minutes {4 * 60}};
    CHECK(core::formatDate(calendar.dayOf(berlin("2025-06-14", 3))) == "2025-06-13");
    CHECK(core::formatDate(calendar.dayOf(berlin("2025-06-14", 4))) == "2025-06-14");
    CHECK(calendar.startOf(*core::parseDate("2025-06-14")) == berlin("2025-06-14", 4));
}

TEST_CASE("The repeated hour of a fall-back day belongs to that day", "[core][daycalendar]")
{
    const testing::BerlinZone zone;
    const core::DayCalendar calendar {zone, minutes {0}};
    const core::Instant secondTwoThirty = berlin("2025-10-26", 2, 30) + hours {1};
    CHECK(zone.toLocal(secondTwoThirty).sinceMidnight == minutes {150});
    CHECK(core::formatDate(calendar.dayOf(secondTwoThirty)) == "2025-10-26");
}

TEST_CASE("A span is cut at day and local-hour boundaries", "[core][daycalendar]")
{
    const testing::BerlinZone zone;
    const core::DayCalendar calendar {zone, minutes {0}};
    const auto pieces = calendar.split({berlin("2025-06-13", 23, 30), berlin("2025-06-14", 1, 15)});
    REQUIRE(pieces.size() == 3);
    CHECK(core::formatDate(pieces[0].day) == "2025-06-13");
    CHECK(pieces[0].localHour == 23);
    CHECK(pieces[0].span.length() == minutes {30});
    CHECK(core::formatDate(pieces[1].day) == "2025-06-14");
    CHECK(pieces[1].localHour == 0);
    CHECK(pieces[1].span.length() == minutes {60});
    CHECK(pieces[2].localHour == 1);
    CHECK(pieces[2].span.length() == minutes {15});
}

TEST_CASE("Splitting across the DST change keeps every second exactly once", "[core][daycalendar]")
{
    const testing::BerlinZone zone;
    const core::DayCalendar calendar {zone, minutes {0}};
    const core::TimeSpan span {berlin("2025-10-26", 1, 30), berlin("2025-10-26", 1, 30) + hours {3}};
    seconds total {0};
    int hourTwoPieces = 0;
    for (const auto &piece : calendar.split(span)) {
        total += piece.span.length();
        hourTwoPieces += piece.localHour == 2 ? 1 : 0;
    }
    CHECK(total == hours {3});
    CHECK(hourTwoPieces == 2); // 02:00–03:00 happens twice
}

TEST_CASE("The week starts on the configured weekday", "[core][daycalendar]")
{
    const auto saturday = *core::parseDate("2025-06-14");
    CHECK(core::formatDate(core::DayCalendar::weekStart(saturday, Monday)) == "2025-06-09");
    CHECK(core::formatDate(core::DayCalendar::weekStart(saturday, Sunday)) == "2025-06-08");
    CHECK(core::formatDate(core::DayCalendar::weekStart(saturday, Saturday)) == "2025-06-14");
}
