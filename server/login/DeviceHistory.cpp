#include "server/login/DeviceHistory.h"

#include "core/Random.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

namespace trellis::server {

using namespace sql;

std::string DeviceHistory::deviceHash(const std::string& cookie)
{
    if (cookie.size() < 20 || cookie.size() > 128)
        return {};
    return core::crypto::tokenHash("trellis-device\n" + cookie);
}

bool DeviceHistory::knownDevice(const std::string& userId, const std::string& hash) const
{
    if (userId.empty() || hash.empty())
        return false;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM known_devices WHERE user_id = ? AND device_hash = ?"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(hash));
    run(q, "reading known devices failed");
    return q.next();
}

std::vector<std::string> DeviceHistory::countries(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT DISTINCT country FROM sign_in_history WHERE user_id = ? AND "
                                               "country <> '' ORDER BY country"));
    q.addBindValue(qs(userId));
    run(q, "reading sign-in history failed");
    std::vector<std::string> out;
    while (q.next())
        out.push_back(ss(q.value(0)));
    return out;
}

void DeviceHistory::recordSignIn(const std::string& userId, const std::string& hash, const std::string& address,
                                 const std::string& country) const
{
    const std::string now = sql::now(m_db);
    if (!hash.empty()) {
        QSqlQuery u = prepare(m_db, QStringLiteral("UPDATE known_devices SET last_seen_at = ? WHERE user_id = ? AND "
                                                   "device_hash = ?"));
        u.addBindValue(qs(now));
        u.addBindValue(qs(userId));
        u.addBindValue(qs(hash));
        run(u, "updating a known device failed");
        if (u.numRowsAffected() == 0) {
            QSqlQuery i = prepare(m_db, QStringLiteral("INSERT INTO known_devices (user_id, device_hash, "
                                                       "first_seen_at, last_seen_at) VALUES (?, ?, ?, ?)"));
            i.addBindValue(qs(userId));
            i.addBindValue(qs(hash));
            i.addBindValue(qs(now));
            i.addBindValue(qs(now));
            run(i, "remembering a device failed");
        }
    }
    QSqlQuery h = prepare(m_db, QStringLiteral("INSERT INTO sign_in_history (id, user_id, signed_in_at, address, "
                                               "country, device_hash) VALUES (?, ?, ?, ?, ?, ?)"));
    h.addBindValue(qs(core::newUuid()));
    h.addBindValue(qs(userId));
    h.addBindValue(qs(now));
    h.addBindValue(qs(address));
    h.addBindValue(qs(country));
    h.addBindValue(qs(hash));
    run(h, "recording a sign-in failed");
}

} // namespace trellis::server
