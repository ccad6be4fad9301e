// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceConnection: the child's side of org.sundial.Agent1: its own status, the service's
// signals about it, and requests for more time. Calls are asynchronous: the window never
// waits for the service.
#pragma once

#include <functional>

#include <QDBusConnection>
#include <QObject>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

class ServiceConnection : public QObject
{
    Q_OBJECT
public:
    explicit ServiceConnection(const QDBusConnection &bus, QObject *parent = nullptr);

    void refresh();
    void requestMoreTime(int minutes, const QString &reason);
    // Tells the service the help line's page is opening (so downtime spares the browser), then
    // calls `then`, whatever the answer.
    void openHelpLine(const std::function<void()> &then);
    // Admin.GrantExtraTime for this child: polkit asks for a parent's password in this session.
    void approveOnTheSpot(int minutes);

signals:
    void statusChanged(const sundial::ui::ChildStatus &status);
    void warning(qint64 secondsLeft, const QString &reason);
    void timesUp(qint64 graceSeconds, const QString &reason);
    void requestAnswered(qint64 id, uint minutes);
    void requestFailed(const QString &message);
    void approved(int minutes);
    void unreachable(const QString &message);

private slots:
    void onStatusChanged(uint uid, const QVariantMap &status);
    void onWarning(uint uid, qint64 secondsLeft, const QString &reason);
    void onTimesUp(uint uid, qint64 graceSeconds, const QString &reason);
    void onRequestAnswered(uint uid, qint64 id, uint minutes);

private:
    QDBusConnection m_bus;
    uint m_uid;
};

} // namespace sundial::ui
