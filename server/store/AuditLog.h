#pragma once

#include "core/AuditEvent.h"

#include <string>
#include <vector>

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

private:
    const Database& m_db;
};

} // namespace trellis::server
