// SPDX-License-Identifier: GPL-3.0-or-later
// BrowserPolicies: the browsers' machine-wide policy files the service keeps (docs/BROWSER.md).
// Chromium reads every JSON file in its managed policy directory, so Sundial's private-window
// choice is a file of its own there, present only while some limited child has private windows
// off. Firefox reads one policies.json only, so the service writes the whole file (the forced
// extension, the preference it needs, safe mode off and, when off, private windows) and only
// while that file is absent or Sundial's own: an administrator's file is left as it is, and the
// caller is told what to add to it. Files are written whole (a temporary file renamed over) and
// readable by everyone (browsers run as the child); nothing else is read or written.
#pragma once

#include <string>
#include <vector>

namespace sundial::platform
{

struct BrowserPolicyPaths {
    std::string chromiumManagedDir = "/etc/chromium/policies/managed";
    std::string firefoxPolicies = "/etc/firefox/policies/policies.json";
};

class BrowserPolicies
{
public:
    explicit BrowserPolicies(BrowserPolicyPaths paths = {});

    // Applies the machine-wide choice. Returns what could not be done (empty: all written).
    std::vector<std::string> apply(bool privateWindowsOff) const;

    // The file Chromium reads while private windows are off.
    std::string chromiumPrivateOffFile() const;
    // Firefox's policies as Sundial writes them.
    static std::string firefoxPolicies(bool privateWindowsOff);

private:
    BrowserPolicyPaths m_paths;
};

} // namespace sundial::platform
