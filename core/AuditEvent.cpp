#include "core/AuditEvent.h"

#include "core/Encoding.h"

#include <algorithm>

namespace trellis::core {

namespace {
nlohmann::json fields(const AuditEvent& e)
{
    // The event as JSON for exports and archives (nlohmann::json objects keep their keys sorted).
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

std::string dumpValue(const nlohmann::json& value)
{
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A JSON string as nlohmann::json::dump(-1, ' ', false, replace) writes it. Printable ASCII without quote or
// backslash is written as it is; anything else (control characters, UTF-8, invalid bytes) goes through nlohmann.
void appendString(std::string& out, const std::string& text)
{
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
    });
    if (!plain) {
        out += dumpValue(text);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}
} // namespace

std::string AuditEvent::canonicalEncoding() const
{
    return canonicalEncoding(dumpValue(before), dumpValue(after));
}

std::string AuditEvent::canonicalEncoding(std::string_view beforeText, std::string_view afterText) const
{
    // Written field by field in the order a nlohmann::json object (std::map, byte order) keeps the keys: the bytes
    // every existing hash covers, without building that object for each event (tst_audit compares the two).
    std::string out;
    out.reserve(400 + beforeText.size() + afterText.size());
    const auto text = [&](const char* key, const std::string& value) {
        out += '"';
        out += key;
        out += "\":";
        appendString(out, value);
        out += ',';
    };
    const auto raw = [&](const char* key, std::string_view value) {
        out += '"';
        out += key;
        out += "\":";
        out += value;
        out += ',';
    };
    out += '{';
    text("actingOrgId", actingOrgId);
    text("action", action);
    text("actorDisplay", actorDisplay);
    text("actorId", actorId);
    text("actorType", actorType);
    raw("after", afterText);
    raw("before", beforeText);
    text("clientAddress", clientAddress);
    text("delegationId", delegationId);
    text("id", id);
    text("occurredAt", occurredAt);
    text("outcome", outcome);
    text("reason", reason);
    text("requestId", requestId);
    raw("sequence", std::to_string(sequence));
    text("targetDisplay", targetDisplay);
    text("targetId", targetId);
    text("targetOrgPath", targetOrgPath);
    text("targetType", targetType);
    text("userAgent", userAgent);
    out.back() = '}';
    return out;
}

std::string AuditEvent::computeHash() const
{
    return computeHash(dumpValue(before), dumpValue(after));
}

std::string AuditEvent::computeHash(std::string_view beforeText, std::string_view afterText) const
{
    std::string input;
    input.reserve(previousHash.size() + 1 + 400 + beforeText.size() + afterText.size());
    input += previousHash;
    input += '\n';
    input += canonicalEncoding(beforeText, afterText);
    return toHex(sha256(input));
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
