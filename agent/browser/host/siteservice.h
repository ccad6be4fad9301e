// SPDX-License-Identifier: GPL-3.0-or-later
// SiteService: what the native-messaging host asks of sundiald, behind an interface so that the
// host's protocol is tested without a bus (BusSiteService is the real one).
#pragma once

#include <cstdint>
#include <string>

namespace sundial::browser
{

// What the extension says the child is looking at (org.sundial.Agent1.Session.SiteReport).
struct SiteReport {
    std::string domain; // "" for a page that is not a site (the block page, the new tab page)
    std::string url; // empty unless the child's rules record full URLs
    bool focused = false; // a window of this browser has the focus
    bool audible = false;
    bool incognito = false;
    bool checkOnly = false; // only the verdict on `domain` is asked; nothing is shown
};

// A call's outcome: `ok` with the service's answer, or the service's (or the bus's) words.
struct ServiceReply {
    bool ok = false;
    std::string text; // ok: the answer (SiteReport: a JSON object); not ok: what went wrong
};

class SiteService
{
public:
    virtual ~SiteService() = default;
    virtual ServiceReply reportSite(const SiteReport &report) = 0;
    // Child.RequestMoreTime: a request to the parent; ok's text is the request's id.
    virtual ServiceReply requestMoreTime(std::uint32_t minutes, const std::string &reason) = 0;
};

} // namespace sundial::browser
