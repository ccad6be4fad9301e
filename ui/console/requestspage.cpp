// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/requestspage.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ui/console/adminclient.h"

namespace sundial::ui
{

RequestsPage::RequestsPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_table(new QTableWidget(this))
{
    m_table->setObjectName(QStringLiteral("requestsTable"));
    m_table->setAccessibleName(tr("Requests for more time"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Asked"), tr("Child (uid)"), tr("Minutes"), tr("Reason"), tr("Answer"), tr("Answered by (uid)")});
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
}

void RequestsPage::refresh()
{
    m_client.listRequests(false, [this](const QJsonDocument &requests) {
        const QJsonArray list = requests.array();
        m_table->setRowCount(int(list.size()));
        int row = 0;
        for (const QJsonValue &value : list) {
            const QJsonObject request = value.toObject();
            const QString state = request.value(QStringLiteral("state")).toString();
            const QString answer = state == QLatin1String("approved")
                ? tr("approved, %1 min").arg(request.value(QStringLiteral("granted")).toInteger())
                : state == QLatin1String("denied") ? tr("denied")
                                                   : tr("waiting");
            const QStringList cells {QDateTime::fromSecsSinceEpoch(request.value(QStringLiteral("askedAt")).toInteger())
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                QString::number(request.value(QStringLiteral("uid")).toInteger()),
                QString::number(request.value(QStringLiteral("minutes")).toInteger()),
                request.value(QStringLiteral("reason")).toString(), answer,
                request.contains(QStringLiteral("answeredBy"))
                    ? QString::number(request.value(QStringLiteral("answeredBy")).toInteger())
                    : QString {}};
            for (int column = 0; column < cells.size(); ++column) {
                m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
            }
            ++row;
        }
        emit loaded();
    });
}

} // namespace sundial::ui
