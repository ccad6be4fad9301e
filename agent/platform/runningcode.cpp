// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/runningcode.h"

#include <array>
#include <cstdlib>
#include <cstring>

#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

// Large enough for the maps of a big program (a browser maps a few thousand lines).
constexpr std::size_t kMaxMapsBytes = 4 * 1024 * 1024;
constexpr std::string_view kDeleted = " (deleted)";

std::string_view nextField(std::string_view &line)
{
    const std::size_t begin = line.find_first_not_of(' ');
    if (begin == std::string_view::npos) {
        line = {};
        return {};
    }
    line.remove_prefix(begin);
    const std::size_t end = line.find(' ');
    const std::string_view field = line.substr(0, end);
    line.remove_prefix(end == std::string_view::npos ? line.size() : end);
    return field;
}

std::uint64_t hexNumber(std::string_view text, bool &ok)
{
    const std::string copy {text};
    char *end = nullptr;
    const unsigned long long value = std::strtoull(copy.c_str(), &end, 16);
    ok = ok && !copy.empty() && end == copy.c_str() + copy.size();
    return value;
}

} // namespace

std::vector<CodeMapping> programCode(pid_t pid, const std::string &program, const std::string &procRoot)
{
    std::vector<CodeMapping> code;
    const std::optional<std::string> maps
        = readFilePrefix(procRoot + "/" + std::to_string(pid) + "/maps", kMaxMapsBytes);
    if (!maps || program.empty()) {
        return code;
    }
    for (std::string_view line : splitAt(*maps, '\n')) {
        // "START-END PERMS OFFSET MAJOR:MINOR INODE   PATHNAME" (the pathname may hold spaces).
        const std::string_view range = nextField(line);
        const std::string_view permissions = nextField(line);
        const std::string_view offset = nextField(line);
        const std::string_view device = nextField(line);
        const std::string_view inode = nextField(line);
        const std::size_t pathBegin = line.find_first_not_of(' ');
        std::string_view path = pathBegin == std::string_view::npos ? std::string_view {} : line.substr(pathBegin);
        if (path.size() > kDeleted.size() && path.substr(path.size() - kDeleted.size()) == kDeleted) {
            path.remove_suffix(kDeleted.size());
        }
        if (path != program || permissions.size() < 3 || permissions[2] != 'x') {
            continue;
        }
        const std::size_t dash = range.find('-');
        bool ok = dash != std::string_view::npos;
        CodeMapping mapping;
        mapping.start = hexNumber(range.substr(0, dash), ok);
        mapping.end = ok ? hexNumber(range.substr(dash + 1), ok) : 0;
        mapping.offset = hexNumber(offset, ok);
        mapping.device = std::string {device};
        mapping.inode = std::strtoull(std::string {inode}.c_str(), nullptr, 10);
        if (ok && mapping.end > mapping.start) {
            code.push_back(std::move(mapping));
        }
    }
    return code;
}

bool runsCodeOf(
    pid_t pid, const std::vector<CodeMapping> &code, const std::string &reference, const std::string &procRoot)
{
    if (code.empty()) {
        return false;
    }
    const ReadOnlyFile memory {procRoot + "/" + std::to_string(pid) + "/mem"};
    const ReadOnlyFile file {reference};
    if (memory.fd() < 0 || file.fd() < 0) {
        return false;
    }
    static constexpr std::size_t kPiece = 64 * 1024;
    std::array<char, kPiece> running {};
    std::array<char, kPiece> expected {};
    for (const CodeMapping &mapping : code) {
        const std::uint64_t length = mapping.end - mapping.start;
        if (length > kMaxCompared) {
            return false;
        }
        for (std::uint64_t done = 0; done < length; done += kPiece) {
            const std::size_t piece = static_cast<std::size_t>(std::min<std::uint64_t>(kPiece, length - done));
            if (readAt(memory.fd(), running.data(), piece, mapping.start + done) != static_cast<ssize_t>(piece)) {
                return false;
            }
            const ssize_t got = readAt(file.fd(), expected.data(), piece, mapping.offset + done);
            if (got < 0 || (got == 0 && done == 0)) {
                return false;
            }
            // The last page of a mapping runs past the file's end: the kernel fills it with zeros.
            std::memset(expected.data() + got, 0, piece - static_cast<std::size_t>(got));
            if (std::memcmp(running.data(), expected.data(), piece) != 0) {
                return false;
            }
        }
    }
    return true;
}

} // namespace sundial::platform
