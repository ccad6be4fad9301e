// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/smallfile.h"

#include <algorithm>
#include <array>

#include <fcntl.h>
#include <unistd.h>

namespace sundial::platform
{

std::optional<std::string> readFilePrefix(const std::string &path, std::size_t limit)
{
    const ReadOnlyFile file {path};
    if (file.fd() < 0) {
        return std::nullopt;
    }
    std::string text;
    std::array<char, 4096> buffer {};
    ssize_t got = 0;
    while (text.size() < limit
        && (got = ::read(file.fd(), buffer.data(), std::min(buffer.size(), limit - text.size()))) > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(got));
    }
    if (got < 0) {
        return std::nullopt;
    }
    return text;
}

ReadOnlyFile::ReadOnlyFile(const std::string &path)
    : m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY))
{
}

ReadOnlyFile::~ReadOnlyFile()
{
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

ssize_t readAt(int fd, char *buffer, std::size_t size, std::uint64_t offset)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t got = ::pread(fd, buffer + done, size - done, static_cast<off_t>(offset + done));
        if (got < 0) {
            return -1;
        }
        if (got == 0) {
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    return static_cast<ssize_t>(done);
}

std::vector<std::string_view> splitAt(std::string_view text, char separator)
{
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        pieces.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return pieces;
}

} // namespace sundial::platform
