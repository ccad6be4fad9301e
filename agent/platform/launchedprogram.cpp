// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/launchedprogram.h"

#include <array>
#include <climits>
#include <cstdlib>
#include <iterator>
#include <vector>

#include <unistd.h>

#include "agent/core/text.h"
#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{
// A command line longer than this is cut (the kernel's own limit for one argument is 128 KiB).
constexpr std::size_t kMaxCommandLineBytes = 256 * 1024;
} // namespace

namespace
{

// ld.so's options that take a value (ld.so(8), glibc 2.36).
bool takesValue(std::string_view option)
{
    static constexpr std::array<std::string_view, 5> kWithValue {
        "--library-path", "--preload", "--audit", "--argv0", "--glibc-hwcaps-mask"};
    for (const std::string_view known : kWithValue) {
        if (option == known) {
            return true;
        }
    }
    return false;
}

} // namespace

bool isDynamicLoader(std::string_view path)
{
    const std::string_view name = core::fileNameOf(path);
    return name.rfind("ld-linux", 0) == 0 || name == "ld.so"
        || (name.rfind("ld-", 0) == 0 && name.find(".so") != std::string_view::npos);
}

std::string launchedProgram(const std::string &exe, std::string_view commandLine)
{
    if (!isDynamicLoader(exe)) {
        return exe;
    }
    std::vector<std::string_view> arguments;
    for (std::size_t start = 0; start < commandLine.size();) {
        const std::size_t end = commandLine.find('\0', start);
        const std::size_t stop = end == std::string_view::npos ? commandLine.size() : end;
        arguments.push_back(commandLine.substr(start, stop - start));
        start = stop + 1;
    }
    // arguments[0] is the loader as it was called.
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const std::string_view argument = arguments[i];
        if (argument.rfind("--", 0) == 0) {
            if (takesValue(argument)) {
                ++i;
            }
            continue;
        }
        char resolved[PATH_MAX];
        const std::string program {argument};
        // Relative to the process's directory is not known here; an unresolvable name is kept
        // as given, which matches no rule's absolute path (so it is judged by content instead).
        return ::realpath(program.c_str(), resolved) ? std::string {resolved} : program;
    }
    return exe; // the loader alone
}

std::string executableLink(pid_t pid, const std::string &program, const std::string &procRoot)
{
    const std::string link = procRoot + "/" + std::to_string(pid) + "/exe";
    char exe[PATH_MAX];
    const ssize_t length = ::readlink(link.c_str(), exe, sizeof exe - 1);
    return length > 0 && std::string_view {exe, static_cast<std::size_t>(length)} == program ? link : std::string {};
}

std::string launchedProgram(pid_t pid, const std::string &procRoot)
{
    const std::string dir = procRoot + "/" + std::to_string(pid);
    char exe[PATH_MAX];
    const ssize_t length = ::readlink((dir + "/exe").c_str(), exe, sizeof exe - 1);
    if (length <= 0) {
        return {};
    }
    const std::string path {exe, static_cast<std::size_t>(length)};
    if (!isDynamicLoader(path)) {
        return path;
    }
    return launchedProgram(path, readFilePrefix(dir + "/cmdline", kMaxCommandLineBytes).value_or(std::string {}));
}

} // namespace sundial::platform
