// SPDX-License-Identifier: GPL-3.0-or-later
// UTF-8 handling for everything the core stores: window titles, app names, domains.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sundial::core
{

// Storage limits, in bytes of UTF-8. Longer values are cut at a character boundary.
inline constexpr std::size_t kMaxTitleBytes = 1024;
inline constexpr std::size_t kMaxPathBytes = 4096;
inline constexpr std::size_t kMaxNameBytes = 512;
inline constexpr std::size_t kMaxDomainBytes = 253;

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view text);

// Well-formed UTF-8 with every invalid sequence replaced by U+FFFD.
std::string sanitizeUtf8(std::string_view text);

// The longest prefix of `text` (which must be valid UTF-8) that fits in `maxBytes` and
// ends on a character boundary. Never splits a multi-byte character.
std::string truncateUtf8(std::string_view text, std::size_t maxBytes);

// sanitizeUtf8 then truncateUtf8: what the core does to any outside string before storing it.
std::string cleanText(std::string_view text, std::size_t maxBytes);

// ASCII lower case; other bytes are left alone.
std::string asciiLower(std::string_view text);

// The last part of a path ("/usr/bin/python3" -> "python3"; a path without '/' as it is).
std::string_view fileNameOf(std::string_view path);

} // namespace sundial::core
