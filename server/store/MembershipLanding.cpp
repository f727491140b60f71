#include "server/store/MembershipLanding.h"

#include "server/store/Database.h"
#include "server/store/MembershipRepository.h"
#include "server/store/SqlSupport.h"

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

bool MembershipLanding::isActiveMember(const std::string& userId, const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT 1 FROM memberships WHERE user_id = ? AND org_id = ? AND "
                                               "status = 'active' AND (expires_at IS NULL OR expires_at > ?)"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(orgId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a membership failed");
    return q.next();
}

std::string MembershipLanding::land(const std::string& userId, const std::string& orgId, const std::string& title,
                                    core::MembershipSource source, const std::string& expiresAt, bool* changed) const
{
    QSqlQuery existing = prepare(m_db, QStringLiteral("SELECT id, status, expires_at FROM memberships "
                                                      "WHERE user_id = ? AND org_id = ?"));
    existing.addBindValue(qs(userId));
    existing.addBindValue(qs(orgId));
    run(existing, "reading a membership failed");
    if (existing.next()) {
        const std::string id = ss(existing.value(0));
        const std::string status = ss(existing.value(1));
        const std::string oldEnd = ss(existing.value(2));
        existing.finish();
        const bool lapsed = status == "ended" || (status == "active" && !oldEnd.empty() && oldEnd <= sql::now(m_db));
        *changed = lapsed;
        if (lapsed) {
            QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE memberships SET status = 'active', title = ?, "
                                                       "source = ?, expires_at = ? WHERE id = ?"));
            q.addBindValue(qs(title));
            q.addBindValue(qs(std::string(core::toString(source))));
            q.addBindValue(nullable(expiresAt));
            q.addBindValue(qs(id));
            run(q, "re-activating a membership failed");
        }
        return id;
    }
    existing.finish();
    NewMembership membership;
    membership.userId = userId;
    membership.orgId = orgId;
    membership.title = title;
    membership.source = source;
    membership.expiresAt = expiresAt;
    *changed = true;
    return MembershipRepository(m_db).create(membership);
}

} // namespace trellis::server
