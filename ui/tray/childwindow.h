// SPDX-License-Identifier: GPL-3.0-or-later
// ChildWindow: what the child sees. Time left today and when it ends, why, the budgets of
// single apps and sites, asking for more time, what Sundial records, the help line, and tips for
// staying safe online.
#pragma once

#include <QUrl>
#include <QWidget>

#include "ui/tray/childstatus.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace sundial::ui
{

class HelpLineBox;
class StaySafeBox;

class ChildWindow : public QWidget
{
    Q_OBJECT
public:
    explicit ChildWindow(QWidget *parent = nullptr);

    void setStatus(const ChildStatus &status);
    // "pending", "approved" (with minutes), "denied", or an error message.
    void setRequestState(const QString &state, int minutes = 0);

signals:
    void askForMoreTime(int minutes, const QString &reason);
    void helpLinePageRequested(const QUrl &url);
    // A parent at the screen approves `minutes` with their own password (polkit asks).
    void approveOnTheSpot(int minutes);

private:
    QLabel *m_headline;
    QLabel *m_reason;
    QLabel *m_until;
    QLabel *m_budgets;
    QSpinBox *m_minutes;
    QLineEdit *m_requestReason;
    QPushButton *m_ask;
    QLabel *m_requestState;
    QSpinBox *m_parentMinutes;
    QLabel *m_recorded;
    HelpLineBox *m_helpLine;
    StaySafeBox *m_staySafe;
};

} // namespace sundial::ui
