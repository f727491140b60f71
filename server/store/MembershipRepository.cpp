#include "server/store/MembershipRepository.h"

#include "core/OrgPath.h"
#include "core/Random.h"
#include "core/TimeFormat.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

namespace {

const QString kColumns =
    QStringLiteral("SELECT m.id, m.org_id, o.name, o.path, m.status, m.title, m.source, m.expires_at, m.created_at, "
                   "u.id, u.email, u.display_name, u.status, u.last_sign_in_at, u.created_at, u.name_key ");
// Columns of kColumns that listings sort by.
constexpr int kEmailColumn = 10;
constexpr int kLastSignInColumn = 13;
constexpr int kNameKeyColumn = 15;
const QString kFromOrgs =
    QStringLiteral("FROM memberships m JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id ");
const QString kSelect = kColumns + kFromOrgs;
// SQLite's planner always starts from the org path range and sorts every membership found; for a subtree holding a
// large share of everyone that sorts most of the table (seconds at a million people). Walking people in name order
// (users_name_key_idx) and keeping those inside the subtree finds a page after reading about limit / share rows.
// CROSS JOIN fixes SQLite's join order; PostgreSQL chooses well by itself and keeps kFromOrgs.
const QString kFromNames =
    QStringLiteral("FROM users u CROSS JOIN memberships m ON m.user_id = u.id CROSS JOIN orgs o ON o.id = m.org_id ");

// The same walk, told to SQLite outright: with a text search it otherwise always starts from the search index's
// matches and sorts them, which for a common fragment ("mar") means a lookup per each of 100,000 people.
const QString kFromNamesInOrder = QStringLiteral("FROM users u INDEXED BY users_name_key_idx CROSS JOIN memberships m "
                                                 "ON m.user_id = u.id CROSS JOIN orgs o ON o.id = m.org_id ");

// Whether a subtree search should walk people in name order (probing the search index's matches) rather than fetch
// every match and sort: with c matches among n people and share s of all orgs in the subtree, the walk reads about
// limit * n / (c * s) names, fetching costs c lookups; walk when c * c * s > limit * n. (Matches cluster in name
// order for first names, so a walk can be longer than that; fetching is the safer choice when in doubt.)
bool walkNamesForSearch(const Database& db, const std::string& subtreePath, const QString& phrase, int limit)
{
    QSqlQuery totals =
        prepare(db, QStringLiteral("SELECT (SELECT COUNT(*) FROM users_search WHERE users_search MATCH ?), "
                                   "(SELECT MAX(rowid) FROM users), (SELECT MAX(rowid) FROM orgs)"));
    totals.addBindValue(phrase);
    run(totals, "estimating a search's size failed");
    if (!totals.next() || totals.value(0).toDouble() <= 0 || totals.value(2).toDouble() <= 0)
        return false;
    const double matches = totals.value(0).toDouble();
    const double orgCount = totals.value(2).toDouble();
    // Walk when the subtree's share of all orgs exceeds limit * n / (c * c); count its orgs only that far.
    const double threshold = double(limit) * totals.value(1).toDouble() / (matches * matches) * orgCount;
    totals.finish();
    if (threshold >= orgCount)
        return false;
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM orgs WHERE path >= ? AND path < ? LIMIT ?)"));
    q.addBindValue(qs(subtreePath));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(subtreePath)));
    q.addBindValue(qlonglong(threshold) + 1);
    run(q, "estimating a subtree's size failed");
    return q.next() && q.value(0).toDouble() > threshold;
}

// Whether walking names beats sorting the subtree: with share s of all orgs (a proxy for people) and about n
// memberships, the walk reads ~limit/s rows and the sort s*n, so walk when s*s*n > limit.
bool walkNamesFor(const Database& db, const std::string& subtreePath, int limit)
{
    if (db.dialect() != SqlDialect::Sqlite)
        return false;
    // share * share * n > limit means the subtree holds more than sqrt(limit / n) of all orgs, so counting its orgs
    // can stop there: a full COUNT(*) over the path index of a big subtree costs tens of milliseconds at 100,000
    // orgs, on every request. Orgs and memberships are never deleted, so MAX(rowid) counts them for free.
    QSqlQuery totals =
        prepare(db, QStringLiteral("SELECT (SELECT MAX(rowid) FROM orgs), (SELECT MAX(rowid) FROM memberships)"));
    run(totals, "estimating a subtree's size failed");
    if (!totals.next() || totals.value(0).toDouble() <= 0 || totals.value(1).toDouble() <= 0)
        return false;
    const double threshold = std::sqrt(double(limit) / totals.value(1).toDouble()) * totals.value(0).toDouble();
    totals.finish();
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT 1 FROM orgs WHERE path >= ? AND path < ? LIMIT ?)"));
    q.addBindValue(qs(subtreePath));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(subtreePath)));
    q.addBindValue(qlonglong(threshold) + 1);
    run(q, "estimating a subtree's size failed");
    return q.next() && q.value(0).toDouble() > threshold;
}

