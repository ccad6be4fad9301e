// SPDX-License-Identifier: GPL-3.0-or-later
// CallerAuthority: who a D-Bus caller is (by the bus's credentials, never by an argument) and
// whether it may act as a parent: root, a member of group sundial-admin, or authorised by
// polkit for org.sundial.manage. In try-out mode the service's own user is the parent.
#pragma once

#include <functional>
#include <optional>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>

namespace sundial::daemon
{

class CallerAuthority : public QObject
{
    Q_OBJECT
public:
    // `ownerUid`: in try-out mode the uid the service runs as, who is also its parent.
    CallerAuthority(const QDBusConnection &bus, std::optional<uint> ownerUid, QObject *parent = nullptr);

    // The sender's uid as the bus daemon reports it; nullopt if the bus does not know.
    std::optional<uint> callerUid(const QDBusMessage &message) const;
    // True when the caller may use the Admin interface. May ask polkit, never interactively
    // (a short blocking call: polkit answers at once when it need not prompt).
    bool mayAdminister(const QDBusMessage &message, uint uid) const;
    // As mayAdminister, but polkit may ask for a parent's password (in the caller's session);
    // `done` is called later with the answer, without blocking the service meanwhile.
    // `details` fill the prompt's message (the action's $(key) placeholders in
    // installer/polkit/org.sundial.policy), so the parent sees for whom and how much.
    void authorizeInteractively(const QDBusMessage &message, uint uid, const QMap<QString, QString> &details,
        std::function<void(bool)> done) const;

    static constexpr const char *kAdminGroup = "sundial-admin";
    static constexpr const char *kPolkitAction = "org.sundial.manage";
    // Asked interactively at the child's screen; never remembered by polkit (auth_admin).
    static constexpr const char *kApproveHereAction = "org.sundial.approve-here";

private slots:
    // A unique name that leaves the bus is never reused, so its cached uid can go.
    void onNameOwnerChanged(const QString &name, const QString &oldOwner, const QString &newOwner);

private:
    bool inAdminGroup(uint uid) const;
    bool polkitAllows(const QString &sender) const;
    QDBusMessage polkitCheck(
        const QString &sender, bool interactive, const char *action, const QMap<QString, QString> &details = {}) const;
    static bool authorizedIn(const QDBusMessage &reply);

    QDBusConnection m_bus;
    std::optional<uint> m_ownerUid;
    // The bus's answer per unique connection name: asking the bus daemon on every call would
    // cost a round trip per heartbeat.
    mutable QHash<QString, uint> m_uids;
};

} // namespace sundial::daemon
