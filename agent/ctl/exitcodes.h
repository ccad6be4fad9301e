// SPDX-License-Identifier: GPL-3.0-or-later
// sundialctl's exit codes, the same for every command and both backends (installer/man/sundialctl.1.in,
// EXIT STATUS). Scripts rely on them.
#pragma once

namespace sundial::ctl
{

inline constexpr int kExitDone = 0;
inline constexpr int kExitFailed = 1; // the service is not running, a database or I/O error, a broken audit chain
inline constexpr int kExitUsage = 2;
inline constexpr int kExitRefused = 3; // invalid rules or input; the message names the field
inline constexpr int kExitDenied = 4; // the caller may not do this

} // namespace sundial::ctl
