// SPDX-License-Identifier: GPL-3.0-or-later
// The rules' JSON form: what the console, sundialctl and the database exchange and store.
// The format is documented in docs/RULES-JSON.md.
#pragma once

#include <string>
#include <string_view>

#include "agent/core/result.h"
#include "agent/core/rules.h"

namespace sundial::core
{

// Parses and validates. Errors name the field ("days.monday.windows[0]") and the value; an
// unknown or missing "version" and unknown fields are refused.
Result<Rules> rulesFromJson(std::string_view json);

// The canonical form: every field written, stable key order, indented for humans.
std::string rulesToJson(const Rules &rules);

// "lock", "logout" or "suspend": the action's name in the rules' JSON form.
std::string_view lockoutActionName(LockoutAction action);

} // namespace sundial::core
