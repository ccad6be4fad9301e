// SPDX-License-Identifier: GPL-3.0-or-later
// RequestsPage: pending and past requests for more time, with who answered, when and how much.
#pragma once

#include "ui/console/consolepage.h"

class QTableWidget;

namespace sundial::ui
{

class RequestsPage : public ConsolePage
{
    Q_OBJECT
public:
    RequestsPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;

private:
    QTableWidget *m_table;
};

} // namespace sundial::ui
