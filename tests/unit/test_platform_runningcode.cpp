// SPDX-License-Identifier: GPL-3.0-or-later
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "agent/platform/runningcode.h"
#include "agent/platform/samecontent.h"
#include "fakes/tempdir.h"

using namespace sundial;

namespace
{

// A process running `program` for as long as the test needs it.
class Running
{
public:
    explicit Running(const std::string &program)
        : m_pid(::fork())
    {
        if (m_pid == 0) {
            ::execl(program.c_str(), program.c_str(), "30", static_cast<char *>(nullptr));
            ::_exit(127);
        }
        // Until the exec has replaced the forked test binary.
        for (int tries = 0; tries < 200 && platform::programCode(m_pid, program).empty(); ++tries) {
            std::this_thread::sleep_for(std::chrono::milliseconds {10});
        }
    }
    ~Running()
    {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    Running(const Running &) = delete;
    Running &operator=(const Running &) = delete;
    pid_t pid() const { return m_pid; }

private:
    pid_t m_pid;
};

std::string copyOf(testing::TempDir &dir, const std::string &from, const std::string &name)
{
    const std::string to = dir.file(name);
    std::filesystem::copy_file(from, to);
    std::filesystem::permissions(to, std::filesystem::perms::owner_all);
    return to;
}

} // namespace

TEST_CASE("The code a process runs is compared with a file's bytes at the same offsets", "[platform][runningcode]")
{
    testing::TempDir dir;
    const std::string sleep = "/usr/bin/sleep";
    const Running running {sleep};
    const std::vector<platform::CodeMapping> code = platform::programCode(running.pid(), sleep);
    REQUIRE_FALSE(code.empty());
    CHECK(platform::runsCodeOf(running.pid(), code, sleep));
    // A copy has the same bytes: the same code.
    const std::string copy = copyOf(dir, sleep, "game");
    CHECK(platform::runsCodeOf(running.pid(), code, copy));
    // One byte changed inside the executable part is another program.
    const std::string changed = copyOf(dir, sleep, "changed");
    {
        std::fstream file {changed, std::ios::in | std::ios::out | std::ios::binary};
        file.seekg(static_cast<std::streamoff>(code.front().offset + 100));
        const char byte = static_cast<char>(file.get());
        file.seekp(static_cast<std::streamoff>(code.front().offset + 100));
        file.put(static_cast<char>(byte ^ 0x5a));
    }
    CHECK_FALSE(platform::runsCodeOf(running.pid(), code, changed));
    CHECK_FALSE(platform::runsCodeOf(running.pid(), code, "/usr/bin/true"));
    CHECK_FALSE(platform::runsCodeOf(running.pid(), code, dir.file("missing")));
    CHECK_FALSE(platform::runsCodeOf(running.pid(), {}, sleep));
    // Another file's mappings are not the program's.
    CHECK(platform::programCode(running.pid(), "/usr/bin/true").empty());
}

TEST_CASE("A copy that runs is recognised by its running code too", "[platform][runningcode]")
{
    testing::TempDir dir;
    const std::string copy = copyOf(dir, "/usr/bin/sleep", "x");
    const Running running {copy};
    const std::vector<platform::CodeMapping> code = platform::programCode(running.pid(), copy);
    REQUIRE_FALSE(code.empty());
    CHECK(platform::runsCodeOf(running.pid(), code, "/usr/bin/sleep"));

    platform::SameContentFinder finder;
    finder.setReferences({"/usr/bin/true", "/usr/bin/sleep"});
    CHECK(finder.referenceForProcess(running.pid(), copy) == "/usr/bin/sleep");
    // Deleted while it runs: read through /proc/PID/exe.
    std::filesystem::remove(copy);
    CHECK(finder.referenceForProcess(running.pid(), copy) == "/usr/bin/sleep");
    finder.setReferences({"/usr/bin/true"});
    CHECK_FALSE(finder.referenceForProcess(running.pid(), copy));
}

TEST_CASE("Only the program's executable mappings are read from /proc/PID/maps", "[platform][runningcode]")
{
    testing::TempDir root;
    std::filesystem::create_directories(root.file("42"));
    std::ofstream {root.file("42/maps")}
        << "55d0c0000000-55d0c0002000 r--p 00000000 00:2d 7 /tmp/.mount_a b/usr/bin/game\n"
           "55d0c0002000-55d0c0006000 r-xp 00002000 00:2d 7 /tmp/.mount_a b/usr/bin/game\n"
           "55d0c0006000-55d0c0007000 rw-p 00006000 00:2d 7 /tmp/.mount_a b/usr/bin/game\n"
           "7f0000000000-7f0000010000 r-xp 00001000 08:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6\n"
           "7f0000020000-7f0000030000 r-xp 00009000 00:2d 7 /tmp/.mount_a b/usr/bin/game (deleted)\n"
           "7ffd00000000-7ffd00001000 r-xp 00000000 00:00 0 [vdso]\n"
           "garbage line\n";
    const std::vector<platform::CodeMapping> code
        = platform::programCode(42, "/tmp/.mount_a b/usr/bin/game", root.path().string());
    REQUIRE(code.size() == 2);
    CHECK(code[0].start == 0x55d0c0002000ULL);
    CHECK(code[0].end == 0x55d0c0006000ULL);
    CHECK(code[0].offset == 0x2000);
    CHECK(code[0].device == "00:2d");
    CHECK(code[0].inode == 7);
    CHECK(code[1].offset == 0x9000);
    CHECK(platform::programCode(43, "/usr/bin/game", root.path().string()).empty());
}
