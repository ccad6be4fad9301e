// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceClient: sundialctl's connection to sundiald (org.sundial.Agent1) on the system bus,
// or on the session bus for the try-out service. Errors keep the service's own message.
#pragma once

#include <string>

#include <QDBusConnection>
#include <QVariant>

#include "agent/core/result.h"

namespace sundial::ctl
{

class ServiceClient
{
public:
    explicit ServiceClient(bool sessionBus);

    // Calls `interface`.`method` ("Admin", "Child", ...) and returns its first result (or an
    // empty QVariant for methods without one). The error's field is the D-Bus error name.
    core::Result<QVariant> call(const QString &interface, const QString &method, const QVariantList &arguments = {});
    bool connected() const { return m_bus.isConnected(); }
    std::string busName() const { return m_sessionBus ? "session" : "system"; }

private:
    bool m_sessionBus;
    QDBusConnection m_bus;
};

} // namespace sundial::ctl
