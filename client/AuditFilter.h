#pragma once

#include <optional>

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace trellis::client {

/// The filters of the audit trail (shared by GET /audit/events, /audit/histogram and /audit/export), with a shareable
/// text form ("trellis-audit:" + base64url of a query string) that can be pasted back. Empty means "no filter".
struct AuditFilter
{
    /// A range relative to now ("1h", "24h", "7d", "30d"); when set it wins over from/to, so a saved or shared
    /// "last 24 hours" means the last 24 hours whenever it is applied.
    QString range;
    QDateTime from; ///< inclusive, UTC
    QDateTime to;   ///< exclusive, UTC
    QString actor;  ///< actor id or e-mail
    QString org;    ///< organisation id (its subtree)
    QStringList groups;
    QStringList actions;
    QStringList outcomes; ///< "success", "denied", "failure"
    QString targetType;
    QString targetId;
    QString target; ///< target id or display
    QString clientAddress;
    QString requestId;
    QString text; ///< free text (q)

    bool operator==(const AuditFilter&) const = default;
    bool isEmpty() const { return *this == AuditFilter(); }

    /// The relative ranges, in the order the console offers them.
    static QStringList ranges();
    /// How long `range` reaches back in seconds (0 for an unknown range).
    static qint64 rangeSeconds(const QString& range);

    /// from/to with a relative range turned into absolute times as of `now`.
    AuditFilter resolved(const QDateTime& now) const;
    /// The API query string (without limit and cursors), keys in a fixed order; a relative range is resolved at `now`.
    QString toQuery(const QDateTime& now) const;
    /// A canonical form that keeps a relative range relative: the same filter always gives the same key.
    QString canonical() const;

    /// The shareable form: "trellis-audit:" + base64url(canonical()).
    QString toLink() const;
    /// Parses a link (surrounding white space is ignored); nullopt with the reason in `error` when it is not one.
    static std::optional<AuditFilter> fromLink(const QString& link, QString* error = nullptr);
    /// Parses a canonical query string; nullopt with the reason in `error` on an unknown key or value.
    static std::optional<AuditFilter> fromCanonical(const QString& query, QString* error = nullptr);

    static QString linkPrefix();
};

} // namespace trellis::client
