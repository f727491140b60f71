#include "server/store/AuditLog.h"

#include "core/AuditActionCatalog.h"
#include "core/AuditRedaction.h"
#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
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

} // namespace

const QString& AuditLog::columns()
{
    return kColumns;
}

core::AuditEvent AuditLog::readEvent(const QSqlQuery& q)
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

namespace {

std::string dumpState(const nlohmann::json& j)
{
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Redacts a before/after state and returns the text to store and hash. The state becomes what reading that text back
// gives (invalid UTF-8 replaced, keys made equal by the replacement merged), so the chain verifies after a round trip.
// Null, what most events carry, needs none of it.
std::string settleState(nlohmann::json& state)
{
    if (state.is_null())
        return "null";
    state = parseState(qs(dumpState(core::redactSecrets(std::move(state)))));
    return dumpState(state);
}

// The chain head as this transaction last wrote it: it holds the write lock (SQLite) or the head's row lock
// (PostgreSQL) until it ends, so nobody else can have moved it. Keyed by the process-wide transaction serial.
struct KnownHead
{
    std::uint64_t transaction = 0;
    std::int64_t sequence = 0;
    std::string hash;
};
thread_local KnownHead t_knownHead;

} // namespace

core::AuditEvent AuditLog::append(core::AuditEvent event) const
{
    if (!m_db.inTransaction())
        throw StoreError(StoreError::Kind::Internal, "AuditLog::append must run inside Database::transaction");
    // The action list is closed and documented (docs/audit.md): an unknown action is a programming error, and
    // refusing it (rolling the change back) beats an event nobody can find by its group.
    if (!core::AuditActionCatalog::find(event.action))
        throw StoreError(StoreError::Kind::Internal, "audit action \"" + event.action + "\" is not in the catalog");
    const bool postgres = m_db.dialect() == SqlDialect::Postgres;
    const std::uint64_t transaction = m_db.transactionSerial();

    // Lock the chain head: on PostgreSQL other appenders wait here until this transaction ends; on SQLite the
    // write transaction (BEGIN IMMEDIATE) already excludes every other writer. A later append in the same
    // transaction already holds the lock and knows the head.
    if (t_knownHead.transaction != transaction) {
        QSqlQuery& head = m_db.cachedStatement(
            postgres ? QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                     : QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1"));
        run(head, "locking the audit chain failed");
        if (!head.next()) {
            head.finish();
            throw StoreError(StoreError::Kind::Internal, "the audit chain head is missing");
        }
        t_knownHead = {0, head.value(0).toLongLong(), ss(head.value(1))};
        head.finish();
    }

    event.sequence = t_knownHead.sequence + 1;
    if (event.id.empty())
        event.id = core::newUuid();
    if (event.occurredAt.empty())
        event.occurredAt = sql::now(m_db);
    if (event.outcome.empty())
        event.outcome = "success";
    // Store exactly the bytes that are hashed, so the chain verifies after a round trip.
    const std::string before = settleState(event.before);
    const std::string after = settleState(event.after);
    event.previousHash = t_knownHead.hash;
    event.hash = event.computeHash(before, after);

    // One statement moves the head with the insert on PostgreSQL (one round trip); SQLite runs two.
    static const QString kInsert =
        QStringLiteral("INSERT INTO audit_events (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?)")
            .arg(kColumns);
    static const QString kMoveHead = QStringLiteral("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ? "
                                                    "WHERE id = 1");
    static const QString kInsertAndMoveHead = QStringLiteral("WITH appended AS (%1) %2").arg(kInsert, kMoveHead);
    QSqlQuery& insert = m_db.cachedStatement(postgres ? kInsertAndMoveHead : kInsert);
    int column = 0;
    insert.bindValue(column++, qlonglong(event.sequence));
    for (const std::string* field :
         {&event.id, &event.occurredAt, &event.actorType, &event.actorId, &event.actorDisplay, &event.actingOrgId,
          &event.delegationId, &event.action, &event.targetType, &event.targetId, &event.targetDisplay,
          &event.targetOrgPath, &event.outcome, &event.reason, &event.clientAddress, &event.userAgent,
          &event.requestId})
        insert.bindValue(column++, qs(*field));
    insert.bindValue(column++, qs(before));
    insert.bindValue(column++, qs(after));
    insert.bindValue(column++, qs(event.previousHash));
    insert.bindValue(column++, qs(event.hash));
    if (postgres) {
        insert.bindValue(column++, qlonglong(event.sequence));
        insert.bindValue(column++, qs(event.hash));
    }
    t_knownHead.transaction = 0; // unknown until the head has moved
    run(insert, "appending an audit event failed");

    if (!postgres) {
        QSqlQuery& update = m_db.cachedStatement(kMoveHead);
        update.bindValue(0, qlonglong(event.sequence));
        update.bindValue(1, qs(event.hash));
        run(update, "moving the audit chain head failed");
    }
    t_knownHead = {transaction, event.sequence, event.hash};
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
    const core::AuditChainVerifier verifier = verify();
    if (!verifier.ok() && problem)
        *problem = verifier.problem()->message;
    return verifier.ok();
}

namespace {
const QString kCheckpointColumns = QStringLiteral("sequence, hash, signed_at, kind, key_id, jws, public_jwk");

core::AuditCheckpoint readCheckpoint(const QSqlQuery& q)
{
    core::AuditCheckpoint c;
    c.sequence = q.value(0).toLongLong();
    c.hash = ss(q.value(1));
    c.signedAt = ss(q.value(2));
    c.kind = ss(q.value(3));
    c.keyId = ss(q.value(4));
    c.jws = ss(q.value(5));
    c.publicJwk = nlohmann::json::parse(ss(q.value(6)), nullptr, false);
    return c;
}

constexpr int kBatch = 5000;
} // namespace

void AuditLog::forEach(std::int64_t afterSequence, std::int64_t throughSequence,
                       const std::function<bool(const core::AuditEvent&)>& visit) const
{
    // Keyset batches rather than one cursor: a forward-only result on PostgreSQL would still be fetched whole.
    std::int64_t after = afterSequence;
    for (;;) {
        QSqlQuery q = prepare(m_db, QStringLiteral("SELECT %1 FROM audit_events WHERE sequence > ? AND sequence <= ? "
                                                   "ORDER BY sequence LIMIT ?")
                                        .arg(kColumns));
        q.setForwardOnly(true);
        q.addBindValue(qlonglong(after));
        q.addBindValue(qlonglong(throughSequence));
        q.addBindValue(kBatch);
        run(q, "reading audit events failed");
        int rows = 0;
        while (q.next()) {
            ++rows;
            const core::AuditEvent e = readEvent(q);
            after = e.sequence;
            if (!visit(e))
                return;
        }
        if (rows < kBatch)
            return;
    }
}

core::AuditChainVerifier AuditLog::verify(const std::vector<core::crypto::VerificationKey>& trusted) const
{
    core::AuditChainVerifier verifier;
    verifier.trustKeys(trusted);
    // Head first: events appended while we read are beyond it and checked next time.
    QSqlQuery head =
        prepare(m_db, QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1"));
    run(head, "reading the audit chain head failed");
    if (!head.next())
        throw StoreError(StoreError::Kind::Internal, "the audit chain head is missing");
    const std::int64_t headSequence = head.value(0).toLongLong();
    const std::string headHash = ss(head.value(1));
    head.finish();

    const std::optional<core::AuditCheckpoint> start = anchor();
    if (start)
        verifier.startFrom(*start);
    QSqlQuery cps = prepare(m_db, QStringLiteral("SELECT %1 FROM audit_checkpoints WHERE sequence > ? AND "
                                                 "sequence <= ? ORDER BY sequence")
                                      .arg(kCheckpointColumns));
    cps.addBindValue(qlonglong(start ? start->sequence : 0));
    cps.addBindValue(qlonglong(headSequence));
    run(cps, "reading audit checkpoints failed");
    std::vector<core::AuditCheckpoint> checkpoints;
    while (cps.next())
        checkpoints.push_back(readCheckpoint(cps));
    cps.finish();
    verifier.expectCheckpoints(checkpoints);

    forEach(start ? start->sequence : 0, headSequence, [&](const core::AuditEvent& e) { return verifier.add(e); });
    verifier.finishAtHead(headSequence, headHash);
    if (!verifier.ok())
        return verifier;
    // Rows beyond the head were written around the server (or the head was rolled back to hide them).
    QSqlQuery beyond = prepare(m_db, QStringLiteral("SELECT MIN(sequence) FROM audit_events WHERE sequence > ?"));
    beyond.addBindValue(qlonglong(headSequence));
    run(beyond, "reading audit events failed");
    if (beyond.next() && !beyond.value(0).isNull()) {
        const std::int64_t extra = beyond.value(0).toLongLong();
        verifier.recordProblem(extra, "Event " + std::to_string(extra) +
                                          " lies beyond the recorded end of the chain (it was written around the "
                                          "server).");
    }
    return verifier;
}

std::optional<core::AuditCheckpoint> AuditLog::anchor() const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT %1 FROM audit_checkpoints WHERE kind = 'anchor' "
                                               "ORDER BY sequence DESC LIMIT 1")
                                    .arg(kCheckpointColumns));
    run(q, "reading the audit anchor failed");
    if (!q.next())
        return std::nullopt;
    return readCheckpoint(q);
}

