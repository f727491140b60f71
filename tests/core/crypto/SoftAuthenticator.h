#pragma once

#include "core/Encoding.h"
#include "core/crypto/Cbor.h"
#include "core/crypto/CoseKey.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <stdexcept>
#include <string>

/// A software WebAuthn authenticator for tests: a real OpenSSL key pair (P-256, RSA-2048 or Ed25519), and the
/// byte layouts an authenticator and browser produce (authenticator data, attestation object, clientDataJSON).
/// Independent of the code under test except for the CBOR encoder, which the CBOR tests check separately.
class SoftAuthenticator
{
public:
    explicit SoftAuthenticator(trellis::core::crypto::CoseAlgorithm alg)
        : m_alg(alg)
    {
        using trellis::core::crypto::CoseAlgorithm;
        EVP_PKEY* key = nullptr;
        if (alg == CoseAlgorithm::ES256)
            key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        else if (alg == CoseAlgorithm::RS256)
            key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t(2048));
        else
            key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
        if (!key)
            throw std::runtime_error("key generation failed");
        m_key.reset(key, EVP_PKEY_free);
        credentialId = trellis::core::sha256(std::to_string(reinterpret_cast<std::uintptr_t>(key)) + "id");
    }

    /// The public key as a COSE_Key map.
    trellis::core::crypto::CborValue coseKey() const
    {
        using trellis::core::crypto::CborValue;
        using trellis::core::crypto::CoseAlgorithm;
        if (m_alg == CoseAlgorithm::ES256) {
            return CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(2)},
                                   {CborValue::fromInt(3), CborValue::fromInt(-7)},
                                   {CborValue::fromInt(-1), CborValue::fromInt(1)},
                                   {CborValue::fromInt(-2), CborValue::fromBytes(bn(OSSL_PKEY_PARAM_EC_PUB_X, 32))},
                                   {CborValue::fromInt(-3), CborValue::fromBytes(bn(OSSL_PKEY_PARAM_EC_PUB_Y, 32))}});
        }
        if (m_alg == CoseAlgorithm::RS256) {
            return CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(3)},
                                   {CborValue::fromInt(3), CborValue::fromInt(-257)},
                                   {CborValue::fromInt(-1), CborValue::fromBytes(bn(OSSL_PKEY_PARAM_RSA_N, 0))},
                                   {CborValue::fromInt(-2), CborValue::fromBytes(bn(OSSL_PKEY_PARAM_RSA_E, 0))}});
        }
        unsigned char raw[32];
        std::size_t length = sizeof raw;
        EVP_PKEY_get_raw_public_key(m_key.get(), raw, &length);
        return CborValue::map(
            {{CborValue::fromInt(1), CborValue::fromInt(1)},
             {CborValue::fromInt(3), CborValue::fromInt(-8)},
             {CborValue::fromInt(-1), CborValue::fromInt(6)},
             {CborValue::fromInt(-2), CborValue::fromBytes(std::string(reinterpret_cast<char*>(raw), length))}});
    }

    std::string sign(const std::string& data) const
    {
        using trellis::core::crypto::CoseAlgorithm;
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        const EVP_MD* md = m_alg == CoseAlgorithm::EdDSA ? nullptr : EVP_sha256();
        std::size_t length = 0;
        std::string out;
        if (EVP_DigestSignInit(ctx, nullptr, md, nullptr, m_key.get()) == 1 &&
            EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(data.data()), data.size()) ==
                1) {
            out.resize(length);
            if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &length,
                               reinterpret_cast<const unsigned char*>(data.data()), data.size()) != 1)
                out.clear();
            out.resize(length);
        }
        EVP_MD_CTX_free(ctx);
        if (out.empty())
            throw std::runtime_error("signing failed");
        return out;
    }

    static std::string clientData(const std::string& type, const std::string& challenge, const std::string& origin,
                                  const nlohmann::json& extra = nlohmann::json::object())
    {
        nlohmann::json j = {
            {"type", type}, {"challenge", trellis::core::base64UrlEncode(challenge)}, {"origin", origin}};
        j.update(extra);
        return j.dump();
    }

    static std::string be32(std::uint32_t v)
    {
        return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
    }

    /// Authenticator data; with `attested`, the attested credential data (zero AAGUID) follows.
    std::string authenticatorData(const std::string& rpId, std::uint8_t flags, std::uint32_t counter,
                                  bool attested) const
    {
        std::string d = trellis::core::sha256(rpId);
        d += char(attested ? flags | 0x40 : flags);
        d += be32(counter);
        if (attested) {
            d += std::string(16, '\0');
            d += char(credentialId.size() >> 8);
            d += char(credentialId.size() & 0xFF);
            d += credentialId;
            d += trellis::core::crypto::Cbor::encode(coseKey());
        }
        return d;
    }

    /// attestationObject with fmt "none" or "packed" (self attestation over authData || SHA-256(clientData)).
    std::string attestationObject(const std::string& fmt, const std::string& authData,
                                  const std::string& clientDataJson) const
    {
        using trellis::core::crypto::CborValue;
        CborValue statement = CborValue::map({});
        if (fmt == "packed") {
            statement =
                CborValue::map({{CborValue::fromText("alg"), CborValue::fromInt(int(m_alg))},
                                {CborValue::fromText("sig"),
                                 CborValue::fromBytes(sign(authData + trellis::core::sha256(clientDataJson)))}});
        }
        return trellis::core::crypto::Cbor::encode(
            CborValue::map({{CborValue::fromText("fmt"), CborValue::fromText(fmt)},
                            {CborValue::fromText("attStmt"), statement},
                            {CborValue::fromText("authData"), CborValue::fromBytes(authData)}}));
    }

    std::string credentialId;

private:
    std::string bn(const char* name, int pad) const
    {
        BIGNUM* value = nullptr;
        EVP_PKEY_get_bn_param(m_key.get(), name, &value);
        std::string out(std::size_t(pad > 0 ? pad : BN_num_bytes(value)), '\0');
        BN_bn2binpad(value, reinterpret_cast<unsigned char*>(out.data()), int(out.size()));
        BN_free(value);
        return out;
    }

    trellis::core::crypto::CoseAlgorithm m_alg;
    std::shared_ptr<EVP_PKEY> m_key;
};
