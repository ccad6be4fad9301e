// SPDX-License-Identifier: GPL-3.0-or-later
// BusSiteService: SiteService over D-Bus with sd-bus (no Qt, so the host stays a few megabytes).
// The system bus (DBUS_SYSTEM_BUS_ADDRESS is honoured: the host runs as the child, who gains
// nothing by pointing it elsewhere), or with `userBus` the try-out service's session bus. The
// connection is opened on first use and again after it breaks; every call waits at most 5 s.
#pragma once

#include "agent/browser/host/siteservice.h"
#include "agent/platform/sdbus.h"

namespace sundial::browser
{

class BusSiteService : public SiteService
{
public:
    explicit BusSiteService(bool userBus);

    ServiceReply reportSite(const SiteReport &report) override;
    ServiceReply requestMoreTime(std::uint32_t minutes, const std::string &reason) override;

private:
    // The connection, or null with `problem` set.
    sd_bus *bus(std::string &problem);

    bool m_userBus;
    platform::sdbus::BusConnection m_bus;
};

} // namespace sundial::browser
