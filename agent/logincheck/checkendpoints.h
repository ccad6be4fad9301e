// SPDX-License-Identifier: GPL-3.0-or-later
// CheckEndpoints: where the login check finds the service and records the logins it could not
// check. An installed check always uses the system's (kSystemBus, kUncheckedLogins) and reads
// no environment variable for them: under su, sudo or polkit-agent-helper-1 it runs with root's
// rights and an environment that the account logging in may have shaped. Only a build with
// SUNDIAL_LOGINCHECK_TEST_HOOKS (a test build, never installed) honours DBUS_SYSTEM_BUS_ADDRESS
// and SUNDIAL_UNCHECKED_LOGINS, so that tests can use a private bus and a temporary file, also
// under setuid-like credentials.
#pragma once

#include <string>

namespace sundial::logincheck
{

struct CheckEndpoints {
    static constexpr const char *kSystemBus = "unix:path=/run/dbus/system_bus_socket";
    static constexpr const char *kUncheckedLogins = "/run/sundial/unchecked-logins";

    std::string systemBus = kSystemBus; // a D-Bus address
    std::string uncheckedLogins = kUncheckedLogins; // a file path

    // The system's endpoints; in a test build, as overridden by the environment.
    static CheckEndpoints fromBuild();
};

} // namespace sundial::logincheck
