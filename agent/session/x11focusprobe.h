// SPDX-License-Identifier: GPL-3.0-or-later
// X11FocusProbe: event-driven focus tracking on X11 through xcb: PropertyNotify on the root
// window (_NET_ACTIVE_WINDOW) and on the focused window (title, fullscreen). No polling.
// The window's pid comes from the X server's XRes extension (the client cannot lie about it);
// _NET_WM_PID is only a fallback. Idle time comes from the XScreenSaver extension.
#pragma once

#include <memory>
#include <string>

#include "agent/session/focusprobe.h"

class QSocketNotifier;
struct xcb_connection_t;

namespace sundial::session
{

class X11FocusProbe final : public FocusProbe
{
    Q_OBJECT
public:
    // Connects to $DISPLAY; isConnected() says whether that worked.
    explicit X11FocusProbe(QObject *parent = nullptr);
    ~X11FocusProbe() override;

    bool isConnected() const { return m_connection != nullptr; }
    std::optional<FocusedWindow> focused() override;
    std::chrono::milliseconds inputIdle() override;
    // An XSync alarm on the server's IDLETIME counter that fires when idle time drops, i.e. at
    // the next input.
    bool watchForInput() override;

private:
    void onEvents();
    std::uint32_t atom(const char *name);
    std::uint32_t activeWindow();
    void watch(std::uint32_t window);
    std::string textProperty(std::uint32_t window, std::uint32_t property, std::uint32_t type);
    pid_t windowPid(std::uint32_t window);
    bool isFullscreen(std::uint32_t window);

    xcb_connection_t *m_connection = nullptr;
    std::uint32_t m_root = 0;
    std::uint32_t m_watched = 0;
    std::unique_ptr<QSocketNotifier> m_notifier;
    bool m_hasRes = false;
    bool m_hasScreenSaver = false;
    std::uint8_t m_syncEventBase = 0; // 0: no XSync extension
    std::uint32_t m_idleCounter = 0; // the IDLETIME system counter
    std::uint32_t m_alarm = 0;
    std::uint32_t m_activeAtom = 0;
    std::uint32_t m_netNameAtom = 0;
    std::uint32_t m_nameAtom = 0;
    std::uint32_t m_classAtom = 0;
    std::uint32_t m_pidAtom = 0;
    std::uint32_t m_stateAtom = 0;
    std::uint32_t m_fullscreenAtom = 0;
    std::uint32_t m_utf8Atom = 0;
};

} // namespace sundial::session
