// SPDX-License-Identifier: GPL-3.0-or-later
// LocalAccounts: the machine's human accounts, read from a passwd file (the ones a parent may
// choose to limit). Paths are injectable so tests read fixtures.
#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace sundial::ui
{

struct LocalAccount {
    QString name;
    uint uid = 0;
    QString fullName; // the first GECOS field; empty when there is none
    QString shell;

    // "Full Name (name)", or the name alone.
    QString label() const;
};

class LocalAccounts
{
public:
    static constexpr const char *kPasswd = "/etc/passwd";
    static constexpr const char *kLoginDefs = "/etc/login.defs";
    static constexpr uint kUidMin = 1000;
    static constexpr uint kUidMax = 60000;

    explicit LocalAccounts(
        QString passwdPath = QString::fromLatin1(kPasswd), QString loginDefsPath = QString::fromLatin1(kLoginDefs));

    // Accounts with UID_MIN <= uid <= UID_MAX (login.defs; 1000..60000 when it is missing or
    // silent) and a login shell (not nologin or false), in file order. An unreadable passwd
    // file gives an empty list. Accounts only in NSS (LDAP, sssd) are not listed.
    QList<LocalAccount> humans() const;

    // UID_MIN and UID_MAX from a login.defs file; the defaults for whatever it does not say.
    static std::pair<uint, uint> uidRange(const QString &loginDefsPath);

    // How a parent knows account `uid`: "Full Name (name)", the name, or "root" (uid 0); from the
    // system's user database (NSS), or "#uid" when it has no such account. Empty for uid < 0.
    static QString displayName(qint64 uid);

    // The accounts whose uid is not in `limited`, in order.
    static QList<LocalAccount> without(const QList<LocalAccount> &accounts, const QSet<uint> &limited);

    QString passwdPath() const { return m_passwd; }

private:
    QString m_passwd;
    QString m_loginDefs;
};

} // namespace sundial::ui
