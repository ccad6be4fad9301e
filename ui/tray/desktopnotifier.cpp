// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/desktopnotifier.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QDBusReply>
#include <QVariantMap>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

DesktopNotifier::DesktopNotifier(const QDBusConnection &sessionBus)
    : m_bus(sessionBus)
{
}

void DesktopNotifier::warn(qint64 secondsLeft, const QString &reason)
{
    // urgency: 0 low, 1 normal, 2 critical (a byte, per the specification).
    const uchar urgency = secondsLeft <= 60 ? 2 : 1;
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("/org/freedesktop/Notifications"), QStringLiteral("org.freedesktop.Notifications"),
        QStringLiteral("Notify"));
    const QString summary = QCoreApplication::translate("Notifications", "%1 of screen time left")
                                .arg(formatDuration(std::chrono::seconds {secondsLeft}));
    call << QStringLiteral("Sundial") << m_lastId << QStringLiteral("appointment-soon") << summary << reason
         << QStringList {} << QVariantMap {{QStringLiteral("urgency"), QVariant::fromValue(urgency)}}
         << int(urgency == 2 ? 0 : 10'000);
    const QDBusReply<uint> reply = m_bus.call(call, QDBus::Block, 2000);
    if (reply.isValid()) {
        m_lastId = reply.value();
    }
}

} // namespace sundial::ui
