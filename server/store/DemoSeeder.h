#pragma once

#include "core/DemoWorld.h"

#include <string>

namespace trellis::server {

class Database;

/// Writes a core::DemoWorld into an empty database (orgs, people with Argon2id password hashes for the
/// three demo accounts, memberships, role assignments, login journeys published and bound) in one transaction, with
/// thirty days of demo audit history (DemoAuditHistory) and one "system.seed" audit event.
class DemoSeeder
{
public:
    explicit DemoSeeder(const Database& db)
        : m_db(db)
    {
    }

    /// Seeds only when there is no organisation yet; returns whether it did.
    bool seedIfEmpty(const core::DemoWorld& world, const std::string& demoPassword) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