struct Row
{
    ScopedMembership scoped;
};

Row readRow(const QSqlQuery& q, const std::string& now)
{
    Row row;
    core::Membership& m = row.scoped.membership;
    m.id = ss(q.value(0));
    m.orgId = ss(q.value(1));
    m.orgName = ss(q.value(2));
    row.scoped.orgPath = ss(q.value(3));
    row.scoped.storedStatus = core::membershipStatusFromString(ss(q.value(4))).value_or(core::MembershipStatus::Ended);
    m.status = row.scoped.storedStatus;
    m.title = ss(q.value(5));
    m.source = core::membershipSourceFromString(ss(q.value(6))).value_or(core::MembershipSource::Manual);
    m.expiresAt = ss(q.value(7));
    m.createdAt = ss(q.value(8));
    m.user.id = ss(q.value(9));
    m.user.email = ss(q.value(10));
    m.user.displayName = ss(q.value(11));
    m.user.status = core::userStatusFromString(ss(q.value(12))).value_or(core::UserStatus::Disabled);
    m.user.lastSignInAt = ss(q.value(13));
    m.user.createdAt = ss(q.value(14));
    // RFC 3339 UTC text sorts in time order; the same comparison RoleRepository::scopeFor makes.
    if (m.status != core::MembershipStatus::Ended && !m.expiresAt.empty() && m.expiresAt <= now) {
        m.status = core::MembershipStatus::Ended;
        m.expired = true;
    }
    return row;
}

constexpr int kFewHolders = 2000;

// Unrevoked assignments of roles with this key (an index range on role_assignments_role_idx).
int holderCount(const Database& db, const std::string& roleKey)
{
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT COUNT(*) FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                   "WHERE r.key = ? AND ra.revoked_at IS NULL"));
    q.addBindValue(qs(roleKey));
    run(q, "counting a role's holders failed");
    return q.next() ? q.value(0).toInt() : 0;
}

