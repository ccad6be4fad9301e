// SPDX-License-Identifier: GPL-3.0-or-later
// AuditPage: rule changes, grants and tamper events; whether the hash chain is intact; a
// pending clock change a parent can accept.
#pragma once

#include "ui/console/consolepage.h"

class QLabel;
class QPushButton;
class QTableWidget;

namespace sundial::ui
{

class AuditPage : public ConsolePage
{
    Q_OBJECT
public:
    AuditPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    // What an audit kind ("rules-changed") means, for a parent, in the current language; a kind
    // this build does not know is returned as it is.
    static QString kindText(const QString &kind);

private:
    QLabel *m_chain;
    QPushButton *m_acceptClock;
    QTableWidget *m_table;
};

} // namespace sundial::ui
