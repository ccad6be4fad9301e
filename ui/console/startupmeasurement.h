// SPDX-License-Identifier: GPL-3.0-or-later
// StartupMeasurement: the console's start-up benchmark (--measure, docs/BENCHMARKS.md). It shows
// the Activity page, waits for it to paint with its data, switches the period and waits again,
// then prints {"first_paint_ms": ..., "switch_period_ms": ...} and quits (status 1 when the
// service failed).
#pragma once

#include <QElapsedTimer>
#include <QObject>

namespace sundial::ui
{

class ActivityPage;
class AdminClient;
class ConsoleWindow;

class StartupMeasurement : public QObject
{
    Q_OBJECT
public:
    // `sinceStart` was started when the process began; `periodDays` is the Activity page's
    // period (the switch goes to 7 days from 30, else to 30).
    StartupMeasurement(ConsoleWindow &window, AdminClient &client, QElapsedTimer sinceStart, int periodDays,
        QObject *parent = nullptr);

    void start();

private:
    void activityLoaded();

    ConsoleWindow &m_window;
    ActivityPage *m_activity;
    QElapsedTimer m_sinceStart;
    QElapsedTimer m_sinceSwitch;
    int m_periodDays;
    int m_loads = 0;
    qint64 m_firstPaintMs = 0;
};

} // namespace sundial::ui
