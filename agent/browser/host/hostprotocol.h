// SPDX-License-Identifier: GPL-3.0-or-later
// HostProtocol: one message from the extension in, one answer out (agent/browser/PROTOCOL.md).
// Whatever arrives, the answer is a JSON object: a `verdict`, an `asked`, or an `error` saying
// what was wrong; a number `id` in the message is echoed, so the extension can pair them.
#pragma once

#include <string>
#include <string_view>

#include "agent/browser/host/siteservice.h"

namespace sundial::browser
{

class HostProtocol
{
public:
    static constexpr std::size_t kMaxUrlBytes = 8192;
    static constexpr std::size_t kMaxReasonBytes = 500;

    explicit HostProtocol(SiteService &service);

    // The answer's JSON text for one message's body.
    std::string answer(std::string_view body);
    // The `error` answer for a message that could not be read at all.
    static std::string error(const std::string &message);

private:
    SiteService &m_service;
};

} // namespace sundial::browser
