#pragma once

#include "core/crypto/SigningKey.h"
#include "core/crypto/VerificationKey.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {

/// A signed statement "the audit chain had this hash at this sequence at this time". Written at intervals and when
/// old events are purged (then it is the anchor the remaining chain starts from). Copied out of the database (the
/// API lists them, exports and archives carry them), a checkpoint proves the chain up to it was not rewritten later:
/// rewriting would change the hash, and the signature covers it.
struct AuditCheckpoint
{
    std::int64_t sequence = 0;
    std::string hash;         ///< the hash of event `sequence`
    std::string signedAt;     ///< RFC 3339 UTC
    std::string kind;         ///< "interval" or "anchor"
    std::string keyId;        ///< kid of the signing key (RFC 7638 thumbprint)
    std::string jws;          ///< compact JWS (ES256) over {"seq", "hash", "iat", "iss", "kind"}
    nlohmann::json publicJwk; ///< the signing key's public JWK, so an archive verifies without the server

    /// Signs with the server's active token signing key.
    static AuditCheckpoint sign(std::int64_t sequence, const std::string& hash, const std::string& signedAt,
                                const std::string& kind, const std::string& issuer, const crypto::SigningKey& key);

    /// True when the JWS verifies with one of `trusted` (or, when `trusted` is empty, with the embedded publicJwk)
    /// and its claims say exactly this sequence, hash and kind.
    bool signatureValid(const std::vector<crypto::VerificationKey>& trusted = {}) const;
};

void to_json(nlohmann::json& j, const AuditCheckpoint& c);
void from_json(const nlohmann::json& j, AuditCheckpoint& c);

} // namespace trellis::core