std::vector<core::AuditCheckpoint> AuditLog::checkpoints(int limit) const
{
    QSqlQuery q = prepare(
        m_db,
        QStringLiteral("SELECT %1 FROM audit_checkpoints ORDER BY sequence DESC LIMIT ?").arg(kCheckpointColumns));
    q.addBindValue(std::max(limit, 0));
    run(q, "reading audit checkpoints failed");
    std::vector<core::AuditCheckpoint> list;
    while (q.next())
        list.push_back(readCheckpoint(q));
    return list;
}

namespace {
void insertCheckpoint(const Database& db, const core::AuditCheckpoint& c)
{
    QSqlQuery insert = prepare(db, QStringLiteral("INSERT INTO audit_checkpoints (%1) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                                  "ON CONFLICT (sequence) DO NOTHING")
                                       .arg(kCheckpointColumns));
    insert.addBindValue(qlonglong(c.sequence));
    insert.addBindValue(qs(c.hash));
    insert.addBindValue(qs(c.signedAt));
    insert.addBindValue(qs(c.kind));
    insert.addBindValue(qs(c.keyId));
    insert.addBindValue(qs(c.jws));
    insert.addBindValue(qs(c.publicJwk.dump()));
    run(insert, "writing an audit checkpoint failed");
}

std::pair<std::int64_t, std::string> chainHead(const Database& db)
{
    QSqlQuery head = prepare(db, QStringLiteral("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1"));
    run(head, "reading the audit chain head failed");
    if (!head.next())
        throw StoreError(StoreError::Kind::Internal, "the audit chain head is missing");
    return {head.value(0).toLongLong(), ss(head.value(1))};
}
} // namespace

std::optional<core::AuditCheckpoint> AuditLog::writeCheckpoint(const std::string& issuer,
                                                               const core::crypto::SigningKey& key) const
{
    std::optional<core::AuditCheckpoint> written;
    m_db.transaction([&] {
        const auto [sequence, hash] = chainHead(m_db);
        if (sequence == 0)
            return;
        QSqlQuery newest = prepare(m_db, QStringLiteral("SELECT MAX(sequence) FROM audit_checkpoints"));
        run(newest, "reading audit checkpoints failed");
        if (newest.next() && !newest.value(0).isNull() && newest.value(0).toLongLong() >= sequence)
            return;
        written = core::AuditCheckpoint::sign(sequence, hash, now(m_db), "interval", issuer, key);
        insertCheckpoint(m_db, *written);
    });
    return written;
}

AuditLog::PurgeResult AuditLog::purge(const std::string& cutoff, const QString& archiveFile, const std::string& issuer,
                                      const core::crypto::SigningKey& key) const
{
    PurgeResult result;
    result.archiveFile = archiveFile;
    // The newest event before the cutoff; events are appended in time order, so everything up to it goes.
    QSqlQuery last = prepare(m_db, QStringLiteral("SELECT MAX(sequence) FROM audit_events WHERE occurred_at < ?"));
    last.addBindValue(qs(cutoff));
    run(last, "reading audit events failed");
    if (!last.next() || last.value(0).isNull())
        return result;
    const std::int64_t through = last.value(0).toLongLong();
    last.finish();
    const std::optional<core::AuditCheckpoint> previous = anchor();
    const std::int64_t from = previous ? previous->sequence : 0;
    if (through <= from)
        return result;

    std::string throughHash;
    QSqlQuery hashQuery = prepare(m_db, QStringLiteral("SELECT hash FROM audit_events WHERE sequence = ?"));
    hashQuery.addBindValue(qlonglong(through));
    run(hashQuery, "reading audit events failed");
    if (!hashQuery.next())
        throw StoreError(StoreError::Kind::Internal, "the newest event to purge is missing");
    throughHash = ss(hashQuery.value(0));
    hashQuery.finish();
    const core::AuditCheckpoint newAnchor =
        core::AuditCheckpoint::sign(through, throughHash, now(m_db), "anchor", issuer, key);

    // The archive first; nothing is removed unless it is completely on disk.
    QSaveFile file(archiveFile);
    if (!file.open(QIODevice::WriteOnly))
        throw StoreError(StoreError::Kind::Unavailable, "cannot write the audit archive " + archiveFile.toStdString() +
                                                            ": " + file.errorString().toStdString());
    const auto writeLine = [&](const nlohmann::json& j) {
        const std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        if (file.write(line.data(), qint64(line.size())) != qint64(line.size()))
            throw StoreError(StoreError::Kind::Unavailable,
                             "writing the audit archive failed: " + file.errorString().toStdString());
    };
    if (previous)
        writeLine({{"anchor", *previous}});
    writeLine({{"checkpoint", newAnchor}});
    forEach(from, through, [&](const core::AuditEvent& e) {
        writeLine(e);
        ++result.purgedEvents;
        return true;
    });
    if (!file.commit())
        throw StoreError(StoreError::Kind::Unavailable, "cannot write the audit archive " + archiveFile.toStdString() +
                                                            ": " + file.errorString().toStdString());

    m_db.transaction([&] {
        // The anchor replaces an interval checkpoint at the same event.
        QSqlQuery same = prepare(m_db, QStringLiteral("DELETE FROM audit_checkpoints WHERE sequence = ?"));
        same.addBindValue(qlonglong(through));
        run(same, "replacing an audit checkpoint failed");
        insertCheckpoint(m_db, newAnchor);
        runDirect(m_db, QStringLiteral("INSERT INTO audit_purge_permit (id) VALUES (1)"),
                  "permitting the purge failed");
        QSqlQuery remove = prepare(m_db, QStringLiteral("DELETE FROM audit_events WHERE sequence <= ?"));
        remove.addBindValue(qlonglong(through));
        run(remove, "purging audit events failed");
        runDirect(m_db, QStringLiteral("DELETE FROM audit_purge_permit"), "ending the purge failed");
        // Interval checkpoints of removed events vouch for nothing any more; anchors stay.
        QSqlQuery old = prepare(m_db, QStringLiteral("DELETE FROM audit_checkpoints WHERE sequence < ? AND "
                                                     "kind = 'interval'"));
        old.addBindValue(qlonglong(through));
        run(old, "purging audit checkpoints failed");
        core::AuditEvent event;
        event.actorType = "system";
        event.actorDisplay = "trellisd";
        event.action = "audit.purge";
        event.targetType = "audit";
        event.targetDisplay = "audit trail";
        event.after = {{"throughSequence", through},
                       {"events", result.purgedEvents},
                       {"cutoff", cutoff},
                       {"archive", QFileInfo(archiveFile).fileName().toStdString()}};
        append(event);
    });
    result.throughSequence = through;
    return result;
}

} // namespace trellis::server
