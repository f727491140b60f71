#pragma once

#include <string_view>
#include <vector>

namespace trellis::core {

/// One kind of audit event. The catalog is closed: the server's audit log refuses an action that is not in it, and
/// docs/audit.md lists every entry (a test keeps the two in step).
struct AuditAction
{
    std::string_view name;        ///< e.g. "role.assign"
    std::string_view group;       ///< e.g. "role"; filters and the console's action groups use it
    std::string_view description; ///< one sentence, English (the console translates the group names)
};

struct AuditActionGroup
{
    std::string_view name;
    std::string_view description;
};

namespace AuditActionCatalog {
const std::vector<AuditAction>& actions();
const std::vector<AuditActionGroup>& groups();
/// nullptr when the action is not in the catalog.
const AuditAction* find(std::string_view name);
bool isGroup(std::string_view group);
} // namespace AuditActionCatalog

} // namespace trellis::core
