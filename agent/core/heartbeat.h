// SPDX-License-Identifier: GPL-3.0-or-later
// Heartbeat: one report of what the child is doing, and the key that merges reports.
#pragma once

#include <cstdint>
#include <string>

#include "agent/core/rules.h"

namespace sundial::core
{

struct Heartbeat {
    Instant at {}; // trusted time of the report
    AppIdentity app; // the focused app; all empty = unknown (no helper reported)
    std::string domain; // the focused browser tab's host, or empty
    std::string url; // the full URL, kept only when the rules allow it
    std::string title; // the window title, kept only when the rules allow it
    bool idle = false; // input idle past the threshold
    bool mediaPlaying = false;
};

// Bits of ActivityKey::flags, as stored in activity.flags.
namespace ActivityFlag
{
inline constexpr int Active = 1; // counts as use: not idle, or media playing
inline constexpr int Charged = 2; // charged to the day's screen time (not always-allowed)
inline constexpr int Idle = 4;
inline constexpr int MediaPlaying = 8;
inline constexpr int UnknownApp = 16; // no helper said what was focused
} // namespace ActivityFlag

// What must be equal for two heartbeats to extend the same interval. Ids are dictionary
// ids from ActivityStore; 0 means none.
struct ActivityKey {
    std::int64_t app = 0;
    std::int64_t domain = 0;
    std::int64_t title = 0;
    int flags = 0;
    bool operator==(const ActivityKey &) const = default;
};

} // namespace sundial::core
