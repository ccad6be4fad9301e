// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/desktopcomponents.h"

#include <algorithm>
#include <iterator>

#include "agent/core/text.h"

namespace sundial::platform
{

namespace
{

// Whole names. Terminals and file managers are apps (a game starts from them), not components.
constexpr std::string_view kComponents[] {
    // display servers, compositors and window managers
    "Xorg",
    "Xwayland",
    "X",
    "gnome-shell",
    "mutter",
    "kwin_x11",
    "kwin_wayland",
    "kwin_wayland_wrapper",
    "xfwm4",
    "openbox",
    "marco",
    "muffin",
    "metacity",
    "sway",
    "labwc",
    "wayfire",
    "weston",
    "Hyprland",
    "i3",
    "picom",
    "compton",
    "budgie-wm",
    // shells, panels, desktops and docks
    "plasmashell",
    "xfce4-panel",
    "xfdesktop",
    "lxpanel",
    "lxqt-panel",
    "mate-panel",
    "cinnamon",
    "budgie-panel",
    "swaybar",
    "waybar",
    "swaybg",
    "i3bar",
    "i3status",
    "plank",
    // session managers
    "gnome-session-binary",
    "gnome-session-ctl",
    "gnome-session-service",
    "ksmserver",
    "startplasma-x11",
    "startplasma-wayland",
    "plasma_session",
    "xfce4-session",
    "lxsession",
    "lxqt-session",
    "mate-session",
    "cinnamon-session",
    "cinnamon-session-binary",
    "budgie-daemon",
    "systemd",
    "(sd-pam)",
    // settings, keyrings, notifications, screen lockers
    "xfsettingsd",
    "xfconfd",
    "xfce4-notifyd",
    "kded5",
    "kded6",
    "kglobalaccel",
    "kglobalacceld",
    "mate-settings-daemon",
    "gnome-keyring-daemon",
    "dconf-service",
    "xsettingsd",
    "dunst",
    "mako",
    "notification-daemon",
    "swayidle",
    "swaylock",
    "xss-lock",
    "light-locker",
    "xscreensaver",
    "kscreenlocker_greet",
    "ssh-agent",
    "gpg-agent",
    "polkit-gnome-authentication-agent-1",
    "polkit-kde-authentication-agent-1",
    "lxpolkit",
    "polkit-mate-authentication-agent-1",
    // input methods, on-screen keyboards, accessibility
    "fcitx",
    "fcitx5",
    "onboard",
    "squeekboard",
    "maliit-server",
    "orca",
    // sound
    "pulseaudio",
    "wireplumber",
    // Sundial
    "sundial-session",
    "sundial-tray",
};

// Families by prefix: GNOME and Cinnamon settings daemons, buses, input methods, accessibility,
// sound, portals, virtual file systems, search indexers, data servers, wallets.
constexpr std::string_view kComponentPrefixes[] {"gsd-", "csd-", "dbus-", "ibus", "at-spi", "pipewire",
    "xdg-desktop-portal", "xdg-document-portal", "xdg-permission-store", "gvfs", "tracker-miner", "evolution-",
    "kwalletd", "goa-"};

} // namespace

bool isDesktopComponent(std::string_view program)
{
    std::string_view name = core::fileNameOf(program);
    constexpr std::string_view kDeleted = " (deleted)";
    if (name.ends_with(kDeleted)) {
        name.remove_suffix(kDeleted.size());
    }
    return std::find(std::begin(kComponents), std::end(kComponents), name) != std::end(kComponents)
        || std::any_of(std::begin(kComponentPrefixes), std::end(kComponentPrefixes),
            [name](std::string_view prefix) { return name.starts_with(prefix); });
}

} // namespace sundial::platform
