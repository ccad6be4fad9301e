// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceAnswer: what sundiald said about one account, asked over D-Bus with sd-bus (libsystemd).
// The login check links no Qt: QCoreApplication aborts in setuid processes, and the check runs
// inside su, sudo and polkit-agent-helper-1.
#pragma once

#include <chrono>
#include <string>

#include <sys/types.h>

#include "agent/logincheck/accountstatus.h"

namespace sundial::logincheck
{

struct ServiceAnswer {
    enum class Kind {
        Status, // the account is limited: `status` holds the service's status
        NotLimited, // the account is not limited (or the status says so)
        Unanswered, // no answer: `problem` says why
    };
    Kind kind = Kind::Unanswered;
    AccountStatus status;
    std::string problem;

    // Asks the service at `busAddress` (a D-Bus address) about `uid`. The bus knows the caller by
    // its effective uid: a caller running as the account itself (a screen locker checking its own
    // user) may not use Admin, so it asks Child.GetStatus; any other caller (root under su, sudo,
    // a display manager) asks Admin.GetChildStatus(uid). Connecting, authenticating and the call
    // together take at most `deadline` (the call itself at most `callTimeout`); past it the
    // answer is Unanswered with a problem saying "did not answer within". Never throws for bus
    // failures: they are Unanswered.
    static ServiceAnswer ask(const std::string &busAddress, uid_t uid, std::chrono::milliseconds deadline,
        std::chrono::milliseconds callTimeout);
};

} // namespace sundial::logincheck
