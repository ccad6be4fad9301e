// SPDX-License-Identifier: GPL-3.0-or-later
// FamilyPage: one card per child: used and remaining today against the budget, what is
// happening now and why, and pending requests answered in one click.
#pragma once

#include "ui/console/consolepage.h"

class QVBoxLayout;

namespace sundial::ui
{

class FamilyPage : public ConsolePage
{
    Q_OBJECT
public:
    FamilyPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;

private:
    void addCard(uint uid, const QString &name, const QVariantMap &status, const QJsonArray &requests);

    QVBoxLayout *m_cards;
};

} // namespace sundial::ui
