// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/consolewindow.h"

#include <unistd.h>

#include <QCloseEvent>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/auditpage.h"
#include "ui/console/familypage.h"
#include "ui/console/onlinesafetypage.h"
#include "ui/console/requestspage.h"
#include "ui/console/rulespage.h"
#include "ui/console/settingspage.h"
#include "ui/console/setupwizard.h"

namespace sundial::ui
{

ConsoleWindow::ConsoleWindow(AdminClient &client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_helpLines(HelpLineTable::load())
    , m_family(new FamilyPage(client))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QLabel(this))
{
    setWindowTitle(tr("Sundial — family screen time"));
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setStyleSheet(QStringLiteral("QLabel { padding: 8px; border: 1px solid palette(mid); }"));
    m_pages = {m_family, new ActivityPage(client), new RulesPage(client), new RequestsPage(client),
        new AuditPage(client), new SettingsPage(client)};
    const QStringList titles {tr("Family"), tr("Activity"), tr("Rules"), tr("Requests"), tr("Audit"), tr("Settings")};
    for (int i = 0; i < m_pages.size(); ++i) {
        m_tabs->addTab(m_pages[i], titles[i]);
    }
    // Advice rather than the service's data, so not one of pages(): the screenshot driver and the
    // start-up measurement name those by position. Last, so that their tab indexes stay theirs.
    m_tabs->addTab(new OnlineSafetyPage(client, m_helpLines, HelpLineTable::systemLocale()), tr("Staying safe online"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs);
    setCentralWidget(central);
    connect(&client, &AdminClient::failed, this, [this](const QString &message) {
        m_banner->setText(message);
        m_banner->setVisible(true);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto *page = qobject_cast<ConsolePage *>(m_tabs->widget(index))) {
            page->refresh();
        }
    });
    QMenu *family = menuBar()->addMenu(tr("&Family"));
    QAction *setup = family->addAction(tr("&Set up…"), this, [this] { openSetup(); });
    setup->setObjectName(QStringLiteral("setupAction"));
    QAction *add = family->addAction(tr("&Add a child…"), m_family, &FamilyPage::addChildFromAccounts);
    add->setObjectName(QStringLiteral("addChildAction"));
    resize(900, 640);
}

void ConsoleWindow::showPage(int index)
{
    m_tabs->setCurrentIndex(index);
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    for (ConsolePage *page : m_pages) {
        auto *rules = qobject_cast<RulesPage *>(page);
        if (!rules || !rules->hasUnsavedChanges()) {
            continue;
        }
        // Qt's own button texts come from qtbase's translations, which Debian 12 has no Vietnamese
        // for: the buttons are named here, in the console's language.
        QMessageBox ask(QMessageBox::Question, tr("Unsaved rules"),
            tr("The rules have changes that are not saved. Save them now?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        ask.setDefaultButton(QMessageBox::Save);
        ask.button(QMessageBox::Save)->setText(tr("&Save"));
        ask.button(QMessageBox::Discard)->setText(tr("&Don't save"));
        ask.button(QMessageBox::Cancel)->setText(tr("Cancel"));
        const auto answer = QMessageBox::StandardButton(ask.exec());
        if (answer == QMessageBox::Cancel) {
            event->ignore();
            return;
        }
        if (answer == QMessageBox::Save) {
            rules->save();
            event->ignore(); // close once the service has answered and the parent has seen it
            m_tabs->setCurrentWidget(rules);
            return;
        }
    }
    event->accept();
}

void ConsoleWindow::setLocalAccounts(const LocalAccounts &accounts)
{
    m_accounts = accounts;
    m_family->setLocalAccounts(accounts);
}

void ConsoleWindow::openSetup(std::function<void(SetupWizard *)> opened)
{
    m_client.listChildren([this, opened = std::move(opened)](const QJsonDocument &children) {
        QSet<uint> limited;
        for (const QJsonValue &child : children.array()) {
            limited.insert(uint(child.toObject().value(QStringLiteral("uid")).toInteger()));
        }
        auto *wizard = new SetupWizard(m_client, m_accounts.humans(), limited, m_helpLines,
            m_helpLines.defaultIndex(HelpLineTable::systemLocale()), getuid(), this);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        connect(wizard, &SetupWizard::applied, this, [this](bool ok) {
            if (ok) {
                refreshAll();
            }
        });
        wizard->open();
        if (opened) {
            opened(wizard);
        }
    });
}

void ConsoleWindow::offerFirstRunSetup()
{
    if (SetupWizard::completed()) {
        return;
    }
    m_client.listChildren([this](const QJsonDocument &children) {
        if (children.array().isEmpty()) {
            openSetup();
        }
    });
}

void ConsoleWindow::refreshAll()
{
    for (ConsolePage *page : m_pages) {
        page->refresh();
    }
}

} // namespace sundial::ui
