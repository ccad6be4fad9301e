// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/browserpolicies.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

namespace sundial::platform
{

namespace
{

using Json = nlohmann::json;

constexpr const char *kFirefoxExtensionId = "browser@sundial.org";
constexpr const char *kChromiumPrivateOff = R"({
  "IncognitoModeAvailability": 1,
  "BrowserGuestModeEnabled": false
}
)";

// Writes `text` to `path` through a temporary file renamed over it, mode 0644. Empty or why not.
std::string writeWhole(const std::string &path, const std::string &text)
{
    std::error_code error;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
    if (error) {
        return "cannot make the folder of " + path + ": " + error.message();
    }
    const std::string temporary = path + ".sundial-new";
    {
        std::ofstream out(temporary, std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            std::remove(temporary.c_str());
            return "cannot write " + temporary;
        }
    }
    ::chmod(temporary.c_str(), 0644);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        std::remove(temporary.c_str());
        return "cannot replace " + path + ": " + why;
    }
    return {};
}

// Whether the policies.json at `path` is absent or one Sundial wrote (it forces our extension).
bool firefoxFileIsOurs(const std::string &path)
{
    std::ifstream in(path);
    if (!in) {
        return !std::filesystem::exists(path);
    }
    std::stringstream text;
    text << in.rdbuf();
    const Json policies = Json::parse(text.str(), nullptr, false);
    if (!policies.is_object()) {
        return false;
    }
    const Json *settings = nullptr;
    if (const auto found = policies.find("policies"); found != policies.end() && found->is_object()) {
        if (const auto extensions = found->find("ExtensionSettings");
            extensions != found->end() && extensions->is_object()) {
            settings = &*extensions;
        }
    }
    return settings && settings->contains(kFirefoxExtensionId) && policies.size() == 1;
}

} // namespace

BrowserPolicies::BrowserPolicies(BrowserPolicyPaths paths)
    : m_paths(std::move(paths))
{
}

std::string BrowserPolicies::chromiumPrivateOffFile() const
{
    return m_paths.chromiumManagedDir + "/sundial-private-windows-off.json";
}

std::string BrowserPolicies::firefoxPolicies(bool privateWindowsOff)
{
    Json policies = {
        {"ExtensionSettings",
            {{kFirefoxExtensionId,
                {{"installation_mode", "force_installed"},
                    {"install_url", "file:///usr/share/sundial/browser/sundial-browser.xpi"},
                    {"private_browsing", true}}}}},
        // Firefox ESR installs an add-on that addons.mozilla.org did not sign only with this.
        {"Preferences", {{"xpinstall.signatures.required", {{"Value", false}, {"Status", "locked"}}}}},
        {"DisableSafeMode", true},
    };
    if (privateWindowsOff) {
        policies["PrivateBrowsingModeAvailability"] = 1;
    }
    return Json {{"policies", policies}}.dump(2) + "\n";
}

std::vector<std::string> BrowserPolicies::apply(bool privateWindowsOff) const
{
    std::vector<std::string> problems;
    const std::string chromium = chromiumPrivateOffFile();
    if (privateWindowsOff) {
        if (std::string problem = writeWhole(chromium, kChromiumPrivateOff); !problem.empty()) {
            problems.push_back("Chromium: " + problem);
        }
    } else if (std::filesystem::exists(chromium)) {
        std::error_code error;
        if (!std::filesystem::remove(chromium, error) && error) {
            problems.push_back("Chromium: cannot remove " + chromium + ": " + error.message());
        }
    }
    if (!firefoxFileIsOurs(m_paths.firefoxPolicies)) {
        problems.push_back("Firefox: " + m_paths.firefoxPolicies
            + " is not Sundial's and was left as it is; add to its \"policies\": "
            + Json::parse(firefoxPolicies(privateWindowsOff))["policies"].dump());
    } else if (std::string problem = writeWhole(m_paths.firefoxPolicies, firefoxPolicies(privateWindowsOff));
               !problem.empty()) {
        problems.push_back("Firefox: " + problem);
    }
    return problems;
}

} // namespace sundial::platform
