// SPDX-License-Identifier: GPL-3.0-or-later
// ScopedTimeZone: sets TZ for a test's duration (the C library's local time follows it), and
// puts the old value back after.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace sundial::testing
{

struct ScopedTimeZone {
    explicit ScopedTimeZone(const char *zone)
    {
        if (const char *old = std::getenv("TZ")) {
            m_old = old;
        }
        setenv("TZ", zone, 1);
        tzset();
    }
    ~ScopedTimeZone()
    {
        if (m_old.empty()) {
            unsetenv("TZ");
        } else {
            setenv("TZ", m_old.c_str(), 1);
        }
        tzset();
    }
    ScopedTimeZone(const ScopedTimeZone &) = delete;
    ScopedTimeZone &operator=(const ScopedTimeZone &) = delete;

private:
    std::string m_old;
};

} // namespace sundial::testing
