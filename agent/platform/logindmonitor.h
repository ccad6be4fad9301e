// SPDX-License-Identifier: GPL-3.0-or-later
// LogindMonitor: follows systemd-logind's sessions and asks it to lock or end them.
// Takes the bus connection as an argument so tests can hand it a private bus with
// python-dbusmock's logind template (logind itself cannot run in CI).
#pragma once

#include <optional>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QHash>
#include <QObject>

#include "agent/platform/loginsession.h"

namespace sundial::platform
{

class LogindMonitor : public QObject
{
    Q_OBJECT
public:
    explicit LogindMonitor(const QDBusConnection &bus, QObject *parent = nullptr);

    // Subscribes to session changes and reads the current sessions. Emits sessionChanged for
    // each session found.
    void start();
    QList<LoginSession> sessionsOf(uint uid) const;
    std::optional<LoginSession> session(const QString &id) const;

    void lockSession(const QString &id);
    void terminateSession(const QString &id);
    void suspend();

signals:
    // A session of `uid` appeared, changed or went away.
    void sessionChanged(uint uid, const QString &id);
    // The machine is about to sleep (true) or has woken up (false).
    void sleeping(bool beforeSleep);

private slots:
    void onSessionNew(const QString &id, const QDBusObjectPath &path);
    void onSessionRemoved(const QString &id, const QDBusObjectPath &path);
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated,
        const QDBusMessage &message);
    void onPrepareForSleep(bool beforeSleep);

private:
    void readSession(const QString &id, const QString &path);
    void applyProperties(LoginSession &session, const QVariantMap &properties);

    QDBusConnection m_bus;
    QHash<QString, LoginSession> m_sessions; // by id
    QHash<QString, QString> m_idByPath;
};

} // namespace sundial::platform
