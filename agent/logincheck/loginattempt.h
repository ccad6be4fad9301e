// SPDX-License-Identifier: GPL-3.0-or-later
// LoginAttempt: the login that PAM asks about, as pam_exec describes it (PAM_USER, PAM_SERVICE,
// PAM_TTY); any field may be empty.
#pragma once

#include <string>

namespace sundial::logincheck
{

struct LoginAttempt {
    std::string user;
    std::string service;
    std::string tty;
};

} // namespace sundial::logincheck
