// SPDX-License-Identifier: GPL-3.0-or-later
// HelpLineTable (core): the shipped table of national child helplines (resources/helplines,
// installed as /usr/share/sundial/helplines.json), read by the service so that a child always
// sees a help line: when the parent's rules name none, the line for the computer's country, else
// the international one (docs/RULES.md "Help line"). The console has its own reader for its
// picker (ui/console/helplinetable.h); both read the same file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agent/core/result.h"
#include "agent/core/rules.h"

namespace sundial::core
{

class HelpLineTable
{
public:
    struct Entry {
        std::string country; // ISO 3166-1 alpha-2 in lower case; "zz" = the international fallback
        HelpLine line; // name, phone, url
    };

    // Reads the table's JSON form; entries without a country, a name, or both phone and url are
    // left out. Fails on text that is not the table.
    static Result<HelpLineTable> fromJson(std::string_view json);

    // The line for `country` (the first entry for it; any case), else the international one,
    // else the built-in international line (an unreadable or empty table still gives one).
    HelpLine lineFor(std::string_view country) const;
    const std::vector<Entry> &entries() const { return m_entries; }

    // Child Helpline International's list of members: the line of last resort.
    static HelpLine builtInInternational();

private:
    std::vector<Entry> m_entries;
};

// `rules` with `fallback`'s name, phone and url when the rules name no help line at all (no
// name, phone or url); the rules' own extra sites and apps are kept either way.
Rules withHelpLine(Rules rules, const HelpLine &fallback);

} // namespace sundial::core
