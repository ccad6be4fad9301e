// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/serviceclient.h"

#include <QDBusMessage>

namespace sundial::ctl
{

ServiceClient::ServiceClient(bool sessionBus)
    : m_sessionBus(sessionBus)
    , m_bus(sessionBus ? QDBusConnection::sessionBus() : QDBusConnection::systemBus())
{
}

core::Result<QVariant> ServiceClient::call(
    const QString &interface, const QString &method, const QVariantList &arguments)
{
    if (!m_bus.isConnected()) {
        return core::Error {"org.freedesktop.DBus.Error.NoServer",
            "cannot reach the " + busName() + " bus: is this a full desktop session?"};
    }
    QDBusMessage message = QDBusMessage::createMethodCall(QStringLiteral("org.sundial.Agent1"),
        QStringLiteral("/org/sundial/Agent1"), QStringLiteral("org.sundial.Agent1.") + interface, method);
    message.setArguments(arguments);
    const QDBusMessage reply = m_bus.call(message, QDBus::Block, 30'000);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        std::string text = reply.errorMessage().toStdString();
        if (reply.errorName() == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown")) {
            text = "the Sundial service is not running on the " + busName()
                + " bus (start it: systemctl start sundiald, or sundiald --user for the try-out)";
        }
        return core::Error {reply.errorName().toStdString(), text};
    }
    return reply.arguments().isEmpty() ? QVariant {} : reply.arguments().constFirst();
}

} // namespace sundial::ctl
