// SPDX-License-Identifier: GPL-3.0-or-later
// The language of the login check's messages: Vietnamese when the messages locale's language is
// vi, English otherwise.
//
// Where the locale comes from: pam_exec runs the check with the PAM environment, not its caller's
// (LANG in the environment of su, sudo or a display manager never reaches it). The PAM
// environment holds a locale only when the login program or an earlier module put one there;
// pam_env and display managers usually do that later, in the session stage. So the check takes
// the messages locale from its environment when that names one, else from the system locale
// (/etc/default/locale on Debian, /etc/locale.conf where systemd's localed writes it).
//
// The account logging in may shape the PAM environment. That is harmless here: the locale only
// picks one of the check's built-in texts; nothing is loaded from it and setlocale() is never
// called with it.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace sundial::logincheck
{

enum class MessageLanguage {
    English,
    Vietnamese,
};

// The system locale's files, in the order they are asked.
inline constexpr std::array<std::string_view, 2> kSystemLocaleFiles {"/etc/default/locale", "/etc/locale.conf"};

// A variable's value by name, empty when it is not set.
using VariableLookup = std::function<std::string(std::string_view name)>;

// Vietnamese when the language part of the locale name (before '_', '.' or '@': "vi" in
// "vi_VN.UTF-8", "vi.UTF-8@latin", "vi") is "vi"; English for any other name, "C", "POSIX" and
// "" included.
MessageLanguage languageOfLocale(std::string_view locale);

// The locale messages are shown in, as POSIX ranks the variables: the first of LC_ALL,
// LC_MESSAGES and LANG that is not empty. Empty when none is set.
std::string messagesLocale(const VariableLookup &variable);

// The assignments of a locale file (/etc/default/locale, /etc/locale.conf): "NAME=value" lines,
// the value optionally in double or single quotes. Blank lines, '#' comments and any other line
// are skipped; a name assigned twice keeps its last value.
std::map<std::string, std::string, std::less<>> localeFileVariables(std::string_view text);

// The language of the check's messages: from the messages locale of `environment` when it names
// one, else from the first of `systemLocaleFiles` that names one (a missing or unreadable file
// names none; at most the first 64 KiB of a file are read). English when none does.
MessageLanguage loginMessageLanguage(
    const VariableLookup &environment, std::span<const std::string_view> systemLocaleFiles);

} // namespace sundial::logincheck
