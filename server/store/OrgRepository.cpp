#include "server/store/OrgRepository.h"

#include "core/OrgPath.h"
#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <map>
#include <set>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

namespace {

// Every list returns the same columns; the counts are correlated subqueries over indexed columns, so a page
// costs one query plus one for breadcrumb names, however many rows it has.
const QString kSelect = QStringLiteral(
    "SELECT o.id, o.parent_id, o.kind, o.name, o.name_key, o.slug, o.status, o.path, o.depth, o.attributes, "
    "o.created_at, "
    "(SELECT COUNT(*) FROM orgs c WHERE c.parent_id = o.id) AS child_count, "
    "(SELECT COUNT(*) FROM memberships m WHERE m.org_id = o.id AND m.status = 'active' "
    "AND (m.expires_at IS NULL OR m.expires_at > ?)) AS member_count "
    "FROM orgs o ");

struct Row
{
    core::Org org;
    std::string nameKey;
    std::string path;
};

Row readRow(const QSqlQuery& q)
{
    Row row;
    core::Org& o = row.org;
    o.id = ss(q.value(0));
    o.parentId = ss(q.value(1));
    o.kind = core::orgKindFromString(ss(q.value(2))).value_or(core::OrgKind::Customer);
    o.name = ss(q.value(3));
    row.nameKey = ss(q.value(4));
    o.slug = ss(q.value(5));
    o.status = core::orgStatusFromString(ss(q.value(6))).value_or(core::OrgStatus::Active);
    row.path = ss(q.value(7));
    o.path = core::OrgPath::split(row.path);
    o.depth = q.value(8).toInt();
    o.attributes = nlohmann::json::parse(ss(q.value(9)), nullptr, false);
    if (!o.attributes.is_object())
        o.attributes = nlohmann::json::object();
    o.createdAt = ss(q.value(10));
    o.childCount = q.value(11).toInt();
    o.memberCount = q.value(12).toInt();
    return row;
}

QString placeholders(std::size_t count)
{
    QStringList marks;
    for (std::size_t i = 0; i < count; ++i)
        marks.push_back(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// Fills pathNames for all orgs of a page with one query (in chunks, to stay below parameter limits).
void fillPathNames(const Database& db, std::vector<core::Org>& orgs)
{
    std::set<std::string> ids;
    for (const auto& o : orgs)
        ids.insert(o.path.begin(), o.path.end());
    std::map<std::string, std::string> names;
    std::vector<std::string> all(ids.begin(), ids.end());
    constexpr std::size_t kChunk = 400;
    for (std::size_t start = 0; start < all.size(); start += kChunk) {
        const std::size_t count = std::min(kChunk, all.size() - start);
        QSqlQuery q =
            prepare(db, QStringLiteral("SELECT id, name FROM orgs WHERE id IN (%1)").arg(placeholders(count)));
        for (std::size_t i = 0; i < count; ++i)
            q.addBindValue(qs(all[start + i]));
        run(q, "reading organisation names failed");
        while (q.next())
            names[ss(q.value(0))] = ss(q.value(1));
    }
    for (auto& o : orgs) {
        o.pathNames.clear();
        for (const auto& id : o.path)
            o.pathNames.push_back(names.count(id) ? names[id] : std::string());
    }
}

int clampLimit(int limit)
{
    return std::clamp(limit, 1, 500);
}

/// Runs a list query: `where` (may be empty) with its bound values, keyset cursor, limit + 1.
core::Page<core::Org> listPage(const Database& db, const QString& where, const QVariantList& whereValues, int limit,
                               const std::optional<core::PageCursor>& after)
{
    limit = clampLimit(limit);
    QStringList conditions;
    if (!where.isEmpty())
        conditions.push_back(u'(' + where + u')');
    if (after)
        conditions.push_back(QStringLiteral("(o.name_key > ? OR (o.name_key = ? AND o.id > ?))"));
    QString sqlText = kSelect;
    if (!conditions.isEmpty())
        sqlText += QStringLiteral("WHERE ") + conditions.join(QStringLiteral(" AND "));
    sqlText += QStringLiteral(" ORDER BY o.name_key, o.id LIMIT ?");

    QSqlQuery q = prepare(db, sqlText);
    q.addBindValue(qs(sql::now(db)));
    for (const QVariant& v : whereValues)
        q.addBindValue(v);
    if (after) {
        q.addBindValue(qs(after->sortKey));
        q.addBindValue(qs(after->sortKey));
        q.addBindValue(qs(after->id));
    }
    q.addBindValue(limit + 1);
    run(q, "listing organisations failed");

    std::vector<Row> rows;
    while (q.next())
        rows.push_back(readRow(q));
    q.finish();

    core::Page<core::Org> page;
    if (int(rows.size()) > limit) {
        rows.resize(std::size_t(limit));
        page.nextCursor = core::PageCursor{rows.back().nameKey, rows.back().org.id}.encode();
    }
    for (auto& row : rows)
        page.items.push_back(std::move(row.org));
    fillPathNames(db, page.items);
    return page;
}

std::optional<core::Org> findOne(const Database& db, const QString& where, const QVariant& value)
{
    QSqlQuery q = prepare(db, kSelect + QStringLiteral("WHERE ") + where);
    q.addBindValue(qs(sql::now(db)));
    q.addBindValue(value);
    run(q, "reading an organisation failed");
    if (!q.next())
        return std::nullopt;
    std::vector<core::Org> one{readRow(q).org};
    q.finish();
    fillPathNames(db, one);
    return one.front();
}

} // namespace

std::optional<core::Org> OrgRepository::find(const std::string& id) const
{
    return findOne(m_db, QStringLiteral("o.id = ?"), qs(id));
}

std::optional<core::Org> OrgRepository::findBySlug(const std::string& slug) const
{
    return findOne(m_db, QStringLiteral("o.slug = ?"), qs(slug));
}

std::optional<std::string> OrgRepository::pathOf(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT path FROM orgs WHERE id = ?"));
    q.addBindValue(qs(id));
    run(q, "reading an organisation path failed");
    if (!q.next())
        return std::nullopt;
    return ss(q.value(0));
}

core::Page<core::Org> OrgRepository::children(const std::string& parentId, int limit,
                                              const std::optional<core::PageCursor>& after) const
{
    if (parentId.empty())
        return listPage(m_db, QStringLiteral("o.parent_id IS NULL"), {}, limit, after);
    return listPage(m_db, QStringLiteral("o.parent_id = ?"), {qs(parentId)}, limit, after);
}

core::Page<core::Org> OrgRepository::withPaths(const std::vector<std::string>& paths, int limit,
                                               const std::optional<core::PageCursor>& after) const
{
    if (paths.empty())
        return {};
    QVariantList values;
    for (const auto& p : paths)
        values.push_back(qs(p));
    return listPage(m_db, QStringLiteral("o.path IN (%1)").arg(placeholders(paths.size())), values, limit, after);
}

core::Page<core::Org> OrgRepository::search(const std::string& text, const std::vector<std::string>& withinPaths,
                                            int limit, const std::optional<core::PageCursor>& after) const
{
    // No scope, no results: a caller sees nothing it was not given.
    if (withinPaths.empty())
        return {};
    QStringList scopes;
    QVariantList values;
    for (const auto& p : withinPaths) {
        scopes.push_back(QStringLiteral("(o.path >= ? AND o.path < ?)"));
        values.push_back(qs(p));
        values.push_back(qs(core::OrgPath::subtreeUpperBound(p)));
    }
    QString where = u'(' + scopes.join(QStringLiteral(" OR ")) + u')';
    const std::string folded = foldKey(text);
    if (!folded.empty()) {
        where += QStringLiteral(" AND (o.name_key LIKE ? ESCAPE '\\' OR o.slug LIKE ? ESCAPE '\\')");
        const QString pattern = containsPattern(folded);
        values.push_back(pattern);
        values.push_back(pattern);
    }
    return listPage(m_db, where, values, limit, after);
}

core::Org OrgRepository::create(const NewOrg& org) const
{
    const std::string id = org.id.empty() ? core::newUuid() : org.id;
    std::string path = core::OrgPath::make({id});
    int depth = 0;
    if (!org.parentId.empty()) {
        QSqlQuery parent = prepare(m_db, QStringLiteral("SELECT path, depth FROM orgs WHERE id = ?"));
        parent.addBindValue(qs(org.parentId));
        run(parent, "reading the parent organisation failed");
        if (!parent.next())
            throw StoreError(StoreError::Kind::NotFound, "the parent organisation does not exist");
        path = core::OrgPath::child(ss(parent.value(0)), id);
        depth = parent.value(1).toInt() + 1;
    }
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO orgs (id, parent_id, kind, name, name_key, slug, status, "
                                               "path, depth, attributes, created_at, updated_at) "
                                               "VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(nullable(org.parentId));
    q.addBindValue(qs(std::string(core::toString(org.kind))));
    q.addBindValue(qs(org.name));
    q.addBindValue(qs(foldKey(org.name)));
    q.addBindValue(qs(org.slug));
    q.addBindValue(qs(path));
    q.addBindValue(depth);
    q.addBindValue(qs((org.attributes.is_object() ? org.attributes : nlohmann::json::object()).dump()));
    q.addBindValue(qs(now));
    q.addBindValue(qs(now));
    runGuarded(m_db, q, "creating an organisation failed",
               {{"orgs.slug", "orgs_slug_key", "org.slug", "an organisation with this slug already exists"},
                {"orgs.id", "orgs_pkey", "org.id", "an organisation with this id already exists"},
                {"orgs.path", "orgs_path_key", "org.id", "an organisation with this id already exists"}});
    q.finish();
    auto created = find(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "the new organisation could not be read back");
    return *created;
}

bool OrgRepository::update(const std::string& id, const std::string& name, core::OrgKind kind,
                           const nlohmann::json& attributes) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE orgs SET name = ?, name_key = ?, kind = ?, attributes = ?, "
                                               "updated_at = ? WHERE id = ?"));
    q.addBindValue(qs(name));
    q.addBindValue(qs(foldKey(name)));
    q.addBindValue(qs(std::string(core::toString(kind))));
    q.addBindValue(qs((attributes.is_object() ? attributes : nlohmann::json::object()).dump()));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(id));
    run(q, "changing an organisation failed");
    return q.numRowsAffected() > 0;
}

