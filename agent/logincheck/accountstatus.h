// SPDX-License-Identifier: GPL-3.0-or-later
// AccountStatus: the keys of the service's status reply (Child.GetStatus, Admin.GetChildStatus;
// resources/dbus/org.sundial.Agent1.Child.xml) that the login check uses. A key the reply lacks,
// or sends with another type, keeps its default here.
#pragma once

#include <cstdint>
#include <string>

namespace sundial::logincheck
{

struct AccountStatus {
    bool limited = false;
    std::string verdict; // allowed | warning | outside-hours | out-of-time
    std::string reason; // plain words from the service
    std::int64_t nextChangeAt = 0; // Unix time the verdict may next change; 0 when not given
    std::string helpLineName;
    std::string helpLinePhone;
    std::string helpLineUrl;
};

} // namespace sundial::logincheck
