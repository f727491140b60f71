#include "server/store/TokenRepository.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

IssuedToken TokenRepository::issue(const std::string& userId, std::chrono::seconds ttl,
                                   const std::string& purpose) const
{
    IssuedToken issued;
    issued.tokenId = core::newUuid();
    issued.token = core::newSecretToken();
    const auto now = m_db.clock().now();
    issued.expiresAt = core::formatTimestamp(now + ttl);
    QSqlQuery q =
        prepare(m_db, QStringLiteral("INSERT INTO access_tokens (id, token_hash, user_id, purpose, created_at, "
                                     "expires_at) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(issued.tokenId));
    q.addBindValue(qs(core::crypto::tokenHash(issued.token)));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(purpose));
    q.addBindValue(qs(core::formatTimestamp(now)));
    q.addBindValue(qs(issued.expiresAt));
    run(q, "issuing a token failed");
    return issued;
}

std::optional<TokenOwner> TokenRepository::authenticate(const std::string& token) const
{
    // Anything that is not one of our tokens is refused before touching the database.
    if (token.empty() || token.size() > 256)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT t.id, t.user_id, t.expires_at, t.token_hash FROM access_tokens t "
                                     "JOIN users u ON u.id = t.user_id "
                                     "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? "
                                     "AND u.status = 'active'"));
    q.addBindValue(qs(hash));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "authenticating a token failed");
    if (!q.next())
        return std::nullopt;
    if (!core::constantTimeEquals(ss(q.value(3)), hash))
        return std::nullopt;
    return TokenOwner{ss(q.value(0)), ss(q.value(1)), ss(q.value(2))};
}

void TokenRepository::revoke(const std::string& tokenId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(tokenId));
    run(q, "revoking a token failed");
}

int TokenRepository::revokeAllFor(const std::string& userId) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("UPDATE access_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(userId));
    run(q, "revoking a person's tokens failed");
    return q.numRowsAffected();
}

} // namespace trellis::server
