// SPDX-License-Identifier: GPL-3.0-or-later
// BrowserHistory: recent visits from a browser's own history database, for the timeline where no
// extension ran (another browser, the extension silenced). They are visits, not time: a page
// opened and left open shows once. Firefox keeps them in places.sqlite (moz_historyvisits,
// microseconds since 1970), Chromium in History (visits, microseconds since 1601).
//
// A running browser holds its database open, Chromium with an exclusive lock, and its newest
// rows are still in the write-ahead log: so the database and its -wal are copied into a private
// folder (0700) and the copy is opened, never the original; the copy is removed afterwards. Only
// the host of each URL is kept.
#pragma once

#include <string>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/timetypes.h"

namespace sundial::platform
{

struct HistoryVisit {
    std::string domain; // the URL's host, lower case
    core::Instant at;
};

enum class HistoryFormat { Firefox, Chromium };

// The visits after `since` (oldest first, at most `limit`), read from a copy of `database` made
// in a fresh folder under `scratchDir`. An error names the file and what failed.
core::Result<std::vector<HistoryVisit>> readBrowserHistory(const std::string &database, HistoryFormat format,
    core::Instant since, const std::string &scratchDir, std::size_t limit = 10000);

} // namespace sundial::platform
