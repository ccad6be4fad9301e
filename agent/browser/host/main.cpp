// SPDX-License-Identifier: GPL-3.0-or-later
// sundial-browser-host: the native-messaging host of Sundial's browser extension. The browser
// starts it as the child when the extension connects, with the caller's origin as an argument
// (Chromium: "chrome-extension://ID/"; Firefox: the manifest's path, then the add-on's id), and
// talks to it in frames on stdin and stdout. It forwards each message to sundiald and writes
// the answer back; it logs to stderr, which the browser keeps. It believes nothing itself: the
// service checks that the sender is this installed file started by a browser.
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include <unistd.h>

#include "agent/browser/host/bussiteservice.h"
#include "agent/browser/host/hostprotocol.h"
#include "agent/browser/host/nativeframes.h"

namespace
{

using namespace sundial::browser;

constexpr std::string_view kChromiumOrigin = "chrome-extension://cjmhddalpalbhhnjpicknhjmgagaaocf/";
constexpr std::string_view kFirefoxId = "browser@sundial.org";

void log(const std::string &line)
{
    std::fprintf(stderr, "sundial-browser-host: %s\n", line.c_str());
}

bool writeAll(int fd, const std::string &bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        done += static_cast<std::size_t>(wrote);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    bool userBus = false;
    bool ourExtension = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument == "--user") {
            userBus = true;
        } else if (argument == kChromiumOrigin || argument == kFirefoxId) {
            ourExtension = true;
        } else if (argument == "--help") {
            std::puts("sundial-browser-host: started by the browser for Sundial's extension; not to be run by hand.\n"
                      "It reads native-messaging frames on stdin and answers on stdout. --user: the try-out\n"
                      "service on the session bus.");
            return 0;
        }
    }
    if (!ourExtension) {
        // The browser's own manifest lets only our extension start us; anything else is a
        // misconfiguration, said once and ended.
        log("started without Sundial's extension as the caller; ending");
        writeAll(STDOUT_FILENO, encodeFrame(HostProtocol::error("this host answers only Sundial's extension")));
        return 1;
    }
    BusSiteService service(userBus);
    HostProtocol protocol(service);
    FrameReader reader(STDIN_FILENO);
    for (;;) {
        const Frame frame = reader.next();
        std::string answer;
        switch (frame.kind) {
        case Frame::Kind::Message:
            answer = protocol.answer(frame.body);
            break;
        case Frame::Kind::TooLarge:
            log("skipped a message of " + std::to_string(frame.declaredLength) + " bytes (the limit is "
                + std::to_string(FrameReader::kDefaultMaxBytes) + ")");
            answer = HostProtocol::error("a message of " + std::to_string(frame.declaredLength)
                + " bytes is over the limit of " + std::to_string(FrameReader::kDefaultMaxBytes) + "; it was skipped");
            break;
        case Frame::Kind::Truncated:
            log("the browser closed the pipe in the middle of a message; ending");
            return 0;
        case Frame::Kind::End:
            return 0; // the extension disconnected
        case Frame::Kind::ReadError:
            log("cannot read from the browser: " + frame.body);
            return 1;
        }
        if (!writeAll(STDOUT_FILENO, encodeFrame(answer))) {
            log(std::string {"cannot write to the browser: "} + std::strerror(errno));
            return 1;
        }
    }
}
