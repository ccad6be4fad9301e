// SPDX-License-Identifier: GPL-3.0-or-later
// RunningCode: the machine code a process runs, read from the process itself. When the service
// cannot open a program's file at all (a FUSE mount, such as the one an AppImage runs from, is
// readable only by the user who mounted it, not even by root), the pages the kernel mapped from
// that file into the process are still readable through /proc/PID/mem, and they are exactly what
// runs: the program's executable mappings (/proc/PID/maps) compared with a reference file's bytes
// at the same file offsets tell whether the process runs that file's code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <sys/types.h>

namespace sundial::platform
{

struct CodeMapping {
    std::uint64_t start = 0; // address range in the process
    std::uint64_t end = 0;
    std::uint64_t offset = 0; // where in the file the range begins
    std::string device; // "MAJOR:MINOR" of the file, as maps gives it
    std::uint64_t inode = 0;
};

// The executable (r-x) mappings of the file `program` in process `pid` (pathname as
// /proc/PID/maps shows it: the program /proc/PID/exe names, or the one the dynamic loader was
// asked to run). Empty when the process is gone, unreadable, or maps nothing executable from it.
std::vector<CodeMapping> programCode(pid_t pid, const std::string &program, const std::string &procRoot = "/proc");

// Whether every mapping in `code` holds, in process `pid`'s memory, the bytes `reference` has at
// the same offsets (past the reference's end, only zeros: the last page). False when either
// cannot be read, when `code` is empty, or when a mapping is larger than kMaxCompared.
bool runsCodeOf(pid_t pid, const std::vector<CodeMapping> &code, const std::string &reference,
    const std::string &procRoot = "/proc");

// A program's code larger than this is not compared (no match): the comparison reads it all.
inline constexpr std::uint64_t kMaxCompared = 512ULL * 1024 * 1024;

} // namespace sundial::platform
