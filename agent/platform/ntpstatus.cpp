// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/ntpstatus.h"

#include <sys/timex.h>

namespace sundial::platform
{

bool kernelClockSynchronized()
{
    timex state {};
    state.modes = 0;
    const int result = ::adjtimex(&state);
    return result >= 0 && result != TIME_ERROR && (state.status & STA_UNSYNC) == 0;
}

} // namespace sundial::platform
