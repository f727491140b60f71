#pragma once

namespace trellis::core::flow {

class NodeCatalog;

/// Adds the federation node types "home-realm-discovery" (identification) and "federated-signin" (authentication).
///
/// home-realm-discovery decides at once from the identified address's domain: "federated" when an enabled identity
/// provider claims the domain (remembered in facts "homeRealm"), "local" when a person has the address, "unknown"
/// otherwise. federated-signin shows the screen "federated-signin" whose data carries "authorizationUrl" (the hosted
/// login redirects the browser there, no page) and "provider"; the upstream's answer comes back as FlowInput
/// values "action" = "callback", "state", "code", "error", "iss". Any other action starts over with a fresh state.
void addFederationNodes(NodeCatalog& catalog);

} // namespace trellis::core::flow
