// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/siteruletable.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace sundial::ui
{

SiteRuleTable::SiteRuleTable(QWidget *parent)
    : RuleTable({tr("Domain"), tr("Action"), tr("Daily minutes")}, Domain, tr("Add site rule"), parent)
{
    setObjectName(QStringLiteral("siteRules"));
}

void SiteRuleTable::fillRow(int row, const QJsonObject &rule)
{
    auto *domain = new QLineEdit(rule.value(QStringLiteral("domain")).toString());
    domain->setPlaceholderText(tr("example.com"));
    QComboBox *action = makeActionBox(rule);
    QSpinBox *minutes = makeMinutesBox(rule);
    linkActionToMinutes(action, minutes);
    setCell(row, Domain, domain);
    setCell(row, Action, action);
    setCell(row, DailyMinutes, minutes);
}

QJsonObject SiteRuleTable::rowRule(int row) const
{
    // The service wants lower-case domains; "Example.com" typed by a parent means the same site.
    QJsonObject rule {
        {QStringLiteral("domain"), static_cast<QLineEdit *>(cell(row, Domain))->text().trimmed().toLower()}};
    writeAction(rule, static_cast<QComboBox *>(cell(row, Action)), static_cast<QSpinBox *>(cell(row, DailyMinutes)));
    return rule;
}

int SiteRuleTable::columnFor(const QString &field) const
{
    if (field.startsWith(QLatin1String(".dailyMinutes"))) {
        return DailyMinutes;
    }
    if (field.startsWith(QLatin1String(".action"))) {
        return Action;
    }
    return Domain;
}

QJsonObject SiteRuleTable::newRule() const
{
    return {{QStringLiteral("domain"), QString()}, {QStringLiteral("action"), QStringLiteral("blocked")}};
}

} // namespace sundial::ui
