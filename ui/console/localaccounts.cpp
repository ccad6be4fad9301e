// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/localaccounts.h"

#include <array>
#include <pwd.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

namespace sundial::ui
{

QString LocalAccounts::displayName(qint64 uid)
{
    if (uid < 0) {
        return {};
    }
    // getpwuid_r: the console's threads may look up accounts too.
    struct passwd entry {
    };
    struct passwd *found = nullptr;
    std::array<char, 4096> buffer {};
    if (::getpwuid_r(uid_t(uid), &entry, buffer.data(), buffer.size(), &found) != 0 || !found) {
        return QStringLiteral("#%1").arg(uid);
    }
    LocalAccount account;
    account.name = QString::fromLocal8Bit(found->pw_name);
    account.fullName = QString::fromLocal8Bit(found->pw_gecos ? found->pw_gecos : "").section(QLatin1Char(','), 0, 0);
    return account.label();
}

QString LocalAccount::label() const
{
    return fullName.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(fullName, name);
}

LocalAccounts::LocalAccounts(QString passwdPath, QString loginDefsPath)
    : m_passwd(std::move(passwdPath))
    , m_loginDefs(std::move(loginDefsPath))
{
}

std::pair<uint, uint> LocalAccounts::uidRange(const QString &loginDefsPath)
{
    uint low = kUidMin;
    uint high = kUidMax;
    QFile file(loginDefsPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {low, high};
    }
    static const QRegularExpression kSetting(QStringLiteral("^\\s*(UID_MIN|UID_MAX)\\s+(\\d+)\\s*(#.*)?$"));
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QRegularExpressionMatch match = kSetting.match(in.readLine());
        if (!match.hasMatch()) {
            continue;
        }
        bool ok = false;
        const uint value = match.captured(2).toUInt(&ok);
        if (!ok) {
            continue;
        }
        (match.captured(1) == QLatin1String("UID_MIN") ? low : high) = value;
    }
    return {low, high};
}

QList<LocalAccount> LocalAccounts::humans() const
{
    QList<LocalAccount> accounts;
    QFile file(m_passwd);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return accounts;
    }
    const auto [low, high] = uidRange(m_loginDefs);
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('+'))
            || line.startsWith(QLatin1Char('-'))) {
            continue; // NIS compatibility lines name no account of their own
        }
        const QStringList fields = line.split(QLatin1Char(':'));
        if (fields.size() < 7) {
            continue;
        }
        bool ok = false;
        const uint uid = fields[2].toUInt(&ok);
        if (!ok || uid < low || uid > high) {
            continue;
        }
        // An empty shell field means /bin/sh: a login account.
        const QString shellName = QFileInfo(fields[6]).fileName();
        if (shellName == QLatin1String("nologin") || shellName == QLatin1String("false")) {
            continue;
        }
        accounts.append({fields[0], uid, fields[4].section(QLatin1Char(','), 0, 0).trimmed(), fields[6]});
    }
    return accounts;
}

QList<LocalAccount> LocalAccounts::without(const QList<LocalAccount> &accounts, const QSet<uint> &limited)
{
    QList<LocalAccount> left;
    for (const LocalAccount &account : accounts) {
        if (!limited.contains(account.uid)) {
            left.append(account);
        }
    }
    return left;
}

} // namespace sundial::ui
