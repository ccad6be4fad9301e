// SPDX-License-Identifier: GPL-3.0-or-later
// AppRuleTable: the rules' "apps" array as a table. Each row matches programs by executable path
// (or glob), desktop id or freedesktop category, and counts them against their own daily
// budget, blocks them, or always allows them.
#pragma once

#include "ui/console/ruletable.h"

namespace sundial::ui
{

class AppRuleTable : public RuleTable
{
    Q_OBJECT
public:
    enum Column { Match, Pattern, Action, DailyMinutes, Label };

    explicit AppRuleTable(QWidget *parent = nullptr);

protected:
    void fillRow(int row, const QJsonObject &rule) override;
    QJsonObject rowRule(int row) const override;
    int columnFor(const QString &field) const override;
    QJsonObject newRule() const override;
};

} // namespace sundial::ui
