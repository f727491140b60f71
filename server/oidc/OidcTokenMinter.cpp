#include "server/oidc/OidcTokenMinter.h"

#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/User.h"
#include "core/crypto/Jwt.h"
#include "core/crypto/TokenHash.h"
#include "server/api/ApiContext.h"
#include "server/oidc/ScopeWords.h"
#include "server/store/Database.h"
#include "server/store/RoleRepository.h"
#include "server/store/SqlSupport.h"

#include <map>
#include <sstream>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

std::int64_t epochSeconds(std::chrono::system_clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

// {memberships: [{org, status}], admin: [{org, roles}]}: what the person belongs to and where they administer.
nlohmann::json trellisClaim(const Database& db, const std::string& userId)
{
    nlohmann::json memberships = nlohmann::json::array();
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT org_id, status FROM memberships WHERE user_id = ? ORDER BY org_id"));
    q.addBindValue(qs(userId));
    run(q, "reading memberships failed");
    while (q.next())
        memberships.push_back({{"org", ss(q.value(0))}, {"status", ss(q.value(1))}});

    std::map<std::string, std::vector<std::string>> rolesByOrg;
    const core::AdminScope scope = RoleRepository(db).scopeFor(userId);
    for (const auto& grant : scope.grants())
        rolesByOrg[grant.orgId].push_back(grant.roleKey);
    nlohmann::json admin = nlohmann::json::array();
    for (const auto& [org, roles] : rolesByOrg)
        admin.push_back({{"org", org}, {"roles", roles}});
    return {{"memberships", memberships}, {"admin", admin}};
}

} // namespace

OidcTokenMinter::OidcTokenMinter(const ApiContext& context, std::shared_ptr<const SigningKeyRing::Keys> keys)
    : m_context(context)
    , m_keys(std::move(keys))
{
    if (!m_keys || !m_keys->active)
        throw StoreError(StoreError::Kind::Unavailable, "no active signing key");
}

MintedAccessToken OidcTokenMinter::userAccessToken(const core::User& user, const std::string& clientId,
                                                   const std::string& scope) const
{
    const auto lifetime = m_context.signingKeys->options().accessTokenLifetime;
    const auto now = m_context.db.clock().now();
    MintedAccessToken minted;
    minted.jti = core::newUuid();
    minted.expiresIn = lifetime.count();
    const nlohmann::json claims{{"iss", m_context.issuer},
                                {"sub", user.id},
                                {"aud", {kAdminApiAudience, clientId}},
                                {"exp", epochSeconds(now + lifetime)},
                                {"iat", epochSeconds(now)},
                                {"jti", minted.jti},
                                {"client_id", clientId},
                                {"scope", scope},
                                {"email", user.email},
                                {"name", user.displayName},
                                {"trellis", trellisClaim(m_context.db, user.id)}};
    minted.token = core::crypto::Jwt::sign(*m_keys->active, claims, {{"typ", "at+jwt"}});
    return minted;
}

MintedAccessToken OidcTokenMinter::clientAccessToken(const std::string& clientId, const std::string& scope) const
{
    const auto lifetime = m_context.signingKeys->options().accessTokenLifetime;
    const auto now = m_context.db.clock().now();
    MintedAccessToken minted;
    minted.jti = core::newUuid();
    minted.expiresIn = lifetime.count();
    const nlohmann::json claims{
        {"iss", m_context.issuer},  {"sub", clientId},   {"aud", {clientId}},     {"exp", epochSeconds(now + lifetime)},
        {"iat", epochSeconds(now)}, {"jti", minted.jti}, {"client_id", clientId}, {"scope", scope}};
    minted.token = core::crypto::Jwt::sign(*m_keys->active, claims, {{"typ", "at+jwt"}});
    return minted;
}

std::string OidcTokenMinter::idToken(const core::User& user, const std::string& clientId, const std::string& scope,
                                     const std::string& authTime, const std::vector<std::string>& amr,
                                     const std::string& nonce, const std::string& accessToken) const
{
    const auto now = m_context.db.clock().now();
    const auto authTimePoint = core::parseTimestamp(authTime);
    nlohmann::json claims{{"iss", m_context.issuer},
                          {"sub", user.id},
                          {"aud", clientId},
                          {"exp", epochSeconds(now + m_context.signingKeys->options().idTokenLifetime)},
                          {"iat", epochSeconds(now)},
                          {"auth_time", epochSeconds(authTimePoint ? *authTimePoint : now)},
                          {"amr", amr}};
    if (!nonce.empty())
        claims["nonce"] = nonce;
    if (!accessToken.empty())
        claims["at_hash"] = core::crypto::oidcHalfHash(accessToken);
    if (ScopeWords::contains(scope, "email"))
        claims["email"] = user.email;
    if (ScopeWords::contains(scope, "profile"))
        claims["name"] = user.displayName;
    return core::crypto::Jwt::sign(*m_keys->active, claims);
}

} // namespace trellis::server
