// SPDX-License-Identifier: GPL-3.0-or-later
#include <catch2/catch.hpp>

#include "agent/platform/desktopcomponents.h"

using sundial::platform::isDesktopComponent;

TEST_CASE("Downtime never closes the desktop's own programs, and closes the apps", "[platform][desktopcomponents]")
{
    for (const char *desktop :
        {"/usr/bin/gnome-shell", "/usr/bin/plasmashell", "/usr/bin/kwin_wayland", "/usr/libexec/gsd-media-keys",
            "/usr/bin/ibus-daemon", "/usr/libexec/ibus-x11", "/usr/libexec/at-spi-bus-launcher",
            "/usr/bin/pipewire-pulse", "/usr/bin/dbus-daemon", "/usr/lib/systemd/systemd", "/usr/bin/Xwayland",
            "/usr/bin/xfce4-panel", "/usr/bin/orca", "/usr/bin/onboard", "/usr/bin/sundial-session",
            "/usr/bin/sundial-tray", "xdg-desktop-portal-gtk", "/usr/bin/gnome-shell (deleted)"}) {
        CAPTURE(desktop);
        CHECK(isDesktopComponent(desktop));
    }
    // Terminals and file managers are apps: a game starts from them.
    for (const char *app :
        {"/usr/bin/xterm", "/usr/libexec/gnome-terminal-server", "/usr/bin/nautilus", "/usr/games/supertuxkart",
            "/usr/bin/firefox-esr", "/home/kid/gnome-shell-game", "/usr/bin/xfce4-terminal", "", "/"}) {
        CAPTURE(app);
        CHECK_FALSE(isDesktopComponent(app));
    }
}
