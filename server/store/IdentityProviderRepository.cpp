#include "server/store/IdentityProviderRepository.h"

#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <algorithm>

namespace trellis::server {

using namespace sql;

namespace {

const QString columns =
    QStringLiteral("p.id, p.org_id, o.path, p.display_name, p.issuer, p.client_id, p.client_secret, "
                   "p.scopes, p.jit_provisioning, p.enabled, p.created_at, p.updated_at");

IdentityProviderRecord fromRow(const QSqlQuery& q)
{
    IdentityProviderRecord p;
    p.id = ss(q.value(0));
    p.orgId = ss(q.value(1));
    p.orgPath = ss(q.value(2));
    p.displayName = ss(q.value(3));
    p.issuer = ss(q.value(4));
    p.clientId = ss(q.value(5));
    p.clientSecret = ss(q.value(6));
    p.scopes = ss(q.value(7));
    p.jitProvisioning = q.value(8).toBool();
    p.enabled = q.value(9).toBool();
    p.createdAt = ss(q.value(10));
    p.updatedAt = ss(q.value(11));
    return p;
}

const std::initializer_list<UniqueRule> domainRules{{"identity_provider_domains.domain",
                                                     "identity_provider_domains_pkey", "identity_provider.domain",
                                                     "another identity provider claims this domain"}};

} // namespace

std::vector<IdentityProviderRecord> IdentityProviderRepository::listForOrg(const std::string& orgId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + columns +
                                    QStringLiteral(" FROM identity_providers p JOIN orgs o ON o.id = p.org_id "
                                                   "WHERE p.org_id = ? ORDER BY p.display_name, p.id"));
    q.addBindValue(qs(orgId));
    run(q, "listing identity providers failed");
    std::vector<IdentityProviderRecord> out;
    while (q.next())
        out.push_back(fromRow(q));
    for (auto& p : out) {
        QSqlQuery d = prepare(
            m_db, QStringLiteral("SELECT domain FROM identity_provider_domains WHERE provider_id = ? ORDER BY domain"));
        d.addBindValue(qs(p.id));
        run(d, "listing identity provider domains failed");
        while (d.next())
            p.domains.push_back(ss(d.value(0)));
    }
    return out;
}

std::optional<IdentityProviderRecord> IdentityProviderRepository::find(const std::string& id) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT ") + columns +
                                    QStringLiteral(" FROM identity_providers p JOIN orgs o ON o.id = p.org_id "
                                                   "WHERE p.id = ?"));
    q.addBindValue(qs(id));
    run(q, "reading an identity provider failed");
    if (!q.next())
        return std::nullopt;
    IdentityProviderRecord p = fromRow(q);
    QSqlQuery d = prepare(
        m_db, QStringLiteral("SELECT domain FROM identity_provider_domains WHERE provider_id = ? ORDER BY domain"));
    d.addBindValue(qs(p.id));
    run(d, "listing identity provider domains failed");
    while (d.next())
        p.domains.push_back(ss(d.value(0)));
    return p;
}

std::optional<IdentityProviderRecord> IdentityProviderRepository::findByDomain(const std::string& domain) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT provider_id FROM identity_provider_domains WHERE domain = ?"));
    q.addBindValue(qs(domain));
    run(q, "looking up an email domain failed");
    if (!q.next())
        return std::nullopt;
    return find(ss(q.value(0)));
}

void IdentityProviderRepository::insertDomains(const IdentityProviderRecord& provider) const
{
    for (const auto& domain : provider.domains) {
        QSqlQuery q =
            prepare(m_db, QStringLiteral("INSERT INTO identity_provider_domains (domain, provider_id) VALUES (?, ?)"));
        q.addBindValue(qs(domain));
        q.addBindValue(qs(provider.id));
        runGuarded(m_db, q, "claiming an email domain failed", domainRules);
    }
}

