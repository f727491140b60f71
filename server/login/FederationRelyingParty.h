#pragma once

#include "server/login/OutboundHttpClient.h"

#include <stdexcept>
#include <string>

namespace trellis::server {

struct ApiContext;
struct IdentityProviderRecord;

/// Who the upstream identity provider says signed in, from a validated ID token.
struct UpstreamIdentity
{
    std::string subject; ///< "sub": stable per provider
    std::string email;   ///< as the upstream sent it (not normalised); empty when it sent none
    bool emailVerified = false;
    std::string name;
};

/// Why a federated sign-in failed; code() is stable ("provider_unavailable", "token_exchange_failed",
/// "invalid_id_token", "issuer_mismatch") and goes into audit events; what() is for the log only.
class FederationError : public std::runtime_error
{
public:
    FederationError(std::string code, const std::string& detail)
        : std::runtime_error(detail)
        , m_code(std::move(code))
    {
    }
    const std::string& code() const { return m_code; }

private:
    std::string m_code;
};

/// trellisd as an OpenID Connect relying party of an organisation's upstream identity provider: discovery
/// (/.well-known/openid-configuration, cached a few minutes per issuer), the authorization request (code flow with
/// state, nonce and PKCE S256), the code exchange at the token endpoint (client_secret_basic, else client_secret_post)
/// and the ID token's validation (signature against the upstream JWKS with RS256 or ES256; iss, aud, azp, exp, iat,
/// nonce). Holds nothing between requests: the sign-in's state, nonce and verifier live in the flow session.
class FederationRelyingParty
{
public:
    explicit FederationRelyingParty(const ApiContext& context, OutboundHttpClient http = OutboundHttpClient())
        : m_context(context)
        , m_http(std::move(http))
    {
    }

    /// Where upstream providers send the browser back: <issuer>/login/federated/callback.
    static std::string redirectUri(const ApiContext& context);

    /// The upstream authorization URL; throws FederationError("provider_unavailable") when discovery fails.
    std::string authorizationUrl(const IdentityProviderRecord& provider, const std::string& state,
                                 const std::string& nonce, const std::string& codeVerifier,
                                 const std::string& loginHint) const;
    /// Exchanges the code and validates the ID token. `callbackIssuer` is the callback's "iss" (may be empty).
    UpstreamIdentity complete(const IdentityProviderRecord& provider, const std::string& code,
                              const std::string& codeVerifier, const std::string& nonce,
                              const std::string& callbackIssuer) const;

private:
    const ApiContext& m_context;
    OutboundHttpClient m_http;
};

} // namespace trellis::server
