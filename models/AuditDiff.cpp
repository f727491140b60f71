#include "models/AuditDiff.h"

#include <map>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trellis::models {

namespace {

void flatten(const QJsonValue& value, const QString& prefix, std::map<QString, QJsonValue>& out)
{
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            flatten(it.value(), prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key(), out);
        return;
    }
    out[prefix] = value;
}

} // namespace

QString AuditDiff::valueText(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("null");
    }
    return QString();
}

std::vector<AuditChange> AuditDiff::compare(const QJsonValue& before, const QJsonValue& after)
{
    std::map<QString, QJsonValue> old;
    std::map<QString, QJsonValue> now;
    if (!before.isNull() && !before.isUndefined())
        flatten(before, QString(), old);
    if (!after.isNull() && !after.isUndefined())
        flatten(after, QString(), now);
    std::vector<AuditChange> changes;
    for (const auto& [key, value] : old) {
        const auto it = now.find(key);
        if (it == now.end())
            changes.push_back({AuditChange::Kind::Removed, key, valueText(value), QString()});
        else if (it->second != value)
            changes.push_back({AuditChange::Kind::Changed, key, valueText(value), valueText(it->second)});
    }
    for (const auto& [key, value] : now)
        if (!old.count(key))
            changes.push_back({AuditChange::Kind::Added, key, QString(), valueText(value)});
    // Keys in alphabetical order, whatever happened to them.
    std::stable_sort(changes.begin(), changes.end(),
                     [](const AuditChange& a, const AuditChange& b) { return a.key < b.key; });
    return changes;
}

} // namespace trellis::models
