// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "agent/platform/desktopentries.h"
#include "fakes/tempdir.h"

using namespace sundial;
using platform::DesktopEntries;

namespace
{

void write(const std::filesystem::path &path, const std::string &text)
{
    std::filesystem::create_directories(path.parent_path());
    std::ofstream {path} << text;
}

// An executable ELF file: a copy of a real program (its bytes do not matter, only its magic).
std::string program(const testing::TempDir &dir, const std::string &name)
{
    const std::filesystem::path path = dir.path() / "bin" / name;
    std::filesystem::create_directories(path.parent_path());
    std::filesystem::copy_file("/bin/true", path, std::filesystem::copy_options::overwrite_existing);
    return std::filesystem::canonical(path).string();
}

std::string entry(const std::string &exec, const std::string &extra = {})
{
    return "[Desktop Entry]\nType=Application\nName=Some app\nExec=" + exec + "\n" + extra
        + "[Desktop Action other]\nExec=/somewhere/else\n";
}

const auto now = std::chrono::steady_clock::time_point {} + std::chrono::hours {1};

} // namespace

TEST_CASE("A window's label is contradicted when the system's entry for it runs another executable",
    "[platform][desktopentries]")
{
    testing::TempDir dir;
    const std::string gcompris = program(dir, "gcompris-qt");
    const std::string game = program(dir, "game");
    const std::string apps = (dir.path() / "apps").string();
    write(apps + "/org.kde.gcompris.desktop",
        entry(gcompris + " %U", "Categories=Qt;KDE;Education;Game;\nStartupWMClass=GCompris\n"));
    write(apps + "/game.desktop", entry("env LANG=C " + game, "Categories=Game;ArcadeGame;\n"));
    DesktopEntries entries {{apps}, {(dir.path() / "bin").string()}};

    SECTION("by its id, its StartupWMClass or its id's last part, in any case")
    {
        for (const char *label : {"org.kde.gcompris", "GCompris", "gcompris", "ORG.KDE.GCOMPRIS"}) {
            CAPTURE(label);
            CHECK(entries.contradicts(label, game, now));
            CHECK_FALSE(entries.contradicts(label, gcompris, now));
        }
    }
    SECTION("labels without an entry are not contradicted, and the category is the first main one")
    {
        CHECK_FALSE(entries.contradicts("made-up-id", game, now));
        REQUIRE(entries.byLabel("org.kde.gcompris", now));
        CHECK(entries.byLabel("org.kde.gcompris", now)->mainCategory == "Education");
        // Exec through env, with an assignment, still names the program.
        REQUIRE(entries.byProgram(game, now));
        CHECK(entries.byProgram(game, now)->id == "game");
        CHECK(entries.byProgram(game, now)->mainCategory == "Game");
    }
}

TEST_CASE("An entry that starts a script or a launcher vouches for no executable", "[platform][desktopentries]")
{
    testing::TempDir dir;
    const std::string game = program(dir, "game");
    const std::string script = (dir.path() / "bin" / "chromium").string();
    write(script, "#!/bin/sh\nexec /usr/lib/chromium/chromium \"$@\"\n");
    std::filesystem::permissions(script, std::filesystem::perms::owner_all);
    const std::string apps = (dir.path() / "apps").string();
    write(apps + "/chromium.desktop", entry("chromium %U", "Categories=Network;WebBrowser;\n"));
    write(apps + "/org.example.Flat.desktop", entry("/usr/bin/flatpak run org.example.Flat"));
    write(apps + "/missing.desktop", entry("/does/not/exist"));
    DesktopEntries entries {{apps}, {(dir.path() / "bin").string(), "/usr/bin"}};

    CHECK_FALSE(entries.contradicts("chromium", game, now));
    CHECK_FALSE(entries.contradicts("org.example.Flat", game, now));
    CHECK_FALSE(entries.contradicts("missing", game, now));
    // Its category is still the system's.
    REQUIRE(entries.byLabel("chromium", now));
    CHECK(entries.byLabel("chromium", now)->mainCategory == "Network");
}

