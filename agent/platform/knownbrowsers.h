// SPDX-License-Identifier: GPL-3.0-or-later
// The web browsers Sundial knows: the executables their Debian and vendor packages install (the
// parents the service lets start its browser host), and the window labels (desktop id or
// WM_CLASS) they give themselves, by which a copy run from elsewhere (a portable browser) is
// still recognised as a browser that reports no sites.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sundial::platform
{

// The known browsers' executables that exist here, as real paths.
std::vector<std::string> installedBrowserPrograms();

// True when `label` (a desktop id or WM_CLASS, any case) is a known browser's.
bool isBrowserLabel(std::string_view label);

} // namespace sundial::platform
