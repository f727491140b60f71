#include "core/crypto/ForeignJwks.h"

#include "core/Encoding.h"
#include "core/crypto/Cbor.h"
#include "core/crypto/EcdsaSignature.h"

namespace trellis::core::crypto {

namespace {

std::optional<std::string> member(const nlohmann::json& jwk, const char* name)
{
    const auto it = jwk.find(name);
    if (it == jwk.end() || !it->is_string())
        return std::nullopt;
    return base64UrlDecode(it->get<std::string>());
}

std::optional<nlohmann::json> decodeObject(std::string_view part)
{
    const auto bytes = base64UrlDecode(part);
    if (!bytes)
        return std::nullopt;
    auto parsed = nlohmann::json::parse(*bytes, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return std::nullopt;
    return parsed;
}

// The JWK as a COSE_Key, so the checks CoseKey already makes for passkeys (curve, sizes, no private members) apply.
std::optional<CoseKey> keyFrom(const nlohmann::json& jwk)
{
    if (!jwk.is_object() || jwk.contains("d") || jwk.contains("p") || jwk.contains("k"))
        return std::nullopt;
    if (jwk.contains("use") && jwk["use"] != "sig")
        return std::nullopt;
    const std::string kty = jwk.value("kty", std::string());
    const std::string alg = jwk.contains("alg") && jwk["alg"].is_string() ? jwk["alg"].get<std::string>() : "";
    if (kty == "RSA" && (alg.empty() || alg == "RS256")) {
        const auto n = member(jwk, "n");
        const auto e = member(jwk, "e");
        if (!n || !e)
            return std::nullopt;
        return CoseKey::fromCbor(CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(3)},
                                                 {CborValue::fromInt(3), CborValue::fromInt(-257)},
                                                 {CborValue::fromInt(-1), CborValue::fromBytes(*n)},
                                                 {CborValue::fromInt(-2), CborValue::fromBytes(*e)}}));
    }
    if (kty == "EC" && jwk.value("crv", std::string()) == "P-256" && (alg.empty() || alg == "ES256")) {
        const auto x = member(jwk, "x");
        const auto y = member(jwk, "y");
        if (!x || !y)
            return std::nullopt;
        return CoseKey::fromCbor(CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(2)},
                                                 {CborValue::fromInt(3), CborValue::fromInt(-7)},
                                                 {CborValue::fromInt(-1), CborValue::fromInt(1)},
                                                 {CborValue::fromInt(-2), CborValue::fromBytes(*x)},
                                                 {CborValue::fromInt(-3), CborValue::fromBytes(*y)}}));
    }
    return std::nullopt;
}

} // namespace

ForeignJwks::ForeignJwks(const nlohmann::json& jwks)
{
    if (!jwks.is_object() || !jwks.contains("keys") || !jwks["keys"].is_array())
        return;
    for (const auto& jwk : jwks["keys"]) {
        if (m_keys.size() >= 32)
            break;
        if (auto key = keyFrom(jwk)) {
            const std::string kid = jwk.contains("kid") && jwk["kid"].is_string() ? jwk["kid"].get<std::string>() : "";
            m_keys.push_back({kid, std::move(*key)});
        }
    }
}

Jwt::Verified ForeignJwks::verify(std::string_view token) const
{
    Jwt::Verified result;
    if (token.size() > Jwt::kMaxTokenLength)
        return result;
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != std::string_view::npos)
        return result;
    auto header = decodeObject(token.substr(0, firstDot));
    auto claims = decodeObject(token.substr(firstDot + 1, secondDot - firstDot - 1));
    const auto signature = base64UrlDecode(token.substr(secondDot + 1));
    if (!header || !claims || !signature || header->contains("crit"))
        return result;
    const auto alg = header->find("alg");
    CoseAlgorithm algorithm = CoseAlgorithm::RS256;
    if (alg != header->end() && *alg == "RS256") {
        algorithm = CoseAlgorithm::RS256;
    } else if (alg != header->end() && *alg == "ES256") {
        algorithm = CoseAlgorithm::ES256;
    } else {
        result.error = JwtError::BadAlg;
        return result;
    }
    const std::string kid =
        header->contains("kid") && (*header)["kid"].is_string() ? (*header)["kid"].get<std::string>() : "";
    const Key* chosen = nullptr;
    int candidates = 0;
    for (const Key& k : m_keys) {
        if (k.key.algorithm() != algorithm)
            continue;
        if (!kid.empty() && k.kid == kid) {
            chosen = &k;
            break;
        }
        if (kid.empty()) {
            chosen = &k;
            ++candidates;
        }
    }
    // Without a kid, only an unambiguous key will do.
    if (!chosen || candidates > 1) {
        result.error = JwtError::UnknownKid;
        return result;
    }
    std::string sig = *signature;
    if (algorithm == CoseAlgorithm::ES256) {
        // JWS carries R||S; the key checks DER as WebAuthn sends it.
        if (sig.size() != 64) {
            result.error = JwtError::BadSignature;
            return result;
        }
        auto der = EcdsaSignature::rawToDer(sig);
        if (!der) {
            result.error = JwtError::BadSignature;
            return result;
        }
        sig = std::move(*der);
    }
    if (!chosen->key.verify(token.substr(0, secondDot), sig)) {
        result.error = JwtError::BadSignature;
        return result;
    }
    result.error = JwtError::None;
    result.header = std::move(*header);
    result.claims = std::move(*claims);
    return result;
}

} // namespace trellis::core::crypto
