#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace trellis::core {

/// One entry of the append-only audit trail. Every state change writes exactly one, through the
/// server's single audit primitive, in the same transaction as the change itself.
struct AuditEvent
{
    std::int64_t sequence = 0; ///< assigned by the store, gap-free, defines chain order
    std::string id;            ///< uuid
    std::string occurredAt;    ///< RFC 3339 UTC
    std::string actorType;     ///< "user", "client", "system"
    std::string actorId;
    std::string actorDisplay;
    std::string actingOrgId;  ///< the org the actor acted for (empty for system)
    std::string delegationId; ///< the role assignment that allowed the action (empty when none)
    std::string action;       ///< closed list, e.g. "org.create", "token.issue", "auth.bootstrap"
    std::string targetType;   ///< "org", "user", "membership", "token", ...
    std::string targetId;
    std::string targetDisplay;
    std::string targetOrgPath; ///< org scope of the target, for subtree queries
    std::string outcome;       ///< "success", "denied", "failure"
    std::string reason;
    std::string clientAddress;
    std::string userAgent;
    std::string requestId;
    nlohmann::json before; ///< null or object, secrets redacted
    nlohmann::json after;
    std::string previousHash; ///< hex; empty for the first event
    std::string hash;         ///< hex SHA-256 over previousHash and canonicalEncoding()

    /// Deterministic encoding of every field except sequence-independent hashes (sorted keys, no spaces).
    std::string canonicalEncoding() const;
    /// The same bytes, with before and after given as their encodings (dump(-1, ' ', false, replace)), which the
    /// store writes anyway: saves encoding them twice.
    std::string canonicalEncoding(std::string_view beforeText, std::string_view afterText) const;
    /// hex(SHA-256(previousHash || "\n" || canonicalEncoding())).
    std::string computeHash() const;
    /// computeHash() with before and after given as their encodings.
    std::string computeHash(std::string_view beforeText, std::string_view afterText) const;
};

void to_json(nlohmann::json& j, const AuditEvent& e);
void from_json(const nlohmann::json& j, AuditEvent& e);

} // namespace trellis::core
