// SPDX-License-Identifier: GPL-3.0-or-later
// AppCloser: ends one child's processes of a blocked app: SIGTERM, then SIGKILL after a grace,
// and an "app-closed" audit row. Only the child's own processes, by the program they run
// (platform::launchedProgram: a program started through the dynamic loader is that program)
// or by content (a copy of a named executable). An interpreter shared by many programs
// (python3, perl, java, node, a shell) is closed only when a rule names it: a blocked game
// written in Python must not take the child's other Python programs with it.
#pragma once

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include <sys/types.h>

#include <QObject>

#include "agent/core/auditlog.h"
#include "agent/daemon/serviceclock.h"
#include "agent/platform/samecontent.h"

namespace sundial::daemon
{

// Ends `pids` (found by the caller, the child's own): SIGTERM now, through pidfds, and SIGKILL
// `grace` later for what is left, then `afterGrace` (if any). The timer belongs to `context`.
// Returns how many processes got SIGTERM. Shared by a blocked app's closing and downtime's.
int endProcesses(const std::vector<pid_t> &pids, std::chrono::seconds grace, QObject *context,
    std::function<void()> afterGrace = {});

class AppCloser : public QObject
{
    Q_OBJECT
public:
    AppCloser(std::int64_t uid, core::AuditLog &audit, ServiceClock &clock, platform::SameContentFinder &sameContent,
        std::chrono::seconds grace, QObject *parent = nullptr);

    // Ends the child's processes running `exe` or a copy of it (an empty path closes nothing).
    // `ruleNamesExecutable`: a rule names `exe` itself (not only its desktop id or category).
    // `reason` goes to the audit row.
    void close(const std::string &exe, bool ruleNamesExecutable, const std::string &reason);
    // Audits to `audit` from now on (the service moved to a fresh database).
    void useAudit(core::AuditLog &audit) { m_audit = &audit; }

    // python3.11, perl, java, node, bash, ...: one binary that runs many programs.
    static bool isSharedInterpreter(const std::string &exe);

private:
    std::int64_t m_uid;
    core::AuditLog *m_audit; // never null; useAudit() moves it
    ServiceClock &m_clock;
    platform::SameContentFinder &m_sameContent;
    std::chrono::seconds m_grace;
    static constexpr std::size_t kMaxRemembered = 256;
    std::set<std::string> m_notClosed; // interpreters already audited as not closed
};

} // namespace sundial::daemon
