// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/core/helplinetable.h"

#include <nlohmann/json.hpp>

#include "agent/core/text.h"

namespace sundial::core
{

namespace
{

std::string stringField(const nlohmann::json &object, const char *name)
{
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string {};
}

} // namespace

Result<HelpLineTable> HelpLineTable::fromJson(std::string_view json)
{
    const nlohmann::json document = nlohmann::json::parse(json, nullptr, false);
    if (document.is_discarded() || !document.is_object() || !document.contains("helplines")
        || !document["helplines"].is_array()) {
        return Error {"helplines", "not the help line table: no \"helplines\" list"};
    }
    HelpLineTable table;
    for (const nlohmann::json &item : document["helplines"]) {
        if (!item.is_object()) {
            continue;
        }
        Entry entry {asciiLower(stringField(item, "country")),
            HelpLine {stringField(item, "name"), stringField(item, "phone"), stringField(item, "url"), {}, {},
                stringField(item, "note")}};
        if (entry.country.size() == 2 && !entry.line.name.empty()
            && (!entry.line.phone.empty() || !entry.line.url.empty())) {
            table.m_entries.push_back(std::move(entry));
        }
    }
    return table;
}

HelpLine HelpLineTable::lineFor(std::string_view country) const
{
    for (const std::string &code : {asciiLower(country), std::string {"zz"}}) {
        for (const Entry &entry : m_entries) {
            if (!code.empty() && entry.country == code) {
                return entry.line;
            }
        }
    }
    return builtInInternational();
}

HelpLine HelpLineTable::builtInInternational()
{
    return {"Child Helpline International – find your country's child helpline", "",
        "https://childhelplineinternational.org/about/members/", {}, {}, ""};
}

Rules withHelpLine(Rules rules, const HelpLine &fallback)
{
    HelpLine &line = rules.helpLine;
    if (line.name.empty() && line.phone.empty() && line.url.empty()) {
        line.name = fallback.name;
        line.phone = fallback.phone;
        line.url = fallback.url;
        line.note = fallback.note;
    }
    return rules;
}

} // namespace sundial::core
