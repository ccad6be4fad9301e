// SPDX-License-Identifier: GPL-3.0-or-later
// ChildStore: which local accounts are limited.
#pragma once

#include <string>
#include <vector>

#include "agent/core/database.h"
#include "agent/core/timetypes.h"

namespace sundial::core
{

struct Child {
    std::int64_t uid = 0;
    std::string name;
    Instant addedAt {};
    bool operator==(const Child &) const = default;
};

class ChildStore
{
public:
    explicit ChildStore(Database &db);

    // Adds the account, or renames it if it is already there.
    Status add(std::int64_t uid, const std::string &name, Instant at);
    // Stops limiting the account. Its recorded usage stays.
    Status remove(std::int64_t uid);
    std::vector<Child> list() const;
    bool isChild(std::int64_t uid) const;

private:
    Database &m_db;
};

} // namespace sundial::core
