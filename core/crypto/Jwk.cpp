#include "core/crypto/Jwk.h"

#include "core/Encoding.h"

#include <vector>

namespace trellis::core::crypto::Jwk {

std::optional<std::string> thumbprint(const nlohmann::json& jwk)
{
    if (!jwk.is_object() || !jwk.contains("kty") || !jwk["kty"].is_string())
        return std::nullopt;
    const std::string kty = jwk["kty"].get<std::string>();
    std::vector<const char*> members;
    if (kty == "EC")
        members = {"crv", "kty", "x", "y"};
    else if (kty == "RSA")
        members = {"e", "kty", "n"};
    else if (kty == "OKP")
        members = {"crv", "kty", "x"};
    else if (kty == "oct")
        members = {"k", "kty"};
    else
        return std::nullopt;
    // nlohmann::json objects keep keys sorted and dump() writes no whitespace: exactly RFC 7638 §3.3's form for
    // these all-ASCII members.
    nlohmann::json canonical = nlohmann::json::object();
    for (const char* name : members) {
        if (!jwk.contains(name) || !jwk[name].is_string())
            return std::nullopt;
        canonical[name] = jwk[name];
    }
    return base64UrlEncode(sha256(canonical.dump()));
}

} // namespace trellis::core::crypto::Jwk
