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
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return std::nullopt;
    }
    std::string text;
    std::array<char, 4096> buffer {};
    ssize_t got = 0;
    while (text.size() < limit && (got = ::read(fd, buffer.data(), std::min(buffer.size(), limit - text.size()))) > 0) {
        text.append(buffer.data(), static_cast<std::size_t>(got));
    }
    ::close(fd);
    if (got < 0) {
        return std::nullopt;
    }
    return text;
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
