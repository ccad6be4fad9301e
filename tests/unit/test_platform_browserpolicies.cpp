// SPDX-License-Identifier: GPL-3.0-or-later
// The browsers' policy files the service keeps, in a temporary /etc.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "agent/platform/browserpolicies.h"
#include "fakes/tempdir.h"

using sundial::platform::BrowserPolicies;
using sundial::platform::BrowserPolicyPaths;

namespace
{

std::string read(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("private windows off writes Chromium's file and Firefox's policy; on removes them", "[browserpolicies]")
{
    sundial::testing::TempDir etc;
    const BrowserPolicyPaths paths {etc.file("chromium/policies/managed"), etc.file("firefox/policies/policies.json")};
    const BrowserPolicies policies(paths);

    CHECK(policies.apply(true).empty());
    const auto chromium = nlohmann::json::parse(read(policies.chromiumPrivateOffFile()));
    CHECK(chromium["IncognitoModeAvailability"] == 1);
    CHECK(chromium["BrowserGuestModeEnabled"] == false);
    const auto firefox = nlohmann::json::parse(read(paths.firefoxPolicies));
    CHECK(firefox["policies"]["PrivateBrowsingModeAvailability"] == 1);
    CHECK(firefox["policies"]["ExtensionSettings"]["browser@sundial.org"]["installation_mode"] == "force_installed");
    struct stat file {
    };
    REQUIRE(::stat(paths.firefoxPolicies.c_str(), &file) == 0);
    CHECK((file.st_mode & 0777) == 0644); // the browsers run as the child

    CHECK(policies.apply(false).empty());
    CHECK_FALSE(std::filesystem::exists(policies.chromiumPrivateOffFile()));
    const auto allowed = nlohmann::json::parse(read(paths.firefoxPolicies));
    CHECK_FALSE(allowed["policies"].contains("PrivateBrowsingModeAvailability"));
    CHECK(allowed["policies"]["ExtensionSettings"].contains("browser@sundial.org"));
}

TEST_CASE("an administrator's own Firefox policies are left as they are, and the parent told what to add",
    "[browserpolicies]")
{
    sundial::testing::TempDir etc;
    std::filesystem::create_directories(etc.file("firefox/policies"));
    const std::string theirs = R"({"policies": {"DisableTelemetry": true}})";
    std::ofstream(etc.file("firefox/policies/policies.json")) << theirs;
    const BrowserPolicies policies({etc.file("chromium/policies/managed"), etc.file("firefox/policies/policies.json")});
    const auto problems = policies.apply(true);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(
        problems.front(), Catch::Contains("is not Sundial's") && Catch::Contains("PrivateBrowsingModeAvailability"));
    CHECK(read(etc.file("firefox/policies/policies.json")) == theirs);
    CHECK(std::filesystem::exists(policies.chromiumPrivateOffFile())); // Chromium's is a file of its own
}
