// SPDX-License-Identifier: GPL-3.0-or-later
// launchedProgram: the program a process runs, as a limit must see it. /proc/PID/exe names the
// file the kernel started, which for `/lib64/ld-linux-x86-64.so.2 /usr/games/game` is the
// dynamic loader: then the loader's own argument (the first that is not one of its options)
// is the program. Everything else is the executable itself.
#pragma once

#include <string>
#include <string_view>

#include <sys/types.h>

namespace sundial::platform
{

// True for the dynamic loader's file names (ld-linux-x86-64.so.2, ld-linux.so.2, ld.so, ...).
bool isDynamicLoader(std::string_view path);
// The program `pid` runs, from `procRoot`/PID/exe and, for the loader, its command line; empty
// when the process is gone or unreadable.
std::string launchedProgram(pid_t pid, const std::string &procRoot = "/proc");
// "/proc/PID/exe" when that link is `program` itself (not the loader running it), else empty:
// a path that opens the program's file even where the caller's view of the file system hides it.
std::string executableLink(pid_t pid, const std::string &program, const std::string &procRoot = "/proc");
// The same from an exe path and the process's NUL-separated command line (for tests).
std::string launchedProgram(const std::string &exe, std::string_view commandLine);

} // namespace sundial::platform
