// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ctl/sundialbackend.h"

#include "agent/ctl/exitcodes.h"

namespace sundial::ctl
{

int exitCodeFor(const core::Error &error)
{
    if (error.field == kErrorPermissionDenied) {
        return kExitDenied;
    }
    if (error.field.rfind("org.sundial.Error.", 0) == 0 && error.field != kErrorFailed) {
        return kExitRefused;
    }
    return kExitFailed;
}

} // namespace sundial::ctl
