// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/serviceconnection.h"

#include <iostream>

#include <unistd.h>

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

namespace sundial::ui
{

namespace
{

const QString kService = QStringLiteral("org.sundial.Agent1");
const QString kPath = QStringLiteral("/org/sundial/Agent1");
const QString kChild = QStringLiteral("org.sundial.Agent1.Child");

} // namespace

ServiceConnection::ServiceConnection(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_uid(::getuid())
{
    m_bus.connect(
        kService, kPath, kChild, QStringLiteral("StatusChanged"), this, SLOT(onStatusChanged(uint, QVariantMap)));
    m_bus.connect(kService, kPath, kChild, QStringLiteral("Warning"), this, SLOT(onWarning(uint, qint64, QString)));
    m_bus.connect(kService, kPath, kChild, QStringLiteral("TimesUp"), this, SLOT(onTimesUp(uint, qint64, QString)));
    m_bus.connect(
        kService, kPath, kChild, QStringLiteral("RequestAnswered"), this, SLOT(onRequestAnswered(uint, qint64, uint)));
}

void ServiceConnection::refresh()
{
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kChild, QStringLiteral("GetStatus"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        const QDBusPendingReply<QVariantMap> reply = *finished;
        finished->deleteLater();
        if (reply.isError()) {
            emit unreachable(reply.error().message());
            return;
        }
        emit statusChanged(ChildStatus::fromMap(reply.value()));
    });
}

void ServiceConnection::requestMoreTime(int minutes, const QString &reason)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kChild, QStringLiteral("RequestMoreTime"));
    call << uint(minutes) << reason;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *finished) {
        const QDBusPendingReply<qint64> reply = *finished;
        finished->deleteLater();
        if (reply.isError()) {
            // The service's words are for a parent or a log, not for the child.
            std::cerr << "sundial-tray: request not sent: " << reply.error().message().toStdString() << std::endl;
            emit requestFailed(tr("Your request could not be sent. Try again in a few minutes."));
        }
    });
}

void ServiceConnection::openHelpLine(const std::function<void()> &then)
{
    const QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kChild, QStringLiteral("OpenHelpLine"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [then](QDBusPendingCallWatcher *finished) {
        finished->deleteLater();
        then(); // the page opens even when the service cannot be told
    });
}

void ServiceConnection::approveOnTheSpot(int minutes)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        kService, kPath, QStringLiteral("org.sundial.Agent1.Admin"), QStringLiteral("GrantExtraTime"));
    call << m_uid << uint(minutes);
    // Long timeout: a parent is typing a password.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 150'000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, minutes](QDBusPendingCallWatcher *finished) {
        const QDBusPendingReply<> reply = *finished;
        finished->deleteLater();
        if (reply.isError()) {
            std::cerr << "sundial-tray: no time given: " << reply.error().message().toStdString() << std::endl;
            const bool refused = reply.error().type() == QDBusError::AccessDenied
                || reply.error().name().endsWith(QLatin1String("PermissionDenied"));
            emit requestFailed(refused ? tr("The password was not accepted, so no time was given.")
                                       : tr("No time was given: something went wrong. Try again in a few minutes."));
            return;
        }
        emit approved(minutes);
        refresh();
    });
}

void ServiceConnection::onStatusChanged(uint uid, const QVariantMap &status)
{
    if (uid == m_uid) {
        emit statusChanged(ChildStatus::fromMap(status));
    }
}

void ServiceConnection::onWarning(uint uid, qint64 secondsLeft, const QString &reason)
{
    if (uid == m_uid) {
        emit warning(secondsLeft, reason);
    }
}

void ServiceConnection::onTimesUp(uint uid, qint64 graceSeconds, const QString &reason)
{
    if (uid == m_uid) {
        emit timesUp(graceSeconds, reason);
    }
}

void ServiceConnection::onRequestAnswered(uint uid, qint64 id, uint minutes)
{
    if (uid == m_uid) {
        emit requestAnswered(id, minutes);
    }
}

} // namespace sundial::ui
