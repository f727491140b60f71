#include "server/store/InvitationRepository.h"

#include "core/Encoding.h"
#include "core/OrgPath.h"
#include "core/Random.h"
#include "core/crypto/TokenHash.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

const QString kColumns = QStringLiteral(
    "i.id, i.org_id, i.email, i.display_name, i.title, i.role_ids, i.membership_source, i.membership_expires_at, "
    "i.invited_by, i.status, i.created_at, i.expires_at, i.accepted_at, i.accepted_user_id, i.revoked_at ");

core::Invitation readRow(const QSqlQuery& q, const std::string& now)
{
    core::Invitation i;
    i.id = ss(q.value(0));
    i.orgId = ss(q.value(1));
    i.email = ss(q.value(2));
    i.displayName = ss(q.value(3));
    i.title = ss(q.value(4));
    const auto roles = nlohmann::json::parse(ss(q.value(5)), nullptr, false);
    if (roles.is_array()) {
        for (const auto& r : roles) {
            if (r.is_string())
                i.roleIds.push_back(r.get<std::string>());
        }
    }
    i.membershipSource = ss(q.value(6));
    i.membershipExpiresAt = ss(q.value(7));
    i.invitedBy = ss(q.value(8));
    i.createdAt = ss(q.value(10));
    i.expiresAt = ss(q.value(11));
    i.status = InvitationRepository::effectiveStatus(ss(q.value(9)), i.expiresAt, now);
    i.acceptedAt = ss(q.value(12));
    i.acceptedUserId = ss(q.value(13));
    i.revokedAt = ss(q.value(14));
    return i;
}

std::optional<core::Invitation> findWhere(const Database& db, const QString& where, const std::string& value)
{
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT ") + kColumns + QStringLiteral("FROM invitations i WHERE ") + where);
    q.addBindValue(qs(value));
    run(q, "reading an invitation failed");
    if (!q.next())
        return std::nullopt;
    return readRow(q, sql::now(db));
}

} // namespace

std::string InvitationRepository::effectiveStatus(const std::string& stored, const std::string& expiresAt,
                                                  const std::string& now)
{
    return stored == "pending" && expiresAt <= now ? std::string("expired") : stored;
}

core::Invitation InvitationRepository::create(const NewInvitation& n, std::string* token) const
{
    const std::string now = sql::now(m_db);
    QSqlQuery stale = prepare(m_db, QStringLiteral("UPDATE invitations SET status = 'expired' WHERE org_id = ? AND "
                                                   "email = ? AND status = 'pending' AND expires_at <= ?"));
    stale.addBindValue(qs(n.orgId));
    stale.addBindValue(qs(n.email));
    stale.addBindValue(qs(now));
    run(stale, "expiring an old invitation failed");

    const std::string id = core::newUuid();
    *token = core::newSecretToken();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO invitations (id, org_id, email, display_name, title, "
                                               "role_ids, membership_source, membership_expires_at, invited_by, "
                                               "token_hash, status, created_at, expires_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(n.orgId));
    q.addBindValue(qs(n.email));
    q.addBindValue(qs(n.displayName));
    q.addBindValue(qs(n.title));
    q.addBindValue(qs(nlohmann::json(n.roleIds).dump()));
    q.addBindValue(qs(n.membershipSource));
    q.addBindValue(nullable(n.membershipExpiresAt));
    q.addBindValue(nullable(n.invitedBy));
    q.addBindValue(qs(core::crypto::tokenHash(*token)));
    q.addBindValue(qs(now));
    q.addBindValue(qs(n.expiresAt));
    runGuarded(m_db, q, "creating an invitation failed",
               {{"invitations.org_id, invitations.email", "invitations_pending_key", "invitation.email",
                 "an invitation for this email address is already pending here"}});
    q.finish();
    auto created = find(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "the new invitation could not be read back");
    return *created;
}

std::optional<core::Invitation> InvitationRepository::find(const std::string& id) const
{
    return findWhere(m_db, QStringLiteral("i.id = ?"), id);
}

std::optional<core::Invitation> InvitationRepository::findByToken(const std::string& token) const
{
    if (token.empty() || token.size() > 128)
        return std::nullopt;
    const std::string hash = core::crypto::tokenHash(token);
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + kColumns +
                                    QStringLiteral(", i.token_hash FROM invitations i WHERE i.token_hash = ?"));
    q.addBindValue(qs(hash));
    run(q, "reading an invitation failed");
    if (!q.next() || !core::constantTimeEquals(ss(q.value(15)), hash))
        return std::nullopt;
    return readRow(q, sql::now(m_db));
}

