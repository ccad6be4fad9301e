// SPDX-License-Identifier: GPL-3.0-or-later
#include <climits>
#include <fstream>
#include <string>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "agent/platform/launchedprogram.h"
#include "agent/platform/samecontent.h"
#include "fakes/tempdir.h"

using namespace sundial;
using namespace std::string_literals;

TEST_CASE("A program started through the dynamic loader is the program, not the loader", "[platform][launched]")
{
    CHECK(platform::isDynamicLoader("/lib64/ld-linux-x86-64.so.2"));
    CHECK(platform::isDynamicLoader("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"));
    CHECK(platform::isDynamicLoader("/lib/ld-2.36.so"));
    CHECK_FALSE(platform::isDynamicLoader("/usr/games/ld-game"));
    CHECK_FALSE(platform::isDynamicLoader("/usr/bin/sleep"));

    const std::string loader = "/lib64/ld-linux-x86-64.so.2";
    CHECK(platform::launchedProgram(loader, loader + "\0/usr/bin/sleep\0"s + "100\0"s) == "/usr/bin/sleep");
    // Its options, with and without values, are passed over.
    CHECK(platform::launchedProgram(
              loader, loader + "\0--library-path\0/tmp/x\0--inhibit-cache\0/usr/bin/sleep\0"s + "5\0"s)
        == "/usr/bin/sleep");
    CHECK(platform::launchedProgram(loader, loader + "\0--argv0\0homework\0/usr/bin/sleep\0"s) == "/usr/bin/sleep");
    // The loader alone, and any other program, are themselves.
    CHECK(platform::launchedProgram(loader, loader + "\0--help\0"s) == loader);
    CHECK(platform::launchedProgram("/usr/bin/sleep", "/usr/bin/sleep\0/usr/bin/other\0"s) == "/usr/bin/sleep");
}

TEST_CASE("A copy of a named executable is recognised by its bytes, whatever its name", "[platform][samecontent]")
{
    testing::TempDir dir;
    const auto write = [&](const std::string &name, const std::string &bytes) {
        std::ofstream {dir.file(name), std::ios::binary} << bytes;
        return dir.file(name);
    };
    const std::string game = write("game", std::string(200'000, 'g') + "end");
    const std::string copy = write("x", std::string(200'000, 'g') + "end");
    const std::string sameSize = write("homework", std::string(200'000, 'g') + "eNd");
    const std::string other = write("other", "short");

    platform::SameContentFinder finder;
    finder.setReferences({game});
    CHECK(finder.referenceFor(game) == game);
    CHECK(finder.referenceFor(copy) == game);
    CHECK_FALSE(finder.referenceFor(sameSize)); // same size, one byte differs
    CHECK_FALSE(finder.referenceFor(other));
    CHECK_FALSE(finder.referenceFor(dir.file("missing")));
    CHECK_FALSE(finder.referenceFor(dir.path().string())); // a folder

    // A file changed in place is read again (its modification time changed).
    write("x", "now something else entirely");
    CHECK_FALSE(finder.referenceFor(copy));
    finder.setReferences({});
    CHECK_FALSE(finder.referenceFor(copy));
}

TEST_CASE("A copy hidden from the service's view of the files is read through the process running it",
    "[platform][samecontent]")
{
    testing::TempDir dir;
    const std::string game = dir.file("game");
    std::ofstream {game, std::ios::binary} << std::string(4096, 'g');
    platform::SameContentFinder finder;
    finder.setReferences({game});
    // The reported path does not open here (ProtectHome, PrivateTmp); the bytes come through
    // another path to the same file, as /proc/PID/exe gives them.
    CHECK_FALSE(finder.referenceFor("/home/kid/x"));
    CHECK(finder.referenceFor("/home/kid/x", game) == game);

    // This very process: /proc/PID/exe is the program itself, so the link is offered; a
    // program it is not running gets none.
    char self[PATH_MAX];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    REQUIRE(length > 0);
    const std::string program {self, static_cast<std::size_t>(length)};
    CHECK(platform::executableLink(::getpid(), program) == "/proc/" + std::to_string(::getpid()) + "/exe");
    CHECK(platform::executableLink(::getpid(), "/usr/bin/other").empty());
}
