#pragma once

#include <string>
#include <vector>

namespace trellis::server {

/// What an audit query asks for, already checked and resolved by the API (action groups expanded to action names,
/// an actor's email resolved to their id, the org to its path). Every field empty means "no condition".
struct AuditFilter
{
    std::string from; ///< RFC 3339, inclusive
    std::string to;   ///< RFC 3339, exclusive
    std::vector<std::string> actorIds;
    std::string actorDisplay; ///< exact, lower case (an address nobody has as an id: clients, deleted people)
    std::string subtreePath;  ///< events whose target lies in this org's subtree
    std::vector<std::string> actions;
    std::string targetType;
    std::string targetId;
    std::string target; ///< target id or display (case-insensitive exact)
    std::vector<std::string> outcomes;
    std::string clientAddress;
    std::string requestId;
    std::string text; ///< free text, case-insensitive substring

    /// The caller's visibility: subtree paths where they hold audit.read. Ignored when `everything`.
    std::vector<std::string> visiblePaths;
    bool everything = false; ///< audit.read at the root: also platform-level events (empty target path)
};

} // namespace trellis::server