QString placeholders(std::size_t count)
{
    QStringList marks;
    for (std::size_t i = 0; i < count; ++i)
        marks.push_back(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// The roles each person holds at the org of each membership, for a whole page in one query.
void fillRoles(const Database& db, std::vector<core::Membership>& items, const std::string& now)
{
    if (items.empty())
        return;
    std::set<std::string> users;
    std::set<std::string> orgs;
    for (const auto& m : items) {
        users.insert(m.user.id);
        orgs.insert(m.orgId);
    }
    QSqlQuery q =
        prepare(db, QStringLiteral("SELECT ra.user_id, ra.org_id, r.key FROM role_assignments ra "
                                   "JOIN roles r ON r.id = ra.role_id "
                                   "WHERE ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?) "
                                   "AND ra.user_id IN (%1) AND ra.org_id IN (%2) ORDER BY r.key")
                        .arg(placeholders(users.size()), placeholders(orgs.size())));
    q.addBindValue(qs(now));
    for (const auto& id : users)
        q.addBindValue(qs(id));
    for (const auto& id : orgs)
        q.addBindValue(qs(id));
    run(q, "listing members' roles failed");
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> held;
    while (q.next()) {
        auto& keys = held[{ss(q.value(0)), ss(q.value(1))}];
        const std::string key = ss(q.value(2));
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            keys.push_back(key);
    }
    for (auto& m : items)
        m.roles = held[{m.user.id, m.orgId}];
}

} // namespace

core::Page<core::Membership> MembershipRepository::members(const std::string& orgId, int limit,
                                                           const std::optional<core::PageCursor>& after) const
{
    MemberFilter filter;
    filter.orgId = orgId;
    return list(filter, limit, after);
}

core::Page<core::Membership> MembershipRepository::list(const MemberFilter& filter, int limit,
                                                        const std::optional<core::PageCursor>& after) const
{
    limit = std::clamp(limit, 1, 500);
    const std::string now = sql::now(m_db);
    QStringList where;
    QVariantList values;
    if (!filter.subtreePath.empty()) {
        where << QStringLiteral("o.path >= ? AND o.path < ?");
        values << qs(filter.subtreePath) << qs(core::OrgPath::subtreeUpperBound(filter.subtreePath));
    } else {
        where << QStringLiteral("m.org_id = ?");
        values << qs(filter.orgId);
    }
    if (filter.status) {
        switch (*filter.status) {
        case core::MembershipStatus::Active:
            where << QStringLiteral("m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?)");
            break;
        case core::MembershipStatus::Suspended:
            where << QStringLiteral("m.status = 'suspended' AND (m.expires_at IS NULL OR m.expires_at > ?)");
            break;
        case core::MembershipStatus::Ended:
            where << QStringLiteral("(m.status = 'ended' OR (m.expires_at IS NOT NULL AND m.expires_at <= ?))");
            break;
        }
        values << qs(now);
    }
    if (filter.source) {
        where << QStringLiteral("m.source = ?");
        values << qs(std::string(core::toString(*filter.source)));
    }
    // A role filter either drives from the role's holders (few of them: each is looked up) or is checked per
    // membership while people are walked in name order (many of them: a page fills quickly). SQLite needs telling
    // which; PostgreSQL plans both forms as the same semi-join.
    bool fewHolders = false;
    if (!filter.roleKey.empty()) {
        fewHolders = m_db.dialect() != SqlDialect::Sqlite || holderCount(m_db, filter.roleKey) <= kFewHolders;
        if (fewHolders)
            where << QStringLiteral("(m.user_id, m.org_id) IN (SELECT ra.user_id, ra.org_id FROM role_assignments ra "
                                    "JOIN roles r ON r.id = ra.role_id WHERE r.key = ? AND ra.revoked_at IS NULL "
                                    "AND (ra.expires_at IS NULL OR ra.expires_at > ?))");
        else
            where << QStringLiteral("EXISTS (SELECT 1 FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                    "WHERE ra.user_id = m.user_id AND ra.org_id = m.org_id AND r.key = ? "
                                    "AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?))");
        values << qs(filter.roleKey) << qs(now);
    }
    if (filter.inactiveDays >= 0) {
        const std::string cutoff =
            core::formatTimestamp(m_db.clock().now() - std::chrono::hours(24) * filter.inactiveDays);
        where << QStringLiteral("(u.last_sign_in_at IS NULL OR u.last_sign_in_at <= ?)");
        values << qs(cutoff);
    }
    bool searchIndex = false;
    QString searchPhrase;
    if (!filter.text.empty()) {
        const std::string folded = foldKey(filter.text);
        const QString pattern = containsPattern(folded);
        where << QStringLiteral("(u.name_key LIKE ? ESCAPE '\\' OR u.email LIKE ? ESCAPE '\\')");
        values << pattern << pattern;
        // SQLite: the trigram index (migration 0005) narrows the candidates first; it needs three characters.
        searchIndex = m_db.dialect() == SqlDialect::Sqlite && qs(folded).size() >= 3;
        if (searchIndex) {
            QString phrase = qs(folded);
            phrase.replace(u'"', QStringLiteral("\"\""));
            searchPhrase = u'"' + phrase + u'"';
            where << QStringLiteral("u.rowid IN (SELECT rowid FROM users_search WHERE users_search MATCH ?)");
            values << searchPhrase;
        }
    }
    // The sort key and the keyset: (key, membership id) strictly after the cursor in the chosen direction.
    int sortColumn = kNameKeyColumn;
    QString sortKey = QStringLiteral("u.name_key");
    if (filter.sort == MemberSort::Email) {
        sortColumn = kEmailColumn;
        sortKey = QStringLiteral("u.email");
    } else if (filter.sort == MemberSort::LastSignIn) {
        sortColumn = kLastSignInColumn;
        // Never signed in ('') sorts before every time; byte order, as for ids, on both databases.
        sortKey = m_db.dialect() == SqlDialect::Sqlite
                      ? QStringLiteral("COALESCE(u.last_sign_in_at, '')")
                      : QStringLiteral("COALESCE(u.last_sign_in_at, '') COLLATE \"C\"");
    }
    const QString beyond = filter.descending ? QStringLiteral("<") : QStringLiteral(">");
    if (after) {
        where << QStringLiteral("(%1 %2 ? OR (%1 = ? AND m.id %2 ?))").arg(sortKey, beyond);
        values << qs(after->sortKey) << qs(after->sortKey) << qs(after->id);
    }
    const QString direction = filter.descending ? QStringLiteral(" DESC") : QString();
    // People first, whether found through the search index or walked in name order.
    const bool byName = filter.sort == MemberSort::Name && !filter.descending;
    const bool walkNames =
        byName &&
        (searchIndex || (!filter.subtreePath.empty() && !fewHolders && walkNamesFor(m_db, filter.subtreePath, limit)));
    const bool walkInOrder = byName && searchIndex && !filter.subtreePath.empty() &&
                             walkNamesForSearch(m_db, filter.subtreePath, searchPhrase, limit);
    QSqlQuery q = prepare(m_db, kColumns +
                                    (walkInOrder ? kFromNamesInOrder
                                     : walkNames ? kFromNames
                                                 : kFromOrgs) +
                                    QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) +
                                    QStringLiteral(" ORDER BY %1%2, m.id%2 LIMIT ?").arg(sortKey, direction));
    for (const QVariant& value : values)
        q.addBindValue(value);
    q.addBindValue(limit + 1);
    run(q, "listing members failed");

    core::Page<core::Membership> page;
    std::vector<std::string> sortKeys;
    while (q.next()) {
        Row row = readRow(q, now);
        sortKeys.push_back(ss(q.value(sortColumn))); // NULL last sign-in reads as '', as it sorts
        page.items.push_back(std::move(row.scoped.membership));
    }
    q.finish();
    if (int(page.items.size()) > limit) {
        page.items.resize(std::size_t(limit));
        page.nextCursor = core::PageCursor{sortKeys[std::size_t(limit - 1)], page.items.back().id}.encode();
    }
    fillRoles(m_db, page.items, now);
    return page;
}

