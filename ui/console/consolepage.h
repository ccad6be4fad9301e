// SPDX-License-Identifier: GPL-3.0-or-later
// ConsolePage: one page of the parent's console. It asks the service for its data when shown
// and says when the answer has been painted (for screenshots and tests).
#pragma once

#include <QWidget>

namespace sundial::ui
{

class AdminClient;

class ConsolePage : public QWidget
{
    Q_OBJECT
public:
    ConsolePage(AdminClient &client, QWidget *parent = nullptr);
    // Asks the service again; emits loaded() when the page shows the answer.
    virtual void refresh() = 0;

signals:
    void loaded();

protected:
    AdminClient &m_client;
};

} // namespace sundial::ui
