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
    std::string reason; // the service's own words: shown only for a reason kind not known here
    std::int64_t nextChangeAt = 0; // Unix time the verdict may next change; 0 when not given
    // The reason in parts (core::Reason): the message is built from these.
    std::string reasonKind; // "day-budget-used-up", "outside-hours", ... (decision.h)
    std::int64_t reasonAt = 0; // Unix time, or 0
    std::int64_t reasonBudgetSeconds = 0;
    std::int64_t reasonExtraSeconds = 0;
    std::int64_t reasonWeekday = 1; // 0 = Sunday
    std::string helpLineName;
    std::string helpLinePhone;
    std::string helpLineUrl;
};

} // namespace sundial::logincheck
