// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-login-check: run by pam_exec in the PAM account stage (installer/pam/sundial). It
// refuses a limited child's login outside allowed hours or with no time left (exit 1, with a
// message on stdout that pam_exec's `stdout` option passes to the login screen) and allows
// everything else (exit 0). It fails open: when the service cannot answer within kDeadline, the
// login is allowed and recorded in the unchecked-logins file, which sundiald audits when it next
// starts.
//
// It runs with root's rights but often with another real uid (inside su, sudo and the setuid
// polkit-agent-helper-1), so it is plain C++ with sd-bus: no Qt, which aborts in setuid
// processes. Environment (pam_exec passes the PAM environment and items, not its caller's
// environment): PAM_USER, PAM_SERVICE, PAM_TTY, PAM_TYPE; LC_ALL, LC_MESSAGES and LANG choose
// the refusal's language, else the system locale does (messagelanguage.h). Where it finds the
// bus and the unchecked-logins file is fixed in installed builds (checkendpoints.h).
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <pwd.h>
#include <string>
#include <string_view>

#include <unistd.h>

#include "agent/logincheck/checkendpoints.h"
#include "agent/logincheck/loginattempt.h"
#include "agent/logincheck/messagelanguage.h"
#include "agent/logincheck/refusalmessage.h"
#include "agent/logincheck/serviceanswer.h"
#include "agent/logincheck/uncheckedlogins.h"

namespace
{

using namespace std::chrono_literals;
using namespace sundial::logincheck;

constexpr int kAllow = 0;
constexpr int kRefuse = 1;
// The whole question, connecting included: a hung bus or service must not hold up a login long.
constexpr std::chrono::milliseconds kDeadline = 5s;
constexpr std::chrono::milliseconds kCallTimeout = 3s;

// getenv, not secure_getenv: under su or sudo the check runs with a real uid other than its
// effective one, where secure_getenv returns nothing, and all it is given is the PAM environment.
std::string environment(std::string_view name)
{
    const char *value = std::getenv(std::string {name}.c_str());
    return value ? value : "";
}

int run()
{
    const LoginAttempt login {environment("PAM_USER"), environment("PAM_SERVICE"), environment("PAM_TTY")};
    if (login.user.empty()) {
        std::cerr << "sundial-login-check: PAM_USER is not set; nothing to check (run me from pam_exec)\n";
        return kAllow;
    }
    if (const std::string type = environment("PAM_TYPE"); !type.empty() && type != "account") {
        std::cerr << "sundial-login-check: belongs in the PAM account stage, not " << type << "; allowing\n";
        return kAllow;
    }
    const passwd *account = ::getpwnam(login.user.c_str());
    if (!account || account->pw_uid == 0) {
        return kAllow; // an unknown user is refused elsewhere; root is never limited
    }
    const uid_t uid = account->pw_uid;

    const CheckEndpoints endpoints = CheckEndpoints::fromBuild();
    const ServiceAnswer answer = ServiceAnswer::ask(endpoints.systemBus, uid, kDeadline, kCallTimeout);
    switch (answer.kind) {
    case ServiceAnswer::Kind::NotLimited:
        return kAllow;
    case ServiceAnswer::Kind::Unanswered:
        std::cerr << "sundial-login-check: allowing " << login.user << " unchecked: " << answer.problem << "\n";
        recordUncheckedLogin(endpoints.uncheckedLogins, login, answer.problem);
        return kAllow;
    case ServiceAnswer::Kind::Status:
        break;
    }
    if (answer.status.verdict != "outside-hours" && answer.status.verdict != "out-of-time") {
        return kAllow;
    }
    const MessageLanguage language = loginMessageLanguage(environment, kSystemLocaleFiles);
    std::cout << refusalMessage(answer.status, std::time(nullptr), language) << std::flush;
    return kRefuse;
}

} // namespace

int main()
{
    try {
        return run();
    } catch (const std::exception &error) {
        // Fail open, as when the service is away: a bug here must not lock everyone out.
        std::cerr << "sundial-login-check: unexpected error: " << error.what() << "; allowing\n";
        return kAllow;
    }
}
