// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/appcloser.h"

#include <csignal>
#include <memory>

#include <QTimer>

#include "agent/platform/processcontrol.h"

namespace sundial::daemon
{

AppCloser::AppCloser(
    std::int64_t uid, core::AuditLog &audit, TrustedClock &clock, std::chrono::seconds grace, QObject *parent)
    : QObject(parent)
    , m_uid(uid)
    , m_audit(audit)
    , m_clock(clock)
    , m_grace(grace)
{
}

void AppCloser::close(const std::string &exe, const std::string &reason)
{
    if (exe.empty()) {
        return;
    }
    // By executable path and uid, never by name: a process of another user is never touched.
    const std::vector<pid_t> pids
        = platform::findProcessesOf(static_cast<uid_t>(m_uid), [&exe](const std::string &path) { return path == exe; });
    if (pids.empty()) {
        return;
    }
    auto ender = std::make_shared<platform::ProcessGroupEnder>(pids);
    const int signalled = ender->signalAll(SIGTERM);
    m_audit.append(
        {0, m_clock.now(), "app-closed", m_uid, -1, exe + " (" + std::to_string(signalled) + " processes): " + reason});
    QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(m_grace), this, [ender] {
        if (ender->alive() > 0) {
            ender->signalAll(SIGKILL);
        }
    });
}

} // namespace sundial::daemon
