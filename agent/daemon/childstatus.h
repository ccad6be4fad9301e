// SPDX-License-Identifier: GPL-3.0-or-later
// childStatus: a decision as the Child and Admin interfaces' status map
// (resources/dbus/org.sundial.Agent1.Child.xml, GetStatus). The reason comes whole and in
// parts, so each UI can say it in the child's language.
#pragma once

#include <chrono>

#include <QVariantMap>

#include "agent/core/decision.h"
#include "agent/core/rules.h"

namespace sundial::daemon
{

// `used`: the seconds charged today.
QVariantMap childStatus(const core::Decision &decision, std::chrono::seconds used, const core::Rules &rules);

} // namespace sundial::daemon
