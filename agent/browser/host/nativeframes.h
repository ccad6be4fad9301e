// SPDX-License-Identifier: GPL-3.0-or-later
// Native messaging's framing (Chromium and Firefox alike): each message is a 32-bit length in
// the machine's byte order, then that many bytes of UTF-8 JSON. FrameReader reads them from a
// file descriptor (the browser's pipe on stdin) without ever holding more than the cap: a frame
// over it is read past and dropped, so one bad message does not end the conversation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sundial::browser
{

struct Frame {
    enum class Kind {
        Message, // `body` holds the message
        TooLarge, // `declaredLength` was over the cap; its bytes were skipped
        Truncated, // the stream ended inside a frame (after `declaredLength` was read, or inside it)
        End, // the stream ended between frames: the browser closed the port
        ReadError, // read() failed; `body` says why
    };
    Kind kind = Kind::End;
    std::string body;
    std::uint32_t declaredLength = 0;
};

class FrameReader
{
public:
    // Messages from an extension to its host may be up to 4 GiB; ours are a few hundred bytes.
    static constexpr std::size_t kDefaultMaxBytes = 64 * 1024;

    explicit FrameReader(int fd, std::size_t maxBytes = kDefaultMaxBytes);

    // Blocks until a whole frame, the end of the stream or an error.
    Frame next();

private:
    // Reads exactly `size` bytes into `into` (null: read and drop them). The bytes read, fewer
    // only at the end of the stream; -1 on an error (errno set).
    long long readExactly(char *into, std::size_t size);

    int m_fd;
    std::size_t m_maxBytes;
};

// The frame carrying `body`: its length in native byte order, then the bytes.
std::string encodeFrame(std::string_view body);

} // namespace sundial::browser
