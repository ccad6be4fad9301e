// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/logincheck/messagelanguage.h"

#include <fstream>

namespace sundial::logincheck
{

namespace
{

constexpr std::streamsize kMaxLocaleFileBytes = 64 * 1024;
constexpr std::string_view kSpace = " \t\r";

std::string_view trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::string unquoted(std::string_view value)
{
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        return std::string {value.substr(1, value.size() - 2)};
    }
    return std::string {value};
}

std::string fileText(std::string_view path)
{
    std::ifstream file {std::string {path}, std::ios::binary};
    if (!file) {
        return {};
    }
    std::string text(static_cast<std::size_t>(kMaxLocaleFileBytes), '\0');
    file.read(text.data(), kMaxLocaleFileBytes);
    text.resize(static_cast<std::size_t>(file.gcount()));
    return text;
}

} // namespace

MessageLanguage languageOfLocale(std::string_view locale)
{
    const std::string_view language = locale.substr(0, locale.find_first_of("_.@"));
    return language == "vi" ? MessageLanguage::Vietnamese : MessageLanguage::English;
}

std::string messagesLocale(const VariableLookup &variable)
{
    for (const std::string_view name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (std::string value = variable(name); !value.empty()) {
            return value;
        }
    }
    return {};
}

std::map<std::string, std::string, std::less<>> localeFileVariables(std::string_view text)
{
    std::map<std::string, std::string, std::less<>> variables;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view {} : text.substr(end + 1);
        const auto equals = line.find('=');
        if (line.empty() || line.front() == '#' || equals == std::string_view::npos || equals == 0) {
            continue;
        }
        variables[std::string {trimmed(line.substr(0, equals))}] = unquoted(trimmed(line.substr(equals + 1)));
    }
    return variables;
}

MessageLanguage loginMessageLanguage(
    const VariableLookup &environment, std::span<const std::string_view> systemLocaleFiles)
{
    if (const std::string locale = messagesLocale(environment); !locale.empty()) {
        return languageOfLocale(locale);
    }
    for (const std::string_view path : systemLocaleFiles) {
        const auto variables = localeFileVariables(fileText(path));
        const std::string locale = messagesLocale([&variables](std::string_view name) {
            const auto found = variables.find(name);
            return found == variables.end() ? std::string {} : found->second;
        });
        if (!locale.empty()) {
            return languageOfLocale(locale);
        }
    }
    return MessageLanguage::English;
}

} // namespace sundial::logincheck
