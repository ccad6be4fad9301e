// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/downtimesweeper.h"

#include <map>

#include <nlohmann/json.hpp>

#include "agent/core/rulematch.h"
#include "agent/core/text.h"
#include "agent/daemon/appcloser.h"
#include "agent/platform/desktopcomponents.h"
#include "agent/platform/processcontrol.h"

namespace sundial::daemon
{

namespace
{

constexpr std::size_t kMaxOffered = 12;

} // namespace

DowntimeSweeper::DowntimeSweeper(std::int64_t uid, core::AuditLog &audit, ServiceClock &clock,
    std::vector<std::string> applicationDirs, std::chrono::seconds grace, std::string procRoot, QObject *parent)
    : QObject(parent)
    , m_uid(uid)
    , m_audit(&audit)
    , m_clock(clock)
    , m_entries(std::move(applicationDirs))
    , m_grace(grace)
    , m_procRoot(std::move(procRoot))
{
}

DowntimeSweeper::~DowntimeSweeper() = default;

bool DowntimeSweeper::alwaysAllowed(const core::Rules &rules, const std::string &program,
    const core::AppIdentity &focused, std::chrono::steady_clock::time_point now)
{
    const auto allows = [&rules](const core::AppIdentity &app) {
        return core::matchRules(rules, app, {}).effect == core::RuleMatch::Effect::AlwaysAllowed;
    };
    if (allows({program, {}, {}}) || (program == focused.exe && allows(focused))) {
        return true;
    }
    for (const platform::DesktopEntries::Entry *entry : m_entries.allByProgram(program, now)) {
        if (allows({program, entry->id, entry->mainCategory})) {
            return true;
        }
        if (entry->webBrowser && now < m_browsersSparedUntil) {
            return true; // the help line's page is open in it
        }
    }
    return false;
}

int DowntimeSweeper::sweep(const core::Rules &rules, const core::AppIdentity &focused)
{
    const auto now = std::chrono::steady_clock::now();
    const std::vector<platform::ProcessInfo> processes = platform::processesOf(static_cast<uid_t>(m_uid), m_procRoot);
    std::multimap<pid_t, std::size_t> children;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        children.emplace(processes[i].parent, i);
    }
    // The apps, then everything they started.
    std::vector<std::size_t> pending;
    for (std::size_t i = 0; i < processes.size(); ++i) {
        const std::string &program = processes[i].program;
        const bool focusedApp
            = !focused.exe.empty() && program == focused.exe && !AppCloser::isSharedInterpreter(program);
        if (focusedApp || !m_entries.allByProgram(program, now).empty()) {
            pending.push_back(i);
        }
    }
    std::set<std::size_t> seen;
    std::vector<pid_t> toEnd;
    std::set<std::string> names;
    while (!pending.empty()) {
        const std::size_t index = pending.back();
        pending.pop_back();
        if (!seen.insert(index).second) {
            continue;
        }
        const platform::ProcessInfo &process = processes[index];
        if (platform::isDesktopComponent(process.program)) {
            continue; // and nothing below it: a desktop's children are the desktop's
        }
        const auto [first, last] = children.equal_range(process.pid);
        for (auto child = first; child != last; ++child) {
            pending.push_back(child->second);
        }
        if (alwaysAllowed(rules, process.program, focused, now) || m_ending.contains(process.pid)) {
            continue;
        }
        toEnd.push_back(process.pid);
        names.insert(std::string {core::fileNameOf(process.program)});
    }
    if (toEnd.empty()) {
        return 0;
    }
    const int signalled = endProcesses(toEnd, m_grace, this, [this, toEnd] {
        for (const pid_t pid : toEnd) {
            m_ending.erase(pid);
        }
    });
    m_ending.insert(toEnd.begin(), toEnd.end());
    std::string list;
    for (const std::string &name : names) {
        list += (list.empty() ? "" : ", ") + name;
    }
    m_audit->append({0, m_clock.now(), "app-closed", m_uid, -1,
        list + " (" + std::to_string(signalled) + " processes): downtime, only always-allowed apps may run"});
    return signalled;
}

std::string DowntimeSweeper::offeredApps(const core::Rules &rules)
{
    const auto now = std::chrono::steady_clock::now();
    std::vector<const platform::DesktopEntries::Entry *> entries;
    const auto offer = [&entries](const platform::DesktopEntries::Entry *entry) {
        if (entry && !entry->command.empty() && !entry->name.empty()
            && std::find(entries.begin(), entries.end(), entry) == entries.end() && entries.size() < kMaxOffered) {
            entries.push_back(entry);
        }
    };
    for (const core::AppRule &rule : rules.apps) {
        if (rule.action != core::RuleAction::AlwaysAllowed) {
            continue;
        }
        switch (rule.kind) {
        case core::AppMatchKind::DesktopId:
            offer(m_entries.byLabel(rule.pattern, now));
            break;
        case core::AppMatchKind::Executable:
            if (!core::isGlobPattern(rule.pattern)) {
                for (const platform::DesktopEntries::Entry *entry : m_entries.allByProgram(rule.pattern, now)) {
                    offer(entry);
                }
            }
            break;
        case core::AppMatchKind::Category:
            for (const platform::DesktopEntries::Entry *entry : m_entries.inCategory(rule.pattern, now)) {
                offer(entry);
            }
            break;
        }
    }
    for (const std::string &app : rules.helpLine.apps) {
        offer(m_entries.byLabel(app, now));
    }
    nlohmann::json offered = nlohmann::json::array();
    for (const platform::DesktopEntries::Entry *entry : entries) {
        offered.push_back({{"id", entry->id}, {"name", entry->name}, {"names", entry->localizedNames},
            {"icon", entry->icon}, {"command", entry->command}});
    }
    return offered.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace sundial::daemon
