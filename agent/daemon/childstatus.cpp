// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/childstatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sundial::daemon
{

namespace
{

QString fromStd(const std::string &text)
{
    return QString::fromStdString(text);
}

qint64 unixTime(core::Instant at)
{
    return at.time_since_epoch().count();
}

const char *scopeName(core::BudgetState::Scope scope)
{
    switch (scope) {
    case core::BudgetState::Scope::App:
        return "app";
    case core::BudgetState::Scope::Category:
        return "category";
    case core::BudgetState::Scope::Site:
        return "site";
    }
    return "app";
}

} // namespace

QVariantMap childStatus(const core::Decision &decision, std::chrono::seconds used, const core::Rules &rules)
{
    QVariantMap status;
    status[QStringLiteral("limited")] = true;
    status[QStringLiteral("verdict")] = fromStd(std::string {core::verdictKey(decision.verdict)});
    status[QStringLiteral("reason")] = fromStd(decision.reason);
    // The same reason in parts, for the child's window to say in the child's language.
    const core::Reason &parts = decision.reasonParts;
    status[QStringLiteral("reasonKind")] = fromStd(std::string {core::reasonKindKey(parts.kind)});
    status[QStringLiteral("reasonAt")] = parts.at ? unixTime(*parts.at) : qint64 {0};
    status[QStringLiteral("reasonBudgetSeconds")] = qint64 {parts.budget.count()};
    status[QStringLiteral("reasonExtraSeconds")] = qint64 {parts.extra.count()};
    status[QStringLiteral("reasonRemainingSeconds")] = qint64 {parts.remaining.count()};
    status[QStringLiteral("reasonWeekday")] = qint64 {parts.weekday.c_encoding()};
    status[QStringLiteral("day")] = fromStd(core::formatDate(decision.day));
    status[QStringLiteral("usedSeconds")] = qint64 {used.count()};
    status[QStringLiteral("remainingSeconds")]
        = decision.remaining ? qint64 {decision.remaining->count()} : qint64 {-1};
    status[QStringLiteral("allowedUntil")] = decision.stopsAt ? unixTime(*decision.stopsAt) : qint64 {0};
    status[QStringLiteral("nextChangeAt")] = unixTime(decision.nextChangeAt);
    QJsonArray budgets;
    for (const core::BudgetState &budget : decision.budgets) {
        budgets.append(QJsonObject {{QStringLiteral("name"), fromStd(budget.name)},
            {QStringLiteral("scope"), QLatin1String(scopeName(budget.scope))},
            {QStringLiteral("limitSeconds"), qint64 {budget.limit.count()}},
            {QStringLiteral("usedSeconds"), qint64 {budget.used.count()}},
            {QStringLiteral("remainingSeconds"), qint64 {budget.remaining.count()}}});
    }
    status[QStringLiteral("budgets")] = QString::fromUtf8(QJsonDocument(budgets).toJson(QJsonDocument::Compact));
    const core::PrivacySettings &privacy = rules.privacy;
    status[QStringLiteral("recorded")]
        = QStringLiteral("Which apps you use and when%1%2. Details are kept %3 days, daily totals %4 days. "
                         "Never keystrokes, never screenshots.")
              .arg(privacy.recordFullUrls ? QStringLiteral(", full web addresses")
                                          : QStringLiteral(", which web sites (domain only)"),
                  privacy.recordTitles ? QStringLiteral(", window titles") : QString {})
              .arg(privacy.activityRetention.count())
              .arg(privacy.dailyRetention.count());
    // What the child's helper needs to know to send no more than is kept.
    status[QStringLiteral("recordTitles")] = privacy.recordTitles;
    status[QStringLiteral("recordFullUrls")] = privacy.recordFullUrls;
    status[QStringLiteral("idleThresholdSeconds")] = qint64 {rules.idleThreshold.count()};
    status[QStringLiteral("activityRetentionDays")] = qint64 {privacy.activityRetention.count()};
    status[QStringLiteral("dailyRetentionDays")] = qint64 {privacy.dailyRetention.count()};
    status[QStringLiteral("helpLineName")] = fromStd(rules.helpLine.name);
    status[QStringLiteral("helpLinePhone")] = fromStd(rules.helpLine.phone);
    status[QStringLiteral("helpLineUrl")] = fromStd(rules.helpLine.url);
    return status;
}

} // namespace sundial::daemon
