// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/processcontrol.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>

#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "agent/platform/launchedprogram.h"
#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

// Whose process it is, as cheaply as it can be told (a scan looks at every process): /proc/PID
// belongs to the process's effective uid, so a directory owned by another uid than root is that
// uid's process (one stat). Only a root-owned one (a root process, a kernel thread, or a process
// that made itself non-dumpable, setuid programs the user started) has its status read for the
// real uid ("Uid:\treal\teffective\tsaved\tfs").
bool processUid(const std::string &dir, uid_t &uid)
{
    struct stat info {
    };
    if (::stat(dir.c_str(), &info) != 0) {
        return false;
    }
    if (info.st_uid != 0) {
        uid = info.st_uid;
        return true;
    }
    const std::optional<std::string> status = readFilePrefix(dir + "/status", 4096);
    const std::size_t line = status ? status->find("\nUid:") : std::string::npos;
    if (line == std::string::npos) {
        return false;
    }
    uid = static_cast<uid_t>(std::strtoul(status->c_str() + line + 5, nullptr, 10));
    return true;
}

int pidfdOpen(pid_t pid)
{
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
}

int pidfdSendSignal(int pidfd, int signal)
{
    return static_cast<int>(::syscall(SYS_pidfd_send_signal, pidfd, signal, nullptr, 0));
}

// Calls `visit(pid, program)` for every process but pid 1 that runs a program (launchedProgram),
// until it returns false. The program is read first: a kernel thread (most of a machine's
// processes) has none and is passed over with one failed readlink, before its owner is read.
void forEachProgram(
    const std::string &procRoot, const std::function<bool(pid_t pid, const std::string &program)> &visit)
{
    DIR *proc = ::opendir(procRoot.c_str());
    if (!proc) {
        return;
    }
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || pid <= 1) {
            continue;
        }
        const std::string program = launchedProgram(static_cast<pid_t>(pid), procRoot);
        if (!program.empty() && !visit(static_cast<pid_t>(pid), program)) {
            break;
        }
    }
    ::closedir(proc);
}

} // namespace

std::vector<pid_t> findProcessesOf(
    uid_t uid, const std::function<bool(const std::string &exe)> &matches, const std::string &procRoot)
{
    return findProcessesOf(
        uid, [&matches](pid_t, const std::string &exe) { return matches(exe); }, procRoot);
}

std::vector<pid_t> findProcessesOf(
    uid_t uid, const std::function<bool(pid_t pid, const std::string &exe)> &matches, const std::string &procRoot)
{
    std::vector<pid_t> pids;
    if (uid == 0) {
        return pids;
    }
    forEachProgram(procRoot, [&](pid_t pid, const std::string &program) {
        uid_t owner = 0;
        if (processUid(procRoot + "/" + std::to_string(pid), owner) && owner == uid && matches(pid, program)) {
            pids.push_back(pid);
        }
        return true;
    });
    return pids;
}

std::vector<ProcessInfo> processesOf(uid_t uid, const std::string &procRoot)
{
    std::vector<ProcessInfo> processes;
    findProcessesOf(
        uid,
        [&](pid_t pid, const std::string &program) {
            ProcessInfo process {pid, 0, program};
            // "PID (NAME) STATE PPID ...": the name may hold anything, so read after its last ')'.
            const std::optional<std::string> stat
                = readFilePrefix(procRoot + "/" + std::to_string(pid) + "/stat", 1024);
            const std::size_t close = stat ? stat->rfind(')') : std::string::npos;
            if (close != std::string::npos && close + 4 < stat->size()) {
                process.parent = static_cast<pid_t>(std::strtol(stat->c_str() + close + 4, nullptr, 10));
            }
            processes.push_back(std::move(process));
            return false;
        },
        procRoot);
    return processes;
}

std::optional<pid_t> processRunning(uid_t uid, const std::string &program, const std::string &procRoot)
{
    std::optional<pid_t> found;
    if (uid == 0) {
        return found;
    }
    const std::string replaced = program + " (deleted)";
    forEachProgram(procRoot, [&](pid_t pid, const std::string &runs) {
        uid_t owner = 0;
        if ((runs == program || runs == replaced) && processUid(procRoot + "/" + std::to_string(pid), owner)
            && owner == uid) {
            found = pid;
        }
        return !found;
    });
    return found;
}

ProcessGroupEnder::ProcessGroupEnder(const std::vector<pid_t> &pids)
{
    for (const pid_t pid : pids) {
        if (pid <= 1) {
            continue;
        }
        const int fd = pidfdOpen(pid);
        if (fd >= 0) {
            m_pidfds.push_back(fd);
        }
    }
}

ProcessGroupEnder::~ProcessGroupEnder()
{
    for (const int fd : m_pidfds) {
        ::close(fd);
    }
}

int ProcessGroupEnder::signalAll(int signal)
{
    int sent = 0;
    for (const int fd : m_pidfds) {
        if (pidfdSendSignal(fd, signal) == 0) {
            ++sent;
        }
    }
    return sent;
}

int ProcessGroupEnder::alive() const
{
    int running = 0;
    for (const int fd : m_pidfds) {
        pollfd ready {fd, POLLIN, 0};
        // A pidfd becomes readable when its process exits.
        if (::poll(&ready, 1, 0) == 0) {
            ++running;
        }
    }
    return running;
}

} // namespace sundial::platform
