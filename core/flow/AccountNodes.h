#pragma once

namespace trellis::core::flow {

class NodeCatalog;

/// Slice B's node types: magic-link, email-code (authentication); risk-assessment, subflow (logic);
/// choose-organisation, accept-terms, collect-profile (account). Called once from addBuiltinNodes.
void addAccountNodes(NodeCatalog& catalog);
/// The condition node (logic), registered where the built-in list had it.
void addConditionNode(NodeCatalog& catalog);

} // namespace trellis::core::flow