std::optional<ScopedMembership> MembershipRepository::find(const std::string& membershipId) const
{
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, kSelect + QStringLiteral("WHERE m.id = ?"));
    q.addBindValue(qs(membershipId));
    run(q, "reading a membership failed");
    if (!q.next())
        return std::nullopt;
    Row row = readRow(q, now);
    q.finish();
    std::vector<core::Membership> one{row.scoped.membership};
    fillRoles(m_db, one, now);
    row.scoped.membership = std::move(one.front());
    return std::move(row.scoped);
}

std::vector<ScopedMembership> MembershipRepository::ofUser(const std::string& userId) const
{
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, kSelect + QStringLiteral("WHERE m.user_id = ? ORDER BY o.path"));
    q.addBindValue(qs(userId));
    run(q, "reading a person's memberships failed");
    std::vector<ScopedMembership> result;
    while (q.next())
        result.push_back(readRow(q, now).scoped);
    q.finish();
    std::vector<core::Membership> plain;
    for (const auto& s : result)
        plain.push_back(s.membership);
    fillRoles(m_db, plain, now);
    for (std::size_t i = 0; i < result.size(); ++i)
        result[i].membership.roles = plain[i].roles;
    return result;
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

void MembershipRepository::setTitle(const std::string& membershipId, const std::string& title) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE memberships SET title = ? WHERE id = ?"));
    q.addBindValue(qs(title));
    q.addBindValue(qs(membershipId));
    run(q, "changing a membership's title failed");
}

void MembershipRepository::setExpiresAt(const std::string& membershipId, const std::string& expiresAt) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE memberships SET expires_at = ? WHERE id = ?"));
    q.addBindValue(nullable(expiresAt));
    q.addBindValue(qs(membershipId));
    run(q, "changing a membership's end date failed");
}

void MembershipRepository::end(const std::string& membershipId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE memberships SET status = 'ended' WHERE id = ?"));
    q.addBindValue(qs(membershipId));
    run(q, "ending a membership failed");
}

int MembershipRepository::endAllFor(const std::string& userId) const
{
    QSqlQuery q = prepare(
        m_db, QStringLiteral("UPDATE memberships SET status = 'ended' WHERE user_id = ? AND status <> 'ended'"));
    q.addBindValue(qs(userId));
    run(q, "ending a person's memberships failed");
    return q.numRowsAffected();
}

int MembershipRepository::count() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM memberships"));
    run(q, "counting memberships failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace trellis::server
