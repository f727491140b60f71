#include "server/store/AccessReviewRepository.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

namespace {

std::vector<std::string> permissionList(const QVariant& value)
{
    std::vector<std::string> permissions;
    const auto parsed = nlohmann::json::parse(ss(value), nullptr, false);
    if (parsed.is_array()) {
        for (const auto& p : parsed) {
            if (p.is_string())
                permissions.push_back(p.get<std::string>());
        }
    }
    return permissions;
}

// The flags a reviewer sees, at the database clock's "now".
struct FlagTimes
{
    std::string inactiveBefore; ///< a last sign-in before this is 90+ days ago
    std::string soonBefore;     ///< an end date before this is within 30 days

    explicit FlagTimes(const Database& db)
    {
        using namespace std::chrono;
        const auto now = db.clock().now();
        inactiveBefore = core::formatTimestamp(now - hours(24 * core::kReviewInactiveDays));
        soonBefore = core::formatTimestamp(now + hours(24 * core::kReviewExpiresSoonDays));
    }
    void apply(core::AccessReviewItem& item) const
    {
        item.inactive = item.lastSignInAt.empty() || item.lastSignInAt <= inactiveBefore;
        item.expiresSoon = !item.expiresAt.empty() && item.expiresAt <= soonBefore;
    }
};

QVariant flag(bool value)
{
    return QVariant(value ? 1 : 0);
}

// Subtree bounds of a path: two "?" placeholders.
const QString kWithin = QStringLiteral("o.path >= ? AND o.path < ?");

const QString kItemColumns = QStringLiteral(
    "SELECT i.id, i.campaign_id, c.name, c.due_at, i.kind, i.subject_id, i.user_id, i.user_email, "
    "i.user_display_name, i.last_sign_in_at, i.role_id, i.role_key, i.role_name, i.admin_rights, i.title, i.org_id, "
    "i.org_name, i.org_path, i.granted_by_id, i.granted_by_email, i.granted_at, i.expires_at, i.inactive, "
    "i.expires_soon, i.reviewer_org_id, i.status, i.comment, i.reason, i.decided_by, d.email, d.display_name, "
    "i.decided_at, i.escalations "
    "FROM access_review_items i JOIN access_review_campaigns c ON c.id = i.campaign_id "
    "LEFT JOIN users d ON d.id = i.decided_by ");

core::AccessReviewItem readItem(const QSqlQuery& q)
{
    core::AccessReviewItem item;
    item.id = ss(q.value(0));
    item.campaignId = ss(q.value(1));
    item.campaignName = ss(q.value(2));
    item.campaignDueAt = ss(q.value(3));
    item.kind = ss(q.value(4));
    item.subjectId = ss(q.value(5));
    item.user.id = ss(q.value(6));
    item.user.email = ss(q.value(7));
    item.user.displayName = ss(q.value(8));
    item.lastSignInAt = ss(q.value(9));
    item.role.id = ss(q.value(10));
    item.role.key = ss(q.value(11));
    item.role.name = ss(q.value(12));
    item.adminRights = q.value(13).toInt() != 0;
    item.title = ss(q.value(14));
    item.orgId = ss(q.value(15));
    item.orgName = ss(q.value(16));
    item.orgPath = ss(q.value(17));
    item.grantedBy.id = ss(q.value(18));
    item.grantedBy.email = ss(q.value(19));
    item.grantedAt = ss(q.value(20));
    item.expiresAt = ss(q.value(21));
    item.inactive = q.value(22).toInt() != 0;
    item.expiresSoon = q.value(23).toInt() != 0;
    item.reviewerOrgId = ss(q.value(24));
    item.status = ss(q.value(25));
    item.comment = ss(q.value(26));
    item.reason = ss(q.value(27));
    item.decidedBy.id = ss(q.value(28));
    item.decidedBy.email = ss(q.value(29));
    item.decidedBy.displayName = ss(q.value(30));
    item.decidedAt = ss(q.value(31));
    item.escalations = q.value(32).toInt();
    return item;
}

const QString kCampaignColumns =
    QStringLiteral("SELECT c.id, c.name, c.org_id, o.name, o.path, c.reviewed, c.due_at, c.due_rule, c.status, "
                   "c.created_by, u.email, u.display_name, c.created_at, c.closed_at, c.due_processed_at "
                   "FROM access_review_campaigns c JOIN orgs o ON o.id = c.org_id "
                   "JOIN users u ON u.id = c.created_by ");

core::AccessReviewCampaign readCampaign(const QSqlQuery& q)
{
    core::AccessReviewCampaign c;
    c.id = ss(q.value(0));
    c.name = ss(q.value(1));
    c.orgId = ss(q.value(2));
    c.orgName = ss(q.value(3));
    c.orgPath = ss(q.value(4));
    for (const auto& what : permissionList(q.value(5))) {
        c.reviewRoles = c.reviewRoles || what == "roles";
        c.reviewMemberships = c.reviewMemberships || what == "memberships";
        c.reviewAdminRights = c.reviewAdminRights || what == "adminRights";
    }
    c.dueAt = ss(q.value(6));
    c.dueRule = ss(q.value(7));
    c.status = ss(q.value(8));
    c.createdBy.id = ss(q.value(9));
    c.createdBy.email = ss(q.value(10));
    c.createdBy.displayName = ss(q.value(11));
    c.createdAt = ss(q.value(12));
    c.closedAt = ss(q.value(13));
    c.dueProcessedAt = ss(q.value(14));
    return c;
}

// Progress of every campaign (or one): counts by status, and escalated ones.
std::map<std::string, core::AccessReviewCampaign::Progress> progressOf(const Database& db,
                                                                       const std::string& campaignId)
{
    QString text = QStringLiteral("SELECT campaign_id, status, COUNT(*), SUM(CASE WHEN escalations > 0 THEN 1 ELSE 0 "
                                  "END) FROM access_review_items ");
    if (!campaignId.empty())
        text += QStringLiteral("WHERE campaign_id = ? ");
    text += QStringLiteral("GROUP BY campaign_id, status");
    QSqlQuery q = prepare(db, text);
    if (!campaignId.empty())
        q.addBindValue(qs(campaignId));
    run(q, "counting access review items failed");
    std::map<std::string, core::AccessReviewCampaign::Progress> result;
    while (q.next()) {
        auto& p = result[ss(q.value(0))];
        const std::string status = ss(q.value(1));
        const int n = q.value(2).toInt();
        p.total += n;
        p.escalated += q.value(3).toInt();
        if (status == "kept")
            p.kept += n;
        else if (status == "revoked")
            p.revoked += n;
        else
            p.open += n;
    }
    return result;
}

} // namespace

