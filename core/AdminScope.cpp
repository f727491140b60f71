#include "core/AdminScope.h"

#include "core/OrgPath.h"

#include <algorithm>

namespace trellis::core {

AdminScope::AdminScope(std::vector<ScopeGrant> grants)
    : m_grants(std::move(grants))
{
}

const ScopeGrant* AdminScope::grantFor(std::string_view permission, std::string_view orgPath) const
{
    const ScopeGrant* best = nullptr;
    for (const auto& grant : m_grants) {
        if (!OrgPath::isWithin(orgPath, grant.orgPath))
            continue;
        if (std::find(grant.permissions.begin(), grant.permissions.end(), permission) == grant.permissions.end())
            continue;
        // The closest grant names the delegation most precisely.
        if (!best || grant.orgPath.size() > best->orgPath.size())
            best = &grant;
    }
    return best;
}

bool AdminScope::allowsAll(const std::vector<std::string>& permissions, std::string_view orgPath) const
{
    return std::all_of(permissions.begin(), permissions.end(),
                       [&](const std::string& permission) { return allows(permission, orgPath); });
}

std::vector<std::string> AdminScope::rootPaths(std::string_view permission) const
{
    std::vector<std::string> paths;
    for (const auto& grant : m_grants) {
        if (std::find(grant.permissions.begin(), grant.permissions.end(), permission) != grant.permissions.end())
            paths.push_back(grant.orgPath);
    }
    std::sort(paths.begin(), paths.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<std::string> roots;
    for (const auto& p : paths) {
        const bool covered =
            std::any_of(roots.begin(), roots.end(), [&](const auto& r) { return OrgPath::isWithin(p, r); });
        if (!covered)
            roots.push_back(p);
    }
    return roots;
}

} // namespace trellis::core
