#pragma once

#include "core/flow/FlowDocument.h"
#include "core/flow/FlowResolver.h"
#include "core/flow/NodeCatalog.h"

#include <nlohmann/json.hpp>

namespace trellis::core::flow {

/// Runs a flow against a described person instead of a real one: the designer's "what happens if..." panel
/// and `POST /api/v1/flows/{id}/simulate`. It drives the real FlowInterpreter over scenario-driven
/// FlowServices; nothing is stored, sent or audited.
///
/// Scenario (every key optional): {email, userExists, hasPassword, password: "ok"|"wrong"|"locked", hasTotp,
/// totp: "ok"|"wrong", passkey: "ok"|"none"|"fail"|"unsupported", magicLink: "clicked"|"expired",
/// emailCode: "ok"|"wrong", device: "known"|"new", address, country (where the person signed in from before:
/// compared with the country the risk node's table gives `address`), hour, orgId, clientId,
/// memberships: [orgId...], identityProvider: true|{id, name, orgId} (the domain is federated),
/// federated: "ok"|"new"|"no-account"|"fail" (what happens at the upstream identity provider), forcedRisk:
/// null|"low"|"medium"|"high", answers: {nodeId: {field: value}}}.
///
/// Every screen is answered from the scenario (identify types `email`, password/code screens are judged by
/// `password`/`totp`/`emailCode`, a magic link is opened or left to expire, the first organisation is chosen,
/// terms are accepted, profile fields filled) unless `answers` has values for that node.
///
/// Result: {"steps": [{nodeId, type, outcome, screen?, facts, events}], "result": "success"|"failure"|"stopped",
/// "message"}. "stopped" when a screen cannot be answered or after maxInteractions screens (a loop that never
/// ends for this person).
class FlowSimulator
{
public:
    static constexpr int maxInteractions = 50;

    explicit FlowSimulator(const NodeCatalog& catalog = NodeCatalog::builtin(), const FlowResolver* resolver = nullptr);

    nlohmann::json run(const FlowDocument& flow, const nlohmann::json& scenario) const;

private:
    const NodeCatalog& m_catalog;
    const FlowResolver* m_resolver;
};

} // namespace trellis::core::flow
