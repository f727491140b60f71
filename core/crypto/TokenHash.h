#pragma once

#include <string>
#include <string_view>

namespace trellis::core::crypto {

/// How opaque secrets (refresh tokens, authorization codes, API tokens) are stored: lower-case hex of their
/// SHA-256. A database leak then yields nothing usable; the format must not change, stored rows depend on it.
std::string tokenHash(std::string_view token);

/// OpenID Connect at_hash / c_hash for ES256 ID tokens (OIDC Core §3.1.3.6, §3.3.2.11): base64url of the left
/// half of SHA-256 over the ASCII token.
std::string oidcHalfHash(std::string_view token);

} // namespace trellis::core::crypto