std::optional<core::Invitation> InvitationRepository::pendingFor(const std::string& orgId,
                                                                 const std::string& email) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + kColumns +
                                    QStringLiteral("FROM invitations i WHERE i.org_id = ? AND i.email = ? AND "
                                                   "i.status = 'pending' AND i.expires_at > ?"));
    const std::string now = sql::now(m_db);
    q.addBindValue(qs(orgId));
    q.addBindValue(qs(email));
    q.addBindValue(qs(now));
    run(q, "reading an invitation failed");
    if (!q.next())
        return std::nullopt;
    return readRow(q, now);
}

core::Page<core::Invitation> InvitationRepository::list(const InvitationFilter& filter, int limit,
                                                        const std::optional<core::PageCursor>& after) const
{
    limit = std::clamp(limit, 1, 500);
    const std::string now = sql::now(m_db);
    QString text = QStringLiteral("SELECT ") + kColumns + QStringLiteral("FROM invitations i ");
    std::vector<QString> binds;
    if (!filter.subtreePath.empty()) {
        text += QStringLiteral("JOIN orgs o ON o.id = i.org_id WHERE o.path >= ? AND o.path < ? ");
        binds.push_back(qs(filter.subtreePath));
        binds.push_back(qs(core::OrgPath::subtreeUpperBound(filter.subtreePath)));
    } else {
        text += QStringLiteral("WHERE i.org_id = ? ");
        binds.push_back(qs(filter.orgId));
    }
    if (filter.status == "pending") {
        text += QStringLiteral("AND i.status = 'pending' AND i.expires_at > ? ");
        binds.push_back(qs(now));
    } else if (filter.status == "expired") {
        text += QStringLiteral("AND (i.status = 'expired' OR (i.status = 'pending' AND i.expires_at <= ?)) ");
        binds.push_back(qs(now));
    } else if (!filter.status.empty()) {
        text += QStringLiteral("AND i.status = ? ");
        binds.push_back(qs(filter.status));
    }
    if (after) {
        text += QStringLiteral("AND (i.created_at < ? OR (i.created_at = ? AND i.id < ?)) ");
        binds.push_back(qs(after->sortKey));
        binds.push_back(qs(after->sortKey));
        binds.push_back(qs(after->id));
    }
    text += QStringLiteral("ORDER BY i.created_at DESC, i.id DESC LIMIT ?");
    QSqlQuery q = prepare(m_db, text);
    for (const auto& b : binds)
        q.addBindValue(b);
    q.addBindValue(limit + 1);
    run(q, "listing invitations failed");
    core::Page<core::Invitation> page;
    while (q.next())
        page.items.push_back(readRow(q, now));
    if (int(page.items.size()) > limit) {
        page.items.resize(std::size_t(limit));
        page.nextCursor = core::PageCursor{page.items.back().createdAt, page.items.back().id}.encode();
    }
    return page;
}

bool InvitationRepository::reissue(const std::string& id, const std::string& expiresAt, std::string* token) const
{
    std::string fresh = core::newSecretToken();
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE invitations SET token_hash = ?, expires_at = ?, "
                                               "status = 'pending' WHERE id = ? AND status IN ('pending', 'expired')"));
    q.addBindValue(qs(core::crypto::tokenHash(fresh)));
    q.addBindValue(qs(expiresAt));
    q.addBindValue(qs(id));
    runGuarded(m_db, q, "renewing an invitation failed",
               {{"invitations.org_id, invitations.email", "invitations_pending_key", "invitation.email",
                 "another invitation for this email address is already pending here"}});
    if (q.numRowsAffected() != 1)
        return false;
    *token = std::move(fresh);
    return true;
}

bool InvitationRepository::revoke(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE invitations SET status = 'revoked', revoked_at = ? "
                                               "WHERE id = ? AND status IN ('pending', 'expired')"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "revoking an invitation failed");
    return q.numRowsAffected() == 1;
}

bool InvitationRepository::claim(const std::string& id, const std::string& token) const
{
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE invitations SET status = 'accepted', accepted_at = ? "
                                               "WHERE id = ? AND token_hash = ? AND status = 'pending' AND "
                                               "expires_at > ?"));
    q.addBindValue(qs(now));
    q.addBindValue(qs(id));
    q.addBindValue(qs(core::crypto::tokenHash(token)));
    q.addBindValue(qs(now));
    run(q, "accepting an invitation failed");
    return q.numRowsAffected() == 1;
}

void InvitationRepository::setAcceptedUser(const std::string& id, const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE invitations SET accepted_user_id = ? WHERE id = ?"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(id));
    run(q, "accepting an invitation failed");
}

} // namespace trellis::server
