// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/logindmonitor.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>

namespace sundial::platform
{

namespace
{

const QString kService = QStringLiteral("org.freedesktop.login1");
const QString kPath = QStringLiteral("/org/freedesktop/login1");
const QString kManager = QStringLiteral("org.freedesktop.login1.Manager");
const QString kSession = QStringLiteral("org.freedesktop.login1.Session");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

} // namespace

LogindMonitor::LogindMonitor(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{
}

void LogindMonitor::start()
{
    m_bus.connect(
        kService, kPath, kManager, QStringLiteral("SessionNew"), this, SLOT(onSessionNew(QString, QDBusObjectPath)));
    m_bus.connect(kService, kPath, kManager, QStringLiteral("SessionRemoved"), this,
        SLOT(onSessionRemoved(QString, QDBusObjectPath)));
    m_bus.connect(kService, kPath, kManager, QStringLiteral("PrepareForSleep"), this, SLOT(onPrepareForSleep(bool)));
    // One match for every session object's property changes; the path says which session.
    m_bus.connect(kService, QString {}, kProperties, QStringLiteral("PropertiesChanged"), this,
        SLOT(onPropertiesChanged(QString, QVariantMap, QStringList, QDBusMessage)));

    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kManager, QStringLiteral("ListSessions"));
    const QDBusMessage reply = m_bus.call(call, QDBus::Block, 5000);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        qWarning("sundiald: cannot list logind sessions: %s", qPrintable(reply.errorMessage()));
        return;
    }
    const QDBusArgument list = reply.arguments().constFirst().value<QDBusArgument>();
    list.beginArray();
    while (!list.atEnd()) {
        QString id;
        uint uid = 0;
        QString user;
        QString seat;
        QDBusObjectPath path;
        list.beginStructure();
        list >> id >> uid >> user >> seat >> path;
        list.endStructure();
        readSession(id, path.path());
    }
    list.endArray();
}

void LogindMonitor::readSession(const QString &id, const QString &path)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, path, kProperties, QStringLiteral("GetAll"));
    call << kSession;
    const QDBusReply<QVariantMap> reply = m_bus.call(call, QDBus::Block, 5000);
    if (!reply.isValid()) {
        qWarning("sundiald: cannot read logind session %s: %s", qPrintable(id), qPrintable(reply.error().message()));
        return;
    }
    LoginSession &session = m_sessions[id];
    session.id = id;
    session.objectPath = path;
    applyProperties(session, reply.value());
    m_idByPath.insert(path, id);
    emit sessionChanged(session.uid, id);
}

void LogindMonitor::applyProperties(LoginSession &session, const QVariantMap &properties)
{
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        if (key == QLatin1String("User")) {
            // (uo): the uid and the user's object path.
            const QDBusArgument user = value.value<QDBusArgument>();
            uint uid = 0;
            QDBusObjectPath userPath;
            user.beginStructure();
            user >> uid >> userPath;
            user.endStructure();
            session.uid = uid;
        } else if (key == QLatin1String("Type")) {
            session.type = value.toString();
        } else if (key == QLatin1String("State")) {
            session.state = value.toString();
        } else if (key == QLatin1String("Active")) {
            session.active = value.toBool();
        } else if (key == QLatin1String("Class")) {
            session.sessionClass = value.toString();
        } else if (key == QLatin1String("LockedHint")) {
            const bool locked = value.toBool();
            if (locked && !session.locked) {
                ++session.lockedRises;
            }
            session.locked = locked;
        } else if (key == QLatin1String("IdleHint")) {
            session.idleHint = value.toBool();
        } else if (key == QLatin1String("Remote")) {
            session.remote = value.toBool();
        }
    }
}

QList<LoginSession> LogindMonitor::sessionsOf(uint uid) const
{
    QList<LoginSession> sessions;
    for (const LoginSession &session : m_sessions) {
        if (session.uid == uid) {
            sessions.append(session);
        }
    }
    return sessions;
}

std::optional<LoginSession> LogindMonitor::session(const QString &id) const
{
    const auto found = m_sessions.constFind(id);
    return found == m_sessions.constEnd() ? std::nullopt : std::optional {*found};
}

void LogindMonitor::onSessionNew(const QString &id, const QDBusObjectPath &path)
{
    readSession(id, path.path());
}

void LogindMonitor::onSessionRemoved(const QString &id, const QDBusObjectPath &path)
{
    const auto found = m_sessions.find(id);
    if (found == m_sessions.end()) {
        return;
    }
    const uint uid = found->uid;
    m_sessions.erase(found);
    m_idByPath.remove(path.path());
    emit sessionChanged(uid, id);
}

void LogindMonitor::onPropertiesChanged(
    const QString &interface, const QVariantMap &changed, const QStringList &invalidated, const QDBusMessage &message)
{
    if (interface != kSession) {
        return;
    }
    const auto id = m_idByPath.constFind(message.path());
    if (id == m_idByPath.constEnd()) {
        return;
    }
    if (!invalidated.isEmpty()) {
        readSession(*id, message.path());
        return;
    }
    LoginSession &session = m_sessions[*id];
    applyProperties(session, changed);
    emit sessionChanged(session.uid, *id);
}

void LogindMonitor::onPrepareForSleep(bool beforeSleep)
{
    emit sleeping(beforeSleep);
}

void LogindMonitor::lockSession(const QString &id)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kManager, QStringLiteral("LockSession"));
    call << id;
    m_bus.asyncCall(call);
}

void LogindMonitor::terminateSession(const QString &id)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kManager, QStringLiteral("TerminateSession"));
    call << id;
    m_bus.asyncCall(call);
}

void LogindMonitor::suspend()
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kManager, QStringLiteral("Suspend"));
    call << false;
    m_bus.asyncCall(call);
}

} // namespace sundial::platform
