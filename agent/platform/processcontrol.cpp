// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/processcontrol.h"

#include <array>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <string_view>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "agent/platform/launchedprogram.h"

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
    const int fd = ::open((dir + "/status").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    std::array<char, 4096> buffer {};
    const ssize_t got = ::read(fd, buffer.data(), buffer.size() - 1);
    ::close(fd);
    if (got <= 0) {
        return false;
    }
    const std::string_view status {buffer.data(), static_cast<std::size_t>(got)};
    const std::size_t line = status.find("\nUid:");
    if (line == std::string_view::npos) {
        return false;
    }
    uid = static_cast<uid_t>(std::strtoul(buffer.data() + line + 5, nullptr, 10));
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
    DIR *proc = ::opendir(procRoot.c_str());
    if (!proc) {
        return pids;
    }
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || pid <= 1) {
            continue;
        }
        // The program first: a kernel thread (most of a machine's processes) has none, and is
        // passed over with one failed readlink.
        const std::string program = launchedProgram(static_cast<pid_t>(pid), procRoot);
        if (program.empty()) {
            continue; // kernel thread, or gone
        }
        uid_t owner = 0;
        if (uid == 0 || !processUid(procRoot + "/" + entry->d_name, owner) || owner != uid) {
            continue;
        }
        if (matches(static_cast<pid_t>(pid), program)) {
            pids.push_back(static_cast<pid_t>(pid));
        }
    }
    ::closedir(proc);
    return pids;
}

std::optional<pid_t> processRunning(uid_t uid, const std::string &program, const std::string &procRoot)
{
    if (uid == 0) {
        return std::nullopt;
    }
    DIR *proc = ::opendir(procRoot.c_str());
    if (!proc) {
        return std::nullopt;
    }
    const std::string replaced = program + " (deleted)";
    std::optional<pid_t> found;
    while (!found) {
        const dirent *entry = ::readdir(proc);
        if (!entry) {
            break;
        }
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || pid <= 1) {
            continue;
        }
        const std::string runs = launchedProgram(static_cast<pid_t>(pid), procRoot);
        uid_t owner = 0;
        if ((runs == program || runs == replaced) && processUid(procRoot + "/" + entry->d_name, owner)
            && owner == uid) {
            found = static_cast<pid_t>(pid);
        }
    }
    ::closedir(proc);
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
