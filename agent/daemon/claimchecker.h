// SPDX-License-Identifier: GPL-3.0-or-later
// ClaimChecker: what a trusted reporter claims, cross-checked with what the service sees itself
// before the claim is believed. A report that fails is counted as use of an unknown app (not
// idle), and the caller audits it.
//   - The reported executable runs: some process of the child's uid has it as /proc/PID/exe.
//     The answer is kept per (uid, executable) for kRunningFor when yes and kMissingFor when
//     no, so /proc is scanned at most that often per app, never per heartbeat.
//   - Idle is vouched for only by a reporter on the child's own display
//     (Reporter::displayConfirmed, decided once per connection by ReporterVerifier).
// A report naming no executable names no app either: its desktopId is dropped (a WM_CLASS is
// the child's to set; the executable decides). `category` never comes from a report
// (parseHeartbeatReport ignores it): identify() takes it from the system's desktop entries, and
// drops a desktopId that the system's entry for it contradicts (platform::DesktopEntries).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <unordered_map>

#include "agent/core/heartbeat.h"
#include "agent/daemon/reporterverifier.h"
#include "agent/platform/desktopentries.h"

namespace sundial::daemon
{

class ClaimChecker
{
public:
    // `enabled` false believes every claim (sundiald --no-claim-checks, for tests that post
    // made-up reports). `procRoot` is for tests.
    // `applicationDirs`: where the system's desktop entries are (DesktopEntries::systemApplicationDirs).
    ClaimChecker(bool enabled, std::vector<std::string> applicationDirs, std::string procRoot = "/proc");

    // Why `heartbeat` from `reporter` (already trusted) cannot be believed, or nullopt. Strips
    // what is not believed but harmless (a desktopId without an executable) from `heartbeat`.
    std::optional<std::string> doubt(uint uid, const Reporter &reporter, core::Heartbeat &heartbeat,
        std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

    // After doubt() found nothing: names the app from what the system says. A desktopId the
    // system's entry for it contradicts (that entry runs another executable) is dropped, and
    // why is returned for the audit; the category is the system entry's, for the desktopId or
    // else for the executable. Without claim checks only the category is set.
    std::optional<std::string> identify(
        core::Heartbeat &heartbeat, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

    static constexpr std::chrono::seconds kRunningFor {120};
    static constexpr std::chrono::seconds kMissingFor {5};
    static constexpr std::size_t kMaxRemembered = 512; // (uid, executable) pairs

private:
    bool running(uint uid, const std::string &exe, std::chrono::steady_clock::time_point now);

    struct Seen {
        bool running = false;
        std::chrono::steady_clock::time_point until;
    };
    bool m_enabled;
    platform::DesktopEntries m_entries;
    std::string m_procRoot;
    std::unordered_map<std::string, Seen> m_seen; // by uid and executable
};

} // namespace sundial::daemon
