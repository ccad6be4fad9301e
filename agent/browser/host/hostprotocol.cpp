// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/browser/host/hostprotocol.h"

#include <nlohmann/json.hpp>

#include "agent/core/text.h"

namespace sundial::browser
{

namespace
{

using Json = nlohmann::json;

// Reads one optional field of `message` into `into`; false (with `problem` set) when it has the
// wrong type or is too long.
bool readString(const Json &message, const char *key, std::size_t maxBytes, std::string &into, std::string &problem)
{
    const auto found = message.find(key);
    if (found == message.end() || found->is_null()) {
        return true;
    }
    if (!found->is_string()) {
        problem = std::string {"\""} + key + "\" must be a string";
        return false;
    }
    const auto &text = found->get_ref<const std::string &>();
    if (text.size() > maxBytes) {
        problem = std::string {"\""} + key + "\" is longer than " + std::to_string(maxBytes) + " bytes";
        return false;
    }
    into = text;
    return true;
}

bool readBool(const Json &message, const char *key, bool &into, std::string &problem)
{
    const auto found = message.find(key);
    if (found == message.end() || found->is_null()) {
        return true;
    }
    if (!found->is_boolean()) {
        problem = std::string {"\""} + key + "\" must be true or false";
        return false;
    }
    into = found->get<bool>();
    return true;
}

Json errorObject(const std::string &message)
{
    return Json {{"type", "error"}, {"message", message}};
}

} // namespace

HostProtocol::HostProtocol(SiteService &service)
    : m_service(service)
{
}

std::string HostProtocol::error(const std::string &message)
{
    return errorObject(message).dump();
}

std::string HostProtocol::answer(std::string_view body)
{
    const Json message = Json::parse(body, nullptr, false);
    if (message.is_discarded() || !message.is_object()) {
        return error("the message is not a JSON object in UTF-8");
    }
    Json reply;
    const auto type = message.find("type");
    std::string problem;
    if (type == message.end() || !type->is_string()) {
        reply = errorObject("the message has no \"type\"");
    } else if (*type == "tab" || *type == "check") {
        SiteReport report;
        report.checkOnly = *type == "check";
        const bool read = readString(message, "domain", core::kMaxDomainBytes, report.domain, problem)
            && readString(message, "url", kMaxUrlBytes, report.url, problem)
            && readBool(message, "focused", report.focused, problem)
            && readBool(message, "audible", report.audible, problem)
            && readBool(message, "incognito", report.incognito, problem);
        if (!read) {
            reply = errorObject(problem);
        } else if (const ServiceReply answered = m_service.reportSite(report); !answered.ok) {
            reply = errorObject(answered.text);
        } else {
            reply = Json::parse(answered.text, nullptr, false);
            if (!reply.is_object()) {
                reply = errorObject("the service's answer could not be read");
            } else {
                reply["type"] = "verdict";
                reply["domain"] = report.domain;
            }
        }
    } else if (*type == "ask") {
        std::string domain;
        std::string reason;
        const auto minutes = message.find("minutes");
        if (minutes == message.end() || !minutes->is_number_integer() || *minutes < 1 || *minutes > 480) {
            reply = errorObject("\"minutes\" must be a whole number from 1 to 480");
        } else if (!readString(message, "domain", core::kMaxDomainBytes, domain, problem)
            || !readString(message, "reason", kMaxReasonBytes, reason, problem)) {
            reply = errorObject(problem);
        } else {
            // The parent sees which site the request came from.
            const std::string said = domain.empty() ? reason : reason.empty() ? domain : domain + ": " + reason;
            const ServiceReply asked = m_service.requestMoreTime(minutes->get<std::uint32_t>(), said);
            reply = Json {{"type", "asked"}, {"ok", asked.ok}, {"message", asked.text}};
        }
    } else {
        reply = errorObject("unknown \"type\"; expected tab, check or ask");
    }
    if (const auto id = message.find("id"); id != message.end() && id->is_number()) {
        reply["id"] = *id;
    }
    return reply.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace sundial::browser
