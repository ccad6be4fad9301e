// SPDX-License-Identifier: GPL-3.0-or-later
// The words for the person at the login screen when the check refuses, from the service's status
// only (pam_exec's `stdout` option passes them to the login screen).
#pragma once

#include <ctime>
#include <string>

#include "agent/logincheck/accountstatus.h"
#include "agent/logincheck/messagelanguage.h"

namespace sundial::logincheck
{

// In English: "Sundial: no screen time now — <reason>.\n", then when the reason does not already
// say it "Next allowed: not before <moment>, unless a parent allows it sooner.\n", then the help
// line when the rules name one ("If you need someone to talk to: <name, number, address>\n").
// In Vietnamese the same lines, said to the child ("em"): "Sundial: Tạm thời hết giờ rồi.
// <Reason>.\n", "Em được dùng máy lại sớm nhất lúc <moment>, trừ khi bố mẹ cho phép sớm hơn.\n",
// "Em cần ai đó lắng nghe? Gọi <number> (<name, address>)\n". Moments are in the local time zone,
// relative to `now`. Only a reason of a kind this check does not know is said in the service's
// own (English) words.
std::string refusalMessage(const AccountStatus &status, std::time_t now, MessageLanguage language);

} // namespace sundial::logincheck
