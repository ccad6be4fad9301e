// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/console/startupmeasurement.h"

#include <iostream>

#include <QApplication>

#include "ui/console/activitypage.h"
#include "ui/console/adminclient.h"
#include "ui/console/consolepage.h"
#include "ui/console/consolewindow.h"

namespace sundial::ui
{

StartupMeasurement::StartupMeasurement(
    ConsoleWindow &window, AdminClient &client, QElapsedTimer sinceStart, int periodDays, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_activity(qobject_cast<ActivityPage *>(window.pages().at(1)))
    , m_sinceStart(sinceStart)
    , m_periodDays(periodDays)
{
    connect(m_activity, &ConsolePage::loaded, this, &StartupMeasurement::activityLoaded);
    connect(&client, &AdminClient::failed, this, [](const QString &message) {
        std::cerr << "sundial-console: " << message.toStdString() << std::endl;
        QApplication::exit(1);
    });
}

void StartupMeasurement::start()
{
    m_window.show();
    m_window.showPage(1);
}

void StartupMeasurement::activityLoaded()
{
    m_activity->grab(); // the page painted with its data
    if (m_loads++ == 0) {
        m_firstPaintMs = m_sinceStart.elapsed();
        m_sinceSwitch.start();
        m_activity->setPeriodDays(m_periodDays == 30 ? 7 : 30);
        m_activity->refresh();
        return;
    }
    std::cout << "{\"first_paint_ms\":" << m_firstPaintMs << ",\"switch_period_ms\":" << m_sinceSwitch.elapsed() << "}"
              << std::endl;
    QApplication::quit();
}

} // namespace sundial::ui
