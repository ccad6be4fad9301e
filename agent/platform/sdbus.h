// SPDX-License-Identifier: GPL-3.0-or-later
// sd-bus handles that free themselves, for the programs that link no Qt (the login check, which
// runs inside setuid programs, and the browser's native-messaging host, which must stay small).
// Header only: a program that includes it links libsystemd itself.
#pragma once

#include <cstring>
#include <memory>
#include <string>
#include <systemd/sd-bus.h>

namespace sundial::platform::sdbus
{

struct BusClose {
    // No flush: on a stuck bus a flush could wait without end; nothing we sent needs delivering.
    void operator()(sd_bus *bus) const { sd_bus_close_unref(bus); }
};
using BusConnection = std::unique_ptr<sd_bus, BusClose>;

struct MessageUnref {
    void operator()(sd_bus_message *message) const { sd_bus_message_unref(message); }
};
using BusMessage = std::unique_ptr<sd_bus_message, MessageUnref>;

// An sd_bus_error freed on every path.
class BusError
{
public:
    BusError() = default;
    BusError(const BusError &) = delete;
    BusError &operator=(const BusError &) = delete;
    ~BusError() { sd_bus_error_free(&m_error); }

    sd_bus_error *get() { return &m_error; }
    bool hasName(const char *name) const { return sd_bus_error_has_name(&m_error, name) > 0; }
    // The error's message alone (what the service says), or the errno's text.
    std::string message(int negativeErrno) const
    {
        if (!sd_bus_error_is_set(&m_error)) {
            return std::strerror(-negativeErrno);
        }
        return m_error.message ? m_error.message : m_error.name;
    }
    // "<name>: <message>" when the error is set, otherwise the errno's text.
    std::string describe(int negativeErrno) const
    {
        if (!sd_bus_error_is_set(&m_error)) {
            return std::strerror(-negativeErrno);
        }
        return std::string {m_error.name} + ": " + (m_error.message ? m_error.message : "");
    }

private:
    sd_bus_error m_error = SD_BUS_ERROR_NULL;
};

} // namespace sundial::platform::sdbus
