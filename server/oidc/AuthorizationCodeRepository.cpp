#include "server/oidc/AuthorizationCodeRepository.h"

#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <nlohmann/json.hpp>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

void AuthorizationCodeRepository::create(const std::string& code, const AuthorizationCode& data) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("INSERT INTO authorization_codes (id, code_hash, client_id, user_id, sso_session_id, "
                             "redirect_uri, scope, nonce, code_challenge, code_challenge_method, auth_time, amr, "
                             "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(data.id));
    q.addBindValue(qs(core::crypto::tokenHash(code)));
    q.addBindValue(qs(data.clientId));
    q.addBindValue(qs(data.userId));
    q.addBindValue(nullable(data.ssoSessionId));
    q.addBindValue(qs(data.redirectUri));
    q.addBindValue(qs(data.scope));
    q.addBindValue(qs(data.nonce));
    q.addBindValue(qs(data.codeChallenge));
    q.addBindValue(qs(data.codeChallengeMethod));
    q.addBindValue(qs(data.authTime));
    q.addBindValue(qs(nlohmann::json(data.amr).dump()));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(data.expiresAt));
    run(q, "storing an authorization code failed");
}

AuthorizationCodeRepository::Redemption AuthorizationCodeRepository::redeem(const std::string& code) const
{
    Redemption result;
    if (code.empty() || code.size() > 256)
        return result;
    const std::string hash = core::crypto::tokenHash(code);
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id, client_id, user_id, sso_session_id, redirect_uri, scope, "
                                               "nonce, code_challenge, code_challenge_method, auth_time, amr, "
                                               "expires_at, used_at, family_id FROM authorization_codes "
                                               "WHERE code_hash = ?"));
    q.addBindValue(qs(hash));
    run(q, "reading an authorization code failed");
    if (!q.next())
        return result;
    AuthorizationCode& c = result.code;
    c.id = ss(q.value(0));
    c.clientId = ss(q.value(1));
    c.userId = ss(q.value(2));
    c.ssoSessionId = ss(q.value(3));
    c.redirectUri = ss(q.value(4));
    c.scope = ss(q.value(5));
    c.nonce = ss(q.value(6));
    c.codeChallenge = ss(q.value(7));
    c.codeChallengeMethod = ss(q.value(8));
    c.authTime = ss(q.value(9));
    const auto amr = nlohmann::json::parse(ss(q.value(10)), nullptr, false);
    if (amr.is_array()) {
        for (const auto& item : amr) {
            if (item.is_string())
                c.amr.push_back(item.get<std::string>());
        }
    }
    c.expiresAt = ss(q.value(11));
    c.usedAt = ss(q.value(12));
    c.familyId = ss(q.value(13));

    // The conditional UPDATE decides: only one redemption can change used_at from NULL.
    const std::string now = sql::now(m_db);
    QSqlQuery mark =
        prepare(m_db, QStringLiteral("UPDATE authorization_codes SET used_at = ? WHERE id = ? AND used_at IS NULL"));
    mark.addBindValue(qs(now));
    mark.addBindValue(qs(c.id));
    run(mark, "redeeming an authorization code failed");
    if (mark.numRowsAffected() != 1) {
        result.outcome = Redemption::Outcome::Replayed;
        return result;
    }
    result.outcome = c.expiresAt > now ? Redemption::Outcome::Redeemed : Redemption::Outcome::Expired;
    return result;
}

void AuthorizationCodeRepository::setFamily(const std::string& codeId, const std::string& familyId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE authorization_codes SET family_id = ? WHERE id = ?"));
    q.addBindValue(qs(familyId));
    q.addBindValue(qs(codeId));
    run(q, "linking an authorization code to its tokens failed");
}

} // namespace trellis::server
