// SPDX-License-Identifier: GPL-3.0-or-later
// ActivityPage: a child's use over a period: screen time per day (per week over longer periods)
// as bars against the child's daily budget, the same days stacked by category, and the top apps
// and sites with their durations. A click (or Enter) on a day's
// bar shows that day; on an app or a site, its use per day and its timeline; "Back to <period>"
// returns. Empty states say what to do.
#pragma once

#include <array>
#include <chrono>
#include <optional>

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include "ui/console/consolepage.h"

class QChart;
class QChartView;
class QListWidget;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace sundial::ui
{

class HourHeatmap;

class ActivityPage : public ConsolePage
{
    Q_OBJECT
public:
    // What a row of the top lists stands for.
    enum class ItemKind { App, Site };

    ActivityPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    // Days shown: 1, 7, 30 or 365 ending today. Takes effect at the next refresh().
    void setPeriodDays(int days);
    // The last day shown (default: today), for looking back at a past period.
    void setUntil(const QDate &day) { m_until = day; }
    // Drill-downs, each followed by a refresh: the days from..to inside the period (one day, or
    // a month of the year); one app or site (its id in Admin.Usage's apps or sites) over what is
    // shown; and back to the whole period.
    void showDays(const QDate &from, const QDate &to);
    void showItem(ItemKind kind, qint64 id, const QString &name);
    void showPeriod();
    // The period on screen as CSV (day, screen time, then apps and sites) and as a printable
    // PDF report with the chart and the per-app table. False with `error` set on failure.
    bool exportCsv(const QString &path, QString &error) const;
    bool exportPdf(const QString &path, QString &error);

protected:
    // Left/Right pick a bar of a chart, Enter shows it: the charts work without a mouse.
    bool eventFilter(QObject *watched, QEvent *event) override;
    // A new palette (the desktop switched to dark mode) re-dresses the charts.
    void changeEvent(QEvent *event) override;

private:
    // What a bar stands for: the days it covers, and its label.
    struct Bar {
        QDate from;
        QDate to;
        QString label;
    };
    // The app or site looked into; id 0 while the whole screen time is shown.
    struct Item {
        ItemKind kind = ItemKind::App;
        qint64 id = 0;
        QString name;
    };

    // A chart in the page's palette (light or dark), for a series to be added.
    QChart *newChart() const;
    void show(const QJsonDocument &usage, QDate from, QDate to);
    void showItemDays(const QJsonDocument &days, QDate from, QDate to);
    void showTimeline(const QJsonDocument &entries, QDate day);
    // `item` is the drilled-into app or site, one with id 0 for the child's whole screen time.
    void fillDayChart(const QHash<QString, qint64> &secondsByDay, QDate from, QDate to, const Item &item);
    void fillCategoryChart(const QJsonArray &categoryDays, QDate from, QDate to);
    // The category chart is drawn only while its tab is shown (drawing it behind the day chart
    // slowed every period switch); otherwise it is marked stale until its tab is opened.
    void fillCategoryChartIfShown();
    void readBudgets(const QString &rulesJson);
    // Once both the rules and the day chart of this refresh are in: the budget over the bars.
    void addBudgetLine();
    void selectBar(QChartView *view, int index);
    void openBar(QChartView *view, int index);
    void updateBackButton();
    void partDone(int generation);
    QString periodName() const;

    QComboBox *m_child;
    QComboBox *m_period;
    QTabWidget *m_charts;
    QChartView *m_chart; // per day: charged minutes, or the drilled-into app's (site's) minutes
    QChartView *m_categoryChart; // per day (per month over a year) stacked by category
    QPushButton *m_back;
    QTreeWidget *m_apps;
    QTreeWidget *m_sites;
    QLabel *m_total;
    HourHeatmap *m_heatmap;
    QListWidget *m_timeline;
    QLabel *m_timelineTitle;
    QTabWidget *m_details;
    QJsonObject m_report; // the period on screen
    QDate m_from;
    QDate m_to;
    QDate m_until;
    QDate m_drillFrom; // valid while a day (or month) of the period is shown
    QDate m_drillTo;
    Item m_drillItem;
    // Each weekday's budget (index: QDate::dayOfWeek() - 1), nullopt for no limit.
    std::array<std::optional<std::chrono::minutes>, 7> m_budgets;
    bool m_budgetsIn = false; // this refresh's rules have arrived
    bool m_dayChartIn = false; // this refresh's day chart shows the whole screen time
    QJsonArray m_categoryDays; // what the category chart shows, or will once its tab is shown
    bool m_categoryStale = true;
    // The last timeline the service gave, kept for a past day (see refresh()).
    uint m_timelineUid = 0;
    QDate m_timelineDay;
    QJsonDocument m_timelineEntries;
    QList<Bar> m_dayBars;
    QList<Bar> m_categoryBars;
    int m_selectedDayBar = -1;
    int m_selectedCategoryBar = -1;
    int m_generation = 0; // answers to an earlier refresh() are dropped
    int m_pending = 0; // answers of this refresh() still to come
};

} // namespace sundial::ui
