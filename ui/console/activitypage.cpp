// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/activitypage.h"

#include <algorithm>
#include <tuple>

#include <QAbstractBarSeries>
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
#include <QKeyEvent>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTextStream>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include "ui/console/adminclient.h"
#include "ui/console/hourheatmap.h"
#include "ui/shared/categorynames.h"
#include "ui/tray/childstatus.h"

namespace sundial::ui
{

namespace
{

// Over a period longer than this many days the day chart has a bar per week.
constexpr qint64 kLongestDailyPeriod = 31;

// Dresses a chart in the view's palette: Qt Charts' dark theme on a dark palette (dark mode),
// the light one otherwise, on the window's own background and text colours.
void followPalette(QChart *chart, const QPalette &colours)
{
    const bool dark = colours.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme) {
        chart->setTheme(theme);
    }
    chart->setBackgroundBrush(colours.brush(QPalette::Window));
    chart->setTitleBrush(colours.brush(QPalette::WindowText));
    chart->legend()->setLabelColor(colours.color(QPalette::WindowText));
}

// Replaces the chart a view shows, deleting the old one (the view does not own it).
void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

ActivityPage::ActivityPage(AdminClient &client, QWidget *parent)
    : ConsolePage(client, parent)
    , m_child(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_charts(new QTabWidget(this))
    , m_chart(new QChartView(this))
    , m_categoryChart(new QChartView(this))
    , m_back(new QPushButton(this))
    , m_apps(new QTreeWidget(this))
    , m_sites(new QTreeWidget(this))
    , m_total(new QLabel(this))
{
    m_child->setAccessibleName(tr("Child"));
    m_period->setAccessibleName(tr("Period"));
    m_period->addItem(tr("Today"), 1);
    // Rolling periods, named for what they show.
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 12 months"), 365);
    m_period->setCurrentIndex(1);
    m_total->setObjectName(QStringLiteral("activityTotal"));
    m_total->setWordWrap(true);
    m_back->setObjectName(QStringLiteral("activityBack"));
    m_back->setShortcut(Qt::Key_Escape);
    m_back->setVisible(false);
    connect(m_back, &QPushButton::clicked, this, &ActivityPage::showPeriod);
    m_chart->setObjectName(QStringLiteral("dayChart"));
    m_chart->setAccessibleName(tr("Screen time per day"));
    m_categoryChart->setObjectName(QStringLiteral("categoryChart"));
    m_categoryChart->setAccessibleName(tr("Time per day by category"));
    for (QChartView *view : {m_chart, m_categoryChart}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(220);
        view->setFocusPolicy(Qt::StrongFocus);
        view->setAccessibleDescription(tr("Left and Right pick a bar, Enter shows its days."));
        view->installEventFilter(this);
    }
    m_charts->addTab(m_chart, tr("Screen time per day"));
    m_charts->addTab(m_categoryChart, tr("By category"));
    m_charts->setObjectName(QStringLiteral("activityCharts"));
    connect(m_charts, &QTabWidget::currentChanged, this, &ActivityPage::fillCategoryChartIfShown);
    for (QTreeWidget *list : {m_apps, m_sites}) {
        list->setColumnCount(2);
        list->setRootIsDecorated(false);
        list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
    m_apps->setHeaderLabels({tr("App"), tr("Time")});
    m_sites->setHeaderLabels({tr("Site"), tr("Time")});
    m_apps->setObjectName(QStringLiteral("topApps"));
    m_sites->setObjectName(QStringLiteral("topSites"));
    m_apps->setAccessibleName(tr("Top apps"));
    m_apps->setAccessibleDescription(tr("Click an app, or press Enter on it, to see its use per day."));
    m_sites->setAccessibleName(tr("Top sites"));
    m_sites->setAccessibleDescription(tr("Click a site, or press Enter on it, to see its use per day."));
    for (const auto &[list, kind] : {std::pair {m_apps, ItemKind::App}, std::pair {m_sites, ItemKind::Site}}) {
        list->setToolTip(list->accessibleDescription());
        // A click or Enter (activated) shows the app or site; the same one twice is one refresh.
        const auto open = [this, kind = kind](QTreeWidgetItem *row) {
            const qint64 id = row ? row->data(0, Qt::UserRole).toLongLong() : 0;
            if (id != 0 && (kind != m_drillItem.kind || id != m_drillItem.id)) {
                showItem(kind, id, row->text(0));
            }
        };
        connect(list, &QTreeWidget::itemClicked, this, open);
        connect(list, &QTreeWidget::itemActivated, this, open);
    }

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Child:"), this));
    controls->addWidget(m_child);
    controls->addWidget(new QLabel(tr("Period:"), this));
    controls->addWidget(m_period);
    controls->addWidget(m_back);
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
    m_timeline->setAccessibleName(tr("Timeline"));
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
    m_details = new QTabWidget(this);
    m_details->addTab(listsPage, tr("Top apps and sites"));
    m_details->addTab(m_heatmap, tr("Hour of day"));
    m_details->addTab(timelinePage, tr("Timeline of the latest day"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_total);
    layout->addWidget(m_charts, 1);
    layout->addWidget(m_details, 1);
    // Another period keeps the app or site being looked at, not a day outside the new period.
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        m_drillFrom = m_drillTo = QDate {};
        updateBackButton();
        refresh();
    });
    connect(m_child, &QComboBox::activated, this, [this] {
        m_drillFrom = m_drillTo = QDate {};
        m_drillItem = {};
        updateBackButton();
        refresh();
    });
}

void ActivityPage::setPeriodDays(int days)
{
    const int index = m_period->findData(days);
    if (index >= 0) {
        const QSignalBlocker quiet(m_period); // the caller decides when to ask the service
        m_period->setCurrentIndex(index);
        m_drillFrom = m_drillTo = QDate {};
        updateBackButton();
    }
}

void ActivityPage::showDays(const QDate &from, const QDate &to)
{
    m_drillFrom = from;
    m_drillTo = to;
    if (from == to) {
        m_details->setCurrentIndex(2); // a day is looked into by its timeline
    }
    updateBackButton();
    refresh();
}

void ActivityPage::showItem(ItemKind kind, qint64 id, const QString &name)
{
    m_drillItem = {kind, id, name};
    m_charts->setCurrentIndex(0);
    updateBackButton();
    refresh();
}

void ActivityPage::showPeriod()
{
    m_drillFrom = m_drillTo = QDate {};
    m_drillItem = {};
    updateBackButton();
    refresh();
}

void ActivityPage::updateBackButton()
{
    const bool drilled = m_drillFrom.isValid() || m_drillItem.id != 0;
    switch (m_period->currentData().toInt()) {
    case 1:
        m_back->setText(tr("Back to today"));
        break;
    case 7:
        m_back->setText(tr("Back to the last 7 days"));
        break;
    case 30:
        m_back->setText(tr("Back to the last 30 days"));
        break;
    default:
        m_back->setText(tr("Back to the last 12 months"));
        break;
    }
    m_back->setVisible(drilled);
    m_details->setTabText(2, drilled ? tr("Timeline") : tr("Timeline of the latest day"));
}

void ActivityPage::partDone(int generation)
{
    if (generation == m_generation && --m_pending == 0) {
        emit loaded();
    }
}

void ActivityPage::refresh()
{
    const int generation = ++m_generation;
    m_budgetsIn = false;
    m_dayChartIn = false;
    m_client.listChildren([this, generation](const QJsonDocument &children) {
        if (generation != m_generation) {
            return;
        }
        fillChildren(*m_child, children);
        if (m_child->count() == 0) {
            m_total->setText(tr("No child accounts are limited yet."));
            emit loaded();
            return;
        }
        const uint uid = uint(m_child->currentData().toLongLong());
        QDate to = m_until.isValid() ? m_until : QDate::currentDate();
        QDate from = to.addDays(1 - m_period->currentData().toInt());
        if (m_drillFrom.isValid()) {
            from = m_drillFrom;
            to = m_drillTo;
        }
        m_pending = 3; // the report, the rules (for the budget line), and the timeline
        m_client.getRules(uid, [this, generation](const QString &rules) {
            if (generation == m_generation) {
                readBudgets(rules);
                partDone(generation);
            }
        });
        m_client.usage(uid, from, to, [this, generation, from, to](const QJsonDocument &usage) {
            if (generation == m_generation) {
                show(usage, from, to);
                partDone(generation);
            }
        });
        const auto timeline = [this, generation, uid](QDate day) {
            // A past day's intervals are final: switching period (which keeps the last day)
            // need not wait for the service to read them again, the slowest of its answers.
            if (uid == m_timelineUid && day == m_timelineDay && day < QDate::currentDate()) {
                showTimeline(m_timelineEntries, day);
                partDone(generation);
                return;
            }
            m_client.timeline(uid, day, [this, generation, uid, day](const QJsonDocument &entries) {
                if (generation == m_generation) {
                    m_timelineUid = uid;
                    m_timelineDay = day;
                    m_timelineEntries = entries;
                    showTimeline(entries, day);
                    partDone(generation);
                }
            });
        };
        if (m_drillItem.id == 0) {
            // The day's intervals, for looking into an incident: the last day shown.
            timeline(to);
            return;
        }
        const auto itemUsage = m_drillItem.kind == ItemKind::Site ? &AdminClient::siteUsage : &AdminClient::appUsage;
        (m_client.*itemUsage)(
            uid, m_drillItem.id, from, to, [this, generation, from, to, timeline](const QJsonDocument &days) {
                if (generation != m_generation) {
                    return;
                }
                showItemDays(days, from, to);
                // The app's (site's) timeline on the last day it was used.
                QDate last = to;
                const QJsonArray used = days.object().value(QStringLiteral("days")).toArray();
                if (!used.isEmpty()) {
                    last = QDate::fromString(
                        used.last().toObject().value(QStringLiteral("day")).toString(), Qt::ISODate);
                }
                timeline(last.isValid() ? last : to);
            });
    });
}

void ActivityPage::showTimeline(const QJsonDocument &entries, QDate day)
{
    m_timeline->clear();
    int shown = 0;
    for (const QJsonValue &value : entries.array()) {
        const QJsonObject entry = value.toObject();
        // The timeline names a site by its domain (Usage's sites by their names), an app by its id.
        if (m_drillItem.id != 0
            && (m_drillItem.kind == ItemKind::Site
                    ? entry.value(QStringLiteral("domain")).toString() != m_drillItem.name
                    : entry.value(QStringLiteral("appId")).toInteger() != m_drillItem.id)) {
            continue;
        }
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
        m_timeline->addItem(QStringLiteral("%1–%2  %3%4%5%6")
                                .arg(clock(entry.value(QStringLiteral("start")).toInteger()),
                                    clock(entry.value(QStringLiteral("end")).toInteger()), what,
                                    site.isEmpty() ? QString {} : QStringLiteral("  ") + site,
                                    title.isEmpty() ? QString {} : QStringLiteral("  “%1”").arg(title),
                                    entry.value(QStringLiteral("idle")).toBool() ? tr("  (idle)") : QString {}));
        ++shown;
    }
    const QString date = QLocale().toString(day, QLocale::LongFormat);
    m_timelineTitle->setText(m_drillItem.id != 0
            ? tr("%1 on %2: %n intervals", nullptr, shown).arg(m_drillItem.name, date)
            : tr("%1: %n intervals", nullptr, shown).arg(date));
    if (shown == 0) {
        auto *empty = new QListWidgetItem(tr("Nothing was recorded on this day. Pick a day with screen time in the "
                                             "chart above (click its bar, or use the arrow keys and Enter)."));
        empty->setFlags(Qt::NoItemFlags);
        m_timeline->addItem(empty);
    }
}

void ActivityPage::fillDayChart(const QHash<QString, qint64> &secondsByDay, QDate from, QDate to, const Item &item)
{
    // Over a month, a bar per week (starting on the locale's first weekday; the first and last
    // may be partial): a year of 365 bars could not be told apart and made every redraw slow.
    const bool byWeek = from.daysTo(to) > kLongestDailyPeriod;
    const Qt::DayOfWeek firstWeekday = QLocale().firstDayOfWeek();
    QString title;
    if (item.id == 0) {
        title = byWeek ? tr("Screen time per week (minutes)") : tr("Screen time per day (minutes)");
    } else if (item.kind == ItemKind::Site) {
        title = byWeek ? tr("Minutes per week on %1").arg(item.name) : tr("Minutes per day on %1").arg(item.name);
    } else {
        title = byWeek ? tr("Minutes per week in %1").arg(item.name) : tr("Minutes per day in %1").arg(item.name);
    }
    QChart *chart = newChart();
    chart->setTitle(title);
    chart->legend()->hide();
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *bars = new QBarSet(item.id == 0 ? tr("Screen time") : item.name);
    bars->setSelectedColor(palette().color(QPalette::Highlight));
    QStringList labels;
    m_dayBars.clear();
    double highest = 1;
    for (QDate day = from; day <= to;) {
        QDate last = day;
        while (byWeek && last < to && last.addDays(1).dayOfWeek() != firstWeekday) {
            last = last.addDays(1);
        }
        double minutes = 0;
        for (QDate counted = day; counted <= last; counted = counted.addDays(1)) {
            minutes += double(secondsByDay.value(counted.toString(Qt::ISODate))) / 60.0;
        }
        *bars << minutes;
        highest = std::max(highest, minutes);
        // A category axis drops repeated labels, so a long period is labelled by unique dates
        // and the labels are hidden (the category chart shows its months).
        labels << (byWeek ? day.toString(Qt::ISODate) : QLocale().toString(day, QStringLiteral("ddd d")));
        m_dayBars.append({day, last,
            byWeek ? tr("Week of %1").arg(QLocale().toString(day, QLocale::LongFormat))
                   : QLocale().toString(day, QLocale::LongFormat)});
        day = last.addDays(1);
    }
    auto *series = new QBarSeries;
    series->append(bars);
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(labels);
    axisX->setLabelsVisible(!byWeek);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, highest * 1.1);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    connect(series, &QBarSeries::clicked, this, [this](int index, QBarSet *) { openBar(m_chart, index); });
    replaceChart(m_chart, chart);
    m_selectedDayBar = -1;
    m_dayChartIn = item.id == 0;
    addBudgetLine();
}

void ActivityPage::readBudgets(const QString &rulesJson)
{
    static const char *const kWeekdays[]
        = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    // The service only hands out rules it accepted; anything unreadable draws no budget.
    const QJsonObject days
        = QJsonDocument::fromJson(rulesJson.toUtf8()).object().value(QStringLiteral("days")).toObject();
    for (size_t i = 0; i < m_budgets.size(); ++i) {
        const QJsonValue budget
            = days.value(QLatin1String(kWeekdays[i])).toObject().value(QStringLiteral("budgetMinutes"));
        m_budgets[i] = budget.isDouble() ? std::optional {std::chrono::minutes {budget.toInteger()}} : std::nullopt;
    }
    m_budgetsIn = true;
    addBudgetLine();
}

void ActivityPage::addBudgetLine()
{
    if (!m_budgetsIn || !m_dayChartIn || m_drillItem.id != 0) {
        return;
    }
    QChart *chart = m_chart->chart();
    const QList<QAbstractAxis *> axesX = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> axesY = chart->axes(Qt::Vertical);
    auto *axisY = axesY.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(axesY.first());
    if (axesX.isEmpty() || !axisY) {
        return;
    }
    // A bar's budget is the sum of its days' budgets; a bar with a day without a limit has none.
    // Only the weekday budgets count: extra time granted on a day and the weekly budget are not
    // drawn (the line is the plan, the bar what was used).
    const QPen pen(QColor(0xc0, 0x39, 0x2b), 2);
    QLineSeries *run = nullptr; // a line per run of bars with a budget: no line across a gap
    double highest = axisY->max();
    bool first = true;
    for (qsizetype i = 0; i < m_dayBars.size(); ++i) {
        std::optional<std::chrono::minutes> budget {std::chrono::minutes {0}};
        for (QDate day = m_dayBars[i].from; budget && day <= m_dayBars[i].to; day = day.addDays(1)) {
            const auto &ofDay = m_budgets[size_t(day.dayOfWeek() - 1)];
            budget = ofDay ? std::optional {*budget + *ofDay} : std::nullopt;
        }
        if (!budget) {
            run = nullptr;
            continue;
        }
        if (!run) {
            run = new QLineSeries;
            run->setName(tr("Budget"));
            run->setPen(pen);
            chart->addSeries(run);
            run->attachAxis(axesX.first());
            run->attachAxis(axisY);
            // One legend entry for all the runs.
            for (QLegendMarker *marker : chart->legend()->markers(run)) {
                marker->setVisible(first);
            }
            first = false;
        }
        // A step across the bar's width: two points per bar.
        const auto minutes = double(budget->count());
        run->append(double(i) - 0.5, minutes);
        run->append(double(i) + 0.5, minutes);
        highest = std::max(highest, minutes * 1.1);
    }
    axisY->setMax(highest);
    chart->legend()->setVisible(!first);
}

void ActivityPage::fillCategoryChartIfShown()
{
    if (m_categoryStale && m_charts->currentWidget() == m_categoryChart && m_from.isValid()) {
        m_categoryStale = false;
        fillCategoryChart(m_categoryDays, m_from, m_to);
    }
}

void ActivityPage::fillCategoryChart(const QJsonArray &categoryDays, QDate from, QDate to)
{
    // A day per bar up to a month; over longer periods a month per bar.
    const bool byMonth = from.daysTo(to) > kLongestDailyPeriod;
    m_categoryBars.clear();
    QHash<QString, int> barOfDay;
    for (QDate day = from; day <= to;) {
        const QDate last = byMonth ? std::min(to, QDate(day.year(), day.month(), day.daysInMonth())) : day;
        m_categoryBars.append({day, last,
            byMonth ? QLocale().toString(day, QStringLiteral("MMM yyyy"))
                    : QLocale().toString(day, QLocale::LongFormat)});
        for (; day <= last; day = day.addDays(1)) {
            barOfDay.insert(day.toString(Qt::ISODate), int(m_categoryBars.size()) - 1);
        }
    }
    QHash<QString, QList<double>> minutes; // by category name
    QHash<QString, qint64> seconds;
    for (const QJsonValue &value : categoryDays) {
        const QJsonObject entry = value.toObject();
        const int bar = barOfDay.value(entry.value(QStringLiteral("day")).toString(), -1);
        const qint64 active = entry.value(QStringLiteral("activeSeconds")).toInteger();
        if (bar < 0 || active <= 0) {
            continue;
        }
        const QString name = CategoryNames::displayName(entry.value(QStringLiteral("category")).toString());
        QList<double> &row = minutes[name];
        row.resize(m_categoryBars.size());
        row[bar] += double(active) / 60.0;
        seconds[name] += active;
    }
    // Largest category at the bottom of each bar; "Other" on top.
    QStringList names = minutes.keys();
    const QString other = CategoryNames::displayName({});
    std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) {
        if ((a == other) != (b == other)) {
            return b == other;
        }
        return seconds.value(a) != seconds.value(b) ? seconds.value(a) > seconds.value(b) : a < b;
    });

    QChart *chart = newChart();
    chart->setTitle(names.isEmpty() ? tr("No time by category in this period yet")
            : byMonth               ? tr("Time per month by category (minutes)")
                                    : tr("Time per day by category (minutes)"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->legend()->setVisible(!names.isEmpty());
    auto *series = new QStackedBarSeries;
    QList<double> stacked(m_categoryBars.size(), 0.0);
    for (const QString &name : names) {
        auto *set = new QBarSet(name);
        set->setSelectedColor(palette().color(QPalette::Highlight));
        const QList<double> &row = minutes.value(name);
        for (qsizetype i = 0; i < row.size(); ++i) {
            *set << row[i];
            stacked[i] += row[i];
        }
        series->append(set);
    }
    chart->addSeries(series);
    QStringList labels;
    for (const Bar &bar : std::as_const(m_categoryBars)) {
        labels << (byMonth ? QLocale().toString(bar.from, QStringLiteral("MMM"))
                           : QLocale().toString(bar.from, QStringLiteral("ddd d")));
    }
    auto *axisX = new QBarCategoryAxis;
    axisX->append(labels);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, std::max(1.0, *std::max_element(stacked.begin(), stacked.end())) * 1.1);
    axisY->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    connect(
        series, &QStackedBarSeries::clicked, this, [this](int index, QBarSet *) { openBar(m_categoryChart, index); });
    replaceChart(m_categoryChart, chart);
    m_selectedCategoryBar = -1;
}

