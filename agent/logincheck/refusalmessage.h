// SPDX-License-Identifier: GPL-3.0-or-later
// The words for the person at the login screen when the check refuses, from the service's status
// only (pam_exec's `stdout` option passes them to the login screen).
#pragma once

#include <ctime>
#include <string>

#include "agent/logincheck/accountstatus.h"

namespace sundial::logincheck
{

// "Sundial: no screen time now — <reason>.\n", then when the reason does not already say it
// "Next allowed: not before <moment>, unless a parent allows it sooner.\n", then the help line
// when the rules name one. Moments are in the local time zone, relative to `now`.
std::string refusalMessage(const AccountStatus &status, std::time_t now);

} // namespace sundial::logincheck
