// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/session/x11focusprobe.h"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <xcb/res.h>
#include <xcb/screensaver.h>
#include <xcb/sync.h>
#include <xcb/xcb.h>

#include <unistd.h>

#include <QSocketNotifier>

#include "agent/platform/launchedprogram.h"

namespace sundial::session
{

namespace
{

// Frees an xcb reply when it goes out of scope.
template <typename T> struct Reply {
    T *value;
    explicit Reply(T *reply)
        : value(reply)
    {
    }
    ~Reply() { std::free(value); }
    Reply(const Reply &) = delete;
    Reply &operator=(const Reply &) = delete;
    T *operator->() const { return value; }
    explicit operator bool() const { return value != nullptr; }
};

} // namespace

X11FocusProbe::X11FocusProbe(QObject *parent)
    : FocusProbe(parent)
{
    int screenNumber = 0;
    xcb_connection_t *connection = xcb_connect(nullptr, &screenNumber);
    if (xcb_connection_has_error(connection)) {
        xcb_disconnect(connection);
        return;
    }
    m_connection = connection;
    xcb_screen_iterator_t screens = xcb_setup_roots_iterator(xcb_get_setup(m_connection));
    for (int i = 0; i < screenNumber && screens.rem; ++i) {
        xcb_screen_next(&screens);
    }
    m_root = screens.data->root;
    m_activeAtom = atom("_NET_ACTIVE_WINDOW");
    m_netNameAtom = atom("_NET_WM_NAME");
    m_nameAtom = XCB_ATOM_WM_NAME;
    m_classAtom = XCB_ATOM_WM_CLASS;
    m_pidAtom = atom("_NET_WM_PID");
    m_stateAtom = atom("_NET_WM_STATE");
    m_fullscreenAtom = atom("_NET_WM_STATE_FULLSCREEN");
    m_utf8Atom = atom("UTF8_STRING");
    const xcb_query_extension_reply_t *res = xcb_get_extension_data(m_connection, &xcb_res_id);
    m_hasRes = res && res->present;
    const xcb_query_extension_reply_t *saver = xcb_get_extension_data(m_connection, &xcb_screensaver_id);
    m_hasScreenSaver = saver && saver->present;

    // XSync's IDLETIME counter lets the server tell us when input resumes.
    const xcb_query_extension_reply_t *sync = xcb_get_extension_data(m_connection, &xcb_sync_id);
    if (sync && sync->present) {
        Reply<xcb_sync_initialize_reply_t> version {xcb_sync_initialize_reply(
            m_connection, xcb_sync_initialize(m_connection, XCB_SYNC_MAJOR_VERSION, XCB_SYNC_MINOR_VERSION), nullptr)};
        Reply<xcb_sync_list_system_counters_reply_t> counters {
            xcb_sync_list_system_counters_reply(m_connection, xcb_sync_list_system_counters(m_connection), nullptr)};
        if (version && counters) {
            // Walked by hand: each entry is counter (4), resolution (8), name length (2), name,
            // padded to 4 bytes (libxcb 1.15's generated iterator did not find IDLETIME on Xvfb).
            const auto *entry = reinterpret_cast<const std::uint8_t *>(
                xcb_sync_list_system_counters_counters_iterator(counters.value).data);
            for (std::uint32_t i = 0; i < counters->counters_len; ++i) {
                std::uint32_t counter = 0;
                std::uint16_t length = 0;
                std::memcpy(&counter, entry, sizeof counter);
                std::memcpy(&length, entry + 12, sizeof length);
                const std::string name {reinterpret_cast<const char *>(entry + 14), length};
                if (name == "IDLETIME") {
                    m_idleCounter = counter;
                    m_syncEventBase = sync->first_event;
                }
                entry += (14 + length + 3) & ~std::size_t {3};
            }
        }
    }

    const std::uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
    xcb_change_window_attributes(m_connection, m_root, XCB_CW_EVENT_MASK, &mask);
    watch(activeWindow());
    xcb_flush(m_connection);
    m_notifier = std::make_unique<QSocketNotifier>(xcb_get_file_descriptor(m_connection), QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &X11FocusProbe::onEvents);
}

X11FocusProbe::~X11FocusProbe()
{
    m_notifier.reset();
    if (m_connection) {
        xcb_disconnect(m_connection);
    }
}

std::uint32_t X11FocusProbe::atom(const char *name)
{
    Reply<xcb_intern_atom_reply_t> reply {xcb_intern_atom_reply(
        m_connection, xcb_intern_atom(m_connection, 0, static_cast<std::uint16_t>(std::strlen(name)), name), nullptr)};
    return reply ? reply->atom : static_cast<std::uint32_t>(XCB_ATOM_NONE);
}

std::uint32_t X11FocusProbe::activeWindow()
{
    Reply<xcb_get_property_reply_t> reply {xcb_get_property_reply(
        m_connection, xcb_get_property(m_connection, 0, m_root, m_activeAtom, XCB_ATOM_WINDOW, 0, 1), nullptr)};
    if (!reply || xcb_get_property_value_length(reply.value) < 4) {
        return XCB_WINDOW_NONE;
    }
    return *static_cast<std::uint32_t *>(xcb_get_property_value(reply.value));
}

void X11FocusProbe::watch(std::uint32_t window)
{
    if (window == m_watched) {
        return;
    }
    if (m_watched != XCB_WINDOW_NONE) {
        const std::uint32_t none = XCB_EVENT_MASK_NO_EVENT;
        xcb_change_window_attributes(m_connection, m_watched, XCB_CW_EVENT_MASK, &none);
    }
    m_watched = window;
    if (window != XCB_WINDOW_NONE) {
        const std::uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
        xcb_change_window_attributes(m_connection, window, XCB_CW_EVENT_MASK, &mask);
    }
}

void X11FocusProbe::onEvents()
{
    bool changed = false;
    bool resumed = false;
    while (xcb_generic_event_t *event = xcb_poll_for_event(m_connection)) {
        if (m_syncEventBase && (event->response_type & 0x7f) == m_syncEventBase + XCB_SYNC_ALARM_NOTIFY) {
            const auto *alarm = reinterpret_cast<xcb_sync_alarm_notify_event_t *>(event);
            resumed = resumed || (alarm->alarm == m_alarm && alarm->state != XCB_SYNC_ALARMSTATE_DESTROYED);
        } else if ((event->response_type & 0x7f) == XCB_PROPERTY_NOTIFY) {
            const auto *property = reinterpret_cast<xcb_property_notify_event_t *>(event);
            if (property->window == m_root && property->atom == m_activeAtom) {
                watch(activeWindow());
                changed = true;
            } else if (property->window == m_watched
                && (property->atom == m_netNameAtom || property->atom == m_nameAtom || property->atom == m_stateAtom
                    || property->atom == m_classAtom)) {
                changed = true;
            }
        }
        std::free(event);
    }
    xcb_flush(m_connection);
    if (resumed && m_alarm) {
        xcb_sync_destroy_alarm(m_connection, m_alarm); // one input is all we wanted to hear of
        xcb_flush(m_connection);
        m_alarm = 0;
        emit inputResumed();
    }
    if (changed) {
        emit focusChanged();
    }
}

bool X11FocusProbe::watchForInput()
{
    if (!m_connection || !m_idleCounter) {
        return false;
    }
    if (m_alarm) {
        return true; // already watching
    }
    // Fires once idle time is below one second: that only happens after new input.
    m_alarm = xcb_generate_id(m_connection);
    const std::uint32_t mask = XCB_SYNC_CA_COUNTER | XCB_SYNC_CA_VALUE_TYPE | XCB_SYNC_CA_VALUE | XCB_SYNC_CA_TEST_TYPE
        | XCB_SYNC_CA_DELTA | XCB_SYNC_CA_EVENTS;
    const std::uint32_t values[]
        = {m_idleCounter, XCB_SYNC_VALUETYPE_ABSOLUTE, 0, 1000, XCB_SYNC_TESTTYPE_NEGATIVE_COMPARISON, 0, 0, 1};
    xcb_sync_create_alarm(m_connection, m_alarm, mask, values);
    xcb_flush(m_connection);
    return true;
}

std::string X11FocusProbe::textProperty(std::uint32_t window, std::uint32_t property, std::uint32_t type)
{
    // At most 64 KiB of a title; the service keeps far less.
    Reply<xcb_get_property_reply_t> reply {xcb_get_property_reply(
        m_connection, xcb_get_property(m_connection, 0, window, property, type, 0, 16384), nullptr)};
    if (!reply || reply->format != 8) {
        return {};
    }
    return std::string {static_cast<const char *>(xcb_get_property_value(reply.value)),
        static_cast<std::size_t>(xcb_get_property_value_length(reply.value))};
}

pid_t X11FocusProbe::windowPid(std::uint32_t window)
{
    if (m_hasRes) {
        xcb_res_client_id_spec_t spec {window, XCB_RES_CLIENT_ID_MASK_LOCAL_CLIENT_PID};
        Reply<xcb_res_query_client_ids_reply_t> reply {
            xcb_res_query_client_ids_reply(m_connection, xcb_res_query_client_ids(m_connection, 1, &spec), nullptr)};
        if (reply) {
            for (auto ids = xcb_res_query_client_ids_ids_iterator(reply.value); ids.rem;
                 xcb_res_client_id_value_next(&ids)) {
                if (ids.data->spec.mask & XCB_RES_CLIENT_ID_MASK_LOCAL_CLIENT_PID) {
                    return static_cast<pid_t>(*xcb_res_client_id_value_value(ids.data));
                }
            }
        }
    }
    Reply<xcb_get_property_reply_t> reply {xcb_get_property_reply(
        m_connection, xcb_get_property(m_connection, 0, window, m_pidAtom, XCB_ATOM_CARDINAL, 0, 1), nullptr)};
    if (reply && xcb_get_property_value_length(reply.value) >= 4) {
        return static_cast<pid_t>(*static_cast<std::uint32_t *>(xcb_get_property_value(reply.value)));
    }
    return 0;
}

bool X11FocusProbe::isFullscreen(std::uint32_t window)
{
    Reply<xcb_get_property_reply_t> reply {xcb_get_property_reply(
        m_connection, xcb_get_property(m_connection, 0, window, m_stateAtom, XCB_ATOM_ATOM, 0, 64), nullptr)};
    if (!reply) {
        return false;
    }
    const auto *atoms = static_cast<const std::uint32_t *>(xcb_get_property_value(reply.value));
    const int count = xcb_get_property_value_length(reply.value) / 4;
    for (int i = 0; i < count; ++i) {
        if (atoms[i] == m_fullscreenAtom) {
            return true;
        }
    }
    return false;
}

std::optional<FocusedWindow> X11FocusProbe::focused()
{
    if (!m_connection || m_watched == XCB_WINDOW_NONE) {
        return std::nullopt;
    }
    FocusedWindow window;
    window.title = textProperty(m_watched, m_netNameAtom, m_utf8Atom);
    if (window.title.empty()) {
        window.title = textProperty(m_watched, m_nameAtom, XCB_GET_PROPERTY_TYPE_ANY);
    }
    // WM_CLASS is "instance\0class\0": the class names the app.
    const std::string wmClass = textProperty(m_watched, m_classAtom, XCB_ATOM_STRING);
    const std::size_t split = wmClass.find('\0');
    window.wmClass = split == std::string::npos ? wmClass : wmClass.substr(split + 1);
    if (!window.wmClass.empty() && window.wmClass.back() == '\0') {
        window.wmClass.pop_back();
    }
    window.pid = windowPid(m_watched);
    if (window.pid > 0) {
        // The program, as the service judges it: one started through the dynamic loader is
        // what the loader runs, not the loader.
        window.exe = platform::launchedProgram(window.pid);
    }
    window.fullscreen = isFullscreen(m_watched);
    return window;
}

std::chrono::milliseconds X11FocusProbe::inputIdle()
{
    if (!m_connection || !m_hasScreenSaver) {
        return std::chrono::milliseconds {0};
    }
    Reply<xcb_screensaver_query_info_reply_t> reply {
        xcb_screensaver_query_info_reply(m_connection, xcb_screensaver_query_info(m_connection, m_root), nullptr)};
    return std::chrono::milliseconds {reply ? reply->ms_since_user_input : 0};
}

} // namespace sundial::session
