// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/tray/childstatus.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

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
        status.budgets.append(
            {budget.value(QStringLiteral("name")).toString(), budget.value(QStringLiteral("scope")).toString(),
                std::chrono::seconds {budget.value(QStringLiteral("limitSeconds")).toInteger()},
                std::chrono::seconds {budget.value(QStringLiteral("remainingSeconds")).toInteger()}});
    }
    status.recorded = map.value(QStringLiteral("recorded")).toString();
    status.reasonKind = map.value(QStringLiteral("reasonKind")).toString();
    status.reasonAt = map.value(QStringLiteral("reasonAt")).toLongLong();
    status.reasonBudget = std::chrono::seconds {map.value(QStringLiteral("reasonBudgetSeconds")).toLongLong()};
    status.reasonExtra = std::chrono::seconds {map.value(QStringLiteral("reasonExtraSeconds")).toLongLong()};
    status.reasonRemaining = std::chrono::seconds {map.value(QStringLiteral("reasonRemainingSeconds")).toLongLong()};
    status.reasonWeekday = int(map.value(QStringLiteral("reasonWeekday"), 1).toLongLong());
    status.recordTitles = map.value(QStringLiteral("recordTitles")).toBool();
    status.recordFullUrls = map.value(QStringLiteral("recordFullUrls")).toBool();
    status.activityRetentionDays = map.value(QStringLiteral("activityRetentionDays"), 30).toLongLong();
    status.dailyRetentionDays = map.value(QStringLiteral("dailyRetentionDays"), 365).toLongLong();
    status.helpLineName = map.value(QStringLiteral("helpLineName")).toString();
    status.helpLinePhone = map.value(QStringLiteral("helpLinePhone")).toString();
    status.helpLineUrl = map.value(QStringLiteral("helpLineUrl")).toString();
    status.helpLineNote = map.value(QStringLiteral("helpLineNote")).toString();
    status.lockoutAction = map.value(QStringLiteral("lockoutAction"), QStringLiteral("lock")).toString();
    status.downtime = map.value(QStringLiteral("downtime")).toBool();
    const QJsonArray offered
        = QJsonDocument::fromJson(map.value(QStringLiteral("offeredApps")).toString().toUtf8()).array();
    const QLocale locale;
    for (const QJsonValue &value : offered) {
        const QJsonObject app = value.toObject();
        const QJsonObject names = app.value(QStringLiteral("names")).toObject();
        QString name = app.value(QStringLiteral("name")).toString();
        // Name[vi_VN], else Name[vi], else Name.
        for (const QString &key : {locale.name(), locale.name().section(QLatin1Char('_'), 0, 0)}) {
            if (names.contains(key)) {
                name = names.value(key).toString();
                break;
            }
        }
        QStringList command;
        for (const QJsonValue &word : app.value(QStringLiteral("command")).toArray()) {
            command.append(word.toString());
        }
        if (!command.isEmpty() && !name.isEmpty()) {
            status.offeredApps.append({app.value(QStringLiteral("id")).toString(), name,
                app.value(QStringLiteral("icon")).toString(), command});
        }
    }
    return status;
}

namespace
{

// Marked with QT_TRANSLATE_NOOP at each call so lupdate finds the texts.
QString reasonText(const char *text)
{
    return QCoreApplication::translate("Reason", text);
}

// "20:30" today, else "Monday at 07:00" in the UI's language.
QString momentText(qint64 unixTime)
{
    const QDateTime moment = QDateTime::fromSecsSinceEpoch(unixTime);
    const QString clock = moment.time().toString(QStringLiteral("HH:mm"));
    if (moment.date() == QDate::currentDate()) {
        return clock;
    }
    return reasonText(QT_TRANSLATE_NOOP("Reason", "%1 at %2")).arg(QLocale().dayName(moment.date().dayOfWeek()), clock);
}

} // namespace

