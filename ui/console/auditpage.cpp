// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/auditpage.h"

#include <map>

#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"
#include "ui/console/localaccounts.h"

namespace sundial::ui
{

QString AuditPage::kindText(const QString &kind)
{
    static const std::map<QString, const char *> kTexts {
        {"app-closed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "App closed")},
        {"app-label-contradicted", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "App name not believed")},
        {"app-not-closed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "App not closed")},
        {"browser-policies", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Browser policies changed")},
        {"browser-policies-failed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Browser policies not written")},
        {"child-added", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Child added")},
        {"child-removed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Child removed")},
        {"clock-adopted", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock change accepted")},
        {"clock-anchor-unreadable", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock record unreadable")},
        {"clock-forward-across-restart",
            QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock moved forward while stopped")},
        {"clock-jump", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock changed")},
        {"clock-restored", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock restored")},
        {"clock-set-back-across-reboot",
            QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Clock set back across a restart")},
        {"database-failing", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Database failing")},
        {"database-recovered", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Database recovered")},
        {"database-replaced", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Database replaced")},
        {"database-unusable", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Database unusable")},
        {"database-writable", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Database writable again")},
        {"downtime", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Downtime began")},
        {"grant", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Extra time given")},
        {"help-line-opened", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Help line page opened")},
        {"helper-back", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Helper back")},
        {"helper-missing", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Helper missing")},
        {"locked", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Screen locked")},
        {"login-unchecked", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Login not checked")},
        {"names-capped", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Too many new names")},
        {"report-unconfirmed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Report not confirmed")},
        {"report-untrusted", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Report not trusted")},
        {"request", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "More time asked")},
        {"request-approved", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Request approved")},
        {"request-denied", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Request denied")},
        {"rules-changed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Rules changed")},
        {"service-started", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Service started")},
        {"session-terminated", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Session ended")},
        {"site-report-untrusted", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Site report not trusted")},
        {"site-tracking-off", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Browser used without site tracking")},
        {"state-backup-unreadable", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Backup unreadable")},
        {"state-restored", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Rules restored from backup")},
        {"suspend-gap", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Computer was asleep")},
        {"suspended", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Computer put to sleep")},
        {"timezone-changed", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Time zone changed")},
        {"unlocked-while-out-of-time", QT_TRANSLATE_NOOP("sundial::ui::AuditPage", "Unlocked while out of time")},
    };
    const auto found = kTexts.find(kind);
    return found == kTexts.end() ? kind : QCoreApplication::translate("sundial::ui::AuditPage", found->second);
}

AuditPage::AuditPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_chain(new QLabel(this))
    , m_acceptClock(new QPushButton(tr("Accept the changed clock"), this))
    , m_table(new QTableWidget(this))
{
    m_chain->setObjectName(QStringLiteral("chainState"));
    m_chain->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit log"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Child"), tr("Details")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_chain);
    layout->addWidget(m_acceptClock);
    layout->addWidget(m_table);
    connect(m_acceptClock, &QPushButton::clicked, this, [this] { m_client.acceptClockChange([this] { refresh(); }); });
}

void AuditPage::refresh()
{
    m_client.audit([this](const QJsonDocument &document) {
        const QJsonObject audit = document.object();
        const QJsonArray entries = audit.value(QStringLiteral("entries")).toArray();
        m_chain->setText(audit.value(QStringLiteral("intact")).toBool()
                ? tr("The log is intact: %n entries, none changed or removed.", nullptr, int(entries.size()))
                : tr("The log was changed: entry %1 and after cannot be trusted.")
                      .arg(audit.value(QStringLiteral("brokenAt")).toInteger()));
        const bool pending = audit.contains(QStringLiteral("pendingClockJumpSeconds"));
        m_acceptClock->setVisible(pending);
        if (pending) {
            m_acceptClock->setText(tr("The clock was changed by %1 s: accept it")
                                       .arg(audit.value(QStringLiteral("pendingClockJumpSeconds")).toInteger()));
        }
        m_table->setRowCount(int(entries.size()));
        int row = 0;
        for (auto it = entries.end(); it != entries.begin();) { // newest first
            const QJsonObject entry = (--it)->toObject();
            const qint64 uid = entry.value(QStringLiteral("uid")).toInteger();
            const QStringList cells {QDateTime::fromSecsSinceEpoch(entry.value(QStringLiteral("at")).toInteger())
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                kindText(entry.value(QStringLiteral("kind")).toString()), LocalAccounts::displayName(uid),
                entry.value(QStringLiteral("detail")).toString()};
            for (int column = 0; column < cells.size(); ++column) {
                m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
            }
            ++row;
        }
        emit loaded();
    });
}

} // namespace sundial::ui
