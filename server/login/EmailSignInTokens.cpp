#include "server/login/EmailSignInTokens.h"

#include "core/Encoding.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;
using core::flow::MagicLinkStatus;

namespace {

// A code is short, so its hash is bound to its row: the same code for two people never hashes the same.
std::string codeHash(const std::string& rowId, const std::string& code)
{
    return core::crypto::tokenHash("email-code\n" + rowId + "\n" + code);
}

void insert(const Database& db, const std::string& id, const char* kind, const std::string& userId,
            const std::string& flowSessionId, const std::string& hash, int minutes)
{
    const auto now = db.clock().now();
    QSqlQuery q = prepare(db, QStringLiteral("INSERT INTO email_sign_in_tokens (id, kind, user_id, flow_session_id, "
                                             "token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(QString::fromLatin1(kind));
    q.addBindValue(nullable(userId));
    q.addBindValue(nullable(flowSessionId));
    q.addBindValue(qs(hash));
    q.addBindValue(qs(core::formatTimestamp(now)));
    q.addBindValue(qs(core::formatTimestamp(now + std::chrono::minutes(minutes))));
    run(q, "storing an email sign-in token failed");
}

} // namespace

NewMagicLink EmailSignInTokens::createMagicLink(const std::string& userId, const std::string& flowSessionId,
                                                int minutes) const
{
    NewMagicLink link{core::newUuid(), core::newSecretToken()};
    insert(m_db, link.id, "magic-link", userId, flowSessionId, core::crypto::tokenHash(link.token), minutes);
    return link;
}

MagicLinkStatus EmailSignInTokens::magicLinkStatus(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT verified_at, expires_at FROM email_sign_in_tokens "
                                               "WHERE id = ? AND kind = 'magic-link'"));
    q.addBindValue(qs(id));
    run(q, "reading a magic link failed");
    if (!q.next())
        return MagicLinkStatus::Expired;
    if (!q.value(0).isNull())
        return MagicLinkStatus::Verified;
    return ss(q.value(1)) > sql::now(m_db) ? MagicLinkStatus::Pending : MagicLinkStatus::Expired;
}

std::optional<OpenedMagicLink> EmailSignInTokens::openMagicLink(const std::string& token) const
{
    if (token.empty() || token.size() > 128)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT id, flow_session_id, token_hash, user_id FROM email_sign_in_tokens "
                                     "WHERE token_hash = ? AND kind = 'magic-link' AND user_id IS NOT NULL "
                                     "AND verified_at IS NULL AND expires_at > ?"));
    q.addBindValue(qs(hash));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a magic link failed");
    if (!q.next() || !core::constantTimeEquals(ss(q.value(2)), hash))
        return std::nullopt;
    const std::string id = ss(q.value(0));
    const OpenedMagicLink opened{q.value(1).isNull() ? std::string() : ss(q.value(1)), ss(q.value(3))};
    // Spent by the first request that gets here: the update only succeeds while verified_at is still empty.
    QSqlQuery u = prepare(m_db, QStringLiteral("UPDATE email_sign_in_tokens SET verified_at = ? WHERE id = ? "
                                               "AND verified_at IS NULL"));
    u.addBindValue(qs(sql::now(m_db)));
    u.addBindValue(qs(id));
    run(u, "spending a magic link failed");
    if (u.numRowsAffected() != 1)
        return std::nullopt;
    return opened;
}

std::string EmailSignInTokens::createCode(const std::string& userId, int length, int minutes) const
{
    // Earlier codes stop working: only the newest email counts.
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE email_sign_in_tokens SET expires_at = created_at WHERE "
                                               "user_id = ? AND kind = 'email-code' AND verified_at IS NULL"));
    q.addBindValue(qs(userId));
    run(q, "retiring email codes failed");
    std::string code;
    const std::string random = core::secureRandomBytes(std::size_t(length) * 2);
    for (int i = 0; i < length; ++i) {
        // Two random bytes per digit: 65536 % 10 = 6, a bias below 0.01 %.
        const unsigned v =
            (unsigned(static_cast<unsigned char>(random[2 * i])) << 8) | static_cast<unsigned char>(random[2 * i + 1]);
        code += char('0' + v % 10);
    }
    const std::string id = core::newUuid();
    insert(m_db, id, "email-code", userId, {}, codeHash(id, code), minutes);
    return code;
}

bool EmailSignInTokens::verifyCode(const std::string& userId, const std::string& code) const
{
    if (userId.empty() || code.empty() || code.size() > 16)
        return false;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id, token_hash FROM email_sign_in_tokens WHERE user_id = ? "
                                               "AND kind = 'email-code' AND verified_at IS NULL AND expires_at > ? "
                                               "ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading an email code failed");
    if (!q.next())
        return false;
    const std::string id = ss(q.value(0));
    if (!core::constantTimeEquals(codeHash(id, code), ss(q.value(1))))
        return false;
    QSqlQuery u = prepare(m_db, QStringLiteral("UPDATE email_sign_in_tokens SET verified_at = ? WHERE id = ? "
                                               "AND verified_at IS NULL"));
    u.addBindValue(qs(sql::now(m_db)));
    u.addBindValue(qs(id));
    run(u, "spending an email code failed");
    return u.numRowsAffected() == 1;
}

} // namespace trellis::server
