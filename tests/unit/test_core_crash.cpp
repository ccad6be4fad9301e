// SPDX-License-Identifier: GPL-3.0-or-later
// A process killed with SIGKILL in the middle of writing leaves a database that opens cleanly
// with every committed row present. The writer is tests/tools/crashwriter.cpp, run as a real
// process; it prints "committed N" after each commit and the test kills it while it writes.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <spawn.h>
#include <string>
#include <string_view>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "agent/core/auditlog.h"
#include "agent/core/database.h"
#include "agent/core/usagereport.h"
#include "fakes/tempdir.h"

extern char **environ;

namespace
{

using namespace sundial;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// How long one writer may take to reach its kill point before the test gives up on it.
constexpr auto kWriterTimeout = 60s;

// A running crashwriter whose stdout the test reads. Whatever happens to the test, the
// process is killed and reaped when this goes out of scope.
class Writer
{
public:
    Writer(const std::string &database, const char *mode)
    {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) {
            return;
        }
        m_fd = fds[0];
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        std::string program = SUNDIAL_CRASHWRITER;
        std::string path = database;
        std::string how = mode;
        char *argv[] = {program.data(), path.data(), how.data(), nullptr};
        if (::posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv, environ) != 0) {
            m_pid = -1;
        }
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
    }
    ~Writer()
    {
        if (m_pid > 0) {
            killNow();
        }
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    bool started() const { return m_pid > 0 && m_fd >= 0; }
    // The highest N the writer printed so far.
    long long committed() const { return m_committed; }

    // Reads until the writer has printed N >= `threshold`. False if it stopped printing (it
    // exited, or the deadline passed).
    bool waitFor(long long threshold, SteadyClock::time_point deadline)
    {
        while (m_committed < threshold) {
            if (!readSome(deadline)) {
                return false;
            }
        }
        return true;
    }

    // SIGKILL, then reads what the writer printed before it died. Returns the wait status, or
    // -1 if the process could not be reaped in time.
    int killNow()
    {
        ::kill(m_pid, SIGKILL);
        int status = -1;
        const auto deadline = SteadyClock::now() + 10s;
        while (SteadyClock::now() < deadline) {
            const pid_t reaped = ::waitpid(m_pid, &status, WNOHANG);
            if (reaped == m_pid) {
                m_pid = -1;
                break;
            }
            if (reaped < 0) {
                m_pid = -1;
                status = -1;
                break;
            }
            std::this_thread::sleep_for(5ms);
        }
        // Its end of the pipe is closed now: drain to end of file.
        while (m_fd >= 0 && readSome(SteadyClock::now() + 5s)) { }
        return status;
    }

private:
    bool readSome(SteadyClock::time_point deadline)
    {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
        if (left <= 0ms) {
            return false;
        }
        pollfd waiting {m_fd, POLLIN, 0};
        if (::poll(&waiting, 1, static_cast<int>(left.count())) <= 0) {
            return false;
        }
        char chunk[4096];
        const ssize_t got = ::read(m_fd, chunk, sizeof chunk);
        if (got <= 0) {
            return false;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(got));
        for (std::size_t newline; (newline = m_buffer.find('\n')) != std::string::npos;) {
            const std::string line = m_buffer.substr(0, newline);
            m_buffer.erase(0, newline + 1);
            constexpr std::string_view kPrefix = "committed ";
            if (line.starts_with(kPrefix)) {
                m_committed = std::max(m_committed, std::stoll(line.substr(kPrefix.size())));
            }
        }
        return true;
    }

    pid_t m_pid = -1;
    int m_fd = -1;
    std::string m_buffer;
    long long m_committed = 0;
};

bool fileExists(const std::string &path)
{
    struct stat info {
    };
    return ::stat(path.c_str(), &info) == 0;
}

std::string integrityCheck(core::Database &db)
{
    core::Statement check = db.prepare("PRAGMA integrity_check");
    std::string result;
    while (check.step()) {
        result += (result.empty() ? "" : "; ") + check.text(0);
    }
    return result;
}

std::int64_t scalar(core::Database &db, const char *sql)
{
    core::Statement statement = db.prepare(sql);
    REQUIRE(statement.ok());
    REQUIRE(statement.step());
    return statement.integer(0);
}

