#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_pkey_st; // OpenSSL's EVP_PKEY, kept out of the header so users need no OpenSSL includes.

namespace trellis::core::crypto {

struct CborValue;

/// COSE algorithm identifiers (RFC 9053, IANA registry) that passkeys may use here.
enum class CoseAlgorithm : int
{
    ES256 = -7,  ///< ECDSA P-256 with SHA-256, DER signatures (what WebAuthn sends)
    EdDSA = -8,  ///< Ed25519
    RS256 = -257 ///< RSASSA-PKCS1-v1_5 with SHA-256, modulus of at least 2048 bits
};

/// A credential public key in COSE_Key form (RFC 9052 §7) as an OpenSSL key that checks WebAuthn signatures.
/// Accepts exactly: EC2 (kty 2) P-256 with alg -7; OKP (kty 1) Ed25519 with alg -8; RSA (kty 3) with alg -257.
/// A key without "alg", with private members, or with a curve or size outside these is refused.
class CoseKey
{
public:
    /// From the decoded COSE_Key map. `error` (optional) receives why a key was refused.
    static std::optional<CoseKey> fromCbor(const CborValue& key, std::string* error = nullptr);
    /// From its CBOR encoding (as stored), which must be exactly one map.
    static std::optional<CoseKey> fromBytes(std::string_view cbor, std::string* error = nullptr);

    CoseAlgorithm algorithm() const { return m_algorithm; }
    /// SubjectPublicKeyInfo DER of the key (for logs and exports; never needed to verify).
    std::string spkiDer() const;
    /// Checks a WebAuthn signature over `data`: DER ECDSA for ES256, PKCS#1 v1.5 for RS256, 64 raw bytes for EdDSA.
    bool verify(std::string_view data, std::string_view signature) const;

private:
    CoseKey() = default;

    std::shared_ptr<evp_pkey_st> m_key;
    CoseAlgorithm m_algorithm = CoseAlgorithm::ES256;
};

} // namespace trellis::core::crypto
