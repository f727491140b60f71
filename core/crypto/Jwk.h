#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace trellis::core::crypto {

/// JSON Web Key helpers that do not need a key object.
namespace Jwk {

/// RFC 7638 thumbprint: base64url(SHA-256) of the key's required members, sorted, without whitespace.
/// Knows EC (crv, kty, x, y), RSA (e, kty, n), OKP (crv, kty, x) and oct (k, kty); std::nullopt for anything
/// else or when a required member is missing or not a string.
std::optional<std::string> thumbprint(const nlohmann::json& jwk);

} // namespace Jwk
} // namespace trellis::core::crypto
