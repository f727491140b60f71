#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of the header so users need no OpenSSL includes.

namespace trellis::core::crypto {

/// A public ES256 (ECDSA P-256 with SHA-256) key that checks JWS signatures, built from a JWK.
class VerificationKey
{
public:
    /// Accepts {"kty":"EC","crv":"P-256","x","y"} with 32-byte coordinates of a point on the curve; "use", if
    /// present, must be "sig" and "alg", if present, "ES256". Private members ("d") are refused: a public key set
    /// must never carry them. The kid is the JWK's "kid" if it has one, else its RFC 7638 thumbprint.
    static std::optional<VerificationKey> fromJwk(const nlohmann::json& jwk);

    const std::string& kid() const { return m_kid; }
    /// The public JWK with kid, use and alg, as published in the JWKS.
    const nlohmann::json& jwk() const { return m_jwk; }

    /// Checks a raw 64-byte R||S ES256 signature over data. False for any other length.
    bool verify(std::string_view data, std::string_view rawSignature) const;

private:
    VerificationKey() = default;

    std::shared_ptr<evp_pkey_st> m_key;
    nlohmann::json m_jwk;
    std::string m_kid;
};

} // namespace trellis::core::crypto
