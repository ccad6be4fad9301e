// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/processfacts.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <iterator>

#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

// The loader's variables that load code of the caller's choosing into the process.
constexpr std::array<std::string_view, 3> kLoaderVariables {"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT"};
// Bounds on what is read, so an odd process cannot make the service read without end.
constexpr std::size_t kMaxEnvironBytes = 1024 * 1024;
constexpr std::size_t kMaxMappingsBytes = 8 * 1024 * 1024;
constexpr std::size_t kMaxStatusBytes = 64 * 1024;

bool readStatus(const std::string &dir, ProcessFacts &facts)
{
    const std::optional<std::string> status = readFilePrefix(dir + "/status", kMaxStatusBytes);
    if (!status) {
        return false;
    }
    bool uids = false;
    for (const std::string_view line : splitAt(*status, '\n')) {
        if (line.starts_with("Uid:")) {
            const std::string fields {line.substr(4)};
            unsigned long real = 0, effective = 0, saved = 0, filesystem = 0;
            uids = std::sscanf(fields.c_str(), "%lu %lu %lu %lu", &real, &effective, &saved, &filesystem) == 4;
            facts.realUid = static_cast<uid_t>(real);
            facts.effectiveUid = static_cast<uid_t>(effective);
            facts.savedUid = static_cast<uid_t>(saved);
            facts.filesystemUid = static_cast<uid_t>(filesystem);
        } else if (line.starts_with("TracerPid:")) {
            const std::string pid {line.substr(10)};
            facts.tracerPid = static_cast<pid_t>(std::strtol(pid.c_str(), nullptr, 10));
        } else if (line.starts_with("PPid:")) {
            const std::string pid {line.substr(5)};
            facts.parentPid = static_cast<pid_t>(std::strtol(pid.c_str(), nullptr, 10));
        }
    }
    return uids;
}

bool readEnviron(const std::string &dir, ProcessFacts &facts)
{
    // An empty environment reads as nothing: that is not an error. A failed read is.
    const std::optional<std::string> environ = readFilePrefix(dir + "/environ", kMaxEnvironBytes);
    if (!environ) {
        return false;
    }
    for (const std::string_view variable : splitAt(*environ, '\0')) {
        const std::string_view name = variable.substr(0, variable.find('='));
        if (std::find(kLoaderVariables.begin(), kLoaderVariables.end(), name) != kLoaderVariables.end()) {
            facts.loaderVariables.emplace_back(name);
        } else if (name == "DISPLAY" && !facts.display && name.size() < variable.size()) {
            facts.display = std::string {variable.substr(name.size() + 1)};
        }
    }
    return true;
}

// "start-end perms offset major:minor inode   path"
bool readMappings(const std::string &dir, ProcessFacts &facts)
{
    const std::optional<std::string> maps = readFilePrefix(dir + "/maps", kMaxMappingsBytes);
    if (!maps) {
        return false;
    }
    for (const std::string_view line : splitAt(*maps, '\n')) {
        std::array<char, 64> range {}, perms {}, offset {}, device {};
        unsigned long long inode = 0;
        int pathAt = 0;
        const std::string text {line};
        if (std::sscanf(text.c_str(), "%63s %63s %63s %63s %llu %n", range.data(), perms.data(), offset.data(),
                device.data(), &inode, &pathAt)
                != 5
            || std::string_view {perms.data()}.size() < 3 || perms[2] != 'x' || inode == 0) {
            continue; // not executable, or anonymous ([vdso], JIT): no file to judge
        }
        const std::string path = text.substr(static_cast<std::size_t>(pathAt));
        const std::string_view deviceText {device.data()};
        const auto colon = deviceText.find(':');
        const auto major = static_cast<unsigned>(std::strtoul(device.data(), nullptr, 16));
        const auto minor = static_cast<unsigned>(
            colon == std::string_view::npos ? 0 : std::strtoul(device.data() + colon + 1, nullptr, 16));
        const dev_t number = makedev(major, minor);
        const bool seen = std::any_of(facts.executableMappings.begin(), facts.executableMappings.end(),
            [&](const MappedFile &file) { return file.inode == inode && file.device == number; });
        if (!seen) {
            facts.executableMappings.push_back({path, number, static_cast<ino_t>(inode)});
        }
    }
    return true;
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
