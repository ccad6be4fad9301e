// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessControl: finds a user's processes by their executable (from /proc/PID/exe, never by
// name) and ends them through pidfds, so once opened no recycled pid is hit.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace sundial::platform
{

// Processes of `uid` (its real uid; for a process not owned by root, /proc's owner, its
// effective uid, which saves reading every process's status) and whose program (launchedProgram: the executable, or
// what the dynamic loader was asked to run) satisfies `matches`. Never lists pid 1, kernel threads, or processes of any
// other user. The pids are found first and opened later (ProcessGroupEnder): a pid recycled in between can be hit; the
// window is the time between.
std::vector<pid_t> findProcessesOf(
    uid_t uid, const std::function<bool(const std::string &exe)> &matches, const std::string &procRoot = "/proc");
// A process of `uid` (as above) that runs `program` (or `program` replaced while it runs,
// "PATH (deleted)"), or none: the cheap form of the question, each process's program read before
// its owner, the owner only for a match.
std::optional<pid_t> processRunning(uid_t uid, const std::string &program, const std::string &procRoot = "/proc");
// The same, with the pid given to `matches` too (to read the process's files through /proc).
std::vector<pid_t> findProcessesOf(uid_t uid, const std::function<bool(pid_t pid, const std::string &exe)> &matches,
    const std::string &procRoot = "/proc");

struct ProcessInfo {
    pid_t pid = 0;
    pid_t parent = 0; // 0 when it could not be read
    std::string program; // launchedProgram
};
// Every process of `uid` (as findProcessesOf), with its parent.
std::vector<ProcessInfo> processesOf(uid_t uid, const std::string &procRoot = "/proc");

// A set of processes being ended: SIGTERM now, SIGKILL later for what is left.
class ProcessGroupEnder
{
public:
    // Opens a pidfd for each pid (ones already gone are skipped).
    explicit ProcessGroupEnder(const std::vector<pid_t> &pids);
    ~ProcessGroupEnder();
    ProcessGroupEnder(const ProcessGroupEnder &) = delete;
    ProcessGroupEnder &operator=(const ProcessGroupEnder &) = delete;

    // Sends `signal` to every process still alive; returns how many got it.
    int signalAll(int signal);
    // How many of the processes are still running.
    int alive() const;

private:
    std::vector<int> m_pidfds;
};

} // namespace sundial::platform
