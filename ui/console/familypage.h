// SPDX-License-Identifier: GPL-3.0-or-later
// FamilyPage: one card per child: used and remaining today against the budget, what is
// happening now and why, and pending requests answered in one click.
#pragma once

#include "ui/console/consolepage.h"
#include "ui/console/localaccounts.h"

class QVBoxLayout;

namespace sundial::ui
{

class FamilyPage : public ConsolePage
{
    Q_OBJECT
public:
    FamilyPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    void setLocalAccounts(const LocalAccounts &accounts) { m_accounts = accounts; }
    // Offers the local accounts Sundial does not limit yet and limits the one chosen.
    void addChildFromAccounts();

private:
    void addCard(uint uid, const QString &name, const QVariantMap &status, const QJsonArray &requests);

    QVBoxLayout *m_cards;
    LocalAccounts m_accounts;
};

} // namespace sundial::ui
