// SPDX-License-Identifier: GPL-3.0-or-later
// readFilePrefix: a small file (a /proc entry, a desktop entry, a record file) read whole with
// plain POSIX calls. The service reads files through here, never through iostreams: their locale
// machinery alone keeps about 450 KiB of libstdc++ resident in a process that uses them, a
// quarter of what the service may take above its stack's floor (docs/BENCHMARKS.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/types.h>

namespace sundial::platform
{

// At most `limit` bytes from the start of the file at `path`; none when it cannot be opened or a
// read fails.
std::optional<std::string> readFilePrefix(const std::string &path, std::size_t limit);

// A file opened read-only, closed with the object; fd() < 0 when it could not be opened.
class ReadOnlyFile
{
public:
    explicit ReadOnlyFile(const std::string &path);
    ~ReadOnlyFile();
    ReadOnlyFile(const ReadOnlyFile &) = delete;
    ReadOnlyFile &operator=(const ReadOnlyFile &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// Reads up to `size` bytes at `offset` of `fd` (fewer only at the end of the file); -1 on an error.
ssize_t readAt(int fd, char *buffer, std::size_t size, std::uint64_t offset);

// `text` cut at every `separator` (empty pieces kept, none after a final separator).
std::vector<std::string_view> splitAt(std::string_view text, char separator);

} // namespace sundial::platform
