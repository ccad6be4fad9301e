// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/processcontrol.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <fstream>

#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "agent/platform/launchedprogram.h"

namespace sundial::platform
{

namespace
{

// The real uid from /proc/PID/status ("Uid:\treal\teffective\tsaved\tfs").
bool realUid(const std::string &dir, uid_t &uid)
{
    std::ifstream status {dir + "/status"};
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("Uid:", 0) == 0) {
            uid = static_cast<uid_t>(std::strtoul(line.c_str() + 4, nullptr, 10));
            return true;
        }
    }
    return false;
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
        const std::string dir = procRoot + "/" + entry->d_name;
        uid_t owner = 0;
        if (!realUid(dir, owner) || owner != uid || uid == 0) {
            continue;
        }
        const std::string program = launchedProgram(static_cast<pid_t>(pid), procRoot);
        if (program.empty()) {
            continue; // kernel thread, or gone
        }
        if (matches(static_cast<pid_t>(pid), program)) {
            pids.push_back(static_cast<pid_t>(pid));
        }
    }
    ::closedir(proc);
    return pids;
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
