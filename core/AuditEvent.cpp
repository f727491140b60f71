#include "core/AuditEvent.h"

#include "core/Encoding.h"

namespace trellis::core {

namespace {
nlohmann::json fields(const AuditEvent& e)
{
    // nlohmann::json objects keep keys sorted, so dump() of this is canonical.
    return nlohmann::json{
        {"sequence", e.sequence},
        {"id", e.id},
        {"occurredAt", e.occurredAt},
        {"actorType", e.actorType},
        {"actorId", e.actorId},
        {"actorDisplay", e.actorDisplay},
        {"actingOrgId", e.actingOrgId},
        {"delegationId", e.delegationId},
        {"action", e.action},
        {"targetType", e.targetType},
        {"targetId", e.targetId},
        {"targetDisplay", e.targetDisplay},
        {"targetOrgPath", e.targetOrgPath},
        {"outcome", e.outcome},
        {"reason", e.reason},
        {"clientAddress", e.clientAddress},
        {"userAgent", e.userAgent},
        {"requestId", e.requestId},
        {"before", e.before},
        {"after", e.after},
    };
}
} // namespace

std::string AuditEvent::canonicalEncoding() const
{
    return fields(*this).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string AuditEvent::computeHash() const
{
    return toHex(sha256(previousHash + "\n" + canonicalEncoding()));
}

void to_json(nlohmann::json& j, const AuditEvent& e)
{
    j = fields(e);
    j["previousHash"] = e.previousHash;
    j["hash"] = e.hash;
}

void from_json(const nlohmann::json& j, AuditEvent& e)
{
    e.sequence = j.value("sequence", std::int64_t(0));
    e.id = j.value("id", std::string());
    e.occurredAt = j.value("occurredAt", std::string());
    e.actorType = j.value("actorType", std::string());
    e.actorId = j.value("actorId", std::string());
    e.actorDisplay = j.value("actorDisplay", std::string());
    e.actingOrgId = j.value("actingOrgId", std::string());
    e.delegationId = j.value("delegationId", std::string());
    e.action = j.value("action", std::string());
    e.targetType = j.value("targetType", std::string());
    e.targetId = j.value("targetId", std::string());
    e.targetDisplay = j.value("targetDisplay", std::string());
    e.targetOrgPath = j.value("targetOrgPath", std::string());
    e.outcome = j.value("outcome", std::string());
    e.reason = j.value("reason", std::string());
    e.clientAddress = j.value("clientAddress", std::string());
    e.userAgent = j.value("userAgent", std::string());
    e.requestId = j.value("requestId", std::string());
    e.before = j.value("before", nlohmann::json());
    e.after = j.value("after", nlohmann::json());
    e.previousHash = j.value("previousHash", std::string());
    e.hash = j.value("hash", std::string());
}

} // namespace trellis::core
