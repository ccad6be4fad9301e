// SPDX-License-Identifier: GPL-3.0-or-later
// The host's side of agent/browser/PROTOCOL.md, against a recording stand-in for the service
// (the real one is tests/integration/test_browser.py).
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "agent/browser/host/hostprotocol.h"

using namespace sundial::browser;
using Json = nlohmann::json;

namespace
{

class RecordingService : public SiteService
{
public:
    ServiceReply reportSite(const SiteReport &report) override
    {
        reports.push_back(report);
        return siteReply;
    }
    ServiceReply requestMoreTime(std::uint32_t minutes, const std::string &reason) override
    {
        asked.emplace_back(minutes, reason);
        return askReply;
    }

    std::vector<SiteReport> reports;
    std::vector<std::pair<std::uint32_t, std::string>> asked;
    ServiceReply siteReply {true, R"({"verdict":"over-budget","secondsLeft":0,"recordUrls":false})"};
    ServiceReply askReply {true, "42"};
};

Json answer(HostProtocol &protocol, const std::string &body)
{
    const Json reply = Json::parse(protocol.answer(body), nullptr, false);
    REQUIRE(reply.is_object());
    return reply;
}

} // namespace

TEST_CASE("a tab report reaches the service whole and its verdict comes back with the id", "[hostprotocol]")
{
    RecordingService service;
    HostProtocol protocol(service);
    const Json reply = answer(protocol,
        R"({"type":"tab","id":7,"domain":"youtube.com","url":"https://youtube.com/watch?v=1","focused":true,)"
        R"("audible":true,"incognito":true,"event":"activated"})");
    REQUIRE(service.reports.size() == 1);
    const SiteReport &sent = service.reports.front();
    CHECK(sent.domain == "youtube.com");
    CHECK(sent.url == "https://youtube.com/watch?v=1");
    CHECK(sent.focused);
    CHECK(sent.audible);
    CHECK(sent.incognito);
    CHECK_FALSE(sent.checkOnly);
    CHECK(reply["type"] == "verdict");
    CHECK(reply["verdict"] == "over-budget");
    CHECK(reply["domain"] == "youtube.com");
    CHECK(reply["id"] == 7);
}

TEST_CASE("a check asks for the verdict only", "[hostprotocol]")
{
    RecordingService service;
    HostProtocol protocol(service);
    CHECK(answer(protocol, R"({"type":"check","domain":"vi.wikipedia.org"})")["type"] == "verdict");
    REQUIRE(service.reports.size() == 1);
    CHECK(service.reports.front().checkOnly);
    CHECK_FALSE(service.reports.front().focused);
}

TEST_CASE("asking for more time is a request naming the site", "[hostprotocol]")
{
    RecordingService service;
    HostProtocol protocol(service);
    const Json reply
        = answer(protocol, R"({"type":"ask","id":3,"domain":"scratch.mit.edu","minutes":30,"reason":"dự án"})");
    REQUIRE(service.asked.size() == 1);
    CHECK(service.asked.front().first == 30);
    CHECK(service.asked.front().second == "scratch.mit.edu: dự án");
    CHECK(reply["type"] == "asked");
    CHECK(reply["ok"] == true);
    CHECK(reply["id"] == 3);
    service.askReply = {false, "you asked a few minutes ago; wait for the answer"};
    const Json refused = answer(protocol, R"({"type":"ask","minutes":30})");
    CHECK(refused["ok"] == false);
    CHECK(refused["message"] == "you asked a few minutes ago; wait for the answer");
}

TEST_CASE("bad messages get an error that says what was wrong, and nothing reaches the service", "[hostprotocol]")
{
    RecordingService service;
    HostProtocol protocol(service);
    const auto errorFor = [&](const std::string &body) {
        const Json reply = answer(protocol, body);
        CHECK(reply["type"] == "error");
        return reply.value("message", std::string {});
    };
    CHECK(errorFor("{not json").find("not a JSON object") != std::string::npos);
    CHECK(errorFor(R"({"type":"tab","domain":"a)").find("not a JSON object") != std::string::npos); // cut short
    CHECK(errorFor("[1,2]").find("not a JSON object") != std::string::npos);
    CHECK(errorFor(std::string("{\"type\":\"tab\",\"domain\":\"\xff\xfe\"}")).find("UTF-8") != std::string::npos);
    CHECK(errorFor(R"({"domain":"x"})").find("type") != std::string::npos);
    CHECK(errorFor(R"({"type":"screenshot"})").find("unknown") != std::string::npos);
    CHECK(errorFor(R"({"type":"tab","domain":42})").find("domain") != std::string::npos);
    CHECK(errorFor(R"({"type":"tab","focused":"yes"})").find("focused") != std::string::npos);
    CHECK(errorFor(R"({"type":"tab","domain":")" + std::string(300, 'a') + R"("})").find("253") != std::string::npos);
    CHECK(errorFor(R"({"type":"tab","url":")" + std::string(9000, 'a') + R"("})").find("8192") != std::string::npos);
    CHECK(errorFor(R"({"type":"ask","minutes":0})").find("minutes") != std::string::npos);
    CHECK(errorFor(R"({"type":"ask","minutes":481})").find("minutes") != std::string::npos);
    CHECK(errorFor(R"({"type":"ask","minutes":"30"})").find("minutes") != std::string::npos);
    CHECK(service.reports.empty());
    CHECK(service.asked.empty());
}

TEST_CASE("the service's refusal or an unreadable answer is passed on as an error", "[hostprotocol]")
{
    RecordingService service;
    HostProtocol protocol(service);
    service.siteReply = {false, "only Sundial's browser host started by a browser may report sites"};
    CHECK(answer(protocol, R"({"type":"tab","domain":"a.test"})")["message"]
        == "only Sundial's browser host started by a browser may report sites");
    service.siteReply = {true, "not json"};
    CHECK(answer(protocol, R"({"type":"tab","domain":"a.test"})")["type"] == "error");
}
