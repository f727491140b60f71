#pragma once

#include <vector>

#include <QJsonValue>
#include <QString>

namespace trellis::models {

/// One difference between an audit event's before and after.
struct AuditChange
{
    enum class Kind
    {
        Added,
        Removed,
        Changed
    };
    Kind kind = Kind::Changed;
    QString key;    ///< dotted path into nested objects ("attributes.region"); empty for a whole value
    QString before; ///< compact JSON text of the old value (empty when added)
    QString after;  ///< compact JSON text of the new value (empty when removed)
};

/// Compares an event's before and after key by key (nested objects by dotted path, arrays as whole values), so a
/// reviewer reads what changed instead of two JSON blobs.
class AuditDiff
{
public:
    static std::vector<AuditChange> compare(const QJsonValue& before, const QJsonValue& after);
    /// A value as short readable text: strings without quotes, everything else as compact JSON.
    static QString valueText(const QJsonValue& value);
};

} // namespace trellis::models
