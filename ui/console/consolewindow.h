// SPDX-License-Identifier: GPL-3.0-or-later
// ConsoleWindow: the parent's console: Family, Activity, Rules, Requests and Audit pages, and a
// banner that says plainly when the service is not running or the parent is not allowed.
#pragma once

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace sundial::ui
{

class AdminClient;
class ConsolePage;

class ConsoleWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleWindow(AdminClient &client, QWidget *parent = nullptr);
    QList<ConsolePage *> pages() const { return m_pages; }
    void showPage(int index);
    void refreshAll();

protected:
    // Unsaved rules are never lost silently: closing asks first.
    void closeEvent(QCloseEvent *event) override;

private:
    QList<ConsolePage *> m_pages;
    QTabWidget *m_tabs;
    QLabel *m_banner;
};

} // namespace sundial::ui
