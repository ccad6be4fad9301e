// SPDX-License-Identifier: GPL-3.0-or-later
// kernelClockSynchronized: whether the kernel holds the wall clock NTP-synchronised — the flag
// timedated itself reports as NTPSynchronized, read straight from adjtimex() with no modes (a
// read, never a change). Only root or the time daemon can set it, so a child cannot fake it.
#pragma once

namespace sundial::platform
{

bool kernelClockSynchronized();

} // namespace sundial::platform