// Runs the writer on `path` until it has printed `threshold`, lets it write on for `extra`,
// kills it and returns the last N it printed.
long long runAndKill(const std::string &path, const char *mode, long long threshold, std::chrono::microseconds extra)
{
    Writer writer {path, mode};
    REQUIRE(writer.started());
    INFO("the writer never reached " << threshold << " commits (it printed " << writer.committed() << ")");
    REQUIRE(writer.waitFor(threshold, SteadyClock::now() + kWriterTimeout));
    std::this_thread::sleep_for(extra);
    const int status = writer.killNow();
    // It died of the kill, in the middle of its loop, not of an error of its own.
    REQUIRE(WIFSIGNALED(status));
    REQUIRE(WTERMSIG(status) == SIGKILL);
    REQUIRE(writer.committed() >= threshold);
    // The kill left the write-ahead log behind for the next open to recover.
    CHECK(fileExists(path + "-wal"));
    return writer.committed();
}

struct KillPoint {
    long long more; // commits to wait for beyond the previous run's
    std::chrono::microseconds extra;
};

// Each run continues the file the previous one was killed in.
constexpr KillPoint kKillPoints[]
    = {{40, 0us}, {200, 300us}, {450, 2000us}, {120, 50us}, {300, 10us}, {60, 700us}, {250, 0us}, {500, 1500us}};

} // namespace

TEST_CASE(
    "A writer killed while appending audit rows leaves every committed row, and the chain intact", "[core][crash]")
{
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    long long rows = 0;
    for (const KillPoint &point : kKillPoints) {
        const long long printed = runAndKill(path, "audit", rows + point.more, point.extra);
        INFO("killed after it printed " << printed << " rows");

        auto db = core::Database::open(path);
        REQUIRE(db.ok());
        CHECK_FALSE((*db)->report().recovered);
        CHECK((*db)->report().problem.empty());
        CHECK(integrityCheck(**db) == "ok");

        const core::ChainState chain = core::AuditLog {**db}.verify();
        INFO("the chain breaks at row " << chain.brokenAt.value_or(0) << " of " << chain.rows);
        CHECK(chain.intact);
        CHECK_FALSE(chain.brokenAt.has_value());
        // Every printed row is there; at most one more was committed and not yet printed.
        CHECK(chain.rows >= printed);
        CHECK(chain.rows <= printed + 1);
        CHECK(scalar(**db, "SELECT COUNT(*) FROM audit") == chain.rows);
        CHECK(scalar(**db, "SELECT MAX(id) FROM audit") == chain.rows);
        rows = chain.rows;
    }
}

TEST_CASE(
    "A writer killed while flushing activity leaves every committed second, with rollups that agree", "[core][crash]")
{
    constexpr std::int64_t kChild = 1000;
    const core::LocalDate from {std::chrono::year {2025} / 1 / 1};
    const core::LocalDate to {std::chrono::year {2026} / 1 / 1};
    testing::TempDir dir;
    const std::string path = dir.file("sundial.db");
    long long seconds = 0;
    for (const KillPoint &point : kKillPoints) {
        // The writer prints seconds: 60 more for each commit (55 for the first of a run).
        const long long printed = runAndKill(path, "activity", seconds + point.more * 60, point.extra);
        INFO("killed after it printed " << printed << " s");

        auto db = core::Database::open(path);
        REQUIRE(db.ok());
        CHECK_FALSE((*db)->report().recovered);
        CHECK(integrityCheck(**db) == "ok");

        core::ActivityStore store {**db};
        const core::UsageReport report {store};
        std::chrono::seconds active {0};
        std::chrono::seconds charged {0};
        for (const core::DayTotal &total : report.dayTotals(kChild, from, to)) {
            active += total.active;
            charged += total.charged;
        }
        // Every printed second is there; at most one more flush (60 s) was not yet printed.
        CHECK(active.count() >= printed);
        CHECK(active.count() <= printed + 60);
        CHECK(charged == active);
        // Rows and rollups are written in one transaction: they never disagree after a crash.
        CHECK(scalar(**db, "SELECT COALESCE(SUM(end - start), 0) FROM activity WHERE flags & 1") == active.count());
        CHECK(scalar(**db, "SELECT COALESCE(SUM(active_s), 0) FROM hourly_usage") == active.count());
        CHECK(scalar(**db, "SELECT COALESCE(SUM(active_s), 0) FROM daily_usage WHERE dim = 1") == active.count());
        seconds = active.count();
    }
}
