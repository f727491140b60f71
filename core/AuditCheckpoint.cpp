#include "core/AuditCheckpoint.h"

#include "core/crypto/Jwt.h"

namespace trellis::core {

AuditCheckpoint AuditCheckpoint::sign(std::int64_t sequence, const std::string& hash, const std::string& signedAt,
                                      const std::string& kind, const std::string& issuer, const crypto::SigningKey& key)
{
    AuditCheckpoint c;
    c.sequence = sequence;
    c.hash = hash;
    c.signedAt = signedAt;
    c.kind = kind;
    c.keyId = key.kid();
    c.publicJwk = key.publicJwk();
    const nlohmann::json claims{
        {"seq", sequence}, {"hash", hash}, {"signedAt", signedAt}, {"kind", kind}, {"iss", issuer}};
    c.jws = crypto::Jwt::sign(key, claims, {{"typ", "trellis-audit-checkpoint"}});
    return c;
}

bool AuditCheckpoint::signatureValid(const std::vector<crypto::VerificationKey>& trusted) const
{
    std::vector<crypto::VerificationKey> keys = trusted;
    if (keys.empty()) {
        auto embedded = crypto::VerificationKey::fromJwk(publicJwk);
        if (!embedded)
            return false;
        keys.push_back(std::move(*embedded));
    }
    const crypto::Jwt::Verified verified = crypto::Jwt::verify(jws, keys);
    if (!verified)
        return false;
    const nlohmann::json& claims = verified.claims;
    return claims.value("seq", std::int64_t(-1)) == sequence && claims.value("hash", std::string()) == hash &&
           claims.value("kind", std::string()) == kind && claims.value("signedAt", std::string()) == signedAt &&
           verified.header.value("typ", std::string()) == "trellis-audit-checkpoint";
}

void to_json(nlohmann::json& j, const AuditCheckpoint& c)
{
    j = nlohmann::json{{"sequence", c.sequence}, {"hash", c.hash}, {"signedAt", c.signedAt},  {"kind", c.kind},
                       {"keyId", c.keyId},       {"jws", c.jws},   {"publicJwk", c.publicJwk}};
}

void from_json(const nlohmann::json& j, AuditCheckpoint& c)
{
    c.sequence = j.value("sequence", std::int64_t(0));
    c.hash = j.value("hash", std::string());
    c.signedAt = j.value("signedAt", std::string());
    c.kind = j.value("kind", std::string());
    c.keyId = j.value("keyId", std::string());
    c.jws = j.value("jws", std::string());
    c.publicJwk = j.value("publicJwk", nlohmann::json());
}

} // namespace trellis::core
