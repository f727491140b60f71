#pragma once

#include "core/crypto/CoseKey.h"
#include "core/crypto/Jwt.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::crypto {

/// The public keys another issuer publishes (an upstream identity provider's JWKS) and the check of JWS tokens it
/// signed: RS256 (RSA of at least 2048 bits) and ES256 (P-256). Keys of other types, with private members, or meant
/// for encryption ("use": "enc") are left out. The algorithm must be one of the key's: a token cannot pick
/// another one than the key was published for.
class ForeignJwks
{
public:
    /// From a JWKS document {"keys": [...]}; unusable keys are skipped (see usableKeys()).
    explicit ForeignJwks(const nlohmann::json& jwks);

    std::size_t usableKeys() const { return m_keys.size(); }

    /// Structure, alg (RS256 or ES256 only, never "none" or HMAC), the key by "kid" (or the only key of the right
    /// type when the token names none) and the signature. Claims are not looked at: call Jwt::checkClaims() next.
    Jwt::Verified verify(std::string_view token) const;

private:
    struct Key
    {
        std::string kid; ///< empty when the JWK has none
        CoseKey key;     ///< its algorithm is the one the key may be used with
    };
    std::vector<Key> m_keys;
};

} // namespace trellis::core::crypto
