#pragma once

#include "server/oidc/OidcClient.h"

#include <optional>
#include <string>

namespace trellis::server {

class Database;

/// The client registry (oidc_clients). Client secrets are random and high-entropy, so they are stored as
/// core::crypto::tokenHash (SHA-256) and compared in constant time.
class OidcClientRepository
{
public:
    explicit OidcClientRepository(const Database& db)
        : m_db(db)
    {
    }

    std::optional<OidcClient> find(const std::string& clientId) const;

    /// The confidential client whose secret matches; nullopt for unknown clients, public clients and wrong
    /// secrets alike.
    std::optional<OidcClient> authenticate(const std::string& clientId, const std::string& secret) const;

    /// Registers a client. `secret` must be empty for public clients and set for confidential ones.
    /// Throws StoreError (Conflict "oidc_client.id") when the id is taken.
    void create(const OidcClient& client, const std::string& secret = {}) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