IdentityProviderRecord IdentityProviderRepository::create(IdentityProviderRecord p) const
{
    if (p.id.empty())
        p.id = core::newUuid();
    p.createdAt = p.updatedAt = sql::now(m_db);
    std::sort(p.domains.begin(), p.domains.end());
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO identity_providers (id, org_id, display_name, issuer, "
                                               "client_id, client_secret, scopes, jit_provisioning, enabled, "
                                               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(p.id));
    q.addBindValue(qs(p.orgId));
    q.addBindValue(qs(p.displayName));
    q.addBindValue(qs(p.issuer));
    q.addBindValue(qs(p.clientId));
    q.addBindValue(qs(p.clientSecret));
    q.addBindValue(qs(p.scopes));
    q.addBindValue(p.jitProvisioning);
    q.addBindValue(p.enabled);
    q.addBindValue(qs(p.createdAt));
    q.addBindValue(qs(p.updatedAt));
    run(q, "creating an identity provider failed");
    insertDomains(p);
    return p;
}

void IdentityProviderRepository::update(const IdentityProviderRecord& provider) const
{
    IdentityProviderRecord p = provider;
    std::sort(p.domains.begin(), p.domains.end());
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE identity_providers SET display_name = ?, issuer = ?, "
                                               "client_id = ?, client_secret = ?, scopes = ?, jit_provisioning = ?, "
                                               "enabled = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(qs(p.displayName));
    q.addBindValue(qs(p.issuer));
    q.addBindValue(qs(p.clientId));
    q.addBindValue(qs(p.clientSecret));
    q.addBindValue(qs(p.scopes));
    q.addBindValue(p.jitProvisioning);
    q.addBindValue(p.enabled);
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(p.id));
    run(q, "updating an identity provider failed");
    QSqlQuery d = prepare(m_db, QStringLiteral("DELETE FROM identity_provider_domains WHERE provider_id = ?"));
    d.addBindValue(qs(p.id));
    run(d, "releasing email domains failed");
    insertDomains(p);
}

void IdentityProviderRepository::remove(const std::string& id) const
{
    for (const char* sql : {"DELETE FROM federated_identities WHERE provider_id = ?",
                            "DELETE FROM identity_provider_domains WHERE provider_id = ?",
                            "DELETE FROM identity_providers WHERE id = ?"}) {
        QSqlQuery q = prepare(m_db, QString::fromLatin1(sql));
        q.addBindValue(qs(id));
        run(q, "deleting an identity provider failed");
    }
}

std::optional<FederatedIdentityRecord> IdentityProviderRepository::findLink(const std::string& providerId,
                                                                            const std::string& subject) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT id, user_id, email FROM federated_identities "
                                               "WHERE provider_id = ? AND subject = ?"));
    q.addBindValue(qs(providerId));
    q.addBindValue(qs(subject));
    run(q, "looking up a federated identity failed");
    if (!q.next())
        return std::nullopt;
    return FederatedIdentityRecord{ss(q.value(0)), providerId, subject, ss(q.value(1)), ss(q.value(2))};
}

FederatedIdentityRecord IdentityProviderRepository::link(const std::string& providerId, const std::string& subject,
                                                         const std::string& userId, const std::string& email) const
{
    FederatedIdentityRecord r{core::newUuid(), providerId, subject, userId, email};
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO federated_identities (id, provider_id, subject, user_id, "
                                               "email, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(qs(r.id));
    q.addBindValue(qs(providerId));
    q.addBindValue(qs(subject));
    q.addBindValue(qs(userId));
    q.addBindValue(qs(email));
    q.addBindValue(qs(now));
    q.addBindValue(qs(now));
    runGuarded(m_db, q, "linking a federated identity failed",
               {{"federated_identities.provider_id, federated_identities.subject", "federated_identities_subject_key",
                 "federated_identity.subject", "this upstream person is linked already"}});
    return r;
}

void IdentityProviderRepository::touchLink(const std::string& linkId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("UPDATE federated_identities SET last_used_at = ? WHERE id = ?"));
    q.addBindValue(qs(sql::now(m_db)));
    q.addBindValue(qs(linkId));
    run(q, "recording a federated sign-in failed");
}

int IdentityProviderRepository::linkCount(const std::string& providerId) const
{
    QSqlQuery q = prepare(m_db, QStringLiteral("SELECT COUNT(*) FROM federated_identities WHERE provider_id = ?"));
    q.addBindValue(qs(providerId));
    run(q, "counting federated identities failed");
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace trellis::server
