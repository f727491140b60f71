#include "server/oidc/RefreshTokenRepository.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <nlohmann/json.hpp>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

std::string RefreshTokenRepository::create(const RefreshToken& data) const
{
    const std::string token = core::newSecretToken();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO refresh_tokens (id, token_hash, family_id, client_id, "
                                               "user_id, sso_session_id, scope, auth_time, amr, created_at, "
                                               "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(data.id));
    q.addBindValue(qs(core::crypto::tokenHash(token)));
    q.addBindValue(qs(data.familyId));
    q.addBindValue(qs(data.clientId));
    q.addBindValue(qs(data.userId));
    q.addBindValue(nullable(data.ssoSessionId));
    q.addBindValue(qs(data.scope));
    q.addBindValue(qs(data.authTime));
    q.addBindValue(qs(nlohmann::json(data.amr).dump()));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(data.expiresAt));
    run(q, "storing a refresh token failed");
    return token;
}

std::optional<RefreshToken> RefreshTokenRepository::findByToken(const std::string& token) const
{
    if (token.empty() || token.size() > 256)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id, family_id, client_id, user_id, sso_session_id, scope, "
                                               "auth_time, amr, expires_at, rotated_at, revoked_at, token_hash "
                                               "FROM refresh_tokens WHERE token_hash = ?"));
    q.addBindValue(qs(hash));
    run(q, "reading a refresh token failed");
    if (!q.next() || !core::constantTimeEquals(ss(q.value(11)), hash))
        return std::nullopt;
    RefreshToken t;
    t.id = ss(q.value(0));
    t.familyId = ss(q.value(1));
    t.clientId = ss(q.value(2));
    t.userId = ss(q.value(3));
    t.ssoSessionId = ss(q.value(4));
    t.scope = ss(q.value(5));
    t.authTime = ss(q.value(6));
    const auto amr = nlohmann::json::parse(ss(q.value(7)), nullptr, false);
    if (amr.is_array()) {
        for (const auto& item : amr) {
            if (item.is_string())
                t.amr.push_back(item.get<std::string>());
        }
    }
    t.expiresAt = ss(q.value(8));
    t.rotatedAt = ss(q.value(9));
    t.revokedAt = ss(q.value(10));
    return t;
}

bool RefreshTokenRepository::markRotated(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE refresh_tokens SET rotated_at = ? WHERE id = ? AND "
                                               "rotated_at IS NULL AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "rotating a refresh token failed");
    return q.numRowsAffected() == 1;
}

int RefreshTokenRepository::revokeFamily(const std::string& familyId, const std::string& reason) const
{
    if (familyId.empty())
        return 0;
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, revoke_reason = ? "
                                               "WHERE family_id = ? AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(reason));
    q.addBindValue(qs(familyId));
    run(q, "revoking a refresh token family failed");
    return q.numRowsAffected();
}

int RefreshTokenRepository::revokeAllFor(const std::string& userId, const std::string& reason) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE refresh_tokens SET revoked_at = ?, revoke_reason = ? "
                                               "WHERE user_id = ? AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(reason));
    q.addBindValue(qs(userId));
    run(q, "revoking a person's refresh tokens failed");
    return q.numRowsAffected();
}

} // namespace trellis::server
