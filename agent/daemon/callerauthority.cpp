// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/callerauthority.h"

#include <grp.h>
#include <pwd.h>
#include <vector>

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusReply>

namespace sundial::daemon
{

CallerAuthority::CallerAuthority(const QDBusConnection &bus, std::optional<uint> ownerUid, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_ownerUid(ownerUid)
{
    m_bus.connect(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("NameOwnerChanged"), this,
        SLOT(onNameOwnerChanged(QString, QString, QString)));
}

void CallerAuthority::onNameOwnerChanged(const QString &name, const QString &, const QString &newOwner)
{
    if (newOwner.isEmpty()) {
        m_uids.remove(name);
    }
}

std::optional<uint> CallerAuthority::callerUid(const QDBusMessage &message) const
{
    const QString sender = message.service();
    if (const auto cached = m_uids.constFind(sender); cached != m_uids.constEnd()) {
        return *cached;
    }
    const QDBusReply<uint> reply = m_bus.interface()->serviceUid(sender);
    if (!reply.isValid()) {
        return std::nullopt;
    }
    if (sender.startsWith(QLatin1Char(':')) && m_uids.size() < 4096) {
        m_uids.insert(sender, reply.value());
    }
    return reply.value();
}

bool CallerAuthority::mayAdminister(const QDBusMessage &message, uint uid) const
{
    if (uid == 0 || (m_ownerUid && uid == *m_ownerUid)) {
        return true;
    }
    return inAdminGroup(uid) || polkitAllows(message.service());
}

bool CallerAuthority::inAdminGroup(uint uid) const
{
    const group *admins = getgrnam(kAdminGroup);
    const passwd *user = getpwuid(uid);
    if (!admins || !user) {
        return false;
    }
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    if (getgrouplist(user->pw_name, user->pw_gid, groups.data(), &count) < 0) {
        groups.resize(static_cast<std::size_t>(count));
        if (getgrouplist(user->pw_name, user->pw_gid, groups.data(), &count) < 0) {
            return false;
        }
    }
    groups.resize(static_cast<std::size_t>(count));
    for (const gid_t gid : groups) {
        if (gid == admins->gr_gid) {
            return true;
        }
    }
    return false;
}

QDBusMessage CallerAuthority::polkitCheck(
    const QString &sender, bool interactive, const char *action, const QMap<QString, QString> &details) const
{
    // CheckAuthorization(subject (sa{sv}), action s, details a{ss}, flags u, cancellation s)
    //   -> (is_authorized b, is_challenge b, details a{ss})
    QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.PolicyKit1"),
        QStringLiteral("/org/freedesktop/PolicyKit1/Authority"), QStringLiteral("org.freedesktop.PolicyKit1.Authority"),
        QStringLiteral("CheckAuthorization"));
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject << QVariantMap {{QStringLiteral("name"), sender}};
    subject.endStructure();
    QDBusArgument detailMap;
    detailMap.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    for (auto detail = details.cbegin(); detail != details.cend(); ++detail) {
        detailMap.beginMapEntry();
        detailMap << detail.key() << detail.value();
        detailMap.endMapEntry();
    }
    detailMap.endMap();
    constexpr uint kAllowUserInteraction = 1;
    call << QVariant::fromValue(subject) << QString::fromLatin1(action) << QVariant::fromValue(detailMap)
         << (interactive ? kAllowUserInteraction : 0u) << QString {};
    return call;
}

bool CallerAuthority::authorizedIn(const QDBusMessage &reply)
{
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty()) {
        return false;
    }
    const QDBusArgument result = reply.arguments().constFirst().value<QDBusArgument>();
    bool authorized = false;
    bool challenge = false;
    result.beginStructure();
    result >> authorized >> challenge;
    return authorized;
}

bool CallerAuthority::polkitAllows(const QString &sender) const
{
    // Never interactive here: a prompt would hold the service's only thread while someone
    // types a password. Interactive checks go through authorizeInteractively().
    return authorizedIn(m_bus.call(polkitCheck(sender, false, kPolkitAction), QDBus::Block, 1'000));
}

void CallerAuthority::authorizeInteractively(
    const QDBusMessage &message, uint uid, const QMap<QString, QString> &details, std::function<void(bool)> done) const
{
    if (uid == 0 || (m_ownerUid && uid == *m_ownerUid) || inAdminGroup(uid)) {
        done(true);
        return;
    }
    // A parent already authorised for org.sundial.manage (at a console) needs no prompt: asked
    // without interaction, asynchronously. Otherwise a parent at the child's screen types their
    // password into the child's polkit agent for org.sundial.approve-here, which polkit never
    // remembers, so the child cannot reuse it. The service goes on meanwhile.
    const QString sender = message.service();
    auto *quiet = new QDBusPendingCallWatcher(m_bus.asyncCall(polkitCheck(sender, false, kPolkitAction), 5'000));
    QObject::connect(quiet, &QDBusPendingCallWatcher::finished, quiet,
        [this, sender, details, done = std::move(done)](QDBusPendingCallWatcher *finished) mutable {
            finished->deleteLater();
            if (authorizedIn(finished->reply())) {
                done(true);
                return;
            }
            auto *prompt = new QDBusPendingCallWatcher(
                m_bus.asyncCall(polkitCheck(sender, true, kApproveHereAction, details), 120'000));
            QObject::connect(prompt, &QDBusPendingCallWatcher::finished, prompt,
                [done = std::move(done)](QDBusPendingCallWatcher *answered) {
                    answered->deleteLater();
                    done(authorizedIn(answered->reply()));
                });
        });
}

} // namespace sundial::daemon
