#include "server/store/MembershipRepository.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <map>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

core::Page<core::Membership> MembershipRepository::members(const std::string& orgId, int limit,
                                                           const std::optional<core::PageCursor>& after) const
{
    limit = std::clamp(limit, 1, 500);
    QString text =
        QStringLiteral("SELECT m.id, m.org_id, m.status, m.title, m.source, m.expires_at, m.created_at, "
                       "u.id, u.email, u.display_name, u.status, u.last_sign_in_at, u.created_at, u.name_key "
                       "FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ");
    if (after)
        text += QStringLiteral("AND (u.name_key > ? OR (u.name_key = ? AND m.id > ?)) ");
    text += QStringLiteral("ORDER BY u.name_key, m.id LIMIT ?");
    QSqlQuery q = prepare(m_db, text);
    q.addBindValue(qs(orgId));
    if (after) {
        q.addBindValue(qs(after->sortKey));
        q.addBindValue(qs(after->sortKey));
        q.addBindValue(qs(after->id));
    }
    q.addBindValue(limit + 1);
    run(q, "listing members failed");

    core::Page<core::Membership> page;
    std::vector<std::string> nameKeys;
    while (q.next()) {
        core::Membership m;
        m.id = ss(q.value(0));
        m.orgId = ss(q.value(1));
        m.status = core::membershipStatusFromString(ss(q.value(2))).value_or(core::MembershipStatus::Ended);
        m.title = ss(q.value(3));
        m.source = core::membershipSourceFromString(ss(q.value(4))).value_or(core::MembershipSource::Manual);
        m.expiresAt = ss(q.value(5));
        m.createdAt = ss(q.value(6));
        m.user.id = ss(q.value(7));
        m.user.email = ss(q.value(8));
        m.user.displayName = ss(q.value(9));
        m.user.status = core::userStatusFromString(ss(q.value(10))).value_or(core::UserStatus::Disabled);
        m.user.lastSignInAt = ss(q.value(11));
        m.user.createdAt = ss(q.value(12));
        nameKeys.push_back(ss(q.value(13)));
        page.items.push_back(std::move(m));
    }
    q.finish();
    if (int(page.items.size()) > limit) {
        page.items.resize(std::size_t(limit));
        page.nextCursor = core::PageCursor{nameKeys[std::size_t(limit - 1)], page.items.back().id}.encode();
    }
    if (page.items.empty())
        return page;

    // The roles held at this org, for the whole page in one query.
    QStringList marks;
    for (std::size_t i = 0; i < page.items.size(); ++i)
        marks.push_back(QStringLiteral("?"));
    QSqlQuery roles = prepare(
        m_db, QStringLiteral("SELECT ra.user_id, r.key FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                             "WHERE ra.org_id = ? AND ra.revoked_at IS NULL "
                             "AND (ra.expires_at IS NULL OR ra.expires_at > ?) AND ra.user_id IN (%1) "
                             "ORDER BY r.key")
                  .arg(marks.join(QStringLiteral(", "))));
    roles.addBindValue(qs(orgId));
    roles.addBindValue(qs(sql::now(m_db)));
    for (const auto& m : page.items)
        roles.addBindValue(qs(m.user.id));
    run(roles, "listing members' roles failed");
    std::map<std::string, std::vector<std::string>> byUser;
    while (roles.next()) {
        auto& keys = byUser[ss(roles.value(0))];
        const std::string key = ss(roles.value(1));
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    for (auto& m : page.items)
        m.roles = byUser[m.user.id];
    return page;
}

std::string MembershipRepository::create(const NewMembership& membership) const
{
    const std::string id = core::newUuid();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO memberships (id, user_id, org_id, status, title, source, "
                                               "expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(membership.userId));
    q.addBindValue(qs(membership.orgId));
    q.addBindValue(qs(std::string(core::toString(membership.status))));
    q.addBindValue(qs(membership.title));
    q.addBindValue(qs(std::string(core::toString(membership.source))));
    q.addBindValue(nullable(membership.expiresAt));
    q.addBindValue(qs(sql::now(m_db)));
    runGuarded(m_db, q, "creating a membership failed",
               {{"memberships.user_id, memberships.org_id", "memberships_user_org_key", "membership.user_org",
                 "this person is already a member of this organisation"}});
    return id;
}

int MembershipRepository::count() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM memberships"));
    run(q, "counting memberships failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace trellis::server
