#pragma once

namespace trellis::core::flow {

class NodeCatalog;

/// Adds the sign-in node types (identify, password, TOTP verify and enrol, retry limit, condition, success,
/// failure) to a catalog. Later node types are added the same way: one NodeType entry and its behaviour.
void addBuiltinNodes(NodeCatalog& catalog);

} // namespace trellis::core::flow
