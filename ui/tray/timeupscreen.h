// SPDX-License-Identifier: GPL-3.0-or-later
// TimeUpScreen: the full-screen notice at zero: why, a "save your work" countdown to the
// lock, a way to ask for more time, and the help line.
#pragma once

#include <QTimer>
#include <QWidget>

#include "ui/tray/childstatus.h"

class QLabel;

namespace sundial::ui
{

class HelpLineBox;

class TimeUpScreen : public QWidget
{
    Q_OBJECT
public:
    explicit TimeUpScreen(QWidget *parent = nullptr);

    // Shows the screen, counting down `grace` to the lock.
    void start(const ChildStatus &status, const QString &reason, std::chrono::seconds grace);
    std::chrono::seconds left() const { return m_left; }

signals:
    void askForMoreTime(int minutes, const QString &reason);

private:
    void tick();

    QLabel *m_reason;
    QLabel *m_countdown;
    HelpLineBox *m_helpLine;
    QTimer m_timer;
    std::chrono::seconds m_left {0};
};

} // namespace sundial::ui
