#pragma once

#include "core/AdminScope.h"
#include "core/Role.h"

#include <string>
#include <string_view>
#include <vector>

namespace trellis::server {

/// The delegation rules about roles (docs/permissions.md) in one place, for the role, role-assignment and
/// invitation handlers alike.
class RoleDelegation
{
public:
    /// Built-in roles are usable everywhere; a custom role only at its defining org and below.
    static bool usableAt(const core::Role& role, std::string_view orgPath);
    /// Whether the caller sees the role at all: built-in, or defined inside or above an org where they hold org.read.
    static bool visible(const core::AdminScope& scope, const core::Role& role);
    /// The permissions of `permissions` the scope does not hold at the org (nobody grants what they do not hold).
    static std::vector<std::string> missingAt(const core::AdminScope& scope,
                                              const std::vector<std::string>& permissions, std::string_view orgPath);
    /// role.assign at the org, every permission of the role there, and the role usable there.
    static bool mayAssign(const core::AdminScope& scope, const core::Role& role, std::string_view orgPath);
    /// A grant carrying role.assign at an org strictly above this one: what lets an admin remove an org's last admin.
    static const core::ScopeGrant* grantFromAbove(const core::AdminScope& scope, std::string_view orgPath);
};

} // namespace trellis::server
