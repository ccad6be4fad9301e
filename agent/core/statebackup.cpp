// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/statebackup.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "agent/core/rulesjson.h"
#include "agent/core/sha256.h"

namespace sundial::core
{

namespace
{

constexpr int kFormat = 1;
// A backup is a few kilobytes per child; anything far larger is not ours.
constexpr std::size_t kMaxBytes = 16 * 1024 * 1024;

Status writeAll(int fd, const std::string &bytes)
{
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote <= 0) {
            return Error {"", std::strerror(errno)};
        }
        done += static_cast<std::size_t>(wrote);
    }
    return success();
}

std::string folderOf(const std::string &path)
{
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

} // namespace

StateBackup::StateBackup(std::string path)
    : m_path(std::move(path))
{
}

Status StateBackup::write(const std::vector<BackedUpChild> &children) const
{
    nlohmann::json list = nlohmann::json::array();
    for (const BackedUpChild &entry : children) {
        list.push_back({{"uid", entry.child.uid}, {"name", entry.child.name},
            {"addedAt", entry.child.addedAt.time_since_epoch().count()},
            {"rules", entry.rules ? nlohmann::json::parse(rulesToJson(*entry.rules)) : nlohmann::json {}},
            {"rulesVersion", entry.rulesVersion}});
    }
    const std::string content = list.dump();
    const nlohmann::json document = {{"format", kFormat}, {"children", list}, {"sha256", toHex(sha256(content))}};
    const std::string bytes = document.dump(1) + "\n";

    const std::string temporary = m_path + ".new";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error {temporary, std::string {"cannot write the state backup: "} + std::strerror(errno)};
    }
    Status written = writeAll(fd, bytes);
    if (written && (::fchmod(fd, 0600) != 0 || ::fsync(fd) != 0)) {
        written = Error {"", std::strerror(errno)};
    }
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        return Error {temporary, "cannot write the state backup: " + written.error().message};
    }
    if (std::rename(temporary.c_str(), m_path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temporary.c_str());
        return Error {m_path, "cannot replace the state backup: " + why};
    }
    // The rename is durable only once the folder's entry is on disk.
    if (const int folder = ::open(folderOf(m_path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); folder >= 0) {
        ::fsync(folder);
        ::close(folder);
    }
    return success();
}

Result<std::vector<BackedUpChild>> StateBackup::read() const
{
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return Error {m_path, std::string {"no state backup: "} + std::strerror(errno)};
    }
    std::string bytes;
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got <= 0 || bytes.size() + static_cast<std::size_t>(got) > kMaxBytes) {
            break;
        }
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    ::close(fd);
    const nlohmann::json document = nlohmann::json::parse(bytes, nullptr, false);
    if (document.is_discarded() || !document.is_object() || document.value("format", 0) != kFormat
        || !document.contains("children") || !document["children"].is_array() || !document.contains("sha256")
        || !document["sha256"].is_string()) {
        return Error {m_path, "the state backup is not a Sundial backup of format 1"};
    }
    if (toHex(sha256(document["children"].dump())) != document["sha256"].get<std::string>()) {
        return Error {m_path, "the state backup fails its SHA-256 check (damaged or edited)"};
    }
    std::vector<BackedUpChild> children;
    try {
        for (const nlohmann::json &entry : document["children"]) {
            BackedUpChild child;
            child.child.uid = entry.at("uid").get<std::int64_t>();
            child.child.name = entry.at("name").get<std::string>();
            child.child.addedAt = Instant {std::chrono::seconds {entry.at("addedAt").get<std::int64_t>()}};
            child.rulesVersion = entry.value("rulesVersion", std::int64_t {0});
            if (const nlohmann::json &rules = entry.at("rules"); !rules.is_null()) {
                Result<Rules> parsed = rulesFromJson(rules.dump());
                if (!parsed) {
                    return Error {m_path,
                        "the state backup's rules for uid " + std::to_string(child.child.uid)
                            + " are invalid: " + parsed.error().describe()};
                }
                child.rules = *parsed;
            }
            children.push_back(std::move(child));
        }
    } catch (const nlohmann::json::exception &error) {
        return Error {m_path, std::string {"the state backup is malformed: "} + error.what()};
    }
    return children;
}

std::vector<BackedUpChild> StateBackup::collect(const ChildStore &children, const RuleStore &rules)
{
    std::vector<BackedUpChild> backup;
    for (const Child &child : children.list()) {
        BackedUpChild entry {child, std::nullopt, 0};
        if (const auto current = rules.current(child.uid); current && *current) {
            entry.rules = **current;
            const std::vector<RuleVersion> history = rules.history(child.uid);
            entry.rulesVersion = history.empty() ? 0 : history.front().id;
        }
        backup.push_back(std::move(entry));
    }
    return backup;
}

Result<std::vector<std::string>> StateBackup::restore(
    const std::vector<BackedUpChild> &backup, ChildStore &children, RuleStore &rules, Instant now)
{
    std::vector<std::string> restored;
    for (const BackedUpChild &entry : backup) {
        const std::string who = "uid " + std::to_string(entry.child.uid) + " (" + entry.child.name + ")";
        if (!children.isChild(entry.child.uid)) {
            if (Status added = children.add(entry.child.uid, entry.child.name, entry.child.addedAt); !added) {
                return added.error();
            }
            restored.push_back(who + " limited again");
        }
        if (!entry.rules) {
            continue;
        }
        const std::vector<RuleVersion> history = rules.history(entry.child.uid);
        const std::int64_t latest = history.empty() ? 0 : history.front().id;
        if (entry.rulesVersion > latest || history.empty()) {
            if (auto saved = rules.save(entry.child.uid, *entry.rules, -1, now); !saved) {
                return saved.error();
            }
            restored.push_back(who + ": rules version " + std::to_string(entry.rulesVersion) + " restored");
        }
    }
    return restored;
}

} // namespace sundial::core
