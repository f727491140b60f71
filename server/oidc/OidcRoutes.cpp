#include "server/oidc/OidcRoutes.h"

#include "core/TimeFormat.h"
#include "core/User.h"
#include "server/api/ApiContext.h"
#include "server/api/RequestAudit.h"
#include "server/http/FormBody.h"
#include "server/http/JsonLog.h"
#include "server/http/Router.h"
#include "server/oidc/AccessTokenVerifier.h"
#include "server/oidc/ClientAuthenticator.h"
#include "server/oidc/OAuthError.h"
#include "server/oidc/OidcTokenMinter.h"
#include "server/oidc/RefreshTokenRepository.h"
#include "server/oidc/ScopeWords.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/oidc/TokenEndpoint.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace trellis::server {

namespace {

// OAuth answers are always JSON errors (RFC 6749 §5.2), also for store failures; details only in the log.
Router::Handler oauthGuarded(const ApiContext& context, Router::Handler handler)
{
    return [&context, handler = std::move(handler)](HttpRequest& request) -> HttpResponse {
        try {
            if (!context.signingKeys)
                throw OAuthError(503, "temporarily_unavailable", "The OpenID Connect provider is not configured.");
            return handler(request);
        } catch (const OAuthError& e) {
            return e.response();
        } catch (const StoreError& e) {
            JsonLog::error("oidc store error", {{"requestId", request.requestId}, {"error", e.what()}});
            if (e.kind() == StoreError::Kind::Unavailable)
                return OAuthError(503, "temporarily_unavailable", "Try again shortly.").response();
            return OAuthError(500, "server_error", "Something went wrong; the request id is " + request.requestId)
                .response();
        }
    };
}

FormBody requireForm(const HttpRequest& request)
{
    auto form = FormBody::parse(request);
    if (!form)
        throw OAuthError::invalidRequest("The body must be application/x-www-form-urlencoded.");
    for (const auto& [name, value] : form->fields) {
        if (form->count(name) > 1)
            throw OAuthError::invalidRequest("Parameter " + name + " is repeated.");
    }
    return std::move(*form);
}

HttpResponse noStore(HttpResponse response)
{
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

std::int64_t epochOf(const std::string& timestamp)
{
    const auto t = core::parseTimestamp(timestamp);
    return t ? std::chrono::duration_cast<std::chrono::seconds>(t->time_since_epoch()).count() : 0;
}

nlohmann::json discovery(const std::string& issuer)
{
    const nlohmann::json clientAuth = {"none", "client_secret_basic", "client_secret_post"};
    return {{"issuer", issuer},
            {"authorization_endpoint", issuer + "/oauth2/authorize"},
            {"token_endpoint", issuer + "/oauth2/token"},
            {"userinfo_endpoint", issuer + "/oauth2/userinfo"},
            {"jwks_uri", issuer + "/oauth2/jwks"},
            {"revocation_endpoint", issuer + "/oauth2/revoke"},
            {"introspection_endpoint", issuer + "/oauth2/introspect"},
            {"end_session_endpoint", issuer + "/oauth2/logout"},
            {"response_types_supported", {"code"}},
            {"response_modes_supported", {"query"}},
            {"grant_types_supported", {"authorization_code", "refresh_token", "client_credentials"}},
            {"subject_types_supported", {"public"}},
            {"id_token_signing_alg_values_supported", {"ES256"}},
            {"code_challenge_methods_supported", {"S256"}},
            {"token_endpoint_auth_methods_supported", clientAuth},
            {"revocation_endpoint_auth_methods_supported", clientAuth},
            {"introspection_endpoint_auth_methods_supported", {"client_secret_basic", "client_secret_post"}},
            {"scopes_supported", {"openid", "profile", "email", "offline_access"}},
            {"claims_supported",
             {"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr", "at_hash", "email", "name"}},
            {"authorization_response_iss_parameter_supported", true},
            {"request_parameter_supported", false},
            {"request_uri_parameter_supported", false},
            {"claims_parameter_supported", false}};
}

std::string bearerToken(const HttpRequest& request)
{
    const std::string header = request.header("authorization");
    constexpr std::string_view scheme = "bearer ";
    if (header.size() <= scheme.size() ||
        !std::equal(scheme.begin(), scheme.end(), header.begin(), [](char a, char b) { return a == std::tolower(b); }))
        return {};
    std::string token = header.substr(scheme.size());
    token.erase(0, token.find_first_not_of(' '));
    token.erase(token.find_last_not_of(' ') + 1);
    return token;
}

HttpResponse userinfo(const ApiContext& context, HttpRequest& request)
{
    const std::string token = bearerToken(request);
    const auto invalidToken = OAuthError(401, "invalid_token", "The access token is invalid or has expired.",
                                         "Bearer error=\"invalid_token\"");
    if (token.empty())
        throw OAuthError(401, "invalid_request", "An access token is required.", "Bearer");
    const auto claims = AccessTokenVerifier::verify(context, token, {});
    if (!claims)
        throw invalidToken;
    const auto user = UserRepository(context.db).findWithAccess(claims->value("sub", ""));
    if (!user)
        throw invalidToken;
    const std::string scope = claims->value("scope", "");
    nlohmann::json body{{"sub", user->id}};
    if (ScopeWords::contains(scope, "email"))
        body["email"] = user->email;
    if (ScopeWords::contains(scope, "profile"))
        body["name"] = user->displayName;
    return noStore(HttpResponse::json(200, body));
}

HttpResponse revoke(const ApiContext& context, HttpRequest& request)
{
    const FormBody form = requireForm(request);
    const auto caller = ClientAuthenticator::authenticate(context, request, form);
    const std::string token = form.value("token");
    if (token.empty())
        throw OAuthError::invalidRequest("token is required.");
    // Access tokens are short-lived JWTs without a revocation list: revoking one is accepted and changes nothing
    // (RFC 7009 §2.2 answers 200 either way). Revoking the refresh token ends the grant.
    if (!AccessTokenVerifier::looksLikeJwt(token)) {
        context.db.transaction([&] {
            RefreshTokenRepository tokens(context.db);
            const auto stored = tokens.findByToken(token);
            if (!stored || stored->clientId != caller.client.id || !stored->revokedAt.empty())
                return;
            const int revoked = tokens.revokeFamily(stored->familyId, "revoked_by_client");
            core::AuditEvent event = RequestAudit::byClient(request, "oidc.token.revoke");
            event.actorType = "user";
            event.actorId = stored->userId;
            event.actorDisplay = stored->userId;
            event.targetType = "oidc_client";
            event.targetId = caller.client.id;
            event.targetDisplay = caller.client.id;
            event.after = {{"familyId", stored->familyId}, {"revokedTokens", revoked}};
            AuditLog(context.db).append(event);
        });
    }
    return noStore(HttpResponse{200, {}, {}});
}

HttpResponse introspect(const ApiContext& context, HttpRequest& request)
{
    const FormBody form = requireForm(request);
    const auto caller = ClientAuthenticator::authenticate(context, request, form);
    if (!caller.authenticated)
        throw OAuthError::invalidClient(!request.header("authorization").empty());
    const std::string token = form.value("token");
    if (token.empty())
        throw OAuthError::invalidRequest("token is required.");
    const nlohmann::json inactive{{"active", false}};
    if (AccessTokenVerifier::looksLikeJwt(token)) {
        const auto claims = AccessTokenVerifier::verify(context, token, {});
        if (!claims)
            return noStore(HttpResponse::json(200, inactive));
        const std::string sub = claims->value("sub", "");
        if (sub != claims->value("client_id", "")) {
            if (!UserRepository(context.db).findWithAccess(sub))
                return noStore(HttpResponse::json(200, inactive));
        }
        nlohmann::json body{{"active", true}, {"token_type", "Bearer"}};
        for (const char* key : {"scope", "client_id", "sub", "aud", "iss", "exp", "iat", "jti"}) {
            if (claims->contains(key))
                body[key] = (*claims)[key];
        }
        return noStore(HttpResponse::json(200, body));
    }
    const auto stored = RefreshTokenRepository(context.db).findByToken(token);
    // Refresh tokens are only described to the client they belong to.
    if (!stored || stored->clientId != caller.client.id || !stored->revokedAt.empty() || !stored->rotatedAt.empty() ||
        stored->expiresAt <= sql::now(context.db))
        return noStore(HttpResponse::json(200, inactive));
    return noStore(HttpResponse::json(200, {{"active", true},
                                            {"token_type", "refresh_token"},
                                            {"scope", stored->scope},
                                            {"client_id", stored->clientId},
                                            {"sub", stored->userId},
                                            {"iss", context.issuer},
                                            {"exp", epochOf(stored->expiresAt)}}));
}

} // namespace

void OidcRoutes::install(Router& router, const ApiContext& context)
{
    const auto token = std::make_shared<TokenEndpoint>(context);
    router.add("GET", "/.well-known/openid-configuration", oauthGuarded(context, [&context](HttpRequest&) {
                   HttpResponse response = HttpResponse::json(200, discovery(context.issuer));
                   response.setHeader("Cache-Control", "public, max-age=300");
                   return response;
               }));
    router.add("GET", "/oauth2/jwks", oauthGuarded(context, [&context](HttpRequest&) {
                   HttpResponse response = HttpResponse::json(200, context.signingKeys->keys()->jwks);
                   // Short, so relying parties pick up a rotation soon.
                   response.setHeader("Cache-Control", "public, max-age=60");
                   response.setHeader("Content-Type", "application/jwk-set+json");
                   return response;
               }));
    router.add("POST", "/oauth2/token",
               oauthGuarded(context, [token](HttpRequest& request) { return token->handle(request); }));
    router.add("GET", "/oauth2/userinfo",
               oauthGuarded(context, [&context](HttpRequest& request) { return userinfo(context, request); }));
    router.add("POST", "/oauth2/userinfo",
               oauthGuarded(context, [&context](HttpRequest& request) { return userinfo(context, request); }));
    router.add("POST", "/oauth2/revoke",
               oauthGuarded(context, [&context](HttpRequest& request) { return revoke(context, request); }));
    router.add("POST", "/oauth2/introspect",
               oauthGuarded(context, [&context](HttpRequest& request) { return introspect(context, request); }));
}

} // namespace trellis::server
