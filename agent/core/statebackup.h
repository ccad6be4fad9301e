// SPDX-License-Identifier: GPL-3.0-or-later
// StateBackup: the second, verified copy of what must survive any single damaged file — the
// limited accounts and each one's current rules — so that a damaged database never sets a
// child free. The service writes it beside the database after every change of children or
// rules (a temporary file, fsync, rename, fsync of the folder: a power cut leaves the old copy
// or the new one, never half of one) and reads it at start. The file carries the SHA-256 of its
// content; a file that fails the check, or is not this format, is refused whole.
//
// Format (JSON, one object): {"format": 1, "children": [{"uid", "name", "addedAt" (Unix
// seconds), "rules" (the rules' JSON form, docs/RULES-JSON.md, or null), "rulesVersion"}],
// "sha256": hex of
// the compact dump of "children"}.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "agent/core/childstore.h"
#include "agent/core/result.h"
#include "agent/core/rulestore.h"

namespace sundial::core
{

struct BackedUpChild {
    Child child;
    std::optional<Rules> rules; // none while the parent has set none
    std::int64_t rulesVersion = 0; // the rules' row id in the database (they only grow)
    bool operator==(const BackedUpChild &) const = default;
};

class StateBackup
{
public:
    explicit StateBackup(std::string path);

    const std::string &path() const { return m_path; }
    // Replaces the file with `children` (created 0600). On failure the previous file is left.
    Status write(const std::vector<BackedUpChild> &children) const;
    // The children in the file; an error when it is missing, unreadable, not this format or
    // fails its checksum (the error says which).
    Result<std::vector<BackedUpChild>> read() const;

    // What the database holds now, in the backup's form. Rules a newer Sundial wrote (not
    // readable here) are left out.
    static std::vector<BackedUpChild> collect(const ChildStore &children, const RuleStore &rules);
    // Puts back into the database what `backup` has and the database lacks: an account no longer
    // limited there, and rules newer than the database's latest version of them (a damaged
    // rules table lost them). Returns one line per thing restored, for the audit.
    static Result<std::vector<std::string>> restore(
        const std::vector<BackedUpChild> &backup, ChildStore &children, RuleStore &rules, Instant now);

private:
    std::string m_path;
};

} // namespace sundial::core
