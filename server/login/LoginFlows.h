#pragma once

#include "core/flow/FlowDocument.h"

#include <memory>
#include <string>

namespace trellis::server {

class Database;

/// Which journey the hosted login runs. A flow session's key names it: "builtin:..." for the journeys compiled in,
/// "flow:<flowId>@<version>" for a published version (so a sign-in finishes on the version it started with).
/// Documents of published versions never change, so they are parsed once per process and cached by key.
class LoginFlows
{
public:
    static constexpr const char* defaultKey = "builtin:default";
    static constexpr const char* mfaKey = "builtin:default-mfa";
    /// The second factor alone (verify, or enrol when the person has none): after a designed flow succeeds without
    /// the second factor the application asked for (acr_values) or an admin's MFA reset demands.
    static constexpr const char* stepUpKey = "builtin:step-up";

    explicit LoginFlows(const Database& db)
        : m_db(db)
    {
    }

    static std::string keyFor(const std::string& flowId, int version);
    /// The flow id of a "flow:" key; empty for built-in ones.
    static std::string flowIdOf(const std::string& key);
    static bool isBuiltin(const std::string& key);

    /// The key of the flow bound for this org (materialised path) and application; empty when none applies.
    std::string boundKey(const std::string& orgPath, const std::string& clientId) const;
    /// The document behind a key; null when the key names nothing (a deleted flow, a corrupted session).
    std::shared_ptr<const core::flow::FlowDocument> document(const std::string& key) const;

    /// The first identify node reached from the start (breadth-first, outcomes in name order); empty
    /// when there is none.
    static std::string firstIdentifyNode(const core::flow::FlowDocument& document);
    /// Identifier-first routing: the key every live membership of the person resolves to for this application,
    /// when they all agree on one bound flow other than the one `currentKey` runs; empty otherwise.
    std::string routeFor(const std::string& userId, const std::string& clientId, const std::string& currentKey) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
