// SPDX-License-Identifier: GPL-3.0-or-later
// The tray icon: a ring that empties as the day's time runs out, with the minutes left in it,
// drawn for each size rather than taken from a static file.
#pragma once

#include <QIcon>
#include <QImage>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

// The icon for `status` at `size` pixels (the ring's colour follows the system palette's
// highlight, turning to warning colours in the last 15 minutes and when time is up).
QImage renderRemainingIcon(const ChildStatus &status, int size, std::chrono::seconds dayBudget);
QIcon remainingIcon(const ChildStatus &status, std::chrono::seconds dayBudget);

} // namespace sundial::ui
