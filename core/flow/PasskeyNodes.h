#pragma once

namespace trellis::core::flow {

class NodeCatalog;

/// Adds the passkey (WebAuthn) node types "passkey-signin" and "passkey-enrol" to a catalog.
///
/// Their screens ("passkey-signin", "passkey-enrol") have no input fields: the hosted page runs the WebAuthn
/// ceremony in script and posts the result as FlowInput values: "action" ("passkey", "cancel", "unsupported",
/// "other" at sign-in, "skip" at enrolment) and, for "passkey", the base64url members "credentialId",
/// "clientDataJSON", "attestationObject" and "transports" (comma-separated) when enrolling, or
/// "authenticatorData", "signature" and "userHandle" when signing in. A page without script posts "unsupported".
void addPasskeyNodes(NodeCatalog& catalog);

} // namespace trellis::core::flow
