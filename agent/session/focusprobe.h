// SPDX-License-Identifier: GPL-3.0-or-later
// FocusProbe: what the child's desktop says is focused, and how long input has been idle.
// One implementation per desktop family (X11 now; GNOME, KDE and wlroots Wayland later),
// chosen by probeForDesktop() in main.cpp from XDG_SESSION_TYPE.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <sys/types.h>

#include <QObject>

namespace sundial::session
{

struct FocusedWindow {
    std::string title; // _NET_WM_NAME, else WM_NAME (UTF-8)
    std::string wmClass; // the class part of WM_CLASS
    pid_t pid = 0; // from the X server (XRes), else _NET_WM_PID
    std::string exe; // /proc/PID/exe
    bool fullscreen = false;
    bool operator==(const FocusedWindow &) const = default;
};

class FocusProbe : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~FocusProbe() override = default;

    // The focused window now, or nullopt when nothing is focused.
    virtual std::optional<FocusedWindow> focused() = 0;
    // Time since the last keyboard or pointer input.
    virtual std::chrono::milliseconds inputIdle() = 0;
    // Asks to be told (inputResumed) at the next keyboard or pointer input, by an event rather
    // than by polling. False when this desktop cannot do that; then the caller polls.
    virtual bool watchForInput() { return false; }

signals:
    // The focused window changed, or its title or fullscreen state did.
    void focusChanged();
    // Input came after watchForInput().
    void inputResumed();
};

} // namespace sundial::session
