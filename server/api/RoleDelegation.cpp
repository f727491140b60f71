#include "server/api/RoleDelegation.h"

#include "core/OrgPath.h"
#include "core/Permission.h"

#include <algorithm>

namespace trellis::server {

bool RoleDelegation::usableAt(const core::Role& role, std::string_view orgPath)
{
    return role.builtIn() || core::OrgPath::isWithin(orgPath, role.definedAtPath);
}

bool RoleDelegation::visible(const core::AdminScope& scope, const core::Role& role)
{
    if (role.builtIn())
        return true;
    for (const auto& path : scope.rootPaths(core::Permission::OrgRead)) {
        // Defined inside the caller's scope, or above it (then usable inside it).
        if (core::OrgPath::isWithin(role.definedAtPath, path) || core::OrgPath::isWithin(path, role.definedAtPath))
            return true;
    }
    return false;
}

std::vector<std::string> RoleDelegation::missingAt(const core::AdminScope& scope,
                                                   const std::vector<std::string>& permissions,
                                                   std::string_view orgPath)
{
    std::vector<std::string> missing;
    for (const auto& permission : permissions) {
        if (!scope.allows(permission, orgPath) &&
            std::find(missing.begin(), missing.end(), permission) == missing.end())
            missing.push_back(permission);
    }
    return missing;
}

bool RoleDelegation::mayAssign(const core::AdminScope& scope, const core::Role& role, std::string_view orgPath)
{
    return usableAt(role, orgPath) && scope.allows(core::Permission::RoleAssign, orgPath) &&
           scope.allowsAll(role.permissions, orgPath);
}

const core::ScopeGrant* RoleDelegation::grantFromAbove(const core::AdminScope& scope, std::string_view orgPath)
{
    const core::ScopeGrant* best = nullptr;
    for (const auto& grant : scope.grants()) {
        if (grant.orgPath.size() >= orgPath.size() || !core::OrgPath::isWithin(orgPath, grant.orgPath))
            continue;
        if (std::find(grant.permissions.begin(), grant.permissions.end(), core::Permission::RoleAssign) ==
            grant.permissions.end())
            continue;
        if (!best || grant.orgPath.size() > best->orgPath.size())
            best = &grant;
    }
    return best;
}

} // namespace trellis::server
