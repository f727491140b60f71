#include "server/login/PasskeyRepository.h"

#include "core/Encoding.h"
#include "core/TimeFormat.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

namespace {

const char* const columns = "id, user_id, credential_id, public_key, algorithm, sign_count, transports, "
                            "backup_eligible, backup_state, aaguid, name, created_at, last_used_at";

PasskeyCredential fromRow(const QSqlQuery& q)
{
    PasskeyCredential c;
    c.id = ss(q.value(0));
    c.userId = ss(q.value(1));
    c.credentialId = ss(q.value(2));
    c.publicKey = ss(q.value(3));
    c.algorithm = q.value(4).toInt();
    c.signCount = q.value(5).toLongLong();
    const auto transports = nlohmann::json::parse(ss(q.value(6)), nullptr, false);
    if (transports.is_array()) {
        for (const auto& t : transports) {
            if (t.is_string())
                c.transports.push_back(t.get<std::string>());
        }
    }
    c.backupEligible = q.value(7).toBool();
    c.backupState = q.value(8).toBool();
    c.aaguid = ss(q.value(9));
    c.name = ss(q.value(10));
    c.createdAt = ss(q.value(11));
    c.lastUsedAt = q.value(12).isNull() ? std::string() : ss(q.value(12));
    return c;
}

std::string challengeHash(const std::string& challenge)
{
    return core::toHex(core::sha256(challenge));
}

} // namespace

nlohmann::json toApiJson(const PasskeyCredential& c)
{
    const char* algorithm = c.algorithm == -7 ? "ES256" : c.algorithm == -8 ? "EdDSA" : "RS256";
    return {{"credentialId", c.credentialId},
            {"name", c.name},
            {"algorithm", algorithm},
            {"transports", c.transports},
            {"backupEligible", c.backupEligible},
            {"backedUp", c.backupState},
            {"aaguid", c.aaguid},
            {"signCount", c.signCount},
            {"createdAt", c.createdAt},
            {"lastUsedAt", c.lastUsedAt.empty() ? nlohmann::json() : nlohmann::json(c.lastUsedAt)}};
}

std::vector<PasskeyCredential> PasskeyRepository::listForUser(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT %1 FROM passkey_credentials WHERE user_id = ? "
                                               "ORDER BY created_at, id")
                                    .arg(QLatin1String(columns)));
    q.addBindValue(qs(userId));
    run(q, "listing passkeys failed");
    std::vector<PasskeyCredential> out;
    while (q.next())
        out.push_back(fromRow(q));
    return out;
}

bool PasskeyRepository::hasAny(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM passkey_credentials WHERE user_id = ? LIMIT 1"));
    q.addBindValue(qs(userId));
    run(q, "reading passkeys failed");
    return q.next();
}

std::optional<PasskeyCredential> PasskeyRepository::findByCredentialId(const std::string& credentialId) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("SELECT %1 FROM passkey_credentials WHERE credential_id = ?").arg(QLatin1String(columns)));
    q.addBindValue(qs(credentialId));
    run(q, "finding a passkey failed");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

void PasskeyRepository::insert(const PasskeyCredential& c) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO passkey_credentials (%1) VALUES "
                                               "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                    .arg(QLatin1String(columns)));
    q.addBindValue(qs(c.id));
    q.addBindValue(qs(c.userId));
    q.addBindValue(qs(c.credentialId));
    q.addBindValue(qs(c.publicKey));
    q.addBindValue(c.algorithm);
    q.addBindValue(qlonglong(c.signCount));
    q.addBindValue(qs(nlohmann::json(c.transports).dump()));
    q.addBindValue(c.backupEligible);
    q.addBindValue(c.backupState);
    q.addBindValue(qs(c.aaguid));
    q.addBindValue(qs(c.name));
    q.addBindValue(qs(c.createdAt));
    q.addBindValue(nullable(c.lastUsedAt));
    runGuarded(m_db, q, "storing a passkey failed",
               {{"passkey_credentials.credential_id", "passkey_credentials_credential_key", "passkey.credentialId",
                 "This passkey is registered already."}});
}

bool PasskeyRepository::recordUse(const std::string& id, std::int64_t previousCount, std::int64_t signCount,
                                  bool backupState) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE passkey_credentials SET sign_count = ?, backup_state = ?, "
                                               "last_used_at = ? WHERE id = ? AND sign_count = ?"));
    q.addBindValue(qlonglong(signCount));
    q.addBindValue(backupState);
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    q.addBindValue(qlonglong(previousCount));
    run(q, "recording a passkey sign-in failed");
    return q.numRowsAffected() == 1;
}

bool PasskeyRepository::remove(const std::string& userId, const std::string& credentialId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("DELETE FROM passkey_credentials WHERE user_id = ? AND credential_id = ?"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(credentialId));
    run(q, "deleting a passkey failed");
    return q.numRowsAffected() == 1;
}

void PasskeyRepository::saveChallenge(const std::string& challenge, const std::string& purpose,
                                      const std::string& userId) const
{
    const auto now = m_db.clock().now();
    QSqlQuery purge = prepare(m_db, QStringLiteral("DELETE FROM passkey_challenges WHERE expires_at <= ?"));
    purge.addBindValue(qs(core::formatTimestamp(now)));
    run(purge, "removing expired passkey challenges failed");
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO passkey_challenges (challenge_hash, purpose, user_id, "
                                               "expires_at) VALUES (?, ?, ?, ?)"));
    q.addBindValue(qs(challengeHash(challenge)));
    q.addBindValue(qs(purpose));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(core::formatTimestamp(now + challengeLifetime)));
    run(q, "storing a passkey challenge failed");
}

bool PasskeyRepository::takeChallenge(const std::string& challenge, const std::string& purpose,
                                      const std::string& userId) const
{
    // One DELETE decides: of two requests racing with the same challenge, only one removes the row.
    QSqlQuery q = prepare(m_db, QStringLiteral("DELETE FROM passkey_challenges WHERE challenge_hash = ? AND "
                                               "purpose = ? AND user_id = ? AND expires_at > ?"));
    q.addBindValue(qs(challengeHash(challenge)));
    q.addBindValue(qs(purpose));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "using a passkey challenge failed");
    const bool taken = q.numRowsAffected() == 1;
    if (!taken) {
        QSqlQuery stale = prepare(m_db, QStringLiteral("DELETE FROM passkey_challenges WHERE challenge_hash = ?"));
        stale.addBindValue(qs(challengeHash(challenge)));
        run(stale, "removing a passkey challenge failed");
    }
    return taken;
}

} // namespace trellis::server
