#pragma once

#include "core/AuditChainVerifier.h"
#include "core/AuditCheckpoint.h"
#include "core/AuditEvent.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <QString>

class QSqlQuery;

namespace trellis::server {

class Database;

/// The one audit primitive: every state change appends its event here, inside the same transaction as
/// the change. Assigns sequence, id, time (when empty), previous hash and hash; the chain stays single and
/// ordered with several writers (SQLite: the write lock; PostgreSQL: a row lock on the chain head).
class AuditLog
{
public:
    explicit AuditLog(const Database& db)
        : m_db(db)
    {
    }

    /// Appends; must run inside Database::transaction. Returns the stored event.
    core::AuditEvent append(core::AuditEvent event) const;
    /// The newest events first, for tests and the first audit views.
    std::vector<core::AuditEvent> latest(int limit) const;
    /// Recomputes every hash from the first event on and checks each links to its predecessor and the chain
    /// head matches the last one; on failure says where in *problem.
    bool verifyChain(std::string* problem = nullptr) const;
    /// The full check: from the newest anchor checkpoint (or event 1), every event's link and hash, every checkpoint
    /// on the way (hash and signature: with `trusted` keys, else each checkpoint's own), and the chain head. Reads in
    /// batches, so memory stays flat on any size.
    core::AuditChainVerifier verify(const std::vector<core::crypto::VerificationKey>& trusted = {}) const;

    /// Signs and stores a checkpoint at the chain's current end (in its own transaction); nothing when the newest
    /// checkpoint already covers it or the chain is empty. Several instances may race: one checkpoint per sequence.
    std::optional<core::AuditCheckpoint> writeCheckpoint(const std::string& issuer,
                                                         const core::crypto::SigningKey& key) const;
    /// Newest first.
    std::vector<core::AuditCheckpoint> checkpoints(int limit) const;
    /// The newest anchor (where purged events end); nullopt when nothing was ever purged.
    std::optional<core::AuditCheckpoint> anchor() const;

    struct PurgeResult
    {
        std::int64_t purgedEvents = 0;
        std::int64_t throughSequence = 0;
        QString archiveFile;
    };
    /// Retention: writes every event that occurred before `cutoff` (RFC 3339) to `archiveFile` (NDJSON: an "anchor"
    /// line for the previous anchor if any, a "checkpoint" line for the new anchor, then the events), signs the new
    /// anchor, removes those events and appends an audit.purge event. The remaining chain verifies from the anchor,
    /// the archive verifies on its own (trellisd audit verify --file). Throws StoreError when the file cannot be
    /// written (nothing is removed then).
    PurgeResult purge(const std::string& cutoff, const QString& archiveFile, const std::string& issuer,
                      const core::crypto::SigningKey& key) const;

    /// Calls `visit` for each event with sequence in (afterSequence, throughSequence], oldest first, reading in
    /// batches; `visit` returns false to stop.
    void forEach(std::int64_t afterSequence, std::int64_t throughSequence,
                 const std::function<bool(const core::AuditEvent&)>& visit) const;

    /// The columns of audit_events in the order readEvent() expects (for other queries over the table).
    static const QString& columns();
    static core::AuditEvent readEvent(const QSqlQuery& query);

private:
    const Database& m_db;
};

} // namespace trellis::server
