// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <catch2/catch.hpp>

#include "agent/platform/machinecountry.h"
#include "fakes/tempdir.h"

using namespace sundial;

namespace
{

// Sets (or unsets, with nullopt) an environment variable for the scope.
class ScopedVariable
{
public:
    ScopedVariable(const char *name, std::optional<std::string> value)
        : m_name(name)
    {
        if (const char *old = std::getenv(name)) {
            m_old = old;
        }
        value ? ::setenv(name, value->c_str(), 1) : ::unsetenv(name);
    }
    ~ScopedVariable() { m_old ? ::setenv(m_name, m_old->c_str(), 1) : ::unsetenv(m_name); }
    ScopedVariable(const ScopedVariable &) = delete;
    ScopedVariable &operator=(const ScopedVariable &) = delete;

private:
    const char *m_name;
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("The computer's country comes from its time zone, else its locale", "[platform][country]")
{
    testing::TempDir dir;
    platform::CountrySources sources;
    sources.zoneTab = dir.file("zone.tab");
    sources.localtime = dir.file("localtime");
    sources.timezoneFile = dir.file("timezone");
    std::ofstream {sources.zoneTab} << "# comment\n"
                                       "DE\t+5230+01322\tEurope/Berlin\tmost of Germany\n"
                                       "VN\t+1045+10640\tAsia/Ho_Chi_Minh\n";
    const ScopedVariable noLcAll {"LC_ALL", std::nullopt};
    const ScopedVariable noLcMessages {"LC_MESSAGES", std::nullopt};
    const ScopedVariable lang {"LANG", "C.UTF-8"};

    {
        const ScopedVariable tz {"TZ", "Asia/Ho_Chi_Minh"};
        CHECK(platform::zoneName(sources) == "Asia/Ho_Chi_Minh");
        CHECK(platform::machineCountry(sources) == "VN");
    }
    {
        const ScopedVariable tz {"TZ", ":/usr/share/zoneinfo/posix/Europe/Berlin"};
        CHECK(platform::zoneName(sources) == "Europe/Berlin");
        CHECK(platform::machineCountry(sources) == "DE");
    }
    {
        // TZ names /etc/localtime (as the service sets it): where the link points.
        const ScopedVariable tz {"TZ", ":" + sources.localtime};
        std::filesystem::create_symlink("/usr/share/zoneinfo/Asia/Ho_Chi_Minh", sources.localtime);
        CHECK(platform::machineCountry(sources) == "VN");
        std::filesystem::remove(sources.localtime);
        // A copy, not a link: Debian's /etc/timezone.
        std::ofstream {sources.localtime} << "TZif";
        std::ofstream {sources.timezoneFile} << "Europe/Berlin\n";
        CHECK(platform::machineCountry(sources) == "DE");
    }
    {
        // A zone with no country: the locale's territory.
        const ScopedVariable tz {"TZ", "UTC"};
        std::filesystem::remove(sources.timezoneFile);
        CHECK(platform::machineCountry(sources).empty());
        const ScopedVariable vietnamese {"LANG", "vi_VN.UTF-8"};
        CHECK(platform::machineCountry(sources) == "VN");
        const ScopedVariable messages {"LC_MESSAGES", "de_DE@euro"};
        CHECK(platform::machineCountry(sources) == "DE");
    }
    CHECK(platform::countryOfZone("Europe/Paris", sources.zoneTab).empty());
    CHECK(platform::countryOfZone("Europe/Berlin", dir.file("missing")).empty());
}
