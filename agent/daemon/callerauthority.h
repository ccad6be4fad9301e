// SPDX-License-Identifier: GPL-3.0-or-later
// CallerAuthority: who a D-Bus caller is (by the bus's credentials, never by an argument) and
// whether it may act as a parent: root, a member of group sundial-admin, or authorised by
// polkit for org.sundial.manage. In try-out mode the service's own user is the parent.
#pragma once

#include <optional>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QString>

namespace sundial::daemon
{

class CallerAuthority
{
public:
    // `ownerUid`: in try-out mode the uid the service runs as, who is also its parent.
    CallerAuthority(const QDBusConnection &bus, std::optional<uint> ownerUid);

    // The sender's uid as the bus daemon reports it; nullopt if the bus does not know.
    std::optional<uint> callerUid(const QDBusMessage &message) const;
    // True when the caller may use the Admin interface. May ask polkit (a blocking call with
    // a timeout: polkit prompts need user interaction).
    bool mayAdminister(const QDBusMessage &message, uint uid) const;

    static constexpr const char *kAdminGroup = "sundial-admin";
    static constexpr const char *kPolkitAction = "org.sundial.manage";

private:
    bool inAdminGroup(uint uid) const;
    bool polkitAllows(const QString &sender) const;

    QDBusConnection m_bus;
    std::optional<uint> m_ownerUid;
};

} // namespace sundial::daemon
