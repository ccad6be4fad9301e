// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/systemtimezone.h"

#include <cstdlib>

#include <time.h>

namespace sundial::platform
{

void SystemTimeZone::fixZoneVariable()
{
    if (std::getenv("TZ") == nullptr) {
        ::setenv("TZ", ":/etc/localtime", 1);
    }
    ::tzset();
}

std::string SystemTimeZone::zoneFile()
{
    const char *variable = std::getenv("TZ");
    std::string name = variable ? variable : "";
    if (!name.empty() && name.front() == ':') {
        name.erase(0, 1);
    }
    if (name.empty()) {
        return "/etc/localtime";
    }
    return name.front() == '/' ? name : "/usr/share/zoneinfo/" + name;
}

void SystemTimeZone::reload()
{
    const char *variable = std::getenv("TZ");
    std::string value = variable ? variable : ":/etc/localtime";
    if (value.empty() || value == ":") {
        value = "Universal"; // what glibc reads an empty TZ as
    }
    // glibc compares TZ's text without a leading colon, so the two spellings differ in a "./"
    // before the file name, which names the same file.
    if (const auto dot = value.find("/./"); dot != std::string::npos) {
        value.erase(dot, 2);
    } else if (value.rfind(":./", 0) == 0) {
        value.erase(1, 2);
    } else {
        const auto slash = value.rfind('/');
        value.insert(slash == std::string::npos ? (value.front() == ':' ? 1 : 0) : slash + 1, "./");
    }
    ::setenv("TZ", value.c_str(), 1);
    ::tzset();
    m_offsetByMinute.clear();
}

std::chrono::seconds SystemTimeZone::utcOffsetAt(core::Instant at) const
{
    const std::int64_t minute = std::chrono::floor<std::chrono::minutes>(at).time_since_epoch().count();
    if (const auto found = m_offsetByMinute.find(minute); found != m_offsetByMinute.end()) {
        return found->second;
    }
    if (m_offsetByMinute.size() >= 16384) {
        m_offsetByMinute.clear();
    }
    const time_t seconds = static_cast<time_t>(at.time_since_epoch().count());
    struct tm local {
    };
    if (localtime_r(&seconds, &local) == nullptr) {
        return std::chrono::seconds {0};
    }
    const std::chrono::seconds offset {local.tm_gmtoff};
    m_offsetByMinute.emplace(minute, offset);
    return offset;
}

} // namespace sundial::platform
