// SPDX-License-Identifier: GPL-3.0-or-later
// DesktopNotifier: warnings as desktop notifications (org.freedesktop.Notifications on the
// session bus). The last minute is critical, so notification servers show it over full-screen
// windows.
#pragma once

#include <QDBusConnection>
#include <QString>

namespace sundial::ui
{

class DesktopNotifier
{
public:
    explicit DesktopNotifier(const QDBusConnection &sessionBus);
    // Replaces the previous warning, if it is still shown.
    void warn(qint64 secondsLeft, const QString &reason);

private:
    QDBusConnection m_bus;
    uint m_lastId = 0;
};

} // namespace sundial::ui
