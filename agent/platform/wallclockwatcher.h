// SPDX-License-Identifier: GPL-3.0-or-later
// WallClockWatcher: tells when someone sets the wall clock (timerfd with
// TFD_TIMER_CANCEL_ON_SET), without waking up otherwise.
#pragma once

#include <memory>

#include <QObject>
#include <QSocketNotifier>

namespace sundial::platform
{

class WallClockWatcher : public QObject
{
    Q_OBJECT
public:
    explicit WallClockWatcher(QObject *parent = nullptr);
    ~WallClockWatcher() override;

    // False when the kernel refused the timer (the service then only samples on its own events).
    bool isWatching() const { return m_fd >= 0; }

signals:
    void wallClockSet();

private:
    void arm();
    void onReadable();

    int m_fd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace sundial::platform
