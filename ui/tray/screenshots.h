// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-tray --screenshot DIR: every view of the child's side rendered to PNG files (the window,
// the tray icon at 90, 14, 1 and 0 minutes left, the time's-up screen), and the texts each shows
// printed as one JSON line, for tests and documentation. Test automation, kept out of main().
#pragma once

#include <QString>

#include "ui/tray/childstatus.h"

namespace sundial::ui
{

// Renders into `dir` (created); the window shows `live` when `haveLive`, else a sample status.
// Returns the exit status.
int writeScreenshots(const QString &dir, const ChildStatus &live, bool haveLive);

} // namespace sundial::ui
