#include "server/login/SsoSessionRepository.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <nlohmann/json.hpp>

namespace trellis::server {

using namespace sql;

namespace {

std::vector<std::string> amrFrom(const std::string& text)
{
    const auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> amr;
    if (j.is_array()) {
        for (const auto& v : j) {
            if (v.is_string())
                amr.push_back(v.get<std::string>());
        }
    }
    return amr;
}

const QString selectLive = QStringLiteral(
    "SELECT s.id, s.user_id, s.auth_time, s.amr, s.expires_at, s.token_hash FROM sso_sessions s "
    "JOIN users u ON u.id = s.user_id WHERE s.ended_at IS NULL AND s.expires_at > ? AND u.status = 'active' AND ");

SsoSession fromRow(const QSqlQuery& q)
{
    return SsoSession{ss(q.value(0)), ss(q.value(1)), ss(q.value(2)), amrFrom(ss(q.value(3))), ss(q.value(4))};
}

} // namespace

SsoSession SsoSessionRepository::create(const std::string& userId, const std::string& authTime,
                                        const std::vector<std::string>& amr, std::string* token) const
{
    *token = core::newSecretToken();
    const auto now = m_db.clock().now();
    SsoSession s{core::newUuid(), userId, authTime, amr, core::formatTimestamp(now + lifetime)};
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO sso_sessions (id, token_hash, user_id, auth_time, amr, "
                                               "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(s.id));
    q.addBindValue(qs(core::crypto::tokenHash(*token)));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(authTime));
    q.addBindValue(qs(nlohmann::json(amr).dump()));
    q.addBindValue(qs(core::formatTimestamp(now)));
    q.addBindValue(qs(s.expiresAt));
    run(q, "starting a single sign-on session failed");
    return s;
}

std::optional<SsoSession> SsoSessionRepository::findByToken(const std::string& token) const
{
    if (token.empty() || token.size() > 128)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q = prepare(m_db, selectLive + QStringLiteral("s.token_hash = ?"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(hash));
    run(q, "reading a single sign-on session failed");
    if (!q.next() || !core::constantTimeEquals(ss(q.value(5)), hash))
        return std::nullopt;
    return fromRow(q);
}

std::optional<SsoSession> SsoSessionRepository::find(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, selectLive + QStringLiteral("s.id = ?"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "reading a single sign-on session failed");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

bool SsoSessionRepository::end(const std::string& id) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE sso_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "ending a single sign-on session failed");
    return q.numRowsAffected() == 1;
}

int SsoSessionRepository::revokeAllFor(const std::string& userId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE sso_sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(userId));
    run(q, "ending single sign-on sessions failed");
    return q.numRowsAffected();
}

} // namespace trellis::server
