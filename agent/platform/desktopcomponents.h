// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop's own programs: what a downtime never closes, because a desktop without them is
// worse than a lock (no windows drawn, no input method, no screen reader, no sound, no help line
// button). By the program's file name (the service reads it from /proc/PID/exe, which the child
// cannot choose without copying a program to that name; a copy named "gnome-shell" is still run
// by the child and counted, and a game gains nothing by it while its own window shows as
// "gnome-shell" in the parent's report).
#pragma once

#include <string_view>

namespace sundial::platform
{

// Compositors and window managers, shells and panels, session managers, message buses, input
// methods, accessibility tools, sound servers, portals, keyrings, settings daemons, screen
// lockers, Sundial's own helper and tray. `program` is a path or a file name.
bool isDesktopComponent(std::string_view program);

} // namespace sundial::platform
