#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::core {

/// base64url without padding (RFC 4648 §5), as used in cursors, tokens and later JWTs.
std::string base64UrlEncode(std::string_view bytes);
std::optional<std::string> base64UrlDecode(std::string_view text);
/// Standard base64 with padding (RFC 4648 §4), as MIME and HTTP Basic authentication want it.
std::string base64Encode(std::string_view bytes);

/// RFC 3986 unreserved characters stay, every other byte becomes %XX: safe in a query component or a form body.
std::string percentEncode(std::string_view text);

/// Lower-case hexadecimal.
std::string toHex(std::string_view bytes);

/// SHA-256 of the bytes (raw 32 bytes).
std::string sha256(std::string_view bytes);

/// Compares two secrets in time that depends only on their lengths, never on where they differ.
bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace trellis::core
