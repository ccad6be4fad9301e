// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/checkendpoints.h"

#include <cstdlib>

namespace sundial::logincheck
{

CheckEndpoints CheckEndpoints::fromBuild()
{
    CheckEndpoints endpoints;
#ifdef SUNDIAL_LOGINCHECK_TEST_HOOKS
    // getenv, not secure_getenv: the tests run the check with a real uid other than its
    // effective one, as su does, and still point it at their private bus.
    if (const char *bus = std::getenv("DBUS_SYSTEM_BUS_ADDRESS"); bus && *bus) {
        endpoints.systemBus = bus;
    }
    if (const char *file = std::getenv("SUNDIAL_UNCHECKED_LOGINS"); file && *file) {
        endpoints.uncheckedLogins = file;
    }
#endif
    return endpoints;
}

} // namespace sundial::logincheck