QString ChildStatus::localizedReason() const
{
    const QString day = QLocale().dayName(reasonWeekday == 0 ? 7 : reasonWeekday);
    const bool hasExtra = reasonExtra.count() > 0;
    if (reasonKind == QLatin1String("no-limit")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "No limit today"));
    }
    if (reasonKind == QLatin1String("free-time-until")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "Free time until %1")).arg(momentText(reasonAt));
    }
    if (reasonKind == QLatin1String("free-time-ends")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "Free time ends at %1")).arg(momentText(reasonAt));
    }
    if (reasonKind == QLatin1String("window-ends")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "Allowed hours end at %1")).arg(momentText(reasonAt));
    }
    if (reasonKind == QLatin1String("outside-hours")) {
        return reasonAt > 0 ? reasonText(QT_TRANSLATE_NOOP("Reason", "Outside allowed hours; next allowed at %1"))
                                  .arg(momentText(reasonAt))
                            : reasonText(QT_TRANSLATE_NOOP("Reason", "Outside allowed hours"));
    }
    if (reasonKind == QLatin1String("day-budget-left")) {
        return hasExtra
            ? reasonText(QT_TRANSLATE_NOOP("Reason", "%1 of %2's %3 and %4 extra left"))
                  .arg(formatDuration(reasonRemaining), day, formatDuration(reasonBudget), formatDuration(reasonExtra))
            : reasonText(QT_TRANSLATE_NOOP("Reason", "%1 of %2's %3 left"))
                  .arg(formatDuration(reasonRemaining), day, formatDuration(reasonBudget));
    }
    if (reasonKind == QLatin1String("day-budget-used-up")) {
        if (!hasExtra && reasonBudget.count() == 0) {
            return reasonText(QT_TRANSLATE_NOOP("Reason", "No screen time on %1")).arg(day); // nothing to use up
        }
        return hasExtra
            ? reasonText(QT_TRANSLATE_NOOP("Reason", "%1's %2 and %3 extra are used up"))
                  .arg(day, formatDuration(reasonBudget), formatDuration(reasonExtra))
            : reasonText(QT_TRANSLATE_NOOP("Reason", "%1's %2 are used up")).arg(day, formatDuration(reasonBudget));
    }
    if (reasonKind == QLatin1String("week-budget-left")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "%1 of this week's %2 left"))
            .arg(formatDuration(reasonRemaining), formatDuration(reasonBudget));
    }
    if (reasonKind == QLatin1String("week-budget-used-up")) {
        return reasonText(QT_TRANSLATE_NOOP("Reason", "This week's %1 are used up")).arg(formatDuration(reasonBudget));
    }
    return reason;
}

QString ChildStatus::localizedRecorded() const
{
    // Whole sentences, one per choice the parent can make, so each language can say it its own way.
    QString what;
    if (recordFullUrls && recordTitles) {
        what = reasonText(QT_TRANSLATE_NOOP("Reason",
            "Sundial records which apps you use and when, the full address of the pages you visit (including what "
            "you search for), and the titles of your windows (such as the name of a page or a file)."));
    } else if (recordFullUrls) {
        what = reasonText(QT_TRANSLATE_NOOP("Reason",
            "Sundial records which apps you use and when, and the full address of the pages you visit (including "
            "what you search for)."));
    } else if (recordTitles) {
        what = reasonText(QT_TRANSLATE_NOOP("Reason",
            "Sundial records which apps you use and when, which web sites you visit (only the site's name), and the "
            "titles of your windows (such as the name of a page or a file)."));
    } else {
        what = reasonText(QT_TRANSLATE_NOOP("Reason",
            "Sundial records which apps you use and when, and which web sites you visit (only the site's name)."));
    }
    return what + QLatin1Char(' ')
        + reasonText(QT_TRANSLATE_NOOP("Reason", "Details are kept %1 days, daily totals %2 days."))
              .arg(activityRetentionDays)
              .arg(dailyRetentionDays)
        + QLatin1Char(' ')
        + reasonText(QT_TRANSLATE_NOOP("Reason", "Sundial never records what you type and never takes screenshots."));
}

QString ChildStatus::localizedTimeUpAction() const
{
    if (lockoutAction == QLatin1String("downtime")) {
        return QCoreApplication::translate(
            "TimeUpAction", "When it is up, only the apps your parents always allow stay open.");
    }
    if (lockoutAction == QLatin1String("logout")) {
        return QCoreApplication::translate(
            "TimeUpAction", "When it is up, you are logged out: save your work, or it is lost.");
    }
    if (lockoutAction == QLatin1String("suspend")) {
        return QCoreApplication::translate("TimeUpAction", "When it is up, the computer goes to sleep.");
    }
    return QCoreApplication::translate("TimeUpAction", "When it is up, the screen locks.");
}

QString localizedRequestState(const QString &state, int minutes)
{
    if (state == QLatin1String("pending")) {
        return QCoreApplication::translate("RequestState", "Asked. Waiting for a parent to answer…");
    }
    if (state == QLatin1String("approved")) {
        return QCoreApplication::translate("RequestState", "Approved: %1 more today.")
            .arg(formatDuration(std::chrono::minutes {minutes}));
    }
    if (state == QLatin1String("denied")) {
        return QCoreApplication::translate("RequestState", "A parent said no this time.");
    }
    return state;
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
