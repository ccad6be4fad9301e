// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/knownbrowsers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <memory>

namespace sundial::platform
{

namespace
{

// Debian's chromium and firefox-esr, Mozilla's firefox, and the vendors' own packages.
constexpr std::array kBrowserPrograms {"/usr/lib/chromium/chromium", "/usr/lib/firefox-esr/firefox-esr",
    "/usr/lib/firefox/firefox", "/opt/firefox/firefox", "/opt/google/chrome/chrome", "/opt/brave.com/brave/brave",
    "/opt/microsoft/msedge/msedge", "/opt/vivaldi/vivaldi-bin", "/usr/lib/opera/opera"};

// Desktop ids and WM_CLASS names (lower case). "navigator" is Firefox's WM_CLASS instance.
constexpr std::array kBrowserLabels {"firefox", "firefox-esr", "org.mozilla.firefox", "navigator", "chromium",
    "chromium-browser", "org.chromium.chromium", "google-chrome", "com.google.chrome", "brave-browser",
    "com.brave.browser", "microsoft-edge", "com.microsoft.edge", "vivaldi-stable", "opera", "librewolf",
    "io.gitlab.librewolf-community", "waterfox", "epiphany", "org.gnome.epiphany", "falkon", "org.kde.falkon", "midori",
    "torbrowser", "tor browser"};

} // namespace

std::vector<std::string> installedBrowserPrograms()
{
    std::vector<std::string> found;
    for (const char *program : kBrowserPrograms) {
        const std::unique_ptr<char, decltype(&std::free)> real(::realpath(program, nullptr), &std::free);
        if (real && std::find(found.begin(), found.end(), real.get()) == found.end()) {
            found.emplace_back(real.get());
        }
    }
    return found;
}

bool isBrowserLabel(std::string_view label)
{
    std::string lower(label);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(kBrowserLabels.begin(), kBrowserLabels.end(), lower) != kBrowserLabels.end();
}

} // namespace sundial::platform
