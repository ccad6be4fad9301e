// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/machinecountry.h"

#include <climits>
#include <cstdlib>

#include <unistd.h>

#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

constexpr std::size_t kMaxZoneTabBytes = 64 * 1024;

// "Europe/Berlin" from ".../zoneinfo/Europe/Berlin" (also zoneinfo/posix/..., zoneinfo/right/...).
std::string afterZoneinfo(const std::string &path)
{
    const std::string marker = "zoneinfo/";
    const std::size_t at = path.rfind(marker);
    if (at == std::string::npos) {
        return {};
    }
    std::string name = path.substr(at + marker.size());
    for (const char *prefix : {"posix/", "right/"}) {
        if (name.rfind(prefix, 0) == 0) {
            name.erase(0, std::string {prefix}.size());
        }
    }
    return name;
}

// "VN" from "vi_VN.UTF-8" or "vi_VN@latin"; empty for "C.UTF-8", "POSIX" or "vi".
std::string territoryOf(const char *locale)
{
    if (!locale) {
        return {};
    }
    const std::string text {locale};
    const std::size_t underscore = text.find('_');
    if (underscore == std::string::npos || text.size() < underscore + 3) {
        return {};
    }
    const std::string territory = text.substr(underscore + 1, 2);
    for (const char c : territory) {
        if (c < 'A' || c > 'Z') {
            return {};
        }
    }
    return territory;
}

} // namespace

std::string zoneName(const CountrySources &sources)
{
    if (const char *tz = std::getenv("TZ"); tz && *tz) {
        std::string name {tz[0] == ':' ? tz + 1 : tz};
        if (!name.empty() && name.front() != '/') {
            return name;
        }
        if (const std::string cut = afterZoneinfo(name); !cut.empty()) {
            return cut;
        }
        // A path that is not under zoneinfo ("/etc/localtime", set by the service itself).
    }
    char target[PATH_MAX];
    if (const ssize_t length = ::readlink(sources.localtime.c_str(), target, sizeof target - 1); length > 0) {
        if (const std::string cut = afterZoneinfo(std::string {target, static_cast<std::size_t>(length)});
            !cut.empty()) {
            return cut;
        }
    }
    if (const std::optional<std::string> file = readFilePrefix(sources.timezoneFile, 256)) {
        const std::string line = file->substr(0, file->find('\n'));
        if (!line.empty() && line.find(' ') == std::string::npos) {
            return line;
        }
    }
    return {};
}

std::string countryOfZone(const std::string &zone, const std::string &zoneTab)
{
    const std::optional<std::string> table = zone.empty() ? std::nullopt : readFilePrefix(zoneTab, kMaxZoneTabBytes);
    if (!table) {
        return {};
    }
    // "CC<TAB>coordinates<TAB>TZ[<TAB>comments]"
    for (const std::string_view line : splitAt(*table, '\n')) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::vector<std::string_view> fields = splitAt(line, '\t');
        if (fields.size() >= 3 && fields[2] == zone && fields[0].size() == 2) {
            return std::string {fields[0]};
        }
    }
    return {};
}

std::string machineCountry(const CountrySources &sources)
{
    if (const std::string country = countryOfZone(zoneName(sources), sources.zoneTab); !country.empty()) {
        return country;
    }
    for (const char *variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char *value = std::getenv(variable); value && *value) {
            return territoryOf(value); // the first one set decides, as the C library reads them
        }
    }
    return {};
}

} // namespace sundial::platform