int OrgRepository::move(const std::string& id, const std::string& oldPath, int oldDepth, const std::string& newParentId,
                        const std::string& newParentPath, int newParentDepth) const
{
    const std::string newPath = core::OrgPath::child(newParentPath, id);
    // Every path in the subtree starts with oldPath: keep what follows it, put the new prefix in front. Paths are
    // ASCII (uuids and '/'), so character positions are byte positions in both dialects.
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE orgs SET path = CAST(? AS TEXT) || substr(path, ?), "
                                               "depth = depth + ?, updated_at = ? WHERE path >= ? AND path < ?"));
    q.addBindValue(qs(newPath));
    q.addBindValue(int(oldPath.size()) + 1);
    q.addBindValue(newParentDepth + 1 - oldDepth);
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(oldPath));
    q.addBindValue(qs(core::OrgPath::subtreeUpperBound(oldPath)));
    run(q, "moving an organisation subtree failed");
    const int moved = q.numRowsAffected();
    q.finish();

    QSqlQuery parent = prepare(m_db, QStringLiteral("UPDATE orgs SET parent_id = ? WHERE id = ?"));
    parent.addBindValue(qs(newParentId));
    parent.addBindValue(qs(id));
    run(parent, "re-parenting an organisation failed");
    return moved;
}

int OrgRepository::count() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM orgs"));
    run(q, "counting organisations failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace trellis::server
