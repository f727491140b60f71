#include "server/api/PlatformOwner.h"

#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

namespace trellis::server {

std::optional<core::User> PlatformOwner::find(const Database& db)
{
    QSqlQuery query =
        sql::prepare(db, QStringLiteral("SELECT ra.user_id FROM role_assignments ra"
                                        " JOIN roles r ON r.id = ra.role_id"
                                        " JOIN orgs o ON o.id = ra.org_id"
                                        " JOIN users u ON u.id = ra.user_id"
                                        " WHERE r.key = 'platform-owner' AND r.org_id IS NULL AND o.parent_id IS NULL"
                                        " AND o.status = 'active' AND u.status = 'active' AND ra.revoked_at IS NULL"
                                        " AND (ra.expires_at IS NULL OR ra.expires_at > :now)"
                                        " ORDER BY ra.created_at, ra.id LIMIT 1"));
    query.bindValue(QStringLiteral(":now"), sql::qs(sql::now(db)));
    sql::run(query, "find the platform owner");
    if (!query.next())
        return std::nullopt;
    return UserRepository(db).find(sql::ss(query.value(0)));
}

} // namespace trellis::server
