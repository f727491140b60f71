#pragma once

#include "core/crypto/VerificationKey.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st;

namespace trellis::core::crypto {

/// A private ES256 (ECDSA P-256) key that signs JWTs. The server keeps it as PKCS#8 PEM in its database and
/// publishes publicJwk() in the JWKS; kid is the RFC 7638 thumbprint, so it is stable across export and import.
class SigningKey
{
public:
    /// A fresh P-256 key; throws std::runtime_error if OpenSSL cannot make one.
    static SigningKey generate();

    /// Reads an unencrypted PKCS#8 ("BEGIN PRIVATE KEY") PEM; std::nullopt for anything that is not a P-256
    /// private key. Encrypted PEM is refused rather than prompting on a terminal.
    static std::optional<SigningKey> fromPkcs8Pem(std::string_view pem);

    /// Unencrypted PKCS#8 PEM. It is the secret: store it, never log it.
    std::string toPkcs8Pem() const;

    const std::string& kid() const { return m_kid; }

    /// {"kty":"EC","crv":"P-256","x","y","kid","use":"sig","alg":"ES256"}.
    const nlohmann::json& publicJwk() const { return m_publicJwk; }

    /// The matching public key, for verifying what this key signed.
    VerificationKey verificationKey() const;

    /// ES256 signature over data in JOSE form: 64 bytes R||S. Throws std::runtime_error if signing fails.
    std::string sign(std::string_view data) const;

private:
    explicit SigningKey(std::shared_ptr<evp_pkey_st> key);

    std::shared_ptr<evp_pkey_st> m_key;
    nlohmann::json m_publicJwk;
    std::string m_kid;
};

} // namespace trellis::core::crypto
