// SPDX-License-Identifier: GPL-3.0-or-later
// TimeUpScreen: the full-screen notice at zero: why, a "save your work" countdown that says what
// happens when it ends (the lock, the logout, sleep, or downtime), a way to ask for more time and
// the help line. In downtime it stays up after the countdown, offering the always-allowed apps as
// buttons (Ctrl+1 … Ctrl+9; F1 opens the help line's page); what it starts opens above it, so in
// downtime it is not kept on top. It enforces nothing: the service closes the other apps whether
// or not this screen runs.
#pragma once

#include <QTimer>
#include <QUrl>
#include <QWidget>

#include "ui/tray/childstatus.h"

class QLabel;
class QHBoxLayout;

namespace sundial::ui
{

class HelpLineBox;

class TimeUpScreen : public QWidget
{
    Q_OBJECT
public:
    explicit TimeUpScreen(QWidget *parent = nullptr);

    // Shows the screen, counting down `grace` to what `status.lockoutAction` says.
    void start(const ChildStatus &status, const QString &reason, std::chrono::seconds grace);
    // Keeps the reason, the offered apps and the help line current; in downtime, shows the screen
    // if it is not up (the tray started, or was started again, after time ran out).
    void setStatus(const ChildStatus &status, const QString &reason);
    std::chrono::seconds left() const { return m_left; }
    // Where the child's request for more time is (localizedRequestState): shown on the screen
    // itself, which a lock keeps above every other window.
    void setRequestState(const QString &state, int minutes = 0);
    // What the countdown says now (for tests and the journal).
    QString countdownText() const;

signals:
    void askForMoreTime(int minutes, const QString &reason);
    void helpLinePageRequested(const QUrl &url);
    void appStarted(const QString &id, bool started);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void tick();
    void showApps(const QList<OfferedApp> &apps);
    void startApp(const OfferedApp &app);
    void present(bool onTop);

    QLabel *m_reason;
    QLabel *m_countdown;
    QLabel *m_requestState;
    QWidget *m_appsBox;
    QHBoxLayout *m_appsRow;
    HelpLineBox *m_helpLine;
    QTimer m_timer;
    std::chrono::seconds m_left {0};
    QString m_action = QStringLiteral("lock");
    bool m_downtime = false;
    QList<OfferedApp> m_apps;
    QUrl m_helpLineUrl;
};

} // namespace sundial::ui
