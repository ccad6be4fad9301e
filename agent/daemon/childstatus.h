// SPDX-License-Identifier: GPL-3.0-or-later
// childStatus: a decision as the Child and Admin interfaces' status map: core::childStatusJson
// (the one list of keys, shared with sundialctl's offline mode) as D-Bus values.
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
