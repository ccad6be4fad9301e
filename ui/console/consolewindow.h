// SPDX-License-Identifier: GPL-3.0-or-later
// ConsoleWindow: the parent's console: Family, Activity, Rules, Requests, Audit and Settings pages,
// advice on staying safe online, and a banner that says plainly when the service is not running or
// the parent is not allowed.
#pragma once

#include <functional>

#include <QMainWindow>

#include "ui/console/helplinetable.h"
#include "ui/console/localaccounts.h"

class QLabel;
class QTabWidget;

namespace sundial::ui
{

class AdminClient;
class ConsolePage;
class FamilyPage;
class SetupWizard;

class ConsoleWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleWindow(AdminClient &client, QWidget *parent = nullptr);
    // The pages that show the service's data, in tab order (the first tabs); not the advice page.
    QList<ConsolePage *> pages() const { return m_pages; }
    void showPage(int index);
    void refreshAll();

    // Where the accounts offered as children come from (tests pass fixtures).
    void setLocalAccounts(const LocalAccounts &accounts);
    // Opens the setup once the service has said who is limited already; `opened` gets the
    // wizard (tests drive it). The wizard deletes itself when closed.
    void openSetup(std::function<void(SetupWizard *)> opened = {});
    // Opens the setup when the service limits no one yet and this user never finished it.
    void offerFirstRunSetup();

protected:
    // Unsaved rules are never lost silently: closing asks first.
    void closeEvent(QCloseEvent *event) override;

private:
    AdminClient &m_client;
    LocalAccounts m_accounts;
    HelpLineTable m_helpLines;
    FamilyPage *m_family;
    QList<ConsolePage *> m_pages;
    QTabWidget *m_tabs;
    QLabel *m_banner;
};

} // namespace sundial::ui
