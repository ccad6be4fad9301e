// SPDX-License-Identifier: GPL-3.0-or-later
// sundialctl's command table: every command, written once against SundialBackend, so it runs the
// same through the service and on a state directory.
#pragma once

#include "agent/ctl/commandtable.h"

namespace sundial::ctl
{

const CommandTable &sundialctlCommands();

} // namespace sundial::ctl
