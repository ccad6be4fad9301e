// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/activitypage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTextStream>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "ui/console/adminclient.h"
#include "ui/console/hourheatmap.h"
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
    auto *csv = new QPushButton(tr("Export CSV…"), this);
    auto *pdf = new QPushButton(tr("Export PDF report…"), this);
    controls->addWidget(csv);
    controls->addWidget(pdf);
    connect(csv, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export CSV"), QStringLiteral("sundial.csv"), tr("CSV files (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportCsv(path, error)) {
            QMessageBox::warning(this, tr("Export CSV"), tr("Could not write %1: %2").arg(path, error));
        }
    });
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export PDF report"), QStringLiteral("sundial.pdf"), tr("PDF files (*.pdf)"));
        QString error;
        if (!path.isEmpty() && !exportPdf(path, error)) {
            QMessageBox::warning(this, tr("Export PDF report"), tr("Could not write %1: %2").arg(path, error));
        }
    });
    m_heatmap = new HourHeatmap(this);
    m_heatmap->setObjectName(QStringLiteral("heatmap"));
    m_timeline = new QListWidget(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timelineTitle = new QLabel(this);
    m_timelineTitle->setObjectName(QStringLiteral("timelineTitle"));
    auto *listsPage = new QWidget(this);
    auto *listsLayout = new QHBoxLayout(listsPage);
    listsLayout->addWidget(m_apps);
    listsLayout->addWidget(m_sites);
    auto *timelinePage = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelinePage);
    timelineLayout->addWidget(m_timelineTitle);
    timelineLayout->addWidget(m_timeline);
    auto *details = new QTabWidget(this);
    details->addTab(listsPage, tr("Top apps and sites"));
    details->addTab(m_heatmap, tr("Hour of day"));
    details->addTab(timelinePage, tr("Timeline of the last day"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_total);
    layout->addWidget(m_chart, 1);
    layout->addWidget(details, 1);
    connect(m_period, &QComboBox::currentIndexChanged, this, &ActivityPage::refresh);
    connect(m_child, &QComboBox::activated, this, &ActivityPage::refresh);
}

void ActivityPage::setPeriodDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0) {
        const QSignalBlocker quiet(m_period); // the caller decides when to ask the service
        m_period->setCurrentIndex(index);
    }
}

void ActivityPage::refresh()
{
    m_client.listChildren([this](const QJsonDocument &children) {
        fillChildren(*m_child, children);
        if (m_child->count() == 0) {
            m_total->setText(tr("No child accounts are limited yet."));
            emit loaded();
            return;
        }
        const uint uid = uint(m_child->currentData().toLongLong());
        const QDate to = m_until.isValid() ? m_until : QDate::currentDate();
        const QDate from = to.addDays(1 - m_period->currentData().toInt());
        // The day's intervals, for looking into an incident: the last day of the period.
        m_client.timeline(uid, to, [this, to](const QJsonDocument &entries) {
            m_timeline->clear();
            m_timelineTitle->setText(tr("%1: %n intervals", nullptr, int(entries.array().size()))
                                         .arg(QLocale().toString(to, QLocale::LongFormat)));
            for (const QJsonValue &value : entries.array()) {
                const QJsonObject entry = value.toObject();
                const auto clock
                    = [](qint64 at) { return QDateTime::fromSecsSinceEpoch(at).toString(QStringLiteral("HH:mm:ss")); };
                QString what = entry.value(QStringLiteral("unknownApp")).toBool()
                    ? tr("unknown app (no report from the child's session)")
                    : entry.value(QStringLiteral("desktopId")).toString();
                if (what.isEmpty()) {
                    what = entry.value(QStringLiteral("exe")).toString();
                }
                const QString site = entry.value(QStringLiteral("domain")).toString();
                const QString title = entry.value(QStringLiteral("title")).toString();
                m_timeline->addItem(
                    QStringLiteral("%1–%2  %3%4%5%6")
                        .arg(clock(entry.value(QStringLiteral("start")).toInteger()),
                            clock(entry.value(QStringLiteral("end")).toInteger()), what,
                            site.isEmpty() ? QString {} : QStringLiteral("  ") + site,
                            title.isEmpty() ? QString {} : QStringLiteral("  “%1”").arg(title),
                            entry.value(QStringLiteral("idle")).toBool() ? tr("  (idle)") : QString {}));
            }
        });
        m_client.usage(
            uid, from, to, [this, uid, from, to](const QJsonDocument &usage) { show(uid, usage, from, to); });
    });
}

