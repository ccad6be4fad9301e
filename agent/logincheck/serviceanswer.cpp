// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/serviceanswer.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

#include <unistd.h>

#include "agent/platform/sdbus.h"

namespace sundial::logincheck
{

namespace
{

using platform::sdbus::BusConnection;
using platform::sdbus::BusError;
using platform::sdbus::BusMessage;
using Clock = std::chrono::steady_clock;

constexpr const char *kServiceName = "org.sundial.Agent1";
constexpr const char *kObjectPath = "/org/sundial/Agent1";
constexpr const char *kNotLimitedError = "org.sundial.Error.NotLimited";

ServiceAnswer unanswered(std::string problem)
{
    return {ServiceAnswer::Kind::Unanswered, {}, std::move(problem)};
}

ServiceAnswer unanswered(const std::string &what, int negativeErrno)
{
    return unanswered(what + ": " + std::strerror(-negativeErrno));
}

ServiceAnswer timedOut(std::chrono::milliseconds waited)
{
    return unanswered("the service did not answer within " + std::to_string(waited.count()) + " ms");
}

// Microseconds left before `deadline`, never 0 unless it has passed (sd-bus reads a 0 timeout
// as "its default of 25 s").
std::uint64_t microsecondsLeft(Clock::time_point deadline)
{
    const auto left = std::chrono::ceil<std::chrono::microseconds>(deadline - Clock::now());
    return left.count() > 0 ? static_cast<std::uint64_t>(left.count()) : 0;
}

// Connects and waits until the bus has authenticated us and answered Hello. sd-bus's own limits
// for these steps are 25 s, so the waiting here is ours, bounded by `deadline`. Returns 1 when
// ready, 0 when the deadline passed, a negative errno on failure.
int connectWithin(sd_bus *bus, const std::string &address, Clock::time_point deadline)
{
    int result = sd_bus_set_address(bus, address.c_str());
    if (result >= 0) {
        result = sd_bus_set_bus_client(bus, 1);
    }
    if (result >= 0) {
        result = sd_bus_start(bus);
    }
    while (result >= 0) {
        if (sd_bus_is_ready(bus) > 0) {
            return 1;
        }
        result = sd_bus_process(bus, nullptr);
        if (result != 0) {
            continue; // more to do at once, or an error that ends the loop
        }
        const std::uint64_t left = microsecondsLeft(deadline);
        if (left == 0) {
            return 0;
        }
        result = sd_bus_wait(bus, left);
        if (result == -EINTR) {
            result = 0; // a signal is no answer; the deadline still holds
        }
    }
    return result;
}

// Reads one variant into `status` when `key` is one we use and the variant has the contract's
// type; skips it otherwise. Returns a negative errno when the message is malformed.
int readField(sd_bus_message *reply, std::string_view key, AccountStatus &status)
{
    char type = 0;
    const char *contents = nullptr;
    int result = sd_bus_message_peek_type(reply, &type, &contents);
    if (result <= 0 || type != SD_BUS_TYPE_VARIANT || !contents) {
        return result < 0 ? result : -EBADMSG;
    }
    const std::string_view signature {contents};
    if (key == "limited" && signature == "b") {
        int limited = 0;
        result = sd_bus_message_read(reply, "v", "b", &limited);
        status.limited = limited != 0;
        return result;
    }
    std::int64_t *number = key == "nextChangeAt" ? &status.nextChangeAt
        : key == "reasonAt"                      ? &status.reasonAt
        : key == "reasonBudgetSeconds"           ? &status.reasonBudgetSeconds
        : key == "reasonExtraSeconds"            ? &status.reasonExtraSeconds
        : key == "reasonWeekday"                 ? &status.reasonWeekday
                                                 : nullptr;
    if (number && signature == "x") {
        std::int64_t value = 0;
        result = sd_bus_message_read(reply, "v", "x", &value);
        *number = value;
        return result;
    }
    std::string *text = key == "verdict" ? &status.verdict
        : key == "reason"                ? &status.reason
        : key == "reasonKind"            ? &status.reasonKind
        : key == "helpLineName"          ? &status.helpLineName
        : key == "helpLinePhone"         ? &status.helpLinePhone
        : key == "helpLineUrl"           ? &status.helpLineUrl
                                         : nullptr;
    if (text && signature == "s") {
        const char *value = nullptr;
        result = sd_bus_message_read(reply, "v", "s", &value);
        if (result >= 0 && value) {
            *text = value;
        }
        return result;
    }
    return sd_bus_message_skip(reply, "v");
}

// The a{sv} status of the contract (resources/dbus/org.sundial.Agent1.Child.xml).
ServiceAnswer readStatus(sd_bus_message *reply)
{
    AccountStatus status;
    int result = sd_bus_message_enter_container(reply, SD_BUS_TYPE_ARRAY, "{sv}");
    if (result <= 0) {
        return unanswered("the service's reply was not a status");
    }
    while ((result = sd_bus_message_enter_container(reply, SD_BUS_TYPE_DICT_ENTRY, "sv")) > 0) {
        const char *key = nullptr;
        result = sd_bus_message_read(reply, "s", &key);
        if (result >= 0) {
            result = readField(reply, key ? key : "", status);
        }
        if (result >= 0) {
            result = sd_bus_message_exit_container(reply);
        }
        if (result < 0) {
            break;
        }
    }
    if (result < 0 || sd_bus_message_exit_container(reply) < 0) {
        return unanswered("the service's reply was not a status");
    }
    if (!status.limited) {
        return {ServiceAnswer::Kind::NotLimited, {}, {}};
    }
    return {ServiceAnswer::Kind::Status, std::move(status), {}};
}

} // namespace

ServiceAnswer ServiceAnswer::ask(
    const std::string &busAddress, uid_t uid, std::chrono::milliseconds deadline, std::chrono::milliseconds callTimeout)
{
    const Clock::time_point until = Clock::now() + deadline;
    sd_bus *rawBus = nullptr;
    if (const int result = sd_bus_new(&rawBus); result < 0) {
        return unanswered("no bus connection", result);
    }
    const BusConnection bus {rawBus};
    if (const int result = connectWithin(bus.get(), busAddress, until); result <= 0) {
        return result == 0 ? timedOut(deadline) : unanswered("no system bus at " + busAddress, result);
    }

    const bool self = ::geteuid() == uid;
    sd_bus_message *rawCall = nullptr;
    int result = sd_bus_message_new_method_call(bus.get(), &rawCall, kServiceName, kObjectPath,
        self ? "org.sundial.Agent1.Child" : "org.sundial.Agent1.Admin", self ? "GetStatus" : "GetChildStatus");
    const BusMessage call {rawCall};
    if (result >= 0 && !self) {
        result = sd_bus_message_append(call.get(), "u", static_cast<std::uint32_t>(uid));
    }
    if (result < 0) {
        return unanswered("cannot build the question", result);
    }
    const std::uint64_t left = std::min(
        microsecondsLeft(until), static_cast<std::uint64_t>(std::chrono::microseconds {callTimeout}.count()));
    if (left == 0) {
        return timedOut(deadline);
    }
    BusError error;
    sd_bus_message *rawReply = nullptr;
    result = sd_bus_call(bus.get(), call.get(), left, error.get(), &rawReply);
    const BusMessage reply {rawReply};
    if (result < 0) {
        if (error.hasName(kNotLimitedError)) {
            return {Kind::NotLimited, {}, {}};
        }
        if (result == -ETIMEDOUT) {
            return timedOut(std::chrono::ceil<std::chrono::milliseconds>(
                std::chrono::microseconds {static_cast<std::int64_t>(left)}));
        }
        return unanswered(error.describe(result));
    }
    return readStatus(reply.get());
}

} // namespace sundial::logincheck