std::vector<core::AccessReviewItem> AccessReviewRepository::liveRoleAssignmentsWithin(const std::string& path) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("SELECT ra.id, u.id, u.email, u.display_name, u.last_sign_in_at, r.id, r.key, r.name, "
                             "r.permissions, o.id, o.name, o.path, g.id, g.email, g.display_name, ra.created_at, "
                             "ra.expires_at "
                             "FROM role_assignments ra JOIN users u ON u.id = ra.user_id "
                             "JOIN roles r ON r.id = ra.role_id JOIN orgs o ON o.id = ra.org_id "
                             "LEFT JOIN users g ON g.id = ra.granted_by WHERE ") +
                  kWithin +
                  QStringLiteral(" AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                 "AND r.deleted_at IS NULL ORDER BY o.path, u.name_key, r.key, ra.id"));
    q.addBindValue(qs(path));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(path)));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading role assignments for a review failed");
    const FlagTimes flags(m_db);
    std::vector<core::AccessReviewItem> items;
    while (q.next()) {
        core::AccessReviewItem item;
        item.kind = "role_assignment";
        item.subjectId = ss(q.value(0));
        item.user = {ss(q.value(1)), ss(q.value(2)), ss(q.value(3))};
        item.lastSignInAt = ss(q.value(4));
        item.role.id = ss(q.value(5));
        item.role.key = ss(q.value(6));
        item.role.name = ss(q.value(7));
        item.adminRights = !permissionList(q.value(8)).empty();
        item.orgId = ss(q.value(9));
        item.orgName = ss(q.value(10));
        item.orgPath = ss(q.value(11));
        item.grantedBy = {ss(q.value(12)), ss(q.value(13)), ss(q.value(14))};
        item.grantedAt = ss(q.value(15));
        item.expiresAt = ss(q.value(16));
        item.status = "open";
        flags.apply(item);
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<core::AccessReviewItem> AccessReviewRepository::activeMembershipsWithin(const std::string& path) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT m.id, u.id, u.email, u.display_name, u.last_sign_in_at, m.title, "
                                     "o.id, o.name, o.path, m.created_at, m.expires_at "
                                     "FROM memberships m JOIN users u ON u.id = m.user_id "
                                     "JOIN orgs o ON o.id = m.org_id WHERE ") +
                          kWithin +
                          QStringLiteral(" AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?) "
                                         "ORDER BY o.path, u.name_key, m.id"));
    q.addBindValue(qs(path));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(path)));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading memberships for a review failed");
    const FlagTimes flags(m_db);
    std::vector<core::AccessReviewItem> items;
    while (q.next()) {
        core::AccessReviewItem item;
        item.kind = "membership";
        item.subjectId = ss(q.value(0));
        item.user = {ss(q.value(1)), ss(q.value(2)), ss(q.value(3))};
        item.lastSignInAt = ss(q.value(4));
        item.title = ss(q.value(5));
        item.orgId = ss(q.value(6));
        item.orgName = ss(q.value(7));
        item.orgPath = ss(q.value(8));
        item.grantedAt = ss(q.value(9));
        item.expiresAt = ss(q.value(10));
        item.status = "open";
        flags.apply(item);
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<ReviewGrantHolder> AccessReviewRepository::grantHoldersAround(const std::string& path) const
{
    // Ancestors-or-self of the scope (a prefix of its path) or inside it; the permissions column is JSONB on
    // PostgreSQL: compare its text form there.
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT u.id, u.email, u.display_name, o.id, o.path, r.permissions "
                                     "FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                     "JOIN users u ON u.id = ra.user_id JOIN orgs o ON o.id = ra.org_id "
                                     "JOIN memberships m ON m.user_id = ra.user_id AND m.org_id = ra.org_id "
                                     "WHERE ((") +
                          kWithin +
                          QStringLiteral(") OR substr(?, 1, length(o.path)) = o.path) "
                                         "AND (CAST(r.permissions AS TEXT) LIKE '%\"review.manage\"%' "
                                         "OR CAST(r.permissions AS TEXT) LIKE '%\"role.assign\"%' "
                                         "OR CAST(r.permissions AS TEXT) LIKE '%\"audit.read\"%') "
                                         "AND r.deleted_at IS NULL AND u.status = 'active' AND o.status = 'active' "
                                         "AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?) "
                                         "AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                         "ORDER BY o.path, u.email, u.id"));
    const QString now = qs(sql::now(m_db));
    q.addBindValue(qs(path));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(path)));
    q.addBindValue(qs(path));
    q.addBindValue(now);
    q.addBindValue(now);
    run(q, "reading reviewer candidates failed");
    std::vector<ReviewGrantHolder> holders;
    while (q.next()) {
        ReviewGrantHolder h;
        h.person = {ss(q.value(0)), ss(q.value(1)), ss(q.value(2))};
        h.orgId = ss(q.value(3));
        h.orgPath = ss(q.value(4));
        h.permissions = permissionList(q.value(5));
        holders.push_back(std::move(h));
    }
    return holders;
}

