#include "core/crypto/SigningKey.h"

#include "core/Encoding.h"
#include "core/crypto/EcdsaSignature.h"
#include "core/crypto/Jwk.h"

#include <array>
#include <cstring>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdexcept>

namespace trellis::core::crypto {

namespace {
constexpr std::string_view kPkcs8Begin = "-----BEGIN PRIVATE KEY-----";

// Never prompt for a passphrase: an encrypted PEM simply fails to load.
int noPassphrase(char*, int, int, void*)
{
    return -1;
}

bool isP256(EVP_PKEY* key)
{
    if (!EVP_PKEY_is_a(key, "EC"))
        return false;
    std::array<char, 64> group{};
    std::size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group.data(), group.size(), &length) != 1)
        return false;
    return std::string_view(group.data(), length) == "prime256v1";
}

std::string coordinate(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        throw std::runtime_error("reading an EC public key coordinate failed");
    std::string out(32, '\0');
    const int written = BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), 32);
    BN_free(bn);
    if (written != 32)
        throw std::runtime_error("EC public key coordinate does not fit P-256");
    return out;
}
} // namespace

SigningKey::SigningKey(std::shared_ptr<evp_pkey_st> key)
    : m_key(std::move(key))
{
    m_publicJwk = {{"kty", "EC"},
                   {"crv", "P-256"},
                   {"x", base64UrlEncode(coordinate(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_X))},
                   {"y", base64UrlEncode(coordinate(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y))}};
    m_kid = *Jwk::thumbprint(m_publicJwk);
    m_publicJwk["kid"] = m_kid;
    m_publicJwk["use"] = "sig";
    m_publicJwk["alg"] = "ES256";
}

SigningKey SigningKey::generate()
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!key) {
        ERR_clear_error();
        throw std::runtime_error("generating a P-256 key failed");
    }
    return SigningKey(std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free));
}

std::optional<SigningKey> SigningKey::fromPkcs8Pem(std::string_view pem)
{
    // Only PKCS#8: the traditional SEC1 form is not what we store, so it signals a mix-up.
    if (pem.find(kPkcs8Begin) == std::string_view::npos || pem.size() > 16 * 1024)
        return std::nullopt;
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, noPassphrase, nullptr) : nullptr;
    BIO_free(bio);
    std::shared_ptr<evp_pkey_st> owned(key, EVP_PKEY_free);
    if (!key || !isP256(key)) {
        ERR_clear_error();
        return std::nullopt;
    }
    return SigningKey(std::move(owned));
}

std::string SigningKey::toPkcs8Pem() const
{
    // Secure-memory BIO: the buffer holding the private key is wiped when freed.
    BIO* bio = BIO_new(BIO_s_secmem());
    if (!bio)
        throw std::runtime_error("allocating a BIO failed");
    if (PEM_write_bio_PrivateKey(bio, m_key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        BIO_free(bio);
        ERR_clear_error();
        throw std::runtime_error("writing the private key as PKCS#8 failed");
    }
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string pem(data, std::size_t(length));
    BIO_free(bio);
    return pem;
}

VerificationKey SigningKey::verificationKey() const
{
    auto key = VerificationKey::fromJwk(m_publicJwk);
    if (!key)
        throw std::runtime_error("own public key does not import");
    return *key;
}

std::string SigningKey::sign(std::string_view data) const
{
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::string der;
    std::size_t length = 0;
    bool ok =
        ctx && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
        EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
    if (ok) {
        der.resize(length);
        ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(der.data()), &length,
                            reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
        der.resize(length);
    }
    EVP_MD_CTX_free(ctx);
    if (!ok) {
        ERR_clear_error();
        throw std::runtime_error("ES256 signing failed");
    }
    auto raw = EcdsaSignature::derToRaw(der);
    if (!raw)
        throw std::runtime_error("ES256 signature did not convert to R||S");
    return *raw;
}

} // namespace trellis::core::crypto
