#include "server/oidc/OidcClientRepository.h"

#include "core/Encoding.h"
#include "core/crypto/TokenHash.h"
#include "server/oidc/ScopeWords.h"
#include "server/store/Database.h"
#include "server/store/SqlSupport.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include <QSqlQuery>

namespace trellis::server {

using namespace sql;

namespace {

std::vector<std::string> stringArray(const QVariant& value)
{
    std::vector<std::string> out;
    const auto parsed = nlohmann::json::parse(ss(value), nullptr, false);
    if (!parsed.is_array())
        return out;
    for (const auto& item : parsed) {
        if (item.is_string())
            out.push_back(item.get<std::string>());
    }
    return out;
}

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const auto& item : items)
        out += (out.empty() ? "" : " ") + item;
    return out;
}

const QString kColumns = QStringLiteral("id, name, client_type, redirect_uris, post_logout_redirect_uris, grant_types, "
                                        "scopes, built_in, secret_hash");

OidcClient fromRow(const QSqlQuery& q)
{
    OidcClient client;
    client.id = ss(q.value(0));
    client.name = ss(q.value(1));
    client.type = ss(q.value(2)) == "confidential" ? OidcClient::Type::Confidential : OidcClient::Type::Public;
    client.redirectUris = stringArray(q.value(3));
    client.postLogoutRedirectUris = stringArray(q.value(4));
    client.grantTypes = stringArray(q.value(5));
    client.scopes = ScopeWords::split(ss(q.value(6)));
    client.builtIn = q.value(7).toBool();
    return client;
}

} // namespace

std::optional<OidcClient> OidcClientRepository::find(const std::string& clientId) const
{
    if (clientId.empty() || clientId.size() > 200)
        return std::nullopt;
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM oidc_clients WHERE id = ?"));
    q.addBindValue(qs(clientId));
    run(q, "reading a client failed");
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<OidcClient> OidcClientRepository::authenticate(const std::string& clientId,
                                                             const std::string& secret) const
{
    if (clientId.empty() || clientId.size() > 200 || secret.empty() || secret.size() > 512)
        return std::nullopt;
    QSqlQuery q =
        prepare(m_db, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM oidc_clients WHERE id = ?"));
    q.addBindValue(qs(clientId));
    run(q, "reading a client failed");
    // Hash even when the client is unknown, so timing does not tell which client ids exist.
    const std::string presented = core::crypto::tokenHash(secret);
    if (!q.next())
        return std::nullopt;
    const std::string stored = ss(q.value(8));
    if (ss(q.value(2)) != "confidential" || stored.empty() || !core::constantTimeEquals(stored, presented))
        return std::nullopt;
    return fromRow(q);
}

void OidcClientRepository::create(const OidcClient& client, const std::string& secret) const
{
    const std::string now = sql::now(m_db);
    QSqlQuery q = prepare(m_db, QStringLiteral("INSERT INTO oidc_clients (id, name, client_type, secret_hash, "
                                               "redirect_uris, post_logout_redirect_uris, grant_types, scopes, "
                                               "built_in, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                                               "?, ?, ?)"));
    q.addBindValue(qs(client.id));
    q.addBindValue(qs(client.name));
    q.addBindValue(client.isPublic() ? QStringLiteral("public") : QStringLiteral("confidential"));
    q.addBindValue(nullable(secret.empty() ? std::string() : core::crypto::tokenHash(secret)));
    q.addBindValue(qs(nlohmann::json(client.redirectUris).dump()));
    q.addBindValue(qs(nlohmann::json(client.postLogoutRedirectUris).dump()));
    q.addBindValue(qs(nlohmann::json(client.grantTypes).dump()));
    q.addBindValue(qs(joined(client.scopes)));
    q.addBindValue(QVariant(client.builtIn));
    q.addBindValue(qs(now));
    q.addBindValue(qs(now));
    run(q, "registering a client failed",
        {{"oidc_clients.id", "oidc_clients_pkey", "oidc_client.id", "Another client already uses this id."}});
}

} // namespace trellis::server