std::string AccessReviewRepository::createCampaign(const core::AccessReviewCampaign& c) const
{
    nlohmann::json reviewed = nlohmann::json::array();
    if (c.reviewRoles)
        reviewed.push_back("roles");
    if (c.reviewMemberships)
        reviewed.push_back("memberships");
    if (c.reviewAdminRights)
        reviewed.push_back("adminRights");
    const std::string id = core::newUuid();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO access_review_campaigns (id, name, org_id, reviewed, "
                                               "due_at, due_rule, status, created_by, created_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(c.name));
    q.addBindValue(qs(c.orgId));
    q.addBindValue(qs(reviewed.dump()));
    q.addBindValue(qs(c.dueAt));
    q.addBindValue(qs(c.dueRule));
    q.addBindValue(qs(c.createdBy.id));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "creating an access review failed");
    return id;
}

std::string AccessReviewRepository::addItem(const std::string& campaignId, const core::AccessReviewItem& item) const
{
    const std::string id = core::newUuid();
    QSqlQuery q = prepare(
        m_db, QStringLiteral("INSERT INTO access_review_items (id, campaign_id, kind, subject_id, user_id, user_email, "
                             "user_display_name, last_sign_in_at, role_id, role_key, role_name, admin_rights, title, "
                             "org_id, org_name, org_path, granted_by_id, granted_by_email, granted_at, expires_at, "
                             "inactive, expires_soon, reviewer_org_id, status) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')"));
    for (const QVariant& v : {QVariant(qs(id)),
                              QVariant(qs(campaignId)),
                              QVariant(qs(item.kind)),
                              QVariant(qs(item.subjectId)),
                              QVariant(qs(item.user.id)),
                              QVariant(qs(item.user.email)),
                              QVariant(qs(item.user.displayName)),
                              nullable(item.lastSignInAt),
                              nullable(item.role.id),
                              nullable(item.role.key),
                              nullable(item.role.name),
                              flag(item.adminRights),
                              QVariant(qs(item.title)),
                              QVariant(qs(item.orgId)),
                              QVariant(qs(item.orgName)),
                              QVariant(qs(item.orgPath)),
                              nullable(item.grantedBy.id),
                              nullable(item.grantedBy.email),
                              nullable(item.grantedAt),
                              nullable(item.expiresAt),
                              flag(item.inactive),
                              flag(item.expiresSoon),
                              nullable(item.reviewerOrgId)})
        q.addBindValue(v);
    run(q, "adding an access review item failed");
    std::vector<std::string> reviewers;
    for (const auto& r : item.reviewers)
        reviewers.push_back(r.id);
    setReviewers(id, item.reviewerOrgId, reviewers);
    return id;
}

