// SPDX-License-Identifier: GPL-3.0-or-later
// HeartbeatReporter: tells the service what the child is doing. It reports on every focus
// change, when the child becomes idle or active again, when media starts or stops playing, and
// as a keep-alive; it sends a window title only when the child's rules record titles (the
// service says so in the status).
#pragma once

#include <algorithm>
#include <chrono>

#include <QDBusConnection>
#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include "agent/session/focusprobe.h"

namespace sundial::session
{

class MediaWatcher;

class HeartbeatReporter : public QObject
{
    Q_OBJECT
public:
    HeartbeatReporter(
        FocusProbe &probe, const QDBusConnection &bus, std::chrono::seconds keepAlive, QObject *parent = nullptr);

    // Reads the privacy and idle settings from the service, then reports.
    void start();
    // Reports `media` from now on (true while a player plays), and reports whenever that
    // changes. Without it, `media` is always false. `media` must outlive this reporter.
    void reportMedia(const MediaWatcher &media);
    // The report that would be sent now (for tests and logging).
    QVariantMap currentReport();

private slots:
    void onStatusChanged(uint uid, const QVariantMap &status);

private:
    void applyStatus(const QVariantMap &status);
    void send();
    void checkIdle();
    // Arms the next idle check: a timer to the idle threshold, or when idle an input watch.
    void armIdleCheck(std::chrono::milliseconds idle);

    FocusProbe &m_probe;
    const MediaWatcher *m_media = nullptr;
    QDBusConnection m_bus;
    QTimer m_keepAlive;
    QTimer m_idleCheck;
    std::chrono::milliseconds m_idleThreshold {std::chrono::minutes {3}};
    bool m_recordTitles = false;
    bool m_recordUrls = false;
    bool m_idle = false;
    QVariantMap m_lastSent;
};

} // namespace sundial::session
