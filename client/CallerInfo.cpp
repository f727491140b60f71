#include "client/CallerInfo.h"

#include "core/OrgPath.h"

namespace trellis::client {

bool CallerInfo::allows(std::string_view permission, const core::Org& org) const
{
    return !org.path.empty() && scope.allows(permission, core::OrgPath::make(org.path));
}

bool CallerInfo::allowsAll(const std::vector<std::string>& permissions, const core::Org& org) const
{
    return !org.path.empty() && scope.allowsAll(permissions, core::OrgPath::make(org.path));
}

} // namespace trellis::client
