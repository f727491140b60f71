#include "core/crypto/Jwt.h"

#include "core/Encoding.h"

#include <optional>

namespace trellis::core::crypto::Jwt {

namespace {
std::optional<nlohmann::json> decodeObject(std::string_view part)
{
    const auto bytes = base64UrlDecode(part);
    if (!bytes)
        return std::nullopt;
    nlohmann::json value = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
    if (!value.is_object())
        return std::nullopt;
    return value;
}

// A time claim that is present must be a JSON number (RFC 7519 NumericDate).
bool timeClaim(const nlohmann::json& claims, const char* name, std::optional<double>& out)
{
    out.reset();
    if (!claims.contains(name))
        return true;
    const auto& value = claims[name];
    if (!value.is_number())
        return false;
    out = value.get<double>();
    return true;
}
} // namespace

std::string sign(const SigningKey& key, const nlohmann::json& claims, const nlohmann::json& extraHeader)
{
    nlohmann::json header = extraHeader.is_object() ? extraHeader : nlohmann::json::object();
    if (!header.contains("typ"))
        header["typ"] = "JWT";
    header["alg"] = "ES256";
    header["kid"] = key.kid();
    const std::string signingInput = base64UrlEncode(header.dump()) + "." + base64UrlEncode(claims.dump());
    return signingInput + "." + base64UrlEncode(key.sign(signingInput));
}

Verified verify(std::string_view token, const std::vector<VerificationKey>& keys)
{
    Verified result;
    if (token.size() > kMaxTokenLength)
        return result;
    const std::size_t firstDot = token.find('.');
    const std::size_t secondDot = firstDot == std::string_view::npos ? firstDot : token.find('.', firstDot + 1);
    if (secondDot == std::string_view::npos || token.find('.', secondDot + 1) != std::string_view::npos)
        return result;
    const std::string_view signingInput = token.substr(0, secondDot);
    const std::string_view payloadPart = token.substr(firstDot + 1, secondDot - firstDot - 1);
    const std::string_view signaturePart = token.substr(secondDot + 1);

    auto header = decodeObject(token.substr(0, firstDot));
    if (!header)
        return result;
    // The algorithm comes from us, never from the token: anything but ES256 is refused before any key is used.
    if (!header->contains("alg") || (*header)["alg"] != "ES256") {
        result.error = JwtError::BadAlg;
        return result;
    }
    // We implement no JWS extensions, so a token that requires one cannot be understood (RFC 7515 §4.1.11).
    if (header->contains("crit"))
        return result;
    if (!header->contains("kid") || !(*header)["kid"].is_string()) {
        result.error = JwtError::UnknownKid;
        return result;
    }
    const std::string kid = (*header)["kid"].get<std::string>();
    const VerificationKey* key = nullptr;
    for (const auto& candidate : keys) {
        if (candidate.kid() == kid) {
            key = &candidate;
            break;
        }
    }
    if (!key) {
        result.error = JwtError::UnknownKid;
        return result;
    }
    const auto signature = base64UrlDecode(signaturePart);
    if (!signature || !key->verify(signingInput, *signature)) {
        result.error = JwtError::BadSignature;
        return result;
    }
    // The payload is only parsed once its signature holds.
    auto claims = decodeObject(payloadPart);
    if (!claims)
        return result;
    result.error = JwtError::None;
    result.header = std::move(*header);
    result.claims = std::move(*claims);
    return result;
}

JwtError checkClaims(const nlohmann::json& claims, const ClaimsExpectation& expected,
                     std::chrono::system_clock::time_point now)
{
    if (!claims.is_object())
        return JwtError::Malformed;
    std::optional<double> exp, nbf, iat;
    if (!timeClaim(claims, "exp", exp) || !timeClaim(claims, "nbf", nbf) || !timeClaim(claims, "iat", iat))
        return JwtError::Malformed;

    if (!claims.contains("iss") || !claims["iss"].is_string() || claims["iss"].get<std::string>() != expected.issuer)
        return JwtError::WrongIssuer;

    bool audienceMatches = false;
    if (claims.contains("aud")) {
        const auto& aud = claims["aud"];
        if (aud.is_string()) {
            audienceMatches = aud.get<std::string>() == expected.audience;
        } else if (aud.is_array()) {
            for (const auto& entry : aud)
                audienceMatches =
                    audienceMatches || (entry.is_string() && entry.get<std::string>() == expected.audience);
        }
    }
    if (!audienceMatches || expected.audience.empty())
        return JwtError::WrongAudience;

    const double nowSeconds = double(std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
    const double leeway = double(expected.leeway.count());
    // A token without exp would live for ever; none of ours lacks one.
    if (!exp || nowSeconds >= *exp + leeway)
        return JwtError::Expired;
    if ((nbf && nowSeconds + leeway < *nbf) || (iat && nowSeconds + leeway < *iat))
        return JwtError::NotYetValid;
    return JwtError::None;
}

} // namespace trellis::core::crypto::Jwt
