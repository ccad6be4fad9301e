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
    QString type; // x11, wayland, tty, mir, unspecified: not trusted (startx from a tty keeps "tty")
    QString sessionClass; // user, greeter, lock-screen, background
    QString state; // online, active, closing
    bool active = false;
    // LockedHint and IdleHint: hints the session's owner may set alone (no password), so the
    // service never takes them as facts by themselves. lockedRises counts the hint's rises from
    // false to true seen since the session appeared: a rise after the service's own LockSession
    // is a locker answering it.
    bool locked = false;
    unsigned lockedRises = 0;
    bool idleHint = false;
    bool remote = false;

    // A session the account may be using: every type counts (text consoles, graphical sessions
    // started from them, ssh), local ones while in the foreground of their seat, remote ones while
    // open. The login screen's and background (cron) sessions are not the account's use.
    bool open() const
    {
        const bool userClass = sessionClass.isEmpty() || sessionClass == QLatin1String("user");
        return userClass && state != QLatin1String("closing") && (active || remote);
    }
};

} // namespace sundial::platform
