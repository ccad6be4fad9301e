// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/processfacts.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace sundial::platform
{

namespace
{

// The loader's variables that load code of the caller's choosing into the process.
constexpr std::array<std::string_view, 3> kLoaderVariables {"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT"};
// Bounds on what is read, so an odd process cannot make the service read without end.
constexpr std::streamsize kMaxEnvironBytes = 1024 * 1024;
constexpr std::size_t kMaxMappingLines = 100'000;

bool readStatus(const std::string &dir, ProcessFacts &facts)
{
    std::ifstream status {dir + "/status"};
    std::string line;
    bool uids = false;
    while (std::getline(status, line)) {
        if (line.rfind("Uid:", 0) == 0) {
            std::istringstream fields {line.substr(4)};
            unsigned long real = 0, effective = 0, saved = 0, filesystem = 0;
            uids = static_cast<bool>(fields >> real >> effective >> saved >> filesystem);
            facts.realUid = static_cast<uid_t>(real);
            facts.effectiveUid = static_cast<uid_t>(effective);
            facts.savedUid = static_cast<uid_t>(saved);
            facts.filesystemUid = static_cast<uid_t>(filesystem);
        } else if (line.rfind("TracerPid:", 0) == 0) {
            facts.tracerPid = static_cast<pid_t>(std::strtol(line.c_str() + 10, nullptr, 10));
        }
    }
    return uids;
}

bool readEnviron(const std::string &dir, ProcessFacts &facts)
{
    std::ifstream environ {dir + "/environ", std::ios::binary};
    if (!environ) {
        return false;
    }
    std::string variable;
    std::streamsize total = 0;
    while (std::getline(environ, variable, '\0') && total < kMaxEnvironBytes) {
        total += static_cast<std::streamsize>(variable.size()) + 1;
        const std::string_view name = std::string_view {variable}.substr(0, variable.find('='));
        if (std::find(kLoaderVariables.begin(), kLoaderVariables.end(), name) != kLoaderVariables.end()) {
            facts.loaderVariables.emplace_back(name);
        } else if (name == "DISPLAY" && !facts.display) {
            facts.display = variable.substr(name.size() + 1);
        }
    }
    // An empty environment reads as nothing: that is not an error. A failed read is.
    return !environ.bad();
}

// "start-end perms offset major:minor inode   path"
bool readMappings(const std::string &dir, ProcessFacts &facts)
{
    std::ifstream maps {dir + "/maps"};
    if (!maps) {
        return false;
    }
    std::string line;
    for (std::size_t count = 0; std::getline(maps, line) && count < kMaxMappingLines; ++count) {
        std::istringstream fields {line};
        std::string range, perms, offset, device;
        unsigned long long inode = 0;
        if (!(fields >> range >> perms >> offset >> device >> inode) || perms.size() < 3 || perms[2] != 'x'
            || inode == 0) {
            continue; // not executable, or anonymous ([vdso], JIT): no file to judge
        }
        std::string path;
        std::getline(fields >> std::ws, path);
        const auto colon = device.find(':');
        const auto major = static_cast<unsigned>(std::strtoul(device.substr(0, colon).c_str(), nullptr, 16));
        const auto minor = static_cast<unsigned>(
            colon == std::string::npos ? 0 : std::strtoul(device.c_str() + colon + 1, nullptr, 16));
        const dev_t number = makedev(major, minor);
        const bool seen = std::any_of(facts.executableMappings.begin(), facts.executableMappings.end(),
            [&](const MappedFile &file) { return file.inode == inode && file.device == number; });
        if (!seen) {
            facts.executableMappings.push_back({path, number, static_cast<ino_t>(inode)});
        }
    }
    return !maps.bad();
}

} // namespace

std::optional<ProcessFacts> readProcessFacts(pid_t pid, const std::string &procRoot)
{
    if (pid <= 1) {
        return std::nullopt;
    }
    const std::string dir = procRoot + "/" + std::to_string(pid);
    ProcessFacts facts;
    char exe[PATH_MAX];
    const ssize_t length = ::readlink((dir + "/exe").c_str(), exe, sizeof exe - 1);
    if (length <= 0) {
        return std::nullopt; // gone, a kernel thread, or not ours to read
    }
    facts.exe.assign(exe, static_cast<std::size_t>(length));
    struct stat file {
    };
    if (::stat((dir + "/exe").c_str(), &file) != 0) {
        return std::nullopt;
    }
    facts.exeOwner = file.st_uid;
    facts.exeMode = file.st_mode;
    facts.exeDevice = file.st_dev;
    facts.exeInode = file.st_ino;
    facts.exeLinks = file.st_nlink;
    if (!readStatus(dir, facts) || !readEnviron(dir, facts) || !readMappings(dir, facts)) {
        return std::nullopt;
    }
    return facts;
}

int openPidfd(pid_t pid)
{
    return pid > 1 ? static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)) : -1;
}

bool pidfdAlive(int pidfd)
{
    pollfd ready {pidfd, POLLIN, 0};
    // A pidfd becomes readable when its process exits.
    return pidfd >= 0 && ::poll(&ready, 1, 0) == 0;
}

} // namespace sundial::platform
