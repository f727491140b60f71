#include "server/store/FlowRepository.h"

#include "core/OrgPath.h"
#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <QStringList>

namespace trellis::server {

using sql::prepare;
using sql::qs;
using sql::run;
using sql::ss;

namespace {

const QString kFlowColumns = QStringLiteral(
    "SELECT f.id, f.org_id, o.path, f.name, f.description, f.draft, f.draft_revision, f.live_version, f.created_at, "
    "f.updated_at, f.updated_by, u.display_name FROM flows f JOIN orgs o ON o.id = f.org_id "
    "LEFT JOIN users u ON u.id = f.updated_by ");

FlowRecord readFlow(const QSqlQuery& q)
{
    FlowRecord f;
    f.id = ss(q.value(0));
    f.orgId = ss(q.value(1));
    f.orgPath = ss(q.value(2));
    f.name = ss(q.value(3));
    f.description = ss(q.value(4));
    f.draft = nlohmann::json::parse(ss(q.value(5)), nullptr, false);
    if (f.draft.is_discarded())
        f.draft = nlohmann::json::object();
    f.draftRevision = q.value(6).toInt();
    if (!q.value(7).isNull())
        f.liveVersion = q.value(7).toInt();
    f.createdAt = ss(q.value(8));
    f.updatedAt = ss(q.value(9));
    f.updatedById = ss(q.value(10));
    f.updatedByName = ss(q.value(11));
    return f;
}

const QString kBindingColumns =
    QStringLiteral("SELECT b.id, b.org_id, o.path, b.client_id, b.flow_id, f.name, f.live_version "
                   "FROM flow_bindings b JOIN orgs o ON o.id = b.org_id JOIN flows f ON f.id = b.flow_id ");

FlowBindingRecord readBinding(const QSqlQuery& q)
{
    FlowBindingRecord b;
    b.id = ss(q.value(0));
    b.orgId = ss(q.value(1));
    b.orgPath = ss(q.value(2));
    b.clientId = ss(q.value(3));
    b.flowId = ss(q.value(4));
    b.flowName = ss(q.value(5));
    if (!q.value(6).isNull())
        b.liveVersion = q.value(6).toInt();
    return b;
}

// "?, ?, ?" for n parameters.
QString placeholders(std::size_t n)
{
    QStringList marks;
    for (std::size_t i = 0; i < n; ++i)
        marks.push_back(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

} // namespace

FlowRecord FlowRepository::create(const std::string& orgId, const std::string& name, const std::string& description,
                                  const nlohmann::json& draft, const std::string& userId) const
{
    const std::string id = core::newUuid();
    const std::string now = sql::now(m_db);
    QSqlQuery q =
        prepare(m_db, QStringLiteral("INSERT INTO flows (id, org_id, name, description, draft, draft_revision,"
                                     " created_at, created_by, updated_at, updated_by)"
                                     " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(orgId));
    q.addBindValue(qs(name));
    q.addBindValue(qs(description));
    q.addBindValue(qs(draft.dump()));
    q.addBindValue(qs(now));
    q.addBindValue(sql::nullable(userId));
    q.addBindValue(qs(now));
    q.addBindValue(sql::nullable(userId));
    run(q, "creating a flow failed");
    auto created = find(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "a created flow cannot be read back");
    return std::move(*created);
}

std::optional<FlowRecord> FlowRepository::find(const std::string& flowId) const
{
    QSqlQuery q = prepare(m_db, kFlowColumns + QStringLiteral("WHERE f.id = ?"));
    q.addBindValue(qs(flowId));
    run(q, "reading a flow failed");
    if (!q.next())
        return std::nullopt;
    return readFlow(q);
}

std::vector<FlowRecord> FlowRepository::usableAt(const std::string& orgPath) const
{
    const auto ids = core::OrgPath::split(orgPath);
    std::vector<FlowRecord> flows;
    if (ids.empty())
        return flows;
    QSqlQuery q = prepare(m_db, kFlowColumns + QStringLiteral("WHERE f.org_id IN (") + placeholders(ids.size()) +
                                    QStringLiteral(") ORDER BY o.depth, f.name, f.id"));
    for (const auto& id : ids)
        q.addBindValue(qs(id));
    run(q, "listing flows failed");
    while (q.next())
        flows.push_back(readFlow(q));
    return flows;
}

void FlowRepository::rename(const std::string& flowId, const std::optional<std::string>& name,
                            const std::optional<std::string>& description, const std::string& userId) const
{
    QStringList sets{QStringLiteral("updated_at = ?"), QStringLiteral("updated_by = ?")};
    QVariantList values{qs(sql::now(m_db)), sql::nullable(userId)};
    if (name) {
        sets.push_back(QStringLiteral("name = ?"));
        values.push_back(qs(*name));
    }
    if (description) {
        sets.push_back(QStringLiteral("description = ?"));
        values.push_back(qs(*description));
    }
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE flows SET ") + sets.join(QStringLiteral(", ")) +
                                    QStringLiteral(" WHERE id = ?"));
    for (const auto& v : values)
        q.addBindValue(v);
    q.addBindValue(qs(flowId));
    run(q, "renaming a flow failed");
    if (q.numRowsAffected() != 1)
        throw StoreError(StoreError::Kind::NotFound, "no flow " + flowId);
}

std::optional<int> FlowRepository::saveDraft(const std::string& flowId, const nlohmann::json& draft,
                                             int expectedRevision, const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE flows SET draft = ?, draft_revision = draft_revision + 1, "
                                               "updated_at = ?, updated_by = ? WHERE id = ? AND draft_revision = ?"));
    q.addBindValue(qs(draft.dump()));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(sql::nullable(userId));
    q.addBindValue(qs(flowId));
    q.addBindValue(expectedRevision);
    run(q, "saving a flow draft failed");
    if (q.numRowsAffected() != 1)
        return std::nullopt;
    return expectedRevision + 1;
}

void FlowRepository::lock(const std::string& flowId) const
{
    if (m_db.dialect() != SqlDialect::Postgres)
        return;
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id FROM flows WHERE id = ? FOR UPDATE"));
    q.addBindValue(qs(flowId));
    run(q, "locking a flow failed");
}

int FlowRepository::publish(const std::string& flowId, const nlohmann::json& document, const std::string& note,
                            const std::string& userId) const
{
    lock(flowId);
    QSqlQuery max =
        prepare(m_db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM flow_versions WHERE flow_id = ?"));
    max.addBindValue(qs(flowId));
    run(max, "numbering a flow version failed");
    const int version = max.next() ? max.value(0).toInt() + 1 : 1;
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO flow_versions (flow_id, version, document, note, "
                                               "published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(flowId));
    q.addBindValue(version);
    q.addBindValue(qs(document.dump()));
    q.addBindValue(qs(note));
    q.addBindValue(qs(now));
    q.addBindValue(sql::nullable(userId));
    run(q, "publishing a flow version failed");
    setLive(flowId, version, userId);
    return version;
}

void FlowRepository::setLive(const std::string& flowId, int version, const std::string& userId) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("UPDATE flows SET live_version = ?, updated_at = ?, updated_by = ? WHERE id = ?"));
    q.addBindValue(version);
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(sql::nullable(userId));
    q.addBindValue(qs(flowId));
    run(q, "making a flow version live failed");
    if (q.numRowsAffected() != 1)
        throw StoreError(StoreError::Kind::NotFound, "no flow " + flowId);
}

void FlowRepository::remove(const std::string& flowId) const
{
    for (const auto& statement : {QStringLiteral("DELETE FROM flow_versions WHERE flow_id = ?"),
                                  QStringLiteral("DELETE FROM flows WHERE id = ?")}) {
        QSqlQuery q = prepare(m_db, statement);
        q.addBindValue(qs(flowId));
        run(q, "deleting a flow failed");
    }
}

std::vector<FlowVersionRecord> FlowRepository::versions(const std::string& flowId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT v.flow_id, v.version, v.note, v.published_at, v.published_by, "
                                               "u.display_name FROM flow_versions v "
                                               "LEFT JOIN users u ON u.id = v.published_by "
                                               "WHERE v.flow_id = ? ORDER BY v.version DESC"));
    q.addBindValue(qs(flowId));
    run(q, "listing flow versions failed");
    std::vector<FlowVersionRecord> items;
    while (q.next()) {
        FlowVersionRecord v;
        v.flowId = ss(q.value(0));
        v.version = q.value(1).toInt();
        v.note = ss(q.value(2));
        v.publishedAt = ss(q.value(3));
        v.publishedById = ss(q.value(4));
        v.publishedByName = ss(q.value(5));
        items.push_back(std::move(v));
    }
    return items;
}

