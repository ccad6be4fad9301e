// SPDX-License-Identifier: GPL-3.0-or-later
// The numbered schema migrations. Migration N takes a database from user_version N-1 to N.
#pragma once

#include <string_view>
#include <vector>

namespace sundial::core
{

// The SQL of each migration, in order; index 0 is migration 1.
const std::vector<std::string_view> &schemaMigrations();

// Tables whose rows are copied out of a damaged file, most important first.
const std::vector<std::string_view> &salvageableTables();

} // namespace sundial::core
