#pragma once

#include <string>
#include <string_view>

namespace trellis::core {

/// Argon2id password hashing (libargon2) with OWASP's parameters: m = 19 MiB, t = 2, p = 1, 16-byte salt,
/// 32-byte hash, stored as a PHC string ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash").
namespace PasswordHasher {
std::string hash(std::string_view password);
/// Constant-time verification; false for a malformed stored string.
bool verify(std::string_view password, const std::string& phcString);
} // namespace PasswordHasher

} // namespace trellis::core
