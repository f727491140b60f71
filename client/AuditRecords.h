#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QJsonValue>
#include <QMetaType>
#include <QString>

namespace trellis::client {

/// The audit API's records (docs/api/openapi.yaml, "audit"), decoded from JSON.

/// One audit event.
struct AuditEvent
{
    qint64 sequence = 0;
    QString id;
    QDateTime occurredAt;
    QString actorType; ///< "user", "client", "system"
    QString actorId;
    QString actorDisplay;
    QString actingOrgId;
    QString delegationId;
    QString action;
    QString targetType;
    QString targetId;
    QString targetDisplay;
    QString targetOrgPath;
    QString outcome; ///< "success", "denied", "failure"
    QString reason;
    QString clientAddress;
    QString userAgent;
    QString requestId;
    QJsonValue before; ///< Null when there is none; secrets arrive redacted
    QJsonValue after;
    QString previousHash;
    QString hash;

    static AuditEvent fromJson(const nlohmann::json& j);
    /// Parses the compact JSON the cache keeps (the server's own object); nullopt when it is not an event.
    static std::optional<AuditEvent> fromJsonText(const QByteArray& text);
};

/// One page of GET /audit/events: `nextBefore` (newest-first paging) or `nextAfter` (oldest-first) is 0 when no more
/// events follow.
struct AuditEventPage
{
    std::vector<AuditEvent> events;
    std::vector<QByteArray> rawEvents; ///< each event's compact JSON, for the local cache
    qint64 nextBefore = 0;
    qint64 nextAfter = 0;
};

/// Counts of one bucket of GET /audit/histogram.
struct AuditBucket
{
    QDateTime start;
    int success = 0;
    int denied = 0;
    int failure = 0;

    int total() const { return success + denied + failure; }
};

struct AuditHistogram
{
    QString bucket; ///< "minute", "hour", "day"
    std::vector<AuditBucket> buckets;

    qint64 bucketSeconds() const;
    qint64 total() const;
};

struct AuditActionInfo
{
    QString name;
    QString group;
    QString description;
};

struct AuditGroupInfo
{
    QString name;
    QString description;
};

/// GET /audit/actions: the closed list of action names and their groups.
struct AuditActionCatalog
{
    std::vector<AuditActionInfo> actions;
    std::vector<AuditGroupInfo> groups;
};

/// POST /audit/verify: whether the hash chain is intact. A broken chain is a result (ok false), not a failure.
struct AuditVerifyResult
{
    bool ok = false;
    qint64 checkedEvents = 0;
    qint64 firstSequence = 0;
    qint64 lastSequence = 0;
    std::optional<qint64> anchorSequence; ///< where the chain starts after older events were purged
    struct Checkpoint
    {
        qint64 sequence = 0;
        QString hash;
        QDateTime signedAt;
        QString keyId;
        bool signatureValid = false;
    };
    std::optional<Checkpoint> checkpoint;
    std::optional<qint64> problemSequence;
    QString problemMessage;
};

/// One link of GET /audit/delegations/{id}/chain (the first link is the assignment itself).
struct DelegationLink
{
    QString assignmentId;
    QString roleKey;
    QString roleName;
    QString orgId;
    QString orgName;
    QString userId;
    QString userDisplay;
    QString grantedById;
    QString grantedByDisplay;
    QDateTime grantedAt;
    QDateTime revokedAt; ///< invalid while the assignment is live
    QString viaAssignmentId;
};

AuditEventPage auditEventPageFromJson(const nlohmann::json& j);
AuditHistogram auditHistogramFromJson(const nlohmann::json& j);
AuditActionCatalog auditActionCatalogFromJson(const nlohmann::json& j);
AuditVerifyResult auditVerifyResultFromJson(const nlohmann::json& j);
std::vector<DelegationLink> delegationChainFromJson(const nlohmann::json& j);

} // namespace trellis::client

Q_DECLARE_METATYPE(trellis::client::AuditEvent)
