#include "server/login/FederationRelyingParty.h"

#include "core/Clock.h"
#include "core/Encoding.h"
#include "core/crypto/ForeignJwks.h"
#include "core/crypto/Pkce.h"
#include "server/api/ApiContext.h"
#include "server/store/Database.h"
#include "server/store/IdentityProviderRepository.h"

#include <chrono>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

namespace trellis::server {

namespace {

using nlohmann::json;

// An endpoint the discovery document names: https, or plain http on loopback when the issuer itself is loopback http.
std::string endpoint(const json& metadata, const char* name, const OutboundUrl& issuer)
{
    const auto it = metadata.find(name);
    if (it == metadata.end() || !it->is_string())
        throw FederationError("provider_unavailable", std::string("the discovery document has no ") + name);
    const std::string value = it->get<std::string>();
    const auto url = OutboundUrl::parse(value);
    if (!url || (!url->https && !(url->loopback() && !issuer.https)))
        throw FederationError("provider_unavailable",
                              std::string("the discovery document's ") + name + " is not an https URL");
    return value;
}

json fetchJson(const OutboundHttpClient& http, const std::string& url, const char* what)
{
    OutboundResponse response;
    try {
        response = http.send({"GET", url, {{"Accept", "application/json"}}, {}});
    } catch (const OutboundHttpError& e) {
        throw FederationError("provider_unavailable", std::string(what) + ": " + e.what());
    }
    if (response.status != 200)
        throw FederationError("provider_unavailable",
                              std::string(what) + ": HTTP status " + std::to_string(response.status));
    json parsed = json::parse(response.body, nullptr, false);
    if (!parsed.is_object())
        throw FederationError("provider_unavailable", std::string(what) + ": not a JSON object");
    return parsed;
}

struct CachedMetadata
{
    std::chrono::steady_clock::time_point fetched;
    json metadata;
};

// Discovery documents change rarely; a short per-process cache saves one round trip per sign-in. It is a cache
// only: every instance can fetch its own.
json discover(const OutboundHttpClient& http, const std::string& issuer)
{
    static std::mutex mutex;
    static std::map<std::string, CachedMetadata> cache;
    constexpr auto lifetime = std::chrono::minutes(5);
    {
        const std::lock_guard lock(mutex);
        const auto it = cache.find(issuer);
        if (it != cache.end() && std::chrono::steady_clock::now() - it->second.fetched < lifetime)
            return it->second.metadata;
    }
    const std::string base = !issuer.empty() && issuer.back() == '/' ? issuer.substr(0, issuer.size() - 1) : issuer;
    json metadata = fetchJson(http, base + "/.well-known/openid-configuration", "discovery");
    // OpenID Connect Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (metadata.value("issuer", std::string()) != issuer)
        throw FederationError("provider_unavailable", "the discovery document names another issuer");
    const std::lock_guard lock(mutex);
    if (cache.size() > 256)
        cache.clear();
    cache[issuer] = {std::chrono::steady_clock::now(), metadata};
    return metadata;
}

bool listed(const json& metadata, const char* name, const std::string& value)
{
    const auto it = metadata.find(name);
    if (it == metadata.end() || !it->is_array())
        return false;
    for (const auto& v : *it) {
        if (v.is_string() && v.get<std::string>() == value)
            return true;
    }
    return false;
}

} // namespace

std::string FederationRelyingParty::redirectUri(const ApiContext& context)
{
    return context.issuer + "/login/federated/callback";
}

std::string FederationRelyingParty::authorizationUrl(const IdentityProviderRecord& provider, const std::string& state,
                                                     const std::string& nonce, const std::string& codeVerifier,
                                                     const std::string& loginHint) const
{
    const auto issuer = OutboundUrl::parse(provider.issuer);
    if (!issuer)
        throw FederationError("provider_unavailable", "the issuer is not a URL");
    const json metadata = discover(m_http, provider.issuer);
    std::string url = endpoint(metadata, "authorization_endpoint", *issuer);
    const std::vector<std::pair<std::string, std::string>> parameters{
        {"response_type", "code"},
        {"client_id", provider.clientId},
        {"redirect_uri", redirectUri(m_context)},
        {"scope", provider.scopes},
        {"state", state},
        {"nonce", nonce},
        {"code_challenge", core::crypto::Pkce::s256Challenge(codeVerifier)},
        {"code_challenge_method", "S256"}};
    char separator = url.find('?') == std::string::npos ? '?' : '&';
    for (const auto& [name, value] : parameters) {
        url += separator + name + "=" + core::percentEncode(value);
        separator = '&';
    }
    if (!loginHint.empty())
        url += "&login_hint=" + core::percentEncode(loginHint);
    return url;
}

UpstreamIdentity FederationRelyingParty::complete(const IdentityProviderRecord& provider, const std::string& code,
                                                  const std::string& codeVerifier, const std::string& nonce,
                                                  const std::string& callbackIssuer) const
{
    const auto issuer = OutboundUrl::parse(provider.issuer);
    if (!issuer)
        throw FederationError("provider_unavailable", "the issuer is not a URL");
    if (code.empty() || code.size() > 2048)
        throw FederationError("token_exchange_failed", "the callback carries no usable code");
    const json metadata = discover(m_http, provider.issuer);
    // RFC 9207: an "iss" in the authorization response must be this provider's (a mix-up attack otherwise).
    if (!callbackIssuer.empty() && callbackIssuer != provider.issuer)
        throw FederationError("issuer_mismatch", "the callback's iss names another issuer");
    if (callbackIssuer.empty() && metadata.value("authorization_response_iss_parameter_supported", false))
        throw FederationError("issuer_mismatch", "the callback has no iss although the provider sends one");

    // Code exchange (RFC 6749 §4.1.3 with PKCE). client_secret_basic is the default when the provider lists nothing.
    OutboundRequest token{"POST", endpoint(metadata, "token_endpoint", *issuer), {}, {}};
    token.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
    token.body = "grant_type=authorization_code&code=" + core::percentEncode(code) +
                 "&redirect_uri=" + core::percentEncode(redirectUri(m_context)) +
                 "&code_verifier=" + core::percentEncode(codeVerifier);
    const bool hasMethods = metadata.contains("token_endpoint_auth_methods_supported");
    if (!hasMethods || listed(metadata, "token_endpoint_auth_methods_supported", "client_secret_basic")) {
        token.headers.emplace_back("Authorization",
                                   "Basic " + core::base64Encode(core::percentEncode(provider.clientId) + ":" +
                                                                 core::percentEncode(provider.clientSecret)));
    } else if (listed(metadata, "token_endpoint_auth_methods_supported", "client_secret_post")) {
        token.body += "&client_id=" + core::percentEncode(provider.clientId) +
                      "&client_secret=" + core::percentEncode(provider.clientSecret);
    } else {
        throw FederationError("provider_unavailable", "the provider supports neither client_secret_basic nor _post");
    }
    OutboundResponse response;
    try {
        response = m_http.send(token);
    } catch (const OutboundHttpError& e) {
        throw FederationError("token_exchange_failed", std::string("token endpoint: ") + e.what());
    }
    const json answer = json::parse(response.body, nullptr, false);
    if (response.status != 200 || !answer.is_object()) {
        // The upstream's error code helps the admin (invalid_grant, invalid_client); never its other fields.
        const std::string error = answer.is_object() && answer.contains("error") && answer["error"].is_string()
                                      ? answer["error"].get<std::string>().substr(0, 64)
                                      : std::string();
        throw FederationError("token_exchange_failed", "token endpoint answered HTTP " +
                                                           std::to_string(response.status) +
                                                           (error.empty() ? std::string() : " " + error));
    }
    const auto idToken = answer.find("id_token");
    if (idToken == answer.end() || !idToken->is_string())
        throw FederationError("invalid_id_token", "the token response has no id_token");

    // The signature, with keys fetched now (so a rotated key is picked up at once).
    const core::crypto::ForeignJwks keys(fetchJson(m_http, endpoint(metadata, "jwks_uri", *issuer), "JWKS"));
    const auto verified = keys.verify(idToken->get<std::string>());
    if (!verified)
        throw FederationError("invalid_id_token",
                              "ID token refused: " + std::string(core::crypto::jwtErrorCode(verified.error)));
    const json& claims = verified.claims;
    const auto error = core::crypto::Jwt::checkClaims(
        claims, {provider.issuer, provider.clientId, std::chrono::seconds(60)}, m_context.db.clock().now());
    if (error != core::crypto::JwtError::None)
        throw FederationError("invalid_id_token",
                              "ID token refused: " + std::string(core::crypto::jwtErrorCode(error)));
    // OpenID Connect Core §3.1.3.7: several audiences need azp to be us; an azp present must be us.
    const bool severalAudiences = claims.contains("aud") && claims["aud"].is_array() && claims["aud"].size() > 1;
    const std::string azp = claims.value("azp", std::string());
    if ((severalAudiences || claims.contains("azp")) && azp != provider.clientId)
        throw FederationError("invalid_id_token", "ID token refused: azp is not this client");
    if (!claims.contains("iat") || !claims["iat"].is_number())
        throw FederationError("invalid_id_token", "ID token refused: no iat");
    const std::string tokenNonce =
        claims.contains("nonce") && claims["nonce"].is_string() ? claims["nonce"].get<std::string>() : std::string();
    if (nonce.empty() || !core::constantTimeEquals(tokenNonce, nonce))
        throw FederationError("invalid_id_token", "ID token refused: wrong nonce");
    UpstreamIdentity who;
    who.subject = claims.contains("sub") && claims["sub"].is_string() ? claims["sub"].get<std::string>() : "";
    if (who.subject.empty() || who.subject.size() > 255)
        throw FederationError("invalid_id_token", "ID token refused: no usable sub");
    if (claims.contains("email") && claims["email"].is_string())
        who.email = claims["email"].get<std::string>();
    if (claims.contains("email_verified")) {
        const json& v = claims["email_verified"];
        who.emailVerified = (v.is_boolean() && v.get<bool>()) || (v.is_string() && v.get<std::string>() == "true");
    }
    if (claims.contains("name") && claims["name"].is_string())
        who.name = claims["name"].get<std::string>().substr(0, 200);
    return who;
}

} // namespace trellis::server
