// SPDX-License-Identifier: GPL-3.0-or-later
// DowntimeSweeper: while a child is in downtime (time is up, and some apps are always allowed:
// docs/RULES.md "Lockout"), closes the child's apps that the rules do not always allow, and only
// apps. An app is
//   - a process running the program of an installed application (the system's desktop entries,
//     which the child cannot write: platform::DesktopEntries),
//   - a process running the program of the focused window, as the service checked the helper's
//     report (an app with no desktop entry, such as a game in ~/Downloads, is closed when it is
//     used), except a shared interpreter (python3, java, ...), which only a rule closes,
//   - and every descendant of one (a game started from a terminal goes with the terminal).
// Never closed: the desktop's own processes (platform::isDesktopComponent), and any process whose
// program is always allowed, as itself or as any installed entry that runs it.
// Known residual: a program with no desktop entry, started outside an app (from a file manager
// that runs it through systemd, say), is closed only once it is focused; a background window of it
// stays until then.
#pragma once

#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <QObject>

#include "agent/core/auditlog.h"
#include "agent/core/rules.h"
#include "agent/daemon/serviceclock.h"
#include "agent/platform/desktopentries.h"

namespace sundial::daemon
{

class DowntimeSweeper : public QObject
{
    Q_OBJECT
public:
    // `applicationDirs`: the system's desktop entries (DesktopEntries::systemApplicationDirs);
    // `grace`: SIGTERM to SIGKILL.
    DowntimeSweeper(std::int64_t uid, core::AuditLog &audit, ServiceClock &clock,
        std::vector<std::string> applicationDirs, std::chrono::seconds grace, std::string procRoot = "/proc",
        QObject *parent = nullptr);
    ~DowntimeSweeper() override;

    // Closes every app of the child that `rules` do not always allow; `focused` is the app the
    // helper last reported (checked by the service; empty when none is fresh). Returns how many
    // processes were told to end. Processes already being ended are not counted again.
    int sweep(const core::Rules &rules, const core::AppIdentity &focused);
    // The help line's page opens in the child's web browser: entries in the WebBrowser category
    // are not closed before `until`.
    void spareBrowsersUntil(std::chrono::steady_clock::time_point until) { m_browsersSparedUntil = until; }
    bool browsersSpared(std::chrono::steady_clock::time_point now) const { return now < m_browsersSparedUntil; }
    // The always-allowed apps as their installed entries, for the time's-up screen: JSON text, an
    // array of {id, name, names: {locale: name}, icon, command: [words]}, at most 12.
    std::string offeredApps(const core::Rules &rules);

    void useAudit(core::AuditLog &audit) { m_audit = &audit; }

private:
    bool alwaysAllowed(const core::Rules &rules, const std::string &program, const core::AppIdentity &focused,
        std::chrono::steady_clock::time_point now);

    std::int64_t m_uid;
    core::AuditLog *m_audit; // never null; useAudit() moves it
    ServiceClock &m_clock;
    platform::DesktopEntries m_entries;
    std::chrono::seconds m_grace;
    std::string m_procRoot;
    std::chrono::steady_clock::time_point m_browsersSparedUntil {};
    std::set<int> m_ending; // pids told to end, until their SIGKILL moment passes
};

} // namespace sundial::daemon
