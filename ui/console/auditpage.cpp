// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/auditpage.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

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
    m_table->setHorizontalHeaderLabels({tr("When"), tr("What"), tr("Child (uid)"), tr("Details")});
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
                entry.value(QStringLiteral("kind")).toString(), uid < 0 ? QString {} : QString::number(uid),
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