TEST_CASE("Earlier directories hide later ones, hidden entries hide too, and changes are read again",
    "[platform][desktopentries]")
{
    testing::TempDir dir;
    const std::string first = program(dir, "first");
    const std::string second = program(dir, "second");
    const std::string local = (dir.path() / "local").string();
    const std::string system = (dir.path() / "system").string();
    write(system + "/app.desktop", entry(second));
    write(system + "/gone.desktop", entry(second));
    write(local + "/app.desktop", entry(first));
    write(local + "/gone.desktop", "[Desktop Entry]\nType=Application\nHidden=true\n");
    // A subdirectory's entries have ids with '-' for '/'.
    write(system + "/kde4/tool.desktop", entry(first));
    DesktopEntries entries {{local, system}, {}, std::chrono::seconds {10}};

    CHECK(entries.contradicts("app", second, now));
    CHECK_FALSE(entries.contradicts("gone", first, now));
    CHECK(entries.byLabel("kde4-tool", now));
    CHECK(entries.byProgram(second, now) == nullptr); // only hidden entries ran it

    // A program two entries run names neither.
    CHECK(entries.byProgram(first, now) == nullptr);

    write(local + "/new.desktop", entry(second));
    // Not looked at again before the interval...
    CHECK(entries.byLabel("new", now + std::chrono::seconds {1}) == nullptr);
    // ...then seen, the directory having changed.
    std::filesystem::last_write_time(local, std::filesystem::file_time_type::clock::now() + std::chrono::seconds {5});
    CHECK(entries.byLabel("new", now + std::chrono::seconds {11}));
}

TEST_CASE(
    "The system's application directories come from XDG_DATA_DIRS, never the user's", "[platform][desktopentries]")
{
    using Dirs = std::vector<std::string>;
    CHECK(DesktopEntries::systemApplicationDirs(nullptr)
        == Dirs {"/usr/local/share/applications", "/usr/share/applications",
            "/var/lib/flatpak/exports/share/applications", "/var/lib/snapd/desktop/applications"});
    CHECK(DesktopEntries::systemApplicationDirs("/opt/share/:relative:/usr/share")
        == Dirs {"/opt/share/applications", "/usr/share/applications", "/var/lib/flatpak/exports/share/applications",
            "/var/lib/snapd/desktop/applications"});
}

TEST_CASE("What downtime needs from an entry: its command, localized names, browsers, every entry of a program, "
          "a category's entries",
    "[platform][desktopentries]")
{
    testing::TempDir dir;
    const std::string atlas = program(dir, "atlas");
    const std::string browser = program(dir, "browser");
    const std::string apps = (dir.path() / "apps").string();
    write(apps + "/org.example.Atlas.desktop",
        entry(atlas + " --new-window %F \"two words\" 100%%",
            "Name[vi]=Bản đồ\nName[jv]=Peta ꦥꦺꦠ\nIcon=atlas\nCategories=Education;Geography;\n"));
    write(apps + "/org.example.AtlasKiosk.desktop", entry(atlas + " --kiosk", "Categories=Education;\n"));
    write(apps + "/org.example.Browser.desktop", entry(browser + " %u", "Categories=Network;WebBrowser;\n"));
    DesktopEntries entries {{apps}, {(dir.path() / "bin").string()}};

    const DesktopEntries::Entry *found = entries.byLabel("org.example.Atlas", now);
    REQUIRE(found);
    // Field codes left out, quotes undone, %% as %.
    CHECK(found->command == std::vector<std::string> {atlas, "--new-window", "two words", "100%"});
    CHECK(found->localizedNames.at("vi") == "Bản đồ");
    CHECK(found->localizedNames.at("jv") == "Peta ꦥꦺꦠ");
    CHECK_FALSE(found->webBrowser);
    REQUIRE(entries.byLabel("org.example.Browser", now));
    CHECK(entries.byLabel("org.example.Browser", now)->webBrowser);
    // Two entries run atlas: byProgram names neither, allByProgram gives both.
    CHECK_FALSE(entries.byProgram(atlas, now));
    CHECK(entries.allByProgram(atlas, now).size() == 2);
    CHECK(entries.allByProgram("/usr/bin/not-installed", now).empty());
    const std::vector<const DesktopEntries::Entry *> education = entries.inCategory("education", now);
    REQUIRE(education.size() == 2);
    CHECK(education[0]->id == "org.example.Atlas");
    CHECK(education[1]->id == "org.example.AtlasKiosk");
}
