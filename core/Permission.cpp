#include "core/Permission.h"

#include <algorithm>

namespace trellis::core {

const std::vector<std::string_view>& Permission::all()
{
    static const std::vector<std::string_view> permissions{
        OrgRead,    OrgManage,  UserRead,    UserManage, UserInvite,
        RoleAssign, FlowDesign, FlowPublish, AuditRead,  ReviewManage,
    };
    return permissions;
}

bool Permission::isKnown(std::string_view permission)
{
    const auto& list = all();
    return std::find(list.begin(), list.end(), permission) != list.end();
}

const std::vector<BuiltinRole>& builtinRoles()
{
    using namespace Permission;
    static const std::vector<BuiltinRole> roles{
        {"platform-owner", "Platform owner", "Everything, everywhere below the org it is granted at.",
         Permission::all()},
        // The security team runs access reviews (issue 6), so the auditor holds review.manage too.
        {"security-auditor",
         "Security auditor",
         "Reads everything and runs access reviews; changes nothing else.",
         {OrgRead, UserRead, AuditRead, ReviewManage}},
        {"org-admin",
         "Organisation admin",
         "Manages the organisation, its people and their roles.",
         {OrgRead, OrgManage, UserRead, UserManage, UserInvite, RoleAssign, AuditRead, ReviewManage}},
        {"user-manager", "User manager", "Invites and manages people.", {OrgRead, UserRead, UserManage, UserInvite}},
        {"flow-designer", "Flow designer", "Designs and publishes login journeys.", {OrgRead, FlowDesign, FlowPublish}},
        {"member", "Member", "Belongs to the organisation; no administration rights.", {}},
    };
    return roles;
}

} // namespace trellis::core
