// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/platform/samecontent.h"

#include <array>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

#include "agent/platform/launchedprogram.h"
#include "agent/platform/runningcode.h"
#include "agent/platform/smallfile.h"

namespace sundial::platform
{

namespace
{

bool sameBytes(const std::string &a, const std::string &b)
{
    const ReadOnlyFile first {a};
    const ReadOnlyFile second {b};
    if (first.fd() < 0 || second.fd() < 0) {
        return false;
    }
    static constexpr std::size_t kPiece = 64 * 1024;
    std::array<char, kPiece> left {};
    std::array<char, kPiece> right {};
    for (std::uint64_t offset = 0;; offset += kPiece) {
        const ssize_t gotLeft = readAt(first.fd(), left.data(), kPiece, offset);
        const ssize_t gotRight = readAt(second.fd(), right.data(), kPiece, offset);
        if (gotLeft < 0 || gotRight < 0 || gotLeft != gotRight) {
            return false;
        }
        if (gotLeft == 0) {
            return true;
        }
        if (std::memcmp(left.data(), right.data(), static_cast<std::size_t>(gotLeft)) != 0) {
            return false;
        }
    }
}

} // namespace

void SameContentFinder::setReferences(std::vector<std::string> paths)
{
    if (paths != m_references) {
        m_references = std::move(paths);
        m_answers.clear();
        m_runningAnswers.clear();
    }
}

std::optional<std::string> SameContentFinder::referenceFor(const std::string &path, const std::string &readThrough)
{
    const std::string &file = readThrough.empty() ? path : readThrough;
    for (const std::string &reference : m_references) {
        if (reference == path) {
            return reference;
        }
    }
    struct stat info {
    };
    if (m_references.empty() || ::stat(file.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return std::nullopt;
    }
    const FileIdentity identity {info.st_dev, info.st_ino, info.st_size,
        static_cast<long long>(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec};
    if (const auto known = m_answers.find(identity); known != m_answers.end()) {
        return known->second;
    }
    std::optional<std::string> answer;
    for (const std::string &reference : m_references) {
        struct stat referenceInfo {
        };
        if (::stat(reference.c_str(), &referenceInfo) == 0 && referenceInfo.st_size == info.st_size
            && sameBytes(file, reference)) {
            answer = reference;
            break;
        }
    }
    if (m_answers.size() >= kMaxRemembered) {
        m_answers.clear();
    }
    m_answers.emplace(identity, answer);
    return answer;
}

std::optional<std::string> SameContentFinder::referenceForProcess(pid_t pid, const std::string &path)
{
    struct stat info {
    };
    if (m_references.empty() || ::stat(path.c_str(), &info) == 0) {
        return referenceFor(path);
    }
    if (const std::string link = executableLink(pid, path); !link.empty() && ::stat(link.c_str(), &info) == 0) {
        return referenceFor(path, link);
    }
    for (const std::string &reference : m_references) {
        if (reference == path) {
            return reference;
        }
    }
    const std::vector<CodeMapping> code = programCode(pid, path);
    if (code.empty()) {
        return std::nullopt;
    }
    const RunningIdentity identity {code.front().device, code.front().inode, pid};
    if (const auto known = m_runningAnswers.find(identity); known != m_runningAnswers.end()) {
        return known->second;
    }
    std::optional<std::string> answer;
    for (const std::string &reference : m_references) {
        if (runsCodeOf(pid, code, reference)) {
            answer = reference;
            break;
        }
    }
    if (m_runningAnswers.size() >= kMaxRemembered) {
        m_runningAnswers.clear();
    }
    m_runningAnswers.emplace(identity, answer);
    return answer;
}

} // namespace sundial::platform
