// SPDX-License-Identifier: GPL-3.0-or-later
// SHA-256 (FIPS 180-4), for the audit log's hash chain. Not for secrets.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sundial::core
{

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view bytes);
std::string toHex(const Sha256Digest &digest);

} // namespace sundial::core
