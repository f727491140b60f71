#include "client/AuditRecords.h"

#include <nlohmann/json.hpp>

#include <QJsonArray>
#include <QJsonDocument>

namespace trellis::client {

namespace {

QString str(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return QString();
    return QString::fromStdString(it->get<std::string>());
}

qint64 integer(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_number_integer())
        return 0;
    return it->get<qint64>();
}

QDateTime time(const nlohmann::json& j, const char* key)
{
    const QString text = str(j, key);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

// before/after are arbitrary JSON; they travel to Qt's JSON types through their text.
QJsonValue qtJson(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return QJsonValue(QJsonValue::Null);
    const QByteArray wrapped = QByteArray::fromStdString(nlohmann::json::array({*it}).dump());
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped);
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(QJsonValue::Null);
}

} // namespace

AuditEvent AuditEvent::fromJson(const nlohmann::json& j)
{
    if (!j.is_object() || !j.contains("sequence"))
        throw std::runtime_error("not an audit event");
    AuditEvent e;
    e.sequence = integer(j, "sequence");
    e.id = str(j, "id");
    e.occurredAt = time(j, "occurredAt");
    e.actorType = str(j, "actorType");
    e.actorId = str(j, "actorId");
    e.actorDisplay = str(j, "actorDisplay");
    e.actingOrgId = str(j, "actingOrgId");
    e.delegationId = str(j, "delegationId");
    e.action = str(j, "action");
    e.targetType = str(j, "targetType");
    e.targetId = str(j, "targetId");
    e.targetDisplay = str(j, "targetDisplay");
    e.targetOrgPath = str(j, "targetOrgPath");
    e.outcome = str(j, "outcome");
    e.reason = str(j, "reason");
    e.clientAddress = str(j, "clientAddress");
    e.userAgent = str(j, "userAgent");
    e.requestId = str(j, "requestId");
    e.before = qtJson(j, "before");
    e.after = qtJson(j, "after");
    e.previousHash = str(j, "previousHash");
    e.hash = str(j, "hash");
    return e;
}

std::optional<AuditEvent> AuditEvent::fromJsonText(const QByteArray& text)
{
    const auto j = nlohmann::json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return std::nullopt;
    try {
        return fromJson(j);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

qint64 AuditHistogram::bucketSeconds() const
{
    if (bucket == QLatin1String("minute"))
        return 60;
    if (bucket == QLatin1String("day"))
        return 24 * 3600;
    return 3600;
}

qint64 AuditHistogram::total() const
{
    qint64 sum = 0;
    for (const auto& b : buckets)
        sum += b.total();
    return sum;
}

AuditEventPage auditEventPageFromJson(const nlohmann::json& j)
{
    AuditEventPage page;
    for (const auto& item : j.at("events")) {
        page.events.push_back(AuditEvent::fromJson(item));
        page.rawEvents.push_back(QByteArray::fromStdString(item.dump()));
    }
    page.nextBefore = integer(j, "nextBefore");
    page.nextAfter = integer(j, "nextAfter");
    return page;
}

AuditHistogram auditHistogramFromJson(const nlohmann::json& j)
{
    AuditHistogram h;
    h.bucket = str(j, "bucket");
    for (const auto& item : j.at("buckets")) {
        AuditBucket b;
        b.start = time(item, "start");
        b.success = static_cast<int>(integer(item, "success"));
        b.denied = static_cast<int>(integer(item, "denied"));
        b.failure = static_cast<int>(integer(item, "failure"));
        h.buckets.push_back(b);
    }
    return h;
}

AuditActionCatalog auditActionCatalogFromJson(const nlohmann::json& j)
{
    AuditActionCatalog c;
    for (const auto& item : j.at("actions"))
        c.actions.push_back({str(item, "name"), str(item, "group"), str(item, "description")});
    for (const auto& item : j.value("groups", nlohmann::json::array()))
        c.groups.push_back({str(item, "name"), str(item, "description")});
    return c;
}

AuditVerifyResult auditVerifyResultFromJson(const nlohmann::json& j)
{
    AuditVerifyResult r;
    r.ok = j.at("ok").get<bool>();
    r.checkedEvents = integer(j, "checkedEvents");
    r.firstSequence = integer(j, "firstSequence");
    r.lastSequence = integer(j, "lastSequence");
    if (const auto it = j.find("anchor"); it != j.end() && it->is_object())
        r.anchorSequence = integer(*it, "sequence");
    if (const auto it = j.find("checkpoint"); it != j.end() && it->is_object()) {
        AuditVerifyResult::Checkpoint c;
        c.sequence = integer(*it, "sequence");
        c.hash = str(*it, "hash");
        c.signedAt = time(*it, "signedAt");
        c.keyId = str(*it, "keyId");
        c.signatureValid = it->value("signatureValid", false);
        r.checkpoint = c;
    }
    if (const auto it = j.find("problem"); it != j.end() && it->is_object()) {
        r.problemSequence = integer(*it, "sequence");
        r.problemMessage = str(*it, "message");
    }
    return r;
}

std::vector<DelegationLink> delegationChainFromJson(const nlohmann::json& j)
{
    std::vector<DelegationLink> links;
    for (const auto& item : j.at("links")) {
        DelegationLink l;
        l.assignmentId = str(item, "assignmentId");
        l.roleKey = str(item, "roleKey");
        l.roleName = str(item, "roleName");
        l.orgId = str(item, "orgId");
        l.orgName = str(item, "orgName");
        l.userId = str(item, "userId");
        l.userDisplay = str(item, "userDisplay");
        l.grantedById = str(item, "grantedById");
        l.grantedByDisplay = str(item, "grantedByDisplay");
        l.grantedAt = time(item, "grantedAt");
        l.revokedAt = time(item, "revokedAt");
        l.viaAssignmentId = str(item, "viaAssignmentId");
        links.push_back(l);
    }
    return links;
}

} // namespace trellis::client
