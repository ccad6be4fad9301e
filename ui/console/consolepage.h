// SPDX-License-Identifier: GPL-3.0-or-later
// ConsolePage: one page of the parent's console. It asks the service for its data when shown
// and says when the answer has been painted (for screenshots and tests).
#pragma once

#include <QWidget>

class QComboBox;
class QJsonDocument;

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
    // Lists Admin.ListChildren's answer in `picker`, keeping the child that was selected, without
    // the picker's change signals (a page asks the service when it is ready, not per item).
    static void fillChildren(QComboBox &picker, const QJsonDocument &children);

    AdminClient &m_client;
};

} // namespace sundial::ui
