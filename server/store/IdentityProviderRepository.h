#pragma once

#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// An organisation's upstream OpenID Connect provider (table identity_providers and its claimed domains).
struct IdentityProviderRecord
{
    std::string id;
    std::string orgId;
    std::string orgPath; ///< materialised path of orgId (read only)
    std::string displayName;
    std::string issuer;
    std::string clientId;
    std::string clientSecret;         ///< never leaves the server: not in API responses, audit events or logs
    std::string scopes;               ///< space-separated, contains openid
    std::vector<std::string> domains; ///< lower case, sorted
    bool jitProvisioning = false;
    bool enabled = true;
    std::string createdAt;
    std::string updatedAt;
};

/// An upstream subject linked to a person (table federated_identities).
struct FederatedIdentityRecord
{
    std::string id;
    std::string providerId;
    std::string subject;
    std::string userId;
    std::string email;
};

/// Identity providers per organisation and the federated identities linked to people.
class IdentityProviderRepository
{
public:
    explicit IdentityProviderRepository(const Database& db)
        : m_db(db)
    {
    }

    /// The providers configured at one organisation, by display name.
    std::vector<IdentityProviderRecord> listForOrg(const std::string& orgId) const;
    std::optional<IdentityProviderRecord> find(const std::string& id) const;
    /// The provider claiming `domain` (lower case), enabled or not.
    std::optional<IdentityProviderRecord> findByDomain(const std::string& domain) const;
    /// Inserts the provider and its domains (a new id when empty). Throws StoreError Conflict
    /// ("identity_provider.domain") when another provider claims one of the domains.
    IdentityProviderRecord create(IdentityProviderRecord provider) const;
    /// Replaces every field and the domains; same conflict as create().
    void update(const IdentityProviderRecord& provider) const;
    /// Deletes the provider, its domains and its links (the linked people stay).
    void remove(const std::string& id) const;

    std::optional<FederatedIdentityRecord> findLink(const std::string& providerId, const std::string& subject) const;
    /// Throws StoreError Conflict ("federated_identity.subject") when the subject is linked already.
    FederatedIdentityRecord link(const std::string& providerId, const std::string& subject, const std::string& userId,
                                 const std::string& email) const;
    void touchLink(const std::string& linkId) const;
    int linkCount(const std::string& providerId) const;

private:
    void insertDomains(const IdentityProviderRecord& provider) const;

    const Database& m_db;
};

} // namespace trellis::server
