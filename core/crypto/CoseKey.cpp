#include "core/crypto/CoseKey.h"

#include "core/crypto/Cbor.h"

#include <array>
#include <cstring>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

namespace trellis::core::crypto {

namespace {

// COSE_Key labels (RFC 9052 §7.1, RFC 9053 §7).
constexpr std::int64_t labelKty = 1;
constexpr std::int64_t labelAlg = 3;
constexpr std::int64_t labelCrvOrN = -1;
constexpr std::int64_t labelXOrE = -2;
constexpr std::int64_t labelY = -3;
constexpr std::int64_t labelD = -4; // private key member of EC2 and OKP (RSA uses -3.. for private members)

constexpr std::int64_t ktyOkp = 1;
constexpr std::int64_t ktyEc2 = 2;
constexpr std::int64_t ktyRsa = 3;
constexpr std::int64_t crvP256 = 1;
constexpr std::int64_t crvEd25519 = 6;

std::shared_ptr<evp_pkey_st> own(EVP_PKEY* key)
{
    return std::shared_ptr<evp_pkey_st>(key, EVP_PKEY_free);
}

std::optional<CoseKey> refuse(std::string* error, const char* why)
{
    if (error)
        *error = why;
    ERR_clear_error();
    return std::nullopt;
}

const std::string* bytesAt(const CborValue& key, std::int64_t label)
{
    const CborValue* v = key.find(label);
    return v && v->isBytes() ? &v->string : nullptr;
}

std::shared_ptr<evp_pkey_st> ec2Key(const std::string& x, const std::string& y)
{
    std::array<unsigned char, 65> point{};
    point[0] = 0x04;
    std::memcpy(point.data() + 1, x.data(), 32);
    std::memcpy(point.data() + 33, y.data(), 32);
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
                           OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
                           OSSL_PARAM_construct_end()};
    EVP_PKEY* raw = nullptr;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    const bool ok =
        ctx && EVP_PKEY_fromdata_init(ctx) == 1 && EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(ctx);
    auto key = own(raw);
    if (!ok)
        return nullptr;
    // Off-curve points invite invalid-curve attacks: check rather than trust the import.
    EVP_PKEY_CTX* check = EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr);
    const bool onCurve = check && EVP_PKEY_public_check(check) == 1;
    EVP_PKEY_CTX_free(check);
    return onCurve ? key : nullptr;
}

std::shared_ptr<evp_pkey_st> rsaKey(const std::string& n, const std::string& e)
{
    BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), int(n.size()), nullptr);
    BIGNUM* be = BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), int(e.size()), nullptr);
    OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM* params = nullptr;
    EVP_PKEY* raw = nullptr;
    EVP_PKEY_CTX* ctx = nullptr;
    // 2048 bits at least; an even or tiny exponent is no RSA key anyone should accept.
    const bool sane = bn && be && BN_num_bits(bn) >= 2048 && BN_num_bits(bn) <= 16384 && BN_is_odd(be) &&
                      BN_num_bits(be) >= 2 && BN_num_bits(be) <= 256;
    const bool ok = sane && bld && OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn) == 1 &&
                    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be) == 1 &&
                    (params = OSSL_PARAM_BLD_to_param(bld)) != nullptr &&
                    (ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr)) != nullptr &&
                    EVP_PKEY_fromdata_init(ctx) == 1 && EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    auto key = own(raw);
    return ok ? key : nullptr;
}

} // namespace

std::optional<CoseKey> CoseKey::fromBytes(std::string_view cbor, std::string* error)
{
    const auto decoded = Cbor::decode(cbor);
    if (!decoded)
        return refuse(error, "credential public key is not valid CBOR");
    return fromCbor(*decoded, error);
}

std::optional<CoseKey> CoseKey::fromCbor(const CborValue& key, std::string* error)
{
    if (!key.isMap())
        return refuse(error, "credential public key is not a COSE_Key map");
    const CborValue* kty = key.find(labelKty);
    const CborValue* alg = key.find(labelAlg);
    if (!kty || !kty->isInt() || !alg || !alg->isInt())
        return refuse(error, "COSE_Key needs integer kty and alg");

    CoseKey result;
    if (kty->integer == ktyEc2 && alg->integer == int(CoseAlgorithm::ES256)) {
        const CborValue* crv = key.find(labelCrvOrN);
        const std::string* x = bytesAt(key, labelXOrE);
        const std::string* y = bytesAt(key, labelY);
        if (key.find(labelD))
            return refuse(error, "COSE_Key carries a private key");
        if (!crv || !crv->isInt() || crv->integer != crvP256 || !x || !y || x->size() != 32 || y->size() != 32)
            return refuse(error, "ES256 key must be P-256 with 32-byte x and y");
        result.m_key = ec2Key(*x, *y);
        result.m_algorithm = CoseAlgorithm::ES256;
    } else if (kty->integer == ktyOkp && alg->integer == int(CoseAlgorithm::EdDSA)) {
        const CborValue* crv = key.find(labelCrvOrN);
        const std::string* x = bytesAt(key, labelXOrE);
        if (key.find(labelD))
            return refuse(error, "COSE_Key carries a private key");
        if (!crv || !crv->isInt() || crv->integer != crvEd25519 || !x || x->size() != 32)
            return refuse(error, "EdDSA key must be Ed25519 with a 32-byte x");
        result.m_key = own(EVP_PKEY_new_raw_public_key_ex(
            nullptr, "ED25519", nullptr, reinterpret_cast<const unsigned char*>(x->data()), x->size()));
        result.m_algorithm = CoseAlgorithm::EdDSA;
    } else if (kty->integer == ktyRsa && alg->integer == int(CoseAlgorithm::RS256)) {
        const std::string* n = bytesAt(key, labelCrvOrN);
        const std::string* e = bytesAt(key, labelXOrE);
        if (key.find(-3) || key.find(-4))
            return refuse(error, "COSE_Key carries a private key");
        if (!n || !e)
            return refuse(error, "RS256 key needs n and e");
        result.m_key = rsaKey(*n, *e);
        result.m_algorithm = CoseAlgorithm::RS256;
    } else {
        return refuse(error, "unsupported COSE key type or algorithm");
    }
    if (!result.m_key)
        return refuse(error, "credential public key is not a valid key");
    return result;
}

std::string CoseKey::spkiDer() const
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(m_key.get(), &der);
    if (length <= 0)
        return {};
    std::string out(reinterpret_cast<const char*>(der), std::size_t(length));
    OPENSSL_free(der);
    return out;
}

bool CoseKey::verify(std::string_view data, std::string_view signature) const
{
    if (signature.empty() || signature.size() > 2048)
        return false;
    if (m_algorithm == CoseAlgorithm::EdDSA && signature.size() != 64)
        return false;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY_CTX* pctx = nullptr;
    // Ed25519 hashes internally (no digest); the others use SHA-256. RSA keys default to PKCS#1 v1.5 padding.
    const EVP_MD* md = m_algorithm == CoseAlgorithm::EdDSA ? nullptr : EVP_sha256();
    bool ok = ctx && EVP_DigestVerifyInit(ctx, &pctx, md, nullptr, m_key.get()) == 1;
    if (ok && m_algorithm == CoseAlgorithm::RS256)
        ok = EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1;
    ok = ok && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        ERR_clear_error();
    return ok;
}

} // namespace trellis::core::crypto
