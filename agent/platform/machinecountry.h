// SPDX-License-Identifier: GPL-3.0-or-later
// machineCountry: the country this computer is in, for the help line the child sees when the
// parent named none. From the time zone (its name — TZ, else where /etc/localtime points, else
// /etc/timezone — looked up in tzdata's zone.tab: Asia/Ho_Chi_Minh is VN), else from the locale's
// territory (LC_ALL, LC_MESSAGES, LANG: vi_VN.UTF-8 is VN). Empty when neither says.
#pragma once

#include <string>

namespace sundial::platform
{

struct CountrySources {
    std::string zoneTab = "/usr/share/zoneinfo/zone.tab";
    std::string localtime = "/etc/localtime";
    std::string timezoneFile = "/etc/timezone";
};

// ISO 3166-1 alpha-2, upper case ("VN"), or empty.
std::string machineCountry(const CountrySources &sources = {});

// The time zone's name as tzdata spells it ("Europe/Berlin"): TZ (without a leading ':'; a path
// under a zoneinfo folder is cut there), else the target of `localtime` when it is a link into a
// zoneinfo folder, else the first line of `timezoneFile`. Empty when none says.
std::string zoneName(const CountrySources &sources = {});

// The country zone.tab gives the zone, or empty.
std::string countryOfZone(const std::string &zone, const std::string &zoneTab);

} // namespace sundial::platform