void ActivityPage::selectBar(QChartView *view, int index)
{
    const QList<Bar> &bars = view == m_chart ? m_dayBars : m_categoryBars;
    (view == m_chart ? m_selectedDayBar : m_selectedCategoryBar) = index;
    double minutes = 0;
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *barSeries = qobject_cast<QAbstractBarSeries *>(series)) {
            for (QBarSet *set : barSeries->barSets()) {
                set->deselectAllBars();
                if (index >= 0 && index < set->count()) {
                    set->selectBar(index);
                    minutes += set->at(index);
                }
            }
        }
    }
    if (index >= 0 && index < bars.size()) {
        view->setAccessibleDescription(
            tr("%1: %2. Enter shows it; Left and Right pick another bar.")
                .arg(bars[index].label, formatDuration(std::chrono::seconds {qint64(minutes * 60.0 + 0.5)})));
    }
}

void ActivityPage::openBar(QChartView *view, int index)
{
    const QList<Bar> &bars = view == m_chart ? m_dayBars : m_categoryBars;
    if (index >= 0 && index < bars.size()) {
        showDays(bars[index].from, bars[index].to);
    }
}

QChart *ActivityPage::newChart() const
{
    // Themed before any series is added: a theme set later would repaint the series in its own
    // colours (the budget line would lose its red).
    auto *chart = new QChart;
    followPalette(chart, palette());
    return chart;
}

void ActivityPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        // At once for what is on screen; the next refresh builds the charts in the new theme.
        for (QChartView *view : {m_chart, m_categoryChart}) {
            followPalette(view->chart(), palette()); // the views get the new palette after the page
        }
    }
    ConsolePage::changeEvent(event);
}

bool ActivityPage::eventFilter(QObject *watched, QEvent *event)
{
    auto *view = qobject_cast<QChartView *>(watched);
    if (!view || event->type() != QEvent::KeyPress) {
        return ConsolePage::eventFilter(watched, event);
    }
    const int count = int((view == m_chart ? m_dayBars : m_categoryBars).size());
    const int selected = view == m_chart ? m_selectedDayBar : m_selectedCategoryBar;
    switch (static_cast<QKeyEvent *>(event)->key()) {
    case Qt::Key_Right:
        selectBar(view, count == 0 ? -1 : std::min(count - 1, selected + 1));
        return true;
    case Qt::Key_Left:
        selectBar(view, count == 0 ? -1 : selected < 0 ? count - 1 : std::max(0, selected - 1));
        return true;
    case Qt::Key_Home:
        selectBar(view, count == 0 ? -1 : 0);
        return true;
    case Qt::Key_End:
        selectBar(view, count - 1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        openBar(view, selected);
        return true;
    default:
        return ConsolePage::eventFilter(watched, event);
    }
}

void ActivityPage::showItemDays(const QJsonDocument &days, QDate from, QDate to)
{
    QHash<QString, qint64> byDay;
    qint64 total = 0;
    for (const QJsonValue &value : days.object().value(QStringLiteral("days")).toArray()) {
        const qint64 active = value.toObject().value(QStringLiteral("activeSeconds")).toInteger();
        byDay.insert(value.toObject().value(QStringLiteral("day")).toString(), active);
        total += active;
    }
    fillDayChart(byDay, from, to, m_drillItem);
    const QString first = QLocale().toString(from, QLocale::ShortFormat);
    const QString last = QLocale().toString(to, QLocale::ShortFormat);
    const bool site = m_drillItem.kind == ItemKind::Site;
    if (total == 0) {
        m_total->setText((site ? tr("%1 was not visited from %2 to %3. Pick another site, or press \"%4\".")
                               : tr("%1 was not used from %2 to %3. Pick another app, or press \"%4\"."))
                             .arg(m_drillItem.name, first, last, m_back->text()));
    } else {
        //: %1 is a duration such as "20 min", %2 a site such as "www.wikipedia.org"
        m_total->setText((site ? tr("%1 on %2 from %3 to %4") : tr("%1 in %2 from %3 to %4"))
                             .arg(formatDuration(std::chrono::seconds {total}), m_drillItem.name, first, last));
    }
}

void ActivityPage::show(const QJsonDocument &usage, QDate from, QDate to)
{
    const QJsonObject report = usage.object();
    m_report = report;
    m_from = from;
    m_to = to;
    qint64 total = 0;
    QHash<QString, qint64> byDay;
    for (const QJsonValue &day : report.value(QStringLiteral("days")).toArray()) {
        const QString date = day.toObject().value(QStringLiteral("day")).toString();
        const qint64 charged = day.toObject().value(QStringLiteral("chargedSeconds")).toInteger();
        byDay[date] = charged;
        const QDate parsed = QDate::fromString(date, Qt::ISODate);
        if (parsed >= from && parsed <= to) {
            total += charged;
        }
    }
    m_categoryDays = report.value(QStringLiteral("categoryDays")).toArray();
    m_categoryStale = true;
    fillCategoryChartIfShown();
    m_heatmap->setHours(report.value(QStringLiteral("hours")).toArray());
    if (m_drillItem.id == 0) { // otherwise the chart and the sentence are the app's (site's)
        fillDayChart(byDay, from, to, m_drillItem);
        const QString day = QLocale().toString(from, QLocale::LongFormat);
        if (from == to && m_drillFrom.isValid()) {
            m_total->setText(total == 0
                    ? tr("No screen time recorded on %1. Pick another day, or press \"%2\".").arg(day, m_back->text())
                    : tr("%1 of screen time on %2").arg(formatDuration(std::chrono::seconds {total}), day));
        } else {
            m_total->setText(total == 0
                    ? tr("No screen time recorded in this period yet. If the child has used the computer, have "
                         "them log out and in again.")
                    : tr("%1 of screen time from %2 to %3")
                          .arg(formatDuration(std::chrono::seconds {total}),
                              QLocale().toString(from, QLocale::ShortFormat),
                              QLocale().toString(to, QLocale::ShortFormat)));
        }
    }
    for (const auto &[list, key, kind] :
        {std::tuple {m_apps, "apps", ItemKind::App}, std::tuple {m_sites, "sites", ItemKind::Site}}) {
        list->clear();
        for (const QJsonValue &value : report.value(QLatin1String(key)).toArray()) {
            const QJsonObject item = value.toObject();
            auto *row = new QTreeWidgetItem({item.value(QStringLiteral("name")).toString(),
                formatDuration(std::chrono::seconds {item.value(QStringLiteral("activeSeconds")).toInteger()})});
            const qint64 id = item.value(QStringLiteral("id")).toInteger();
            row->setData(0, Qt::UserRole, id);
            list->addTopLevelItem(row);
            if (id != 0 && kind == m_drillItem.kind && id == m_drillItem.id) {
                list->setCurrentItem(row);
            }
        }
    }
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
        error = tr("the folder may not exist, or is not writable");
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
