#pragma once

#include <cstddef>
#include <string>

namespace trellis::core {

/// Cryptographically secure random bytes from OpenSSL; throws std::runtime_error if the generator fails.
std::string secureRandomBytes(std::size_t count);

/// A random secret token: 32 secure random bytes, base64url (43 characters).
std::string newSecretToken();

/// A random UUID version 4 in canonical lower-case form.
std::string newUuid();

} // namespace trellis::core
