#include "server/oidc/SigningKeyRepository.h"

#include "core/AuditEvent.h"
#include "core/TimeFormat.h"
#include "core/crypto/SigningKey.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

std::vector<StoredSigningKey> SigningKeyRepository::published() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT kid, private_key_pem, public_jwk, created_at, retired_at, "
                                               "published_until FROM signing_keys WHERE retired_at IS NULL OR "
                                               "published_until > ? ORDER BY created_at DESC, kid"));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading signing keys failed");
    std::vector<StoredSigningKey> keys;
    while (q.next()) {
        StoredSigningKey key;
        key.kid = ss(q.value(0));
        key.privateKeyPem = ss(q.value(1));
        key.publicJwk = nlohmann::json::parse(ss(q.value(2)), nullptr, false);
        key.createdAt = ss(q.value(3));
        key.retiredAt = ss(q.value(4));
        key.publishedUntil = ss(q.value(5));
        keys.push_back(std::move(key));
    }
    return keys;
}

bool SigningKeyRepository::ensureActive(std::chrono::seconds maxAge, std::chrono::seconds retiredPublication) const
{
    // The common case, no rotation due, is a plain read; only a due rotation takes the write lock.
    const auto activeIsYoung = [&] {
        QSqlQuery newest = prepare(m_db, QStringLiteral("SELECT created_at FROM signing_keys WHERE retired_at IS NULL "
                                                        "ORDER BY created_at DESC LIMIT 1"));
        run(newest, "reading the active signing key failed");
        if (!newest.next())
            return false;
        const auto createdAt = core::parseTimestamp(ss(newest.value(0)));
        return createdAt && *createdAt + maxAge > m_db.clock().now();
    };
    if (!m_db.inTransaction() && activeIsYoung())
        return false;
    bool created = false;
    m_db.transaction([&] {
        if (m_db.dialect() == SqlDialect::Postgres)
            runDirect(m_db, QStringLiteral("LOCK TABLE signing_keys IN SHARE ROW EXCLUSIVE MODE"),
                      "locking signing keys failed");
        // Again under the lock: another instance may have rotated meanwhile.
        if (activeIsYoung())
            return;
        const auto nowPoint = m_db.clock().now();
        const std::string now = core::formatTimestamp(nowPoint);

        const auto key = core::crypto::SigningKey::generate();
        QSqlQuery retire = prepare(m_db, QStringLiteral("UPDATE signing_keys SET retired_at = ?, published_until = ? "
                                                        "WHERE retired_at IS NULL"));
        retire.addBindValue(qs(now));
        retire.addBindValue(qs(core::formatTimestamp(nowPoint + retiredPublication)));
        run(retire, "retiring signing keys failed");
        QSqlQuery purge = prepare(
            m_db,
            QStringLiteral("DELETE FROM signing_keys WHERE published_until IS NOT NULL AND published_until <= ?"));
        purge.addBindValue(qs(now));
        run(purge, "removing expired signing keys failed");
        QSqlQuery insert = prepare(m_db, QStringLiteral("INSERT INTO signing_keys (kid, algorithm, private_key_pem, "
                                                        "public_jwk, created_at) VALUES (?, 'ES256', ?, ?, ?)"));
        insert.addBindValue(qs(key.kid()));
        insert.addBindValue(qs(key.toPkcs8Pem()));
        insert.addBindValue(qs(key.publicJwk().dump()));
        insert.addBindValue(qs(now));
        run(insert, "storing a signing key failed");

        core::AuditEvent event;
        event.actorType = "system";
        event.actorId = "trellisd";
        event.actorDisplay = "trellisd";
        event.action = "oidc.key.rotate";
        event.targetType = "signing_key";
        event.targetId = key.kid();
        event.targetDisplay = key.kid();
        event.outcome = "success";
        event.after = {{"kid", key.kid()}, {"algorithm", "ES256"}, {"createdAt", now}};
        AuditLog(m_db).append(event);
        created = true;
    });
    return created;
}

} // namespace trellis::server
