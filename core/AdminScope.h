#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace trellis::core {

/// One role assignment as scope evaluation needs it: the org it was granted at (its materialised path),
/// the permissions the role carries, and the assignment's id (the delegation that allows an action).
struct ScopeGrant
{
    std::string assignmentId;
    std::string roleKey;
    std::string orgId;
    std::string orgPath;
    std::vector<std::string> permissions;
};

/// What a caller may do where. A grant at org X reaches X's whole subtree.
class AdminScope
{
public:
    AdminScope() = default;
    explicit AdminScope(std::vector<ScopeGrant> grants);

    /// The grant that allows `permission` at the org with this path; nullptr when none does.
    const ScopeGrant* grantFor(std::string_view permission, std::string_view orgPath) const;
    bool allows(std::string_view permission, std::string_view orgPath) const
    {
        return grantFor(permission, orgPath) != nullptr;
    }

    /// True when every one of `permissions` holds at the org with this path (nobody hands out more than they hold).
    bool allowsAll(const std::vector<std::string>& permissions, std::string_view orgPath) const;

    /// The topmost org paths where `permission` holds: no returned path lies inside another.
    std::vector<std::string> rootPaths(std::string_view permission) const;

    const std::vector<ScopeGrant>& grants() const { return m_grants; }

private:
    std::vector<ScopeGrant> m_grants;
};

} // namespace trellis::core
