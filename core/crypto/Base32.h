#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trellis::core::crypto {

/// Base32 (RFC 4648 §6) without padding, as authenticator apps expect TOTP secrets.
std::string base32Encode(std::string_view bytes);

/// Decodes upper- or lower-case base32 without padding; refuses any other character, impossible lengths and
/// non-canonical trailing bits, so one secret has exactly one spelling.
std::optional<std::string> base32Decode(std::string_view text);

} // namespace trellis::core::crypto
