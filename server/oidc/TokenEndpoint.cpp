#include "server/oidc/TokenEndpoint.h"

#include "core/AuditEvent.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/crypto/Pkce.h"
#include "server/api/ApiContext.h"
#include "server/api/RequestAudit.h"
#include "server/http/FormBody.h"
#include "server/http/HttpRequest.h"
#include "server/oidc/AuthorizationCodeRepository.h"
#include "server/oidc/ClientAuthenticator.h"
#include "server/oidc/OAuthError.h"
#include "server/oidc/OidcTokenMinter.h"
#include "server/oidc/RefreshTokenRepository.h"
#include "server/oidc/ScopeWords.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <optional>
#include <set>
#include <sstream>

namespace trellis::server {

namespace {

HttpResponse tokenResponse(const nlohmann::json& body)
{
    HttpResponse response = HttpResponse::json(200, body);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    return response;
}

core::AuditEvent userEvent(const HttpRequest& request, const std::string& action, const std::string& userId,
                           const std::string& clientId)
{
    core::AuditEvent event = RequestAudit::byClient(request, action);
    event.actorType = "user";
    event.actorId = userId;
    event.actorDisplay = userId;
    event.targetType = "oidc_client";
    event.targetId = clientId;
    event.targetDisplay = clientId;
    return event;
}

// What a grant for a person issues: access token, ID token (scope openid) and a refresh token of `familyId` when
// the client may refresh.
struct PersonGrant
{
    std::string clientId;
    bool refreshable = false;
    std::string scope;
    std::string authTime;
    std::vector<std::string> amr;
    std::string nonce;
    std::string ssoSessionId;
    std::string familyId;
};

nlohmann::json issueForPerson(const ApiContext& context, const OidcTokenMinter& minter, const core::User& user,
                              const PersonGrant& grant, std::string* refreshTokenId)
{
    const MintedAccessToken access = minter.userAccessToken(user, grant.clientId, grant.scope);
    nlohmann::json body{{"access_token", access.token},
                        {"token_type", "Bearer"},
                        {"expires_in", access.expiresIn},
                        {"scope", grant.scope}};
    if (ScopeWords::contains(grant.scope, "openid"))
        body["id_token"] =
            minter.idToken(user, grant.clientId, grant.scope, grant.authTime, grant.amr, grant.nonce, access.token);
    if (grant.refreshable) {
        RefreshToken data;
        data.id = core::newUuid();
        data.familyId = grant.familyId;
        data.clientId = grant.clientId;
        data.userId = user.id;
        data.ssoSessionId = grant.ssoSessionId;
        data.scope = grant.scope;
        data.authTime = grant.authTime;
        data.amr = grant.amr;
        data.expiresAt =
            core::formatTimestamp(context.db.clock().now() + context.signingKeys->options().refreshTokenLifetime);
        body["refresh_token"] = RefreshTokenRepository(context.db).create(data);
        *refreshTokenId = data.id;
    }
    return body;
}

std::optional<core::User> activeUser(const ApiContext& context, const std::string& userId)
{
    // No tokens once every membership has ended or is suspended, even with a live refresh token.
    return UserRepository(context.db).findWithAccess(userId);
}

} // namespace

HttpResponse TokenEndpoint::handle(HttpRequest& request) const
{
    const auto form = FormBody::parse(request);
    if (!form)
        throw OAuthError::invalidRequest("The body must be application/x-www-form-urlencoded.");
    for (const auto& [name, value] : form->fields) {
        if (form->count(name) > 1)
            throw OAuthError::invalidRequest("Parameter " + name + " is repeated.");
    }
    const auto caller = ClientAuthenticator::authenticate(m_context, request, *form);
    const OidcClient& client = caller.client;
    const std::string grantType = form->value("grant_type");
    if (grantType.empty())
        throw OAuthError::invalidRequest("grant_type is required.");
    if (grantType != "authorization_code" && grantType != "refresh_token" && grantType != "client_credentials")
        throw OAuthError(400, "unsupported_grant_type", "This grant type is not supported.");
    if (!client.allowsGrant(grantType) || (grantType == "client_credentials" && client.isPublic()))
        throw OAuthError(400, "unauthorized_client", "This client may not use this grant type.");

    const OidcTokenMinter minter(m_context, m_context.signingKeys->keys());
    std::optional<OAuthError> failure;
    nlohmann::json body;

    if (grantType == "authorization_code") {
        const std::string code = form->value("code");
        const std::string redirectUri = form->value("redirect_uri");
        const std::string verifier = form->value("code_verifier");
        if (code.empty())
            throw OAuthError::invalidRequest("code is required.");
        const auto invalid = [&failure](std::string why) { failure = OAuthError::invalidGrant(std::move(why)); };
        // Failures return instead of throwing: the code must stay used and a replay's revocation must commit.
        m_context.db.transaction([&] {
            const auto redemption = AuthorizationCodeRepository(m_context.db).redeem(code);
            const AuthorizationCode& stored = redemption.code;
            using Outcome = AuthorizationCodeRepository::Redemption::Outcome;
            if (redemption.outcome == Outcome::Unknown || redemption.outcome == Outcome::Expired)
                return invalid("The authorization code is invalid or has expired.");
            if (redemption.outcome == Outcome::Replayed) {
                const int revoked = RefreshTokenRepository(m_context.db).revokeFamily(stored.familyId, "code_replay");
                core::AuditEvent event = userEvent(request, "oidc.code.replay", stored.userId, stored.clientId);
                event.outcome = "denied";
                event.reason = "authorization code presented again";
                event.after = {{"codeId", stored.id}, {"familyId", stored.familyId}, {"revokedTokens", revoked}};
                AuditLog(m_context.db).append(event);
                return invalid("The authorization code has already been used.");
            }
            if (stored.clientId != client.id)
                return invalid("The authorization code was issued to another client.");
            if (redirectUri != stored.redirectUri)
                return invalid("redirect_uri does not match the authorization request.");
            if (stored.codeChallenge.empty()) {
                if (client.isPublic())
                    return invalid("Public clients must use PKCE.");
            } else if (verifier.empty()) {
                return invalid("code_verifier is required.");
            } else if (!core::crypto::Pkce::verify(stored.codeChallengeMethod, stored.codeChallenge, verifier)) {
                return invalid("code_verifier does not match the code challenge.");
            }
            const auto user = activeUser(m_context, stored.userId);
            if (!user)
                return invalid("The account is not active.");

            PersonGrant grant{client.id,           client.allowsGrant("refresh_token"),
                              stored.scope,        stored.authTime,
                              stored.amr,          stored.nonce,
                              stored.ssoSessionId, core::newUuid()};
            std::string refreshTokenId;
            body = issueForPerson(m_context, minter, *user, grant, &refreshTokenId);
            if (!refreshTokenId.empty())
                AuthorizationCodeRepository(m_context.db).setFamily(stored.id, grant.familyId);
            core::AuditEvent event = userEvent(request, "oidc.token.issue", user->id, client.id);
            event.actorDisplay = user->email;
            event.after = {{"grantType", grantType}, {"scope", stored.scope}, {"familyId", grant.familyId}};
            AuditLog(m_context.db).append(event);
        });
    } else if (grantType == "refresh_token") {
        const std::string token = form->value("refresh_token");
        if (token.empty())
            throw OAuthError::invalidRequest("refresh_token is required.");
        const auto invalid = [&failure](std::string why) { failure = OAuthError::invalidGrant(std::move(why)); };
        m_context.db.transaction([&] {
            RefreshTokenRepository tokens(m_context.db);
            const auto stored = tokens.findByToken(token);
            if (!stored || stored->clientId != client.id)
                return invalid("The refresh token is invalid.");
            if (!stored->revokedAt.empty())
                return invalid("The refresh token has been revoked.");
            const auto reuse = [&] {
                const int revoked = tokens.revokeFamily(stored->familyId, "reuse");
                core::AuditEvent event = userEvent(request, "oidc.refresh.reuse", stored->userId, client.id);
                event.outcome = "denied";
                event.reason = "rotated refresh token presented again";
                event.after = {{"familyId", stored->familyId}, {"revokedTokens", revoked}};
                AuditLog(m_context.db).append(event);
                invalid("The refresh token has already been used.");
            };
            if (!stored->rotatedAt.empty())
                return reuse();
            if (stored->expiresAt <= sql::now(m_context.db))
                return invalid("The refresh token has expired.");
            std::string scope = stored->scope;
            if (form->has("scope")) {
                if (!ScopeWords::isSubset(form->value("scope"), stored->scope)) {
                    failure = OAuthError(400, "invalid_scope", "The scope exceeds what was granted.");
                    return;
                }
                scope = form->value("scope");
            }
            const auto user = activeUser(m_context, stored->userId);
            if (!user) {
                tokens.revokeFamily(stored->familyId, "account_inactive");
                return invalid("The account is not active.");
            }
            if (!tokens.markRotated(stored->id))
                return reuse();
            PersonGrant grant{
                client.id,       true, scope, stored->authTime, stored->amr, std::string(), stored->ssoSessionId,
                stored->familyId};
            std::string refreshTokenId;
            body = issueForPerson(m_context, minter, *user, grant, &refreshTokenId);
            core::AuditEvent event = userEvent(request, "oidc.token.refresh", user->id, client.id);
            event.actorDisplay = user->email;
            event.after = {{"familyId", stored->familyId}, {"scope", scope}};
            AuditLog(m_context.db).append(event);
        });
    } else {
        if (!caller.authenticated)
            throw OAuthError::invalidClient(false);
        std::string scope;
        if (form->has("scope")) {
            scope = form->value("scope");
            if (!client.allowsScope(scope))
                throw OAuthError(400, "invalid_scope", "The client may not ask for this scope.");
        } else {
            for (const auto& s : client.scopes) {
                if (s != "openid" && s != "offline_access" && s != "profile" && s != "email")
                    scope += (scope.empty() ? "" : " ") + s;
            }
        }
        const MintedAccessToken access = minter.clientAccessToken(client.id, scope);
        body = {{"access_token", access.token}, {"token_type", "Bearer"}, {"expires_in", access.expiresIn}};
        if (!scope.empty())
            body["scope"] = scope;
        m_context.db.transaction([&] {
            core::AuditEvent event = RequestAudit::byClient(request, "oidc.token.issue");
            event.actorType = "client";
            event.actorId = client.id;
            event.actorDisplay = client.name;
            event.targetType = "oidc_client";
            event.targetId = client.id;
            event.targetDisplay = client.name;
            event.after = {{"grantType", grantType}, {"scope", scope}, {"jti", access.jti}};
            AuditLog(m_context.db).append(event);
        });
    }
    if (failure)
        throw *failure;
    return tokenResponse(body);
}

} // namespace trellis::server
