#include "client/MemberQuery.h"

#include <QUrl>

namespace trellis::client {

QString MemberQuery::toQueryString() const
{
    QStringList parts;
    const auto add = [&parts](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
    };
    if (subtree)
        add("subtree", QStringLiteral("true"));
    add("status", status);
    add("source", source);
    add("role", role);
    if (inactiveDays > 0)
        add("inactiveDays", QString::number(inactiveDays));
    add("q", text.trimmed());
    if (sort != QLatin1String("name"))
        add("sort", sort);
    return parts.join(QLatin1Char('&'));
}

} // namespace trellis::client
