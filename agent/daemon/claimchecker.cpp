// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/daemon/claimchecker.h"

#include "agent/platform/processcontrol.h"

namespace sundial::daemon
{

ClaimChecker::ClaimChecker(bool enabled, std::vector<std::string> applicationDirs, std::string procRoot)
    : m_enabled(enabled)
    , m_entries(std::move(applicationDirs))
    , m_procRoot(std::move(procRoot))
{
    m_entries.byLabel({}, std::chrono::steady_clock::now()); // read at start, not at the first report
}

std::optional<std::string> ClaimChecker::doubt(
    uint uid, const Reporter &reporter, core::Heartbeat &heartbeat, std::chrono::steady_clock::time_point now)
{
    if (!m_enabled) {
        return std::nullopt;
    }
    if (!reporter.displayConfirmed) {
        return "a report from " + reporter.exe + " was not believed: " + reporter.displayWhy;
    }
    if (heartbeat.app.exe.empty()) {
        heartbeat.app.desktopId.clear();
        return std::nullopt;
    }
    if (!running(uid, heartbeat.app.exe, now)) {
        return "a report named " + heartbeat.app.exe + ", which is not running as uid " + std::to_string(uid);
    }
    return std::nullopt;
}

std::optional<std::string> ClaimChecker::identify(core::Heartbeat &heartbeat, std::chrono::steady_clock::time_point now)
{
    core::AppIdentity &app = heartbeat.app;
    app.category.clear();
    std::optional<std::string> dropped;
    const platform::DesktopEntries::Entry *entry
        = app.desktopId.empty() ? nullptr : m_entries.byLabel(app.desktopId, now);
    if (m_enabled && entry && !app.exe.empty() && !entry->vouchesFor(app.exe)) {
        dropped = "a window of " + app.exe + " called itself \"" + app.desktopId + "\", the system's " + entry->id
            + ".desktop, which runs " + entry->programs.front() + "; the label was not believed";
        app.desktopId.clear();
        entry = nullptr;
    }
    if ((!entry || entry->mainCategory.empty()) && !app.exe.empty()) {
        entry = m_entries.byProgram(app.exe, now);
    }
    if (entry) {
        app.category = entry->mainCategory;
    }
    return dropped;
}

bool ClaimChecker::running(uint uid, const std::string &exe, std::chrono::steady_clock::time_point now)
{
    const std::string key = std::to_string(uid) + ':' + exe;
    if (const auto seen = m_seen.find(key); seen != m_seen.end() && now < seen->second.until) {
        return seen->second.running;
    }
    const bool found = platform::processRunning(static_cast<uid_t>(uid), exe, m_procRoot).has_value();
    if (m_seen.size() >= kMaxRemembered) {
        std::erase_if(m_seen, [now](const auto &entry) { return entry.second.until <= now; });
        if (m_seen.size() >= kMaxRemembered) {
            m_seen.clear();
        }
    }
    m_seen[key] = Seen {found, now + (found ? kRunningFor : kMissingFor)};
    return found;
}

} // namespace sundial::daemon
