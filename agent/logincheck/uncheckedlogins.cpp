// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/uncheckedlogins.h"

#include <cstddef>
#include <ctime>
#include <iostream>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sundial::logincheck
{

namespace
{

// Past this size nothing more is recorded (the login is still allowed): a service that stays
// away must not let the file fill /run.
constexpr off_t kMaxUncheckedBytes = 256 * 1024;
constexpr std::size_t kMaxFieldBytes = 200;

std::string field(std::string_view text)
{
    std::string out;
    for (const char c : text.substr(0, kMaxFieldBytes)) {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 || byte == 0x7f) ? '?' : c;
    }
    return out.empty() ? "-" : out;
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc {};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace

void recordUncheckedLogin(const std::string &path, const LoginAttempt &login, const std::string &why)
{
    if (const auto slash = path.rfind('/'); slash != std::string::npos && slash > 0) {
        ::mkdir(path.substr(0, slash).c_str(), 0700); // EEXIST is the usual case; open() reports the rest
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::cerr << "sundial-login-check: cannot record the unchecked login in " << path << "\n";
        return;
    }
    struct stat info = {};
    const std::string line = field(utcNow()) + '\t' + field(login.user) + '\t' + field(login.service) + '\t'
        + field(login.tty) + '\t' + field(why) + '\n';
    // One write() on an O_APPEND file: concurrent logins never interleave within a line.
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size > kMaxUncheckedBytes
        || ::write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
        std::cerr << "sundial-login-check: the unchecked login was not recorded in " << path << "\n";
    }
    ::close(fd);
}

} // namespace sundial::logincheck
