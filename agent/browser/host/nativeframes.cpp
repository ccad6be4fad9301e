// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/browser/host/nativeframes.h"

#include <array>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace sundial::browser
{

FrameReader::FrameReader(int fd, std::size_t maxBytes)
    : m_fd(fd)
    , m_maxBytes(maxBytes)
{
}

long long FrameReader::readExactly(char *into, std::size_t size)
{
    std::array<char, 4096> scratch {};
    std::size_t done = 0;
    while (done < size) {
        char *target = into ? into + done : scratch.data();
        const std::size_t want = into ? size - done : std::min(size - done, scratch.size());
        const ssize_t got = ::read(m_fd, target, want);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        if (got == 0) {
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    return static_cast<long long>(done);
}

Frame FrameReader::next()
{
    Frame frame;
    std::uint32_t length = 0;
    const long long headerBytes = readExactly(reinterpret_cast<char *>(&length), sizeof length);
    if (headerBytes < 0) {
        frame.kind = Frame::Kind::ReadError;
        frame.body = std::strerror(errno);
        return frame;
    }
    if (headerBytes == 0) {
        frame.kind = Frame::Kind::End;
        return frame;
    }
    if (headerBytes < static_cast<long long>(sizeof length)) {
        frame.kind = Frame::Kind::Truncated;
        return frame;
    }
    frame.declaredLength = length;
    const bool tooLarge = length > m_maxBytes;
    if (!tooLarge) {
        frame.body.resize(length);
    }
    const long long bodyBytes = readExactly(tooLarge ? nullptr : frame.body.data(), length);
    if (bodyBytes < 0) {
        frame.kind = Frame::Kind::ReadError;
        frame.body = std::strerror(errno);
        return frame;
    }
    if (bodyBytes < static_cast<long long>(length)) {
        frame.kind = Frame::Kind::Truncated;
        frame.body.clear();
        return frame;
    }
    frame.kind = tooLarge ? Frame::Kind::TooLarge : Frame::Kind::Message;
    return frame;
}

std::string encodeFrame(std::string_view body)
{
    const auto length = static_cast<std::uint32_t>(body.size());
    std::string frame(sizeof length, '\0');
    std::memcpy(frame.data(), &length, sizeof length);
    frame.append(body);
    return frame;
}

} // namespace sundial::browser
