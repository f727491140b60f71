#include "server/store/RoleCatalog.h"

#include "core/OrgPath.h"
#include "core/Random.h"
#include "server/store/Database.h"
#include "server/store/RoleRepository.h"
#include "server/store/SqlSupport.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <QSqlQuery>
#include <QStringList>

namespace trellis::server {

using namespace sql;

std::vector<CatalogRole> RoleCatalog::usable(const QString& column, const std::string& value,
                                             const std::string& orgPath) const
{
    const std::vector<std::string> ancestors = core::OrgPath::split(orgPath);
    QStringList marks;
    for (std::size_t i = 0; i < ancestors.size(); ++i)
        marks << QStringLiteral("?");
    QString text = QStringLiteral("SELECT id, key, name, org_id, permissions FROM roles WHERE ") + column +
                   QStringLiteral(" = ? AND (org_id IS NULL");
    if (!ancestors.empty())
        text += QStringLiteral(" OR org_id IN (") + marks.join(QStringLiteral(", ")) + QStringLiteral(")");
    text += QStringLiteral(")");
    QSqlQuery q = prepare(m_db, text);
    q.addBindValue(qs(value));
    for (const auto& id : ancestors)
        q.addBindValue(qs(id));
    run(q, "reading roles failed");
    std::vector<CatalogRole> roles;
    while (q.next()) {
        CatalogRole role;
        role.id = ss(q.value(0));
        role.key = ss(q.value(1));
        role.name = ss(q.value(2));
        role.orgId = ss(q.value(3));
        const auto permissions = nlohmann::json::parse(ss(q.value(4)), nullptr, false);
        if (permissions.is_array()) {
            for (const auto& p : permissions) {
                if (p.is_string())
                    role.permissions.push_back(p.get<std::string>());
            }
        }
        roles.push_back(std::move(role));
    }
    // Closest definition first: deeper defining org, then built-in.
    std::stable_sort(roles.begin(), roles.end(), [&](const CatalogRole& a, const CatalogRole& b) {
        const auto depth = [&](const CatalogRole& r) {
            for (std::size_t i = 0; i < ancestors.size(); ++i) {
                if (ancestors[i] == r.orgId)
                    return int(i);
            }
            return -1;
        };
        return depth(a) > depth(b);
    });
    return roles;
}

std::optional<CatalogRole> RoleCatalog::usableById(const std::string& roleId, const std::string& orgPath) const
{
    auto roles = usable(QStringLiteral("id"), roleId, orgPath);
    if (roles.empty())
        return std::nullopt;
    return std::move(roles.front());
}

std::optional<CatalogRole> RoleCatalog::usableByKey(const std::string& key, const std::string& orgPath) const
{
    auto roles = usable(QStringLiteral("key"), key, orgPath);
    if (roles.empty())
        return std::nullopt;
    return std::move(roles.front());
}

std::string RoleCatalog::assign(const std::string& userId, const std::string& roleId, const std::string& orgId,
                                const std::string& grantedBy, const std::string& justification,
                                const std::string& expiresAt) const
{
    // One INSERT for role assignments, wherever they come from.
    return RoleRepository(m_db).assign(userId, roleId, orgId, grantedBy, justification, expiresAt);
}

} // namespace trellis::server
