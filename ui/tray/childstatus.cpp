// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/childstatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sundial::ui
{

ChildStatus ChildStatus::fromMap(const QVariantMap &map)
{
    ChildStatus status;
    status.limited = map.value(QStringLiteral("limited")).toBool();
    status.verdict = map.value(QStringLiteral("verdict")).toString();
    status.reason = map.value(QStringLiteral("reason")).toString();
    status.used = std::chrono::seconds {map.value(QStringLiteral("usedSeconds")).toLongLong()};
    const qint64 remaining = map.value(QStringLiteral("remainingSeconds"), -1).toLongLong();
    if (remaining >= 0) {
        status.remaining = std::chrono::seconds {remaining};
    }
    status.allowedUntil = map.value(QStringLiteral("allowedUntil")).toLongLong();
    const QJsonArray budgets
        = QJsonDocument::fromJson(map.value(QStringLiteral("budgets")).toString().toUtf8()).array();
    for (const QJsonValue &value : budgets) {
        const QJsonObject budget = value.toObject();
        status.budgets.append({budget.value(QStringLiteral("name")).toString(),
            std::chrono::seconds {budget.value(QStringLiteral("limitSeconds")).toInteger()},
            std::chrono::seconds {budget.value(QStringLiteral("remainingSeconds")).toInteger()}});
    }
    status.recorded = map.value(QStringLiteral("recorded")).toString();
    status.helpLineName = map.value(QStringLiteral("helpLineName")).toString();
    status.helpLinePhone = map.value(QStringLiteral("helpLinePhone")).toString();
    status.helpLineUrl = map.value(QStringLiteral("helpLineUrl")).toString();
    return status;
}

QString formatDuration(std::chrono::seconds duration)
{
    const qint64 total = duration.count();
    if (total < 60) {
        return QCoreApplication::translate("Duration", "%n s", nullptr, int(total));
    }
    const int hours = int(total / 3600);
    const int minutes = int(total % 3600 / 60);
    if (hours == 0) {
        return QCoreApplication::translate("Duration", "%n min", nullptr, minutes);
    }
    if (minutes == 0) {
        return QCoreApplication::translate("Duration", "%n h", nullptr, hours);
    }
    return QCoreApplication::translate("Duration", "%1 h %2 min").arg(hours).arg(minutes);
}

} // namespace sundial::ui
