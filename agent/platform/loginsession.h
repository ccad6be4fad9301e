// SPDX-License-Identifier: GPL-3.0-or-later
// LoginSession: what systemd-logind says about one session.
#pragma once

#include <QString>

namespace sundial::platform
{

struct LoginSession {
    QString id;
    QString objectPath;
    uint uid = 0;
    QString type; // x11, wayland, tty, mir, unspecified
    QString state; // online, active, closing
    bool active = false;
    bool locked = false; // LockedHint
    bool idleHint = false; // IdleHint: only a hint; the helper's report decides
    bool remote = false;

    bool isGraphical() const { return type == QLatin1String("x11") || type == QLatin1String("wayland"); }
    // A session whose time counts: graphical, the active one on its seat, and unlocked.
    bool counts() const { return isGraphical() && active && !locked && state != QLatin1String("closing"); }
};

} // namespace sundial::platform
