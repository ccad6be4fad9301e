// SPDX-License-Identifier: GPL-3.0-or-later
// The unchecked-logins file: one line per login the check allowed because the service could not
// answer, "<UTC time>\t<user>\t<service>\t<tty>\t<why>\n". sundiald reads these lines into its
// audit as "login-unchecked" when it next starts, then deletes the file.
#pragma once

#include <string>

#include "agent/logincheck/loginattempt.h"

namespace sundial::logincheck
{

// Appends the line for `login` to the file at `path` (created 0600, its directory 0700 when
// missing; a symbolic link or a file past 256 KiB is left alone). Each field is bounded and has
// its control characters replaced, an empty one is "-". Best effort: a failure is reported on
// stderr only, since the login is allowed either way.
void recordUncheckedLogin(const std::string &path, const LoginAttempt &login, const std::string &why);

} // namespace sundial::logincheck
