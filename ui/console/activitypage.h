// SPDX-License-Identifier: GPL-3.0-or-later
// ActivityPage: a child's use over a period: screen time per day as bars, and the top apps and
// sites with their durations. Empty states say what to do.
#pragma once

#include <QDate>
#include <QJsonObject>

#include "ui/console/consolepage.h"

class QChartView;
class QListWidget;
class QComboBox;
class QLabel;
class QTreeWidget;

namespace sundial::ui
{

class HourHeatmap;

class ActivityPage : public ConsolePage
{
    Q_OBJECT
public:
    ActivityPage(AdminClient &client, QWidget *parent = nullptr);
    void refresh() override;
    // Days shown: 1, 7, 30 or 365 ending today. Takes effect at the next refresh().
    void setPeriodDays(int days);
    // The last day shown (default: today), for looking back at a past period.
    void setUntil(const QDate &day) { m_until = day; }
    // The period on screen as CSV (day, screen time, then apps and sites) and as a printable
    // PDF report with the chart and the per-app table. False with `error` set on failure.
    bool exportCsv(const QString &path, QString &error) const;
    bool exportPdf(const QString &path, QString &error);

private:
    void show(uint uid, const QJsonDocument &usage, QDate from, QDate to);

    QComboBox *m_child;
    QComboBox *m_period;
    QChartView *m_chart;
    QTreeWidget *m_apps;
    QTreeWidget *m_sites;
    QLabel *m_total;
    HourHeatmap *m_heatmap;
    QListWidget *m_timeline;
    QLabel *m_timelineTitle;
    QJsonObject m_report; // the period on screen
    QDate m_from;
    QDate m_to;
    QDate m_until;
};

} // namespace sundial::ui
