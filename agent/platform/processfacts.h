// SPDX-License-Identifier: GPL-3.0-or-later
// ProcessFacts: what /proc says about one running process, read once, for deciding whether to
// believe what it sends (agent/daemon/reporterverifier.h). Reading another user's
// /proc/PID/{exe,environ,maps} is a ptrace "read" access: root needs CAP_SYS_PTRACE (the unit
// grants it). Nothing here keeps a pid: callers hold a pidfd (openPidfd) across the reading and
// check it afterwards, so a recycled pid is noticed, not trusted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace sundial::platform
{

// A file mapped executable into the process, as /proc/PID/maps names it.
struct MappedFile {
    std::string path; // ends in " (deleted)" when the file was removed or replaced since
    dev_t device = 0;
    ino_t inode = 0;
};

struct ProcessFacts {
    std::string exe; // readlink(/proc/PID/exe); " (deleted)" suffix kept
    // stat() of the running executable itself (through /proc/PID/exe, not by path).
    uid_t exeOwner = 0;
    mode_t exeMode = 0;
    dev_t exeDevice = 0;
    ino_t exeInode = 0;
    nlink_t exeLinks = 0;
    uid_t realUid = 0, effectiveUid = 0, savedUid = 0, filesystemUid = 0;
    pid_t tracerPid = 0; // 0: not traced
    pid_t parentPid = 0; // PPid
    // Names of the dynamic loader's variables set in the process's initial environment
    // (LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT, ...); empty when none.
    std::vector<std::string> loaderVariables;
    std::optional<std::string> display; // DISPLAY in the initial environment
    std::vector<MappedFile> executableMappings; // each file once
};

// The facts, or nullopt when the process is gone or /proc may not be read (the caller then
// trusts nothing). `procRoot` is for tests.
std::optional<ProcessFacts> readProcessFacts(pid_t pid, const std::string &procRoot = "/proc");

// A pidfd for `pid` (close it), or -1.
int openPidfd(pid_t pid);
// False once the pidfd's process has exited.
bool pidfdAlive(int pidfd);

} // namespace sundial::platform
