// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/activitypage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "ui/console/adminclient.h"
#include "ui/tray/childstatus.h"

namespace sundial::ui
{

ActivityPage::ActivityPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_chart(new QChartView(this))
    , m_apps(new QTreeWidget(this))
    , m_sites(new QTreeWidget(this))
    , m_total(new QLabel(this))
{
    m_child->setAccessibleName(tr("Child"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Today"), 1);
    m_period->addItem(tr("This week"), 7);
    m_period->addItem(tr("This month"), 30);
    m_period->addItem(tr("This year"), 365);
    m_period->setCurrentIndex(1);
    m_total->setObjectName(QStringLiteral("activityTotal"));
    m_total->setWordWrap(true);
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(220);
    for (QTreeWidget *list : {m_apps, m_sites}) {
        list->setColumnCount(2);
        list->setRootIsDecorated(false);
        list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    m_apps->setHeaderLabels({tr("App"), tr("Time")});
    m_sites->setHeaderLabels({tr("Site"), tr("Time")});
    m_apps->setObjectName(QStringLiteral("topApps"));
    m_sites->setObjectName(QStringLiteral("topSites"));

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Child:"), this));
    controls->addWidget(m_child);
    controls->addWidget(new QLabel(tr("Period:"), this));
    controls->addWidget(m_period);
    controls->addStretch();
    auto *lists = new QHBoxLayout;
    lists->addWidget(m_apps);
    lists->addWidget(m_sites);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_total);
    layout->addWidget(m_chart, 1);
    layout->addLayout(lists, 1);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ActivityPage::refresh);
    connect(m_child, &QComboBox::activated, this, &ActivityPage::refresh);
}

void ActivityPage::setPeriodDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0) {
        m_period->setCurrentIndex(index);
    }
}

void ActivityPage::refresh()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        const QVariant selected = m_child->currentData();
        m_child->blockSignals(true);
        m_child->clear();
        for (const QJsonValue &child : children.array()) {
            m_child->addItem(child.toObject().value(QStringLiteral("name")).toString(),
                child.toObject().value(QStringLiteral("uid")).toInteger());
        }
        if (const int index = m_child->findData(selected); index >= 0) {
            m_child->setCurrentIndex(index);
        }
        m_child->blockSignals(false);
        if (m_child->count() == 0) {
            m_total->setText(tr("No child accounts are limited yet."));
            emit loaded();
            return;
        }
        const uint uid = uint(m_child->currentData().toLongLong());
        const QDate to = QDate::currentDate();
        const QDate from = to.addDays(1 - m_period->currentData().toInt());
        m_client.usage(
            uid, from, to, [this, uid, from, to](const QJsonDocument &usage) { show(uid, usage, from, to); });
    });
}

void ActivityPage::show(uint, const QJsonDocument &usage, QDate from, QDate to)
{
    const QJsonObject report = usage.object();
    auto *chart = new QChart;
    chart->setTitle(tr("Screen time per day (minutes)"));
    chart->legend()->hide();
    auto *bars = new QBarSet(tr("Screen time"));
    QStringList days;
    qint64 total = 0;
    QHash<QString, qint64> byDay;
    for (const QJsonValue &day : report.value(QStringLiteral("days")).toArray()) {
        byDay[day.toObject().value(QStringLiteral("day")).toString()]
            = day.toObject().value(QStringLiteral("chargedSeconds")).toInteger();
    }
    double highest = 1;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const qint64 seconds = byDay.value(day.toString(Qt::ISODate));
        total += seconds;
        *bars << double(seconds) / 60.0;
        highest = std::max(highest, double(seconds) / 60.0);
        days << (from.daysTo(to) > 31 ? day.toString(QStringLiteral("MMM"))
                                      : QLocale().toString(day, QStringLiteral("ddd d")));
    }
    auto *series = new QBarSeries;
    series->append(bars);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(days);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, highest * 1.1);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    QChart *old = m_chart->chart();
    m_chart->setChart(chart);
    delete old;

    m_total->setText(total == 0
            ? tr("No screen time recorded in this period yet: is the child's session helper "
                 "running, and has the child used the computer?")
            : tr("%1 of screen time from %2 to %3")
                  .arg(formatDuration(std::chrono::seconds {total}), QLocale().toString(from, QLocale::ShortFormat),
                      QLocale().toString(to, QLocale::ShortFormat)));
    for (const auto &[list, key] : {std::pair {m_apps, "apps"}, std::pair {m_sites, "sites"}}) {
        list->clear();
        for (const QJsonValue &value : report.value(QLatin1String(key)).toArray()) {
            const QJsonObject item = value.toObject();
            list->addTopLevelItem(new QTreeWidgetItem({item.value(QStringLiteral("name")).toString(),
                formatDuration(std::chrono::seconds {item.value(QStringLiteral("activeSeconds")).toInteger()})}));
        }
    }
    emit loaded();
}

} // namespace sundial::ui
