// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/browser/host/bussiteservice.h"

#include <cstdint>

namespace sundial::browser
{

namespace
{

using platform::sdbus::BusError;
using platform::sdbus::BusMessage;

constexpr const char *kServiceName = "org.sundial.Agent1";
constexpr const char *kObjectPath = "/org/sundial/Agent1";
constexpr std::uint64_t kCallTimeoutMicroseconds = 5'000'000;

// Appends one `{sv}` entry holding a string or a boolean.
int appendEntry(sd_bus_message *message, const char *key, const std::string &value)
{
    return sd_bus_message_append(message, "{sv}", key, "s", value.c_str());
}

int appendEntry(sd_bus_message *message, const char *key, bool value)
{
    return sd_bus_message_append(message, "{sv}", key, "b", static_cast<int>(value));
}

} // namespace

BusSiteService::BusSiteService(bool userBus)
    : m_userBus(userBus)
{
}

sd_bus *BusSiteService::bus(std::string &problem)
{
    if (m_bus && sd_bus_is_open(m_bus.get()) > 0) {
        return m_bus.get();
    }
    m_bus.reset();
    sd_bus *opened = nullptr;
    const int result = m_userBus ? sd_bus_open_user(&opened) : sd_bus_open_system(&opened);
    if (result < 0) {
        problem = std::string {"cannot reach Sundial's service on the "} + (m_userBus ? "session" : "system")
            + " bus: " + BusError {}.describe(result);
        return nullptr;
    }
    m_bus.reset(opened);
    sd_bus_set_method_call_timeout(opened, kCallTimeoutMicroseconds);
    return opened;
}

ServiceReply BusSiteService::reportSite(const SiteReport &report)
{
    std::string problem;
    sd_bus *connection = bus(problem);
    if (!connection) {
        return {false, problem};
    }
    sd_bus_message *created = nullptr;
    int result = sd_bus_message_new_method_call(
        connection, &created, kServiceName, kObjectPath, "org.sundial.Agent1.Session", "SiteReport");
    BusMessage call(created);
    if (result >= 0) {
        result = sd_bus_message_open_container(call.get(), 'a', "{sv}");
    }
    if (result >= 0) {
        result = appendEntry(call.get(), "domain", report.domain);
    }
    if (result >= 0 && !report.url.empty()) {
        result = appendEntry(call.get(), "url", report.url);
    }
    for (const auto &[key, value] : {std::pair {"focused", report.focused}, std::pair {"audible", report.audible},
             std::pair {"incognito", report.incognito}, std::pair {"check", report.checkOnly}}) {
        if (result >= 0) {
            result = appendEntry(call.get(), key, value);
        }
    }
    if (result >= 0) {
        result = sd_bus_message_close_container(call.get());
    }
    if (result < 0) {
        return {false, "cannot write the report: " + BusError {}.describe(result)};
    }
    BusError error;
    sd_bus_message *answered = nullptr;
    result = sd_bus_call(connection, call.get(), 0, error.get(), &answered);
    BusMessage reply(answered);
    if (result < 0) {
        return {false, error.message(result)};
    }
    const char *json = nullptr;
    result = sd_bus_message_read(reply.get(), "s", &json);
    if (result < 0 || !json) {
        return {false, "the service's answer could not be read"};
    }
    return {true, json};
}

ServiceReply BusSiteService::requestMoreTime(std::uint32_t minutes, const std::string &reason)
{
    std::string problem;
    sd_bus *connection = bus(problem);
    if (!connection) {
        return {false, problem};
    }
    BusError error;
    sd_bus_message *answered = nullptr;
    const int result = sd_bus_call_method(connection, kServiceName, kObjectPath, "org.sundial.Agent1.Child",
        "RequestMoreTime", error.get(), &answered, "us", minutes, reason.c_str());
    BusMessage reply(answered);
    if (result < 0) {
        return {false, error.message(result)};
    }
    std::int64_t id = 0;
    if (sd_bus_message_read(reply.get(), "x", &id) < 0) {
        return {false, "the service's answer could not be read"};
    }
    return {true, std::to_string(id)};
}

} // namespace sundial::browser
