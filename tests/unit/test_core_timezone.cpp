// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/core/timezone.h"
#include "fakes/berlinzone.h"

using namespace sundial;
using namespace std::chrono;

namespace
{

core::Instant utc(const char *date, int hours, int minutes = 0)
{
    return core::Instant {core::parseDate(date)->time_since_epoch()}
    + core::Instant::duration {hours * 3600 + minutes * 60};
}

} // namespace

TEST_CASE("A local time converts to the instant it names and back", "[core][timezone]")
{
    const testing::BerlinZone zone;
    const core::Instant at = zone.fromLocal(*core::parseDate("2025-06-14"), minutes {18 * 60});
    CHECK(at == utc("2025-06-14", 16));
    const core::LocalDateTime local = zone.toLocal(at);
    CHECK(core::formatDate(local.date) == "2025-06-14");
    CHECK(local.sinceMidnight == hours {18});
    CHECK(local.utcOffset == hours {2});
    CHECK(local.weekday() == Saturday);
}

TEST_CASE("A local time that does not exist means the first instant after the gap", "[core][timezone]")
{
    const testing::BerlinZone zone;
    // 2025-03-30: clocks go from 02:00 to 03:00; 02:30 does not exist.
    const core::Instant at = zone.fromLocal(*core::parseDate("2025-03-30"), minutes {2 * 60 + 30});
    CHECK(at == utc("2025-03-30", 1));
    CHECK(zone.toLocal(at).sinceMidnight == hours {3});
    CHECK(zone.fromLocal(*core::parseDate("2025-03-30"), minutes {2 * 60}) == utc("2025-03-30", 1));
}

TEST_CASE("A local time that exists twice means its first occurrence", "[core][timezone]")
{
    const testing::BerlinZone zone;
    // 2025-10-26: clocks go from 03:00 back to 02:00; 02:30 happens at 00:30 and 01:30 UTC.
    const core::Instant at = zone.fromLocal(*core::parseDate("2025-10-26"), minutes {2 * 60 + 30});
    CHECK(at == utc("2025-10-26", 0, 30));
    CHECK(zone.toLocal(utc("2025-10-26", 1, 30)).sinceMidnight == minutes {150});
}

TEST_CASE("Times of day, dates and durations parse and print", "[core][timetypes]")
{
    CHECK(core::parseTimeOfDay("07:05") == minutes {425});
    CHECK(core::parseTimeOfDay("23:59") == minutes {1439});
    CHECK_FALSE(core::parseTimeOfDay("24:00"));
    CHECK(core::parseTimeOfDay("24:00", true) == minutes {1440});
    CHECK_FALSE(core::parseTimeOfDay("7:05"));
    CHECK_FALSE(core::parseTimeOfDay("12:60"));
    CHECK(core::formatTimeOfDay(minutes {425}) == "07:05");
    CHECK_FALSE(core::parseDate("2025-02-29"));
    CHECK(core::formatDate(*core::parseDate("2024-02-29")) == "2024-02-29");
    CHECK(core::parseDuration("2h") == hours {2});
    CHECK(core::parseDuration("1h30m") == minutes {90});
    CHECK(core::parseDuration("90") == minutes {90});
    CHECK(core::parseDuration("45s") == seconds {45});
    CHECK(core::parseDuration("1h 30min") == minutes {90});
    CHECK_FALSE(core::parseDuration("1h30"));
    CHECK_FALSE(core::parseDuration("-5m"));
    CHECK_FALSE(core::parseDuration(""));
    CHECK(core::formatDuration(minutes {90}) == "1 h 30 min");
    CHECK(core::formatDuration(hours {3}) == "3 h");
    CHECK(core::formatDuration(minutes {10}) == "10 min");
    CHECK(core::parseWeekdayKey("saturday") == Saturday);
    CHECK_FALSE(core::parseWeekdayKey("Samstag"));
}
