#pragma once

#include <optional>
#include <string>
#include <vector>

#include <QString>

namespace trellis::server {

class Database;

/// A role as invitations and imports need it: what it is called and what it allows.
struct CatalogRole
{
    std::string id;
    std::string key;
    std::string name;
    std::string orgId; ///< empty for a built-in role
    std::vector<std::string> permissions;
};

/// Roles usable at an organisation (built-in ones, and custom ones defined at the org or one of its ancestors),
/// and role assignments by role id.
class RoleCatalog
{
public:
    explicit RoleCatalog(const Database& db)
        : m_db(db)
    {
    }

    /// The role with this id if it is usable at the org with materialised path `orgPath`.
    std::optional<CatalogRole> usableById(const std::string& roleId, const std::string& orgPath) const;
    /// The role with this key usable there; a custom role defined closest to the org wins over a built-in one.
    std::optional<CatalogRole> usableByKey(const std::string& key, const std::string& orgPath) const;
    /// Inserts an assignment; returns its id.
    std::string assign(const std::string& userId, const std::string& roleId, const std::string& orgId,
                       const std::string& grantedBy, const std::string& justification,
                       const std::string& expiresAt = {}) const;

private:
    std::vector<CatalogRole> usable(const QString& column, const std::string& value, const std::string& orgPath) const;

    const Database& m_db;
};

} // namespace trellis::server
