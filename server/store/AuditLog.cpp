#include "server/store/AuditLog.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {
const QString kColumns = QStringLiteral(
    "sequence, id, occurred_at, actor_type, actor_id, actor_display, acting_org_id, delegation_id, action, "
    "target_type, target_id, target_display, target_org_path, outcome, reason, client_address, user_agent, "
    "request_id, before_state, after_state, previous_hash, hash");

nlohmann::json parseState(const QVariant& value)
{
    return nlohmann::json::parse(ss(value), nullptr, false);
}

core::AuditEvent readEvent(const QSqlQuery& q)
{
    core::AuditEvent e;
    e.sequence = q.value(0).toLongLong();
    e.id = ss(q.value(1));
    e.occurredAt = ss(q.value(2));
    e.actorType = ss(q.value(3));
    e.actorId = ss(q.value(4));
    e.actorDisplay = ss(q.value(5));
    e.actingOrgId = ss(q.value(6));
    e.delegationId = ss(q.value(7));
    e.action = ss(q.value(8));
    e.targetType = ss(q.value(9));
    e.targetId = ss(q.value(10));
    e.targetDisplay = ss(q.value(11));
    e.targetOrgPath = ss(q.value(12));
    e.outcome = ss(q.value(13));
    e.reason = ss(q.value(14));
    e.clientAddress = ss(q.value(15));
    e.userAgent = ss(q.value(16));
    e.requestId = ss(q.value(17));
    e.before = parseState(q.value(18));
    e.after = parseState(q.value(19));
    e.previousHash = ss(q.value(20));
    e.hash = ss(q.value(21));
    return e;
}

std::string dumpState(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}
} // namespace

core::AuditEvent AuditLog::append(core::AuditEvent event) const
{
    if (!m_db.inTransaction())
        throw StoreError(StoreError::Kind::Internal, "AuditLog::append must run inside Database::transaction");

    // Lock the chain head: on PostgreSQL other appenders wait here until this transaction ends; on SQLite the
    // write transaction (BEGIN IMMEDIATE) already excludes every other writer.
    QSqlQuery head = prepare(m_db, m_db.dialect() == SqlDialect::Postgres
                                       ? QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head "
                                                        "WHERE id = 1 FOR UPDATE")
                                       : QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head "
                                                        "WHERE id = 1"));
    run(head, "locking the audit chain failed");
    if (!head.next())
        throw StoreError(StoreError::Kind::Internal, "the audit chain head is missing");
    const std::int64_t lastSequence = head.value(0).toLongLong();
    const std::string lastHash = ss(head.value(1));
    head.finish();

    event.sequence = lastSequence + 1;
    if (event.id.empty())
        event.id = core::newUuid();
    if (event.occurredAt.empty())
        event.occurredAt = sql::now(m_db);
    if (event.outcome.empty())
        event.outcome = "success";
    // Store exactly the bytes that are hashed, so the chain verifies after a round trip.
    event.before = parseState(qs(dumpState(event.before)));
    event.after = parseState(qs(dumpState(event.after)));
    event.previousHash = lastHash;
    event.hash = event.computeHash();

    QSqlQuery insert = prepare(m_db, QStringLiteral("INSERT INTO audit_events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                                    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                         .arg(kColumns));
    insert.addBindValue(qlonglong(event.sequence));
    for (const std::string* field :
         {&event.id, &event.occurredAt, &event.actorType, &event.actorId, &event.actorDisplay, &event.actingOrgId,
          &event.delegationId, &event.action, &event.targetType, &event.targetId, &event.targetDisplay,
          &event.targetOrgPath, &event.outcome, &event.reason, &event.clientAddress, &event.userAgent,
          &event.requestId})
        insert.addBindValue(qs(*field));
    insert.addBindValue(qs(dumpState(event.before)));
    insert.addBindValue(qs(dumpState(event.after)));
    insert.addBindValue(qs(event.previousHash));
    insert.addBindValue(qs(event.hash));
    run(insert, "appending an audit event failed");

    QSqlQuery update =
        prepare(m_db, QStringLiteral("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1"));
    update.addBindValue(qlonglong(event.sequence));
    update.addBindValue(qs(event.hash));
    run(update, "moving the audit chain head failed");
    return event;
}

std::vector<core::AuditEvent> AuditLog::latest(int limit) const
{
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY sequence DESC LIMIT ?").arg(kColumns));
    q.addBindValue(std::max(limit, 0));
    run(q, "reading audit events failed");
    std::vector<core::AuditEvent> events;
    while (q.next())
        events.push_back(readEvent(q));
    return events;
}

bool AuditLog::verifyChain(std::string* problem) const
{
    const auto fail = [&](const std::string& message) {
        if (problem)
            *problem = message;
        return false;
    };
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT %1 FROM audit_events ORDER BY sequence").arg(kColumns));
    q.setForwardOnly(true);
    run(q, "reading audit events failed");
    std::int64_t expectedSequence = 1;
    std::string previousHash;
    while (q.next()) {
        const core::AuditEvent e = readEvent(q);
        const std::string at = "event " + std::to_string(e.sequence);
        if (e.sequence != expectedSequence)
            return fail(at + ": expected sequence " + std::to_string(expectedSequence));
        if (e.previousHash != previousHash)
            return fail(at + ": does not link to its predecessor");
        if (e.computeHash() != e.hash)
            return fail(at + ": its content does not match its hash");
        previousHash = e.hash;
        ++expectedSequence;
    }
    q.finish();
    QSqlQuery head =
        prepare(m_db, QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1"));
    run(head, "reading the audit chain head failed");
    if (!head.next() || head.value(0).toLongLong() != expectedSequence - 1 || ss(head.value(1)) != previousHash)
        return fail("the chain head does not match the last event (events were removed)");
    return true;
}

} // namespace trellis::server
