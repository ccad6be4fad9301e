// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/appruletable.h"

#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QSpinBox>

#include "ui/shared/categorynames.h"

namespace sundial::ui
{

namespace
{

// The JSON form's match keys, in the Match box's order.
const QStringList kMatchKeys {QStringLiteral("exe"), QStringLiteral("desktopId"), QStringLiteral("category")};

} // namespace

AppRuleTable::AppRuleTable(QWidget *parent)
    : RuleTable({tr("Match by"), tr("Program, app id or category"), tr("Action"), tr("Daily minutes"), tr("Label")},
        Pattern, tr("Add app rule"), parent)
{
    setObjectName(QStringLiteral("appRules"));
}

void AppRuleTable::fillRow(int row, const QJsonObject &rule)
{
    const QJsonObject match = rule.value(QStringLiteral("match")).toObject();
    QString key = kMatchKeys.front();
    for (const QString &candidate : kMatchKeys) {
        if (match.contains(candidate)) {
            key = candidate;
            break;
        }
    }
    auto *kind = new QComboBox;
    kind->addItem(tr("Program path"), kMatchKeys[0]);
    kind->addItem(tr("App id"), kMatchKeys[1]);
    kind->addItem(tr("Category"), kMatchKeys[2]);
    kind->setCurrentIndex(int(kMatchKeys.indexOf(key)));
    auto *pattern = new QLineEdit(match.value(key).toString());
    // Categories are a short fixed list: offer them while typing.
    auto *categories = new QCompleter(CategoryNames::keys(), pattern);
    categories->setCaseSensitivity(Qt::CaseInsensitive);
    auto offerCategories = [kind, pattern, categories] {
        const bool category = kind->currentData().toString() == QLatin1String("category");
        pattern->setCompleter(category ? categories : nullptr);
        pattern->setPlaceholderText(category ? tr("Game")
                : kind->currentIndex() == 0  ? tr("/usr/games/*")
                                             : tr("org.kde.gcompris"));
    };
    offerCategories();
    connect(kind, &QComboBox::currentIndexChanged, pattern, offerCategories);
    QComboBox *action = makeActionBox(rule);
    QSpinBox *minutes = makeMinutesBox(rule);
    linkActionToMinutes(action, minutes);
    auto *label = new QLineEdit(rule.value(QStringLiteral("label")).toString());
    label->setPlaceholderText(tr("optional"));
    setCell(row, Match, kind);
    setCell(row, Pattern, pattern);
    setCell(row, Action, action);
    setCell(row, DailyMinutes, minutes);
    setCell(row, Label, label);
}

QJsonObject AppRuleTable::rowRule(int row) const
{
    const auto *kind = static_cast<QComboBox *>(cell(row, Match));
    const auto *pattern = static_cast<QLineEdit *>(cell(row, Pattern));
    const auto *label = static_cast<QLineEdit *>(cell(row, Label));
    QJsonObject rule {
        {QStringLiteral("match"), QJsonObject {{kind->currentData().toString(), pattern->text().trimmed()}}}};
    writeAction(rule, static_cast<QComboBox *>(cell(row, Action)), static_cast<QSpinBox *>(cell(row, DailyMinutes)));
    if (!label->text().trimmed().isEmpty()) {
        rule[QStringLiteral("label")] = label->text().trimmed();
    }
    return rule;
}

int AppRuleTable::columnFor(const QString &field) const
{
    if (field.startsWith(QLatin1String(".dailyMinutes"))) {
        return DailyMinutes;
    }
    if (field.startsWith(QLatin1String(".action"))) {
        return Action;
    }
    if (field.startsWith(QLatin1String(".label"))) {
        return Label;
    }
    return Pattern; // the match, or the rule as a whole
}

QJsonObject AppRuleTable::newRule() const
{
    return {{QStringLiteral("match"), QJsonObject {{QStringLiteral("desktopId"), QString()}}},
        {QStringLiteral("action"), QStringLiteral("budget")}, {QStringLiteral("dailyMinutes"), 60}};
}

} // namespace sundial::ui
