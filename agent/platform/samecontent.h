// SPDX-License-Identifier: GPL-3.0-or-later
// SameContentFinder: tells which of a set of reference files (the executables the rules name)
// has the same bytes as a given file, so a blocked program copied elsewhere or renamed is still
// that program. A file of another size is never read; one of the same size is compared in
// 64 KiB pieces, never held whole in memory. Answers are kept per file identity (device, inode,
// size, modification time), so a file that does not change is read at most once.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <sys/types.h>

namespace sundial::platform
{

class SameContentFinder
{
public:
    // The reference files; the cache is kept for the files that stay.
    void setReferences(std::vector<std::string> paths);
    bool hasReferences() const { return !m_references.empty(); }
    // The reference whose content equals `path`'s (the reference itself for its own path);
    // none when no reference matches or the file cannot be read. `readThrough`, when given, is
    // where the bytes are read instead: /proc/PID/exe of a process running `path`, which opens
    // the file even where the service's own view hides it (ProtectHome, PrivateTmp).
    std::optional<std::string> referenceFor(const std::string &path, const std::string &readThrough = {});
    // The same for the program `path` that process `pid` runs, wherever its file is: read by its
    // path, else through /proc/PID/exe, else (a file no one but its owner can open, such as an
    // AppImage's FUSE mount) by the code the process has mapped from it (RunningCode). Answers
    // from the process's memory are kept per mapped file and process.
    std::optional<std::string> referenceForProcess(pid_t pid, const std::string &path);

    // Bounds the cache; past it, it starts again (a flood of fresh names costs reads, not memory).
    static constexpr std::size_t kMaxRemembered = 4096;

private:
    using FileIdentity = std::tuple<unsigned long, unsigned long, long long, long long>;
    std::vector<std::string> m_references;
    std::map<FileIdentity, std::optional<std::string>> m_answers;
    using RunningIdentity = std::tuple<std::string, unsigned long long, pid_t>; // device, inode, process
    std::map<RunningIdentity, std::optional<std::string>> m_runningAnswers;
};

} // namespace sundial::platform
