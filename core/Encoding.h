#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::core {

/// base64url without padding (RFC 4648 §5), as used in cursors, tokens and later JWTs.
std::string base64UrlEncode(std::string_view bytes);
std::optional<std::string> base64UrlDecode(std::string_view text);

/// Lower-case hexadecimal.
std::string toHex(std::string_view bytes);

/// SHA-256 of the bytes (raw 32 bytes).
std::string sha256(std::string_view bytes);

/// Compares two secrets in time that depends only on their lengths, never on where they differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace trellis::core