std::optional<core::AccessReviewCampaign> AccessReviewRepository::findCampaign(const std::string& campaignId) const
{
    QSqlQuery q = prepare(m_db, kCampaignColumns + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(qs(campaignId));
    run(q, "reading an access review failed");
    if (!q.next())
        return std::nullopt;
    core::AccessReviewCampaign c = readCampaign(q);
    q.finish();
    c.progress = progressOf(m_db, c.id)[c.id];
    return c;
}

std::vector<core::AccessReviewCampaign> AccessReviewRepository::campaigns() const
{
    QSqlQuery q = prepare(m_db, kCampaignColumns + QStringLiteral("ORDER BY c.created_at DESC, c.id"));
    run(q, "listing access reviews failed");
    std::vector<core::AccessReviewCampaign> result;
    while (q.next())
        result.push_back(readCampaign(q));
    q.finish();
    auto progress = progressOf(m_db, {});
    for (auto& c : result)
        c.progress = progress[c.id];
    return result;
}

std::vector<std::string> AccessReviewRepository::dueCampaigns() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id FROM access_review_campaigns WHERE status = 'open' AND "
                                               "due_at <= ? AND due_processed_at IS NULL ORDER BY due_at, id"));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading due access reviews failed");
    std::vector<std::string> ids;
    while (q.next())
        ids.push_back(ss(q.value(0)));
    return ids;
}

bool AccessReviewRepository::claimDue(const std::string& campaignId) const
{
    const QString now = qs(sql::now(m_db));
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE access_review_campaigns SET due_processed_at = ? WHERE id = ? "
                                               "AND status = 'open' AND due_at <= ? AND due_processed_at IS NULL"));
    q.addBindValue(now);
    q.addBindValue(qs(campaignId));
    q.addBindValue(now);
    run(q, "claiming a due access review failed");
    return q.numRowsAffected() == 1;
}

bool AccessReviewRepository::close(const std::string& campaignId) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("UPDATE access_review_campaigns SET status = 'closed', closed_at = ? WHERE id = ? AND "
                             "status = 'open'"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(campaignId));
    run(q, "closing an access review failed");
    return q.numRowsAffected() == 1;
}

std::vector<core::AccessReviewItem> AccessReviewRepository::selectItems(const QString& where,
                                                                        const QVariantList& values) const
{
    QSqlQuery q = prepare(m_db, kItemColumns + where);
    for (const QVariant& v : values)
        q.addBindValue(v);
    run(q, "reading access review items failed");
    std::vector<core::AccessReviewItem> items;
    while (q.next())
        items.push_back(readItem(q));
    q.finish();
    fillReviewers(items);
    return items;
}