void ActivityPage::show(uint, const QJsonDocument &usage, QDate from, QDate to)
{
    const QJsonObject report = usage.object();
    m_report = report;
    m_from = from;
    m_to = to;
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
    m_heatmap->setHours(report.value(QStringLiteral("hours")).toArray());
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

bool ActivityPage::exportCsv(const QString &path, QString &error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        error = file.errorString();
        return false;
    }
    QTextStream out(&file);
    const auto quoted = [](QString text) {
        return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    out << "kind,name,active_seconds,charged_seconds\n";
    for (const QJsonValue &value : m_report.value(QStringLiteral("days")).toArray()) {
        const QJsonObject day = value.toObject();
        out << "day," << day.value(QStringLiteral("day")).toString() << ','
            << day.value(QStringLiteral("activeSeconds")).toInteger() << ','
            << day.value(QStringLiteral("chargedSeconds")).toInteger() << '\n';
    }
    for (const auto &[kind, key] :
        {std::pair {"app", "apps"}, std::pair {"site", "sites"}, std::pair {"category", "categories"}}) {
        for (const QJsonValue &value : m_report.value(QLatin1String(key)).toArray()) {
            const QJsonObject item = value.toObject();
            out << kind << ',' << quoted(item.value(QStringLiteral("name")).toString()) << ','
                << item.value(QStringLiteral("activeSeconds")).toInteger() << ','
                << item.value(QStringLiteral("chargedSeconds")).toInteger() << '\n';
        }
    }
    return true;
}

bool ActivityPage::exportPdf(const QString &path, QString &error)
{
    QPdfWriter writer(path);
    writer.setTitle(tr("Sundial report"));
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    QPainter painter;
    if (!painter.begin(&writer)) {
        error = tr("cannot write %1").arg(path);
        return false;
    }
    const QRect page = painter.viewport();
    QFont title = painter.font();
    title.setPointSize(16);
    title.setBold(true);
    painter.setFont(title);
    int y = 0;
    painter.drawText(QRect(0, y, page.width(), 80), Qt::AlignLeft | Qt::AlignVCenter,
        tr("Screen time of %1").arg(m_child->currentText()));
    y += 90;
    QFont body = painter.font();
    body.setPointSize(10);
    body.setBold(false);
    painter.setFont(body);
    painter.drawText(QRect(0, y, page.width(), 60), Qt::AlignLeft | Qt::TextWordWrap, m_total->text());
    y += 70;
    const QPixmap chart = m_chart->grab();
    const int chartHeight = page.width() * chart.height() / std::max(1, chart.width());
    painter.drawPixmap(QRect(0, y, page.width(), chartHeight), chart);
    y += chartHeight + 30;
    painter.drawText(QRect(0, y, page.width(), 40), Qt::AlignLeft, tr("Apps"));
    y += 45;
    for (const QJsonValue &value : m_report.value(QStringLiteral("apps")).toArray()) {
        if (y > page.height() - 40) {
            writer.newPage();
            y = 0;
        }
        const QJsonObject item = value.toObject();
        painter.drawText(
            QRect(20, y, page.width() / 2, 36), Qt::AlignLeft, item.value(QStringLiteral("name")).toString());
        painter.drawText(QRect(page.width() / 2, y, page.width() / 2, 36), Qt::AlignRight,
            formatDuration(std::chrono::seconds {item.value(QStringLiteral("activeSeconds")).toInteger()}));
        y += 38;
    }
    return painter.end();
}

} // namespace sundial::ui
