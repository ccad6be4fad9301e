// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a helper's Heartbeat(a{sv}) and the browser host's SiteReport(a{sv}): every key checked
// for type and size before anything of it reaches the core. See
// resources/dbus/org.sundial.Agent1.Session.xml.
#pragma once

#include <QVariantMap>

#include "agent/core/heartbeat.h"
#include "agent/core/result.h"

namespace sundial::daemon
{

// The report as a heartbeat (its `at` is left for the service to stamp with trusted time),
// or an error naming the key and what was wrong with it. `category` is checked like any string
// and then ignored: it is never taken from a report.
core::Result<core::Heartbeat> parseHeartbeatReport(const QVariantMap &report);

// What the browser's extension says the child looks at (agent/browser/PROTOCOL.md).
struct SiteReportFields {
    std::string domain; // lower-case host; empty for a page that is no site
    std::string url; // empty unless sent (the extension sends it only when URLs are recorded)
    bool focused = false; // a window of the browser has the focus
    bool audible = false;
    bool incognito = false;
    bool checkOnly = false; // only the verdict is asked (the block page): nothing is shown
};
core::Result<SiteReportFields> parseSiteReport(const QVariantMap &report);

// The largest string a report may carry, in bytes of UTF-8.
inline constexpr int kMaxReportString = 16 * 1024;

} // namespace sundial::daemon
