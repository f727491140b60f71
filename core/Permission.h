#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core {

/// The permission catalog: the closed list of what a role can allow. Documented in docs/permissions.md.
namespace Permission {
inline constexpr std::string_view OrgRead = "org.read";
inline constexpr std::string_view OrgManage = "org.manage";
inline constexpr std::string_view UserRead = "user.read";
inline constexpr std::string_view UserManage = "user.manage";
inline constexpr std::string_view UserInvite = "user.invite";
inline constexpr std::string_view RoleAssign = "role.assign";
inline constexpr std::string_view FlowDesign = "flow.design";
inline constexpr std::string_view FlowPublish = "flow.publish";
inline constexpr std::string_view AuditRead = "audit.read";
inline constexpr std::string_view ReviewManage = "review.manage";

const std::vector<std::string_view>& all();
bool isKnown(std::string_view permission);
} // namespace Permission

/// A role shipped with every installation. Keys are stable; names are for people.
struct BuiltinRole
{
    std::string_view key;
    std::string_view name;
    std::string_view description;
    std::vector<std::string_view> permissions;
};

/// platform-owner, security-auditor, org-admin, user-manager, flow-designer, member.
const std::vector<BuiltinRole>& builtinRoles();

} // namespace trellis::core
