#include "core/crypto/VerificationKey.h"

#include "core/Encoding.h"
#include "core/crypto/EcdsaSignature.h"
#include "core/crypto/Jwk.h"

#include <array>
#include <cstring>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace trellis::core::crypto {

namespace {
// Empty when missing or not the full coordinate size (RFC 7518 §6.2.1.2: leading zeros are kept).
std::string coordinate(const nlohmann::json& jwk, const char* name)
{
    if (!jwk.contains(name) || !jwk[name].is_string())
        return {};
    const auto bytes = base64UrlDecode(jwk[name].get<std::string>());
    return bytes && bytes->size() == 32 ? *bytes : std::string();
}

bool optionalMemberIs(const nlohmann::json& jwk, const char* name, const char* expected)
{
    return !jwk.contains(name) || (jwk[name].is_string() && jwk[name].get<std::string>() == expected);
}
} // namespace

std::optional<VerificationKey> VerificationKey::fromJwk(const nlohmann::json& jwk)
{
    if (!jwk.is_object() || jwk.value("kty", nlohmann::json()) != "EC" || jwk.value("crv", nlohmann::json()) != "P-256")
        return std::nullopt;
    if (jwk.contains("d") || !optionalMemberIs(jwk, "use", "sig") || !optionalMemberIs(jwk, "alg", "ES256"))
        return std::nullopt;
    if (jwk.contains("kid") && (!jwk["kid"].is_string() || jwk["kid"].get<std::string>().empty()))
        return std::nullopt;
    const auto x = coordinate(jwk, "x");
    const auto y = coordinate(jwk, "y");
    if (x.empty() || y.empty())
        return std::nullopt;

    std::array<unsigned char, 65> point{};
    point[0] = 0x04; // uncompressed
    std::memcpy(point.data() + 1, x.data(), 32);
    std::memcpy(point.data() + 33, y.data(), 32);
    char group[] = "prime256v1";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
                           OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
                           OSSL_PARAM_construct_end()};
    EVP_PKEY* raw = nullptr;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr);
    const bool imported =
        ctx && EVP_PKEY_fromdata_init(ctx) == 1 && EVP_PKEY_fromdata(ctx, &raw, EVP_PKEY_PUBLIC_KEY, params) == 1;
    EVP_PKEY_CTX_free(ctx);
    std::shared_ptr<evp_pkey_st> key(raw, EVP_PKEY_free);
    if (!imported) {
        ERR_clear_error();
        return std::nullopt;
    }
    // An off-curve point invites invalid-curve attacks; check explicitly rather than trust the import to.
    EVP_PKEY_CTX* check = EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr);
    const bool onCurve = check && EVP_PKEY_public_check(check) == 1;
    EVP_PKEY_CTX_free(check);
    if (!onCurve) {
        ERR_clear_error();
        return std::nullopt;
    }

    VerificationKey result;
    result.m_key = std::move(key);
    result.m_kid = jwk.contains("kid") ? jwk["kid"].get<std::string>() : *Jwk::thumbprint(jwk);
    result.m_jwk = {{"kty", "EC"},         {"crv", "P-256"}, {"x", jwk["x"]}, {"y", jwk["y"]},
                    {"kid", result.m_kid}, {"use", "sig"},   {"alg", "ES256"}};
    return result;
}

bool VerificationKey::verify(std::string_view data, std::string_view rawSignature) const
{
    if (rawSignature.size() != 64)
        return false;
    const auto der = EcdsaSignature::rawToDer(rawSignature);
    if (!der)
        return false;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    const bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
                    EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(der->data()), der->size(),
                                     reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
        ERR_clear_error();
    return ok;
}

} // namespace trellis::core::crypto
