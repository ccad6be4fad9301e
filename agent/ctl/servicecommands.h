// SPDX-License-Identifier: GPL-3.0-or-later
// The sundialctl commands that go through the running service (the default mode).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agent/ctl/serviceclient.h"

namespace sundial::ctl
{

// Exit codes shared by every sundialctl command.
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRefused = 3;
inline constexpr int kExitDenied = 4;

// Runs `command` with `args` against the service. `child` is --child, if given.
int runServiceCommand(ServiceClient &client, std::optional<std::int64_t> child, const std::string &command,
    std::vector<std::string> args);

} // namespace sundial::ctl