std::optional<FlowVersionRecord> FlowRepository::version(const std::string& flowId, int version) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT v.flow_id, v.version, v.note, v.published_at, v.published_by, "
                                               "u.display_name, v.document FROM flow_versions v "
                                               "LEFT JOIN users u ON u.id = v.published_by "
                                               "WHERE v.flow_id = ? AND v.version = ?"));
    q.addBindValue(qs(flowId));
    q.addBindValue(version);
    run(q, "reading a flow version failed");
    if (!q.next())
        return std::nullopt;
    FlowVersionRecord v;
    v.flowId = ss(q.value(0));
    v.version = q.value(1).toInt();
    v.note = ss(q.value(2));
    v.publishedAt = ss(q.value(3));
    v.publishedById = ss(q.value(4));
    v.publishedByName = ss(q.value(5));
    v.document = nlohmann::json::parse(ss(q.value(6)), nullptr, false);
    if (v.document.is_discarded())
        v.document = nlohmann::json::object();
    return v;
}

std::vector<FlowBindingRecord> FlowRepository::bindingsAt(const std::string& orgId) const
{
    QSqlQuery q =
        prepare(m_db, kBindingColumns + QStringLiteral("WHERE b.org_id = ? ORDER BY CASE WHEN b.client_id IS NULL "
                                                       "THEN 0 ELSE 1 END, b.client_id, b.id"));
    q.addBindValue(qs(orgId));
    run(q, "listing flow bindings failed");
    std::vector<FlowBindingRecord> items;
    while (q.next())
        items.push_back(readBinding(q));
    return items;
}

