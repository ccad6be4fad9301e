// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/requestspage.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"
#include "ui/console/localaccounts.h"

namespace sundial::ui
{

RequestsPage::RequestsPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_table(new QTableWidget(this))
    , m_older(new QPushButton(tr("Older requests"), this))
{
    m_table->setObjectName(QStringLiteral("requestsTable"));
    m_table->setAccessibleName(tr("Requests for more time"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Asked"), tr("Child"), tr("Minutes"), tr("Reason"), tr("Answer"), tr("Answered by")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_older->setObjectName(QStringLiteral("requestsOlder"));
    m_older->setVisible(false);
    connect(m_older, &QPushButton::clicked, this, &RequestsPage::fetchOlder);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(m_older);
}

void RequestsPage::refresh()
{
    m_client.listRequests(false, 0, kPageSize, [this](const QJsonDocument &requests) {
        m_table->setRowCount(0);
        m_oldestShown = 0;
        append(requests.array());
        emit loaded();
    });
}

void RequestsPage::fetchOlder()
{
    m_older->setEnabled(false);
    m_client.listRequests(false, m_oldestShown, kPageSize, [this](const QJsonDocument &requests) {
        append(requests.array());
        m_older->setEnabled(true);
        emit loaded();
    });
}

void RequestsPage::append(const QJsonArray &page)
{
    int row = m_table->rowCount();
    m_table->setRowCount(row + int(page.size()));
    for (const QJsonValue &value : page) {
        const QJsonObject request = value.toObject();
        const QString state = request.value(QStringLiteral("state")).toString();
        const QString answer = state == QLatin1String("approved")
            ? tr("approved, %1 min").arg(request.value(QStringLiteral("granted")).toInteger())
            : state == QLatin1String("denied") ? tr("denied")
                                               : tr("waiting");
        const QStringList cells {QDateTime::fromSecsSinceEpoch(request.value(QStringLiteral("askedAt")).toInteger())
                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            LocalAccounts::displayName(request.value(QStringLiteral("uid")).toInteger()),
            QString::number(request.value(QStringLiteral("minutes")).toInteger()),
            request.value(QStringLiteral("reason")).toString(), answer,
            request.contains(QStringLiteral("answeredBy"))
                ? LocalAccounts::displayName(request.value(QStringLiteral("answeredBy")).toInteger())
                : QString {}};
        for (int column = 0; column < cells.size(); ++column) {
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
        }
        m_oldestShown = request.value(QStringLiteral("id")).toInteger();
        ++row;
    }
    // A short page is the last one; a full one may have more behind it.
    m_older->setVisible(page.size() >= qsizetype {kPageSize});
}

} // namespace sundial::ui
