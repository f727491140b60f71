#include "client/AuditFilter.h"

#include <QCoreApplication>
#include <QUrl>
#include <QUrlQuery>

namespace trellis::client {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("trellis::client::AuditFilter", text);
}

// Whole seconds: trellisd takes RFC 3339 times without fractions. `from` (inclusive) rounds down and `to`
// (exclusive) rounds up, so the range never loses an event.
QString rfc3339(const QDateTime& time, bool roundUp)
{
    QDateTime t = time.toUTC();
    const int ms = t.time().msec();
    if (ms != 0)
        t = t.addMSecs(roundUp ? 1000 - ms : -ms);
    return t.toString(Qt::ISODate);
}

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString joined(const QStringList& values)
{
    QStringList clean;
    for (const QString& v : values) {
        const QString t = v.trimmed();
        if (!t.isEmpty() && !clean.contains(t))
            clean << t;
    }
    return clean.join(QLatin1Char(','));
}

QStringList split(const QString& value)
{
    QStringList out;
    for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = part.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

// The parameters every form shares, in a fixed order; `times` adds from/to (absolute) or range (relative).
QString build(const AuditFilter& f, bool keepRange)
{
    QStringList parts;
    const auto add = [&parts](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + encoded(value.trimmed());
    };
    if (keepRange && !f.range.isEmpty()) {
        add("range", f.range);
    } else {
        if (f.from.isValid())
            add("from", rfc3339(f.from, false));
        if (f.to.isValid())
            add("to", rfc3339(f.to, true));
    }
    add("actor", f.actor);
    add("org", f.org);
    add("group", joined(f.groups));
    add("action", joined(f.actions));
    add("outcome", joined(f.outcomes));
    add("targetType", f.targetType);
    add("targetId", f.targetId);
    add("target", f.target);
    add("clientAddress", f.clientAddress);
    add("requestId", f.requestId);
    add("q", f.text);
    return parts.join(QLatin1Char('&'));
}

} // namespace

QStringList AuditFilter::ranges()
{
    return {QStringLiteral("1h"), QStringLiteral("24h"), QStringLiteral("7d"), QStringLiteral("30d")};
}

qint64 AuditFilter::rangeSeconds(const QString& range)
{
    if (range == QLatin1String("1h"))
        return 3600;
    if (range == QLatin1String("24h"))
        return 24 * 3600;
    if (range == QLatin1String("7d"))
        return 7 * 24 * 3600;
    if (range == QLatin1String("30d"))
        return 30 * 24 * 3600;
    return 0;
}

AuditFilter AuditFilter::resolved(const QDateTime& now) const
{
    AuditFilter copy = *this;
    if (const qint64 seconds = rangeSeconds(range); seconds > 0) {
        copy.from = now.toUTC().addSecs(-seconds);
        copy.to = QDateTime();
    }
    copy.range.clear();
    return copy;
}

QString AuditFilter::toQuery(const QDateTime& now) const
{
    return build(resolved(now), false);
}

QString AuditFilter::canonical() const
{
    return build(*this, true);
}

QString AuditFilter::linkPrefix()
{
    return QStringLiteral("trellis-audit:");
}

QString AuditFilter::toLink() const
{
    return linkPrefix() + QString::fromLatin1(canonical().toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                                            QByteArray::OmitTrailingEquals));
}

std::optional<AuditFilter> AuditFilter::fromLink(const QString& link, QString* error)
{
    const QString text = link.trimmed();
    if (!text.startsWith(linkPrefix())) {
        if (error)
            *error = tr("This is not an audit filter link (it should start with \"%1\").").arg(linkPrefix());
        return std::nullopt;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(text.mid(linkPrefix().size()).toLatin1(),
                                       QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        if (error)
            *error = tr("The audit filter link is damaged (it was perhaps cut off when copied).");
        return std::nullopt;
    }
    return fromCanonical(QString::fromUtf8(*decoded), error);
}

std::optional<AuditFilter> AuditFilter::fromCanonical(const QString& query, QString* error)
{
    const auto fail = [error](const QString& message) -> std::optional<AuditFilter> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    AuditFilter f;
    const QUrlQuery parsed(query);
    for (const auto& [key, rawValue] : parsed.queryItems(QUrl::FullyDecoded)) {
        const QString value = rawValue.trimmed();
        const auto time = [&](QDateTime* target) {
            *target = QDateTime::fromString(value, Qt::ISODateWithMs);
            if (!target->isValid())
                *target = QDateTime::fromString(value, Qt::ISODate);
            return target->isValid();
        };
        if (key == QLatin1String("range")) {
            if (rangeSeconds(value) == 0)
                return fail(tr("The link names an unknown time range \"%1\".").arg(value));
            f.range = value;
        } else if (key == QLatin1String("from")) {
            if (!time(&f.from))
                return fail(tr("The link's start time \"%1\" is not a valid time.").arg(value));
        } else if (key == QLatin1String("to")) {
            if (!time(&f.to))
                return fail(tr("The link's end time \"%1\" is not a valid time.").arg(value));
        } else if (key == QLatin1String("actor")) {
            f.actor = value;
        } else if (key == QLatin1String("org")) {
            f.org = value;
        } else if (key == QLatin1String("group")) {
            f.groups = split(value);
        } else if (key == QLatin1String("action")) {
            f.actions = split(value);
        } else if (key == QLatin1String("outcome")) {
            f.outcomes = split(value);
            for (const QString& outcome : f.outcomes)
                if (outcome != QLatin1String("success") && outcome != QLatin1String("denied") &&
                    outcome != QLatin1String("failure"))
                    return fail(tr("The link names an unknown outcome \"%1\".").arg(outcome));
        } else if (key == QLatin1String("targetType")) {
            f.targetType = value;
        } else if (key == QLatin1String("targetId")) {
            f.targetId = value;
        } else if (key == QLatin1String("target")) {
            f.target = value;
        } else if (key == QLatin1String("clientAddress")) {
            f.clientAddress = value;
        } else if (key == QLatin1String("requestId")) {
            f.requestId = value;
        } else if (key == QLatin1String("q")) {
            f.text = value;
        } else {
            return fail(tr("The link contains a filter this console does not know (\"%1\").").arg(key));
        }
    }
    if (f.from.isValid() && f.to.isValid() && f.from >= f.to)
        return fail(tr("The link's time range ends before it starts."));
    return f;
}

} // namespace trellis::client