std::optional<FlowBindingRecord> FlowRepository::findBinding(const std::string& bindingId) const
{
    QSqlQuery q = prepare(m_db, kBindingColumns + QStringLiteral("WHERE b.id = ?"));
    q.addBindValue(qs(bindingId));
    run(q, "reading a flow binding failed");
    if (!q.next())
        return std::nullopt;
    return readBinding(q);
}

int FlowRepository::bindingCount(const std::string& flowId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM flow_bindings WHERE flow_id = ?"));
    q.addBindValue(qs(flowId));
    run(q, "counting flow bindings failed");
    return q.next() ? q.value(0).toInt() : 0;
}

std::pair<FlowBindingRecord, std::optional<FlowBindingRecord>> FlowRepository::bind(const std::string& orgId,
                                                                                    const std::string& clientId,
                                                                                    const std::string& flowId,
                                                                                    const std::string& userId) const
{
    std::optional<FlowBindingRecord> previous;
    for (const auto& existing : bindingsAt(orgId)) {
        if (existing.clientId == clientId)
            previous = existing;
    }
    if (previous) {
        QSqlQuery q = prepare(m_db, QStringLiteral("DELETE FROM flow_bindings WHERE id = ?"));
        q.addBindValue(qs(previous->id));
        run(q, "replacing a flow binding failed");
    }
    const std::string id = core::newUuid();
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO flow_bindings (id, org_id, client_id, flow_id, created_at,"
                                               " created_by) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(id));
    q.addBindValue(qs(orgId));
    q.addBindValue(sql::nullable(clientId));
    q.addBindValue(qs(flowId));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(sql::nullable(userId));
    sql::runGuarded(m_db, q, "binding a flow failed",
                    {{"flow_bindings.org_id, flow_bindings.client_id", "flow_bindings_org_client_key",
                      "binding.clientId", "this organisation already binds a flow for this application"},
                     {"flow_bindings.org_id", "flow_bindings_org_all_key", "binding.clientId",
                      "this organisation already binds a flow for all applications"}});
    auto created = findBinding(id);
    if (!created)
        throw StoreError(StoreError::Kind::Internal, "a created flow binding cannot be read back");
    return {std::move(*created), std::move(previous)};
}

void FlowRepository::unbind(const std::string& bindingId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("DELETE FROM flow_bindings WHERE id = ?"));
    q.addBindValue(qs(bindingId));
    run(q, "removing a flow binding failed");
}

std::vector<FlowBindingRecord> FlowRepository::bindingsOnPath(const std::string& orgPath) const
{
    const auto ids = core::OrgPath::split(orgPath);
    std::vector<FlowBindingRecord> items;
    if (ids.empty())
        return items;
    QSqlQuery q = prepare(m_db, kBindingColumns + QStringLiteral("WHERE b.org_id IN (") + placeholders(ids.size()) +
                                    QStringLiteral(") ORDER BY o.depth DESC, b.client_id, b.id"));
    for (const auto& id : ids)
        q.addBindValue(qs(id));
    run(q, "reading flow bindings failed");
    while (q.next())
        items.push_back(readBinding(q));
    return items;
}

std::optional<ResolvedFlow> FlowRepository::resolve(const std::string& orgPath, const std::string& clientId) const
{
    const auto ids = core::OrgPath::split(orgPath);
    const auto bindings = bindingsOnPath(orgPath);
    // From the org itself up to the root; at each level the client's own binding first.
    for (auto level = ids.rbegin(); level != ids.rend(); ++level) {
        for (const bool specific : {true, false}) {
            for (const auto& b : bindings) {
                if (b.orgId != *level || !b.liveVersion)
                    continue;
                if (specific ? (clientId.empty() || b.clientId != clientId) : !b.clientId.empty())
                    continue;
                return ResolvedFlow{b.flowId, b.flowName, *b.liveVersion, b.clientId, b.orgId, b.id};
            }
        }
    }
    return std::nullopt;
}

std::vector<std::string> FlowRepository::rootOrgPaths() const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT path FROM orgs WHERE parent_id IS NULL ORDER BY created_at, id"));
    run(q, "reading the root organisations failed");
    std::vector<std::string> paths;
    while (q.next())
        paths.push_back(ss(q.value(0)));
    return paths;
}

std::vector<std::string> FlowRepository::liveMembershipPaths(const std::string& userId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT o.path FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                               "WHERE m.user_id = ? AND m.status = 'active' AND o.status = 'active' "
                                               "AND (m.expires_at IS NULL OR m.expires_at > ?) ORDER BY o.path"));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(sql::now(m_db)));
    run(q, "reading a person's memberships failed");
    std::vector<std::string> paths;
    while (q.next())
        paths.push_back(ss(q.value(0)));
    return paths;
}

} // namespace trellis::server
