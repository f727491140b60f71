#pragma once

#include <string>
#include <string_view>

namespace trellis::core::crypto {

/// Proof Key for Code Exchange (RFC 7636). Only S256 exists here: "plain" gives no protection against an
/// intercepted authorization request and OAuth 2.0 Security BCP says not to accept it.
namespace Pkce {

/// A fresh verifier: 32 secure random bytes, base64url (43 characters), as RFC 7636 §4.1 recommends.
std::string newVerifier();

/// True if the verifier is 43 to 128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
bool isValidVerifier(std::string_view verifier);

/// BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2).
std::string s256Challenge(std::string_view verifier);

/// Whether the verifier presented at the token endpoint matches the challenge sent to /authorize. Any method
/// other than exactly "S256" and any malformed verifier are refused; the comparison is constant-time.
bool verify(std::string_view method, std::string_view challenge, std::string_view verifier);

} // namespace Pkce
} // namespace trellis::core::crypto
