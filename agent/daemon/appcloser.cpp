// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/appcloser.h"

#include <array>
#include <cctype>
#include <csignal>
#include <memory>
#include <string_view>

#include <QTimer>

#include "agent/core/text.h"
#include "agent/platform/launchedprogram.h"
#include "agent/platform/processcontrol.h"

namespace sundial::daemon
{

AppCloser::AppCloser(std::int64_t uid, core::AuditLog &audit, ServiceClock &clock,
    platform::SameContentFinder &sameContent, std::chrono::seconds grace, QObject *parent)
    : QObject(parent)
    , m_uid(uid)
    , m_audit(&audit)
    , m_clock(clock)
    , m_sameContent(sameContent)
    , m_grace(grace)
{
}

int endProcesses(
    const std::vector<pid_t> &pids, std::chrono::seconds grace, QObject *context, std::function<void()> afterGrace)
{
    auto ender = std::make_shared<platform::ProcessGroupEnder>(pids);
    const int signalled = ender->signalAll(SIGTERM);
    QTimer::singleShot(std::chrono::duration_cast<std::chrono::milliseconds>(grace), context,
        [ender, afterGrace = std::move(afterGrace)] {
            if (ender->alive() > 0) {
                ender->signalAll(SIGKILL);
            }
            if (afterGrace) {
                afterGrace();
            }
        });
    return signalled;
}

bool AppCloser::isSharedInterpreter(const std::string &exe)
{
    const std::string_view name = core::fileNameOf(exe);
    static constexpr std::array<std::string_view, 16> kInterpreters {"python", "perl", "ruby", "java", "node", "nodejs",
        "bash", "sh", "dash", "zsh", "lua", "php", "gjs", "mono", "wine", "tclsh"};
    for (const std::string_view interpreter : kInterpreters) {
        if (name.rfind(interpreter, 0) == 0
            && (name.size() == interpreter.size() || std::isdigit(static_cast<unsigned char>(name[interpreter.size()]))
                || name[interpreter.size()] == '.' || name[interpreter.size()] == '-')) {
            return true;
        }
    }
    return false;
}

void AppCloser::close(const std::string &exe, bool ruleNamesExecutable, const std::string &reason)
{
    if (exe.empty()) {
        return;
    }
    if (isSharedInterpreter(exe) && !ruleNamesExecutable) {
        // Said once per interpreter while it is reported, not at every heartbeat.
        if (!m_notClosed.insert(exe).second) {
            return;
        }
        if (m_notClosed.size() > kMaxRemembered) {
            m_notClosed.clear();
        }
        m_audit->append({0, m_clock.now(), "app-not-closed", m_uid, -1,
            exe + " runs other programs too; only a rule naming it closes it (" + reason + ")"});
        return;
    }
    // By program and uid, never by name: a process of another user is never touched.
    // A copy is read through /proc/PID/exe (the service's sandbox hides /home and /tmp by path),
    // or by its running code where no one but its owner can open it (an AppImage's mount).
    const std::vector<pid_t> pids
        = platform::findProcessesOf(static_cast<uid_t>(m_uid), [&](pid_t pid, const std::string &path) {
              return path == exe || m_sameContent.referenceForProcess(pid, path) == exe;
          });
    if (pids.empty()) {
        return;
    }
    const int signalled = endProcesses(pids, m_grace, this);
    m_audit->append(
        {0, m_clock.now(), "app-closed", m_uid, -1, exe + " (" + std::to_string(signalled) + " processes): " + reason});
}

} // namespace sundial::daemon
