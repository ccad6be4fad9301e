// SPDX-License-Identifier: GPL-3.0-or-later
// The native-messaging frames as a browser sends them, through a real pipe.
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "agent/browser/host/nativeframes.h"

using sundial::browser::encodeFrame;
using sundial::browser::Frame;
using sundial::browser::FrameReader;

namespace
{

// A pipe whose write end gets `bytes` from a thread, then is closed: what the browser does.
struct FedPipe {
    int fds[2] {-1, -1};
    std::thread writer;
    explicit FedPipe(std::string bytes)
    {
        REQUIRE(::pipe(fds) == 0);
        writer = std::thread([fd = fds[1], data = std::move(bytes)] {
            std::size_t done = 0;
            while (done < data.size()) {
                const ssize_t wrote = ::write(fd, data.data() + done, data.size() - done);
                if (wrote <= 0) {
                    break;
                }
                done += static_cast<std::size_t>(wrote);
            }
            ::close(fd);
        });
    }
    ~FedPipe()
    {
        writer.join();
        ::close(fds[0]);
    }
    int readEnd() const { return fds[0]; }
};

std::string header(std::uint32_t length)
{
    std::string bytes(4, '\0');
    std::memcpy(bytes.data(), &length, 4);
    return bytes;
}

} // namespace

TEST_CASE("frames are read whole, one after another, in native byte order", "[nativeframes]")
{
    const std::string vietnamese = R"({"type":"tab","domain":"tiếng-việt.vn","title":"Chào 👋 ꦗꦮ"})";
    FedPipe pipe(encodeFrame(R"({"type":"check"})") + encodeFrame(vietnamese) + encodeFrame(""));
    FrameReader reader(pipe.readEnd());
    Frame first = reader.next();
    CHECK(first.kind == Frame::Kind::Message);
    CHECK(first.body == R"({"type":"check"})");
    Frame second = reader.next();
    CHECK(second.kind == Frame::Kind::Message);
    CHECK(second.body == vietnamese);
    Frame empty = reader.next();
    CHECK(empty.kind == Frame::Kind::Message);
    CHECK(empty.body.empty());
    CHECK(reader.next().kind == Frame::Kind::End);
}

TEST_CASE("a frame over the cap is skipped, not held, and the next one is read", "[nativeframes]")
{
    const std::string huge(200 * 1024, 'x');
    FedPipe pipe(header(static_cast<std::uint32_t>(huge.size())) + huge + encodeFrame(R"({"type":"tab"})"));
    FrameReader reader(pipe.readEnd(), 64 * 1024);
    const Frame skipped = reader.next();
    CHECK(skipped.kind == Frame::Kind::TooLarge);
    CHECK(skipped.declaredLength == huge.size());
    CHECK(skipped.body.empty());
    const Frame next = reader.next();
    CHECK(next.kind == Frame::Kind::Message);
    CHECK(next.body == R"({"type":"tab"})");
}

TEST_CASE("a stream that ends inside a frame is truncated, not a message", "[nativeframes]")
{
    SECTION("inside the body")
    {
        FedPipe pipe(header(100) + std::string(10, 'y'));
        FrameReader reader(pipe.readEnd());
        CHECK(reader.next().kind == Frame::Kind::Truncated);
    }
    SECTION("inside the length")
    {
        FedPipe pipe(std::string(2, '\x05'));
        FrameReader reader(pipe.readEnd());
        CHECK(reader.next().kind == Frame::Kind::Truncated);
    }
    SECTION("inside a body over the cap")
    {
        FedPipe pipe(header(4'000'000'000U) + std::string(5000, 'z'));
        FrameReader reader(pipe.readEnd());
        CHECK(reader.next().kind == Frame::Kind::Truncated);
    }
}
