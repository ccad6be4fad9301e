// SPDX-License-Identifier: GPL-3.0-or-later
// SiteRuleTable: the rules' "sites" array as a table. A domain's rule covers its subdomains; it
// counts the site against its own daily budget, blocks it, or always allows it.
#pragma once

#include "ui/console/ruletable.h"

namespace sundial::ui
{

class SiteRuleTable : public RuleTable
{
    Q_OBJECT
public:
    enum Column { Domain, Action, DailyMinutes };

    explicit SiteRuleTable(QWidget *parent = nullptr);

protected:
    void fillRow(int row, const QJsonObject &rule) override;
    QJsonObject rowRule(int row) const override;
    int columnFor(const QString &field) const override;
    QJsonObject newRule() const override;
};

} // namespace sundial::ui
