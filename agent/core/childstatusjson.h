// SPDX-License-Identifier: GPL-3.0-or-later
// childStatusJson: a decision as the child's status, the one list of keys that Child.GetStatus
// and Admin.GetChildStatus answer (resources/dbus/org.sundial.Agent1.Child.xml) and
// `sundialctl --state` prints. Values are booleans, 64-bit integers and strings; "budgets" is
// itself JSON text, so D-Bus clients need no nested types. The reason comes whole (English) and
// in parts, so each UI can say it in the child's language.
#pragma once

#include <chrono>

#include <nlohmann/json.hpp>

#include "agent/core/decision.h"
#include "agent/core/rules.h"

namespace sundial::core
{

// `used`: the seconds charged today.
nlohmann::json childStatusJson(const Decision &decision, std::chrono::seconds used, const Rules &rules);

} // namespace sundial::core