std::vector<core::AccessReviewItem> AccessReviewRepository::items(const std::string& campaignId) const
{
    return selectItems(QStringLiteral("WHERE i.campaign_id = ? ORDER BY i.org_path, i.user_email, i.kind, "
                                      "i.role_key, i.id"),
                       {qs(campaignId)});
}

std::optional<core::AccessReviewItem> AccessReviewRepository::findItem(const std::string& itemId) const
{
    auto found = selectItems(QStringLiteral("WHERE i.id = ?"), {qs(itemId)});
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<core::AccessReviewItem> AccessReviewRepository::openItemsFor(const std::string& userId) const
{
    return selectItems(QStringLiteral("WHERE i.status = 'open' AND c.status = 'open' AND EXISTS (SELECT 1 FROM "
                                      "access_review_reviewers r WHERE r.item_id = i.id AND r.user_id = ?) "
                                      "ORDER BY c.due_at, c.id, i.org_path, i.user_email, i.kind, i.role_key, i.id"),
                       {qs(userId)});
}

bool AccessReviewRepository::decide(const std::string& itemId, const std::string& status, const std::string& comment,
                                    const std::string& reason, const std::string& decidedBy) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE access_review_items SET status = ?, comment = ?, reason = ?, "
                                               "decided_by = ?, decided_at = ? WHERE id = ? AND status = 'open'"));
    q.addBindValue(qs(status));
    q.addBindValue(qs(comment));
    q.addBindValue(qs(reason));
    q.addBindValue(nullable(decidedBy));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(itemId));
    run(q, "recording an access review decision failed");
    return q.numRowsAffected() == 1;
}

void AccessReviewRepository::setReviewers(const std::string& itemId, const std::string& reviewerOrgId,
                                          const std::vector<std::string>& userIds) const
{
    QSqlQuery clear = prepare(m_db, QStringLiteral("DELETE FROM access_review_reviewers WHERE item_id = ?"));
    clear.addBindValue(qs(itemId));
    run(clear, "replacing reviewers failed");
    QSqlQuery org = prepare(m_db, QStringLiteral("UPDATE access_review_items SET reviewer_org_id = ? WHERE id = ?"));
    org.addBindValue(nullable(reviewerOrgId));
    org.addBindValue(qs(itemId));
    run(org, "replacing reviewers failed");
    for (const auto& userId : userIds) {
        QSqlQuery add =
            prepare(m_db, QStringLiteral("INSERT INTO access_review_reviewers (item_id, user_id) VALUES (?, ?)"));
        add.addBindValue(qs(itemId));
        add.addBindValue(qs(userId));
        run(add, "adding a reviewer failed");
    }
}

void AccessReviewRepository::countEscalation(const std::string& itemId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE access_review_items SET escalations = escalations + 1 WHERE id = ?"));
    q.addBindValue(qs(itemId));
    run(q, "counting an escalation failed");
}

void AccessReviewRepository::fillReviewers(std::vector<core::AccessReviewItem>& items) const
{
    if (items.empty())
        return;
    std::map<std::string, core::AccessReviewItem*> byId;
    for (auto& item : items)
        byId[item.id] = &item;
    // Chunks keep the statement within both databases' parameter limits.
    std::vector<std::string> ids;
    for (const auto& [id, _] : byId)
        ids.push_back(id);
    for (std::size_t start = 0; start < ids.size(); start += 500) {
        const std::size_t end = std::min(ids.size(), start + 500);
        QStringList chunk;
        for (std::size_t i = start; i < end; ++i)
            chunk << QStringLiteral("?");
        QSqlQuery q = prepare(m_db, QStringLiteral("SELECT r.item_id, u.id, u.email, u.display_name FROM "
                                                   "access_review_reviewers r JOIN users u ON u.id = r.user_id "
                                                   "WHERE r.item_id IN (") +
                                        chunk.join(u',') + QStringLiteral(") ORDER BY r.item_id, u.email, u.id"));
        for (std::size_t i = start; i < end; ++i)
            q.addBindValue(qs(ids[i]));
        run(q, "reading reviewers failed");
        while (q.next())
            byId[ss(q.value(0))]->reviewers.push_back({ss(q.value(1)), ss(q.value(2)), ss(q.value(3))});
    }
}

} // namespace trellis::server
