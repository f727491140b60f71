#include "tests/login/LoginBrowser.h"

#include <QRegularExpression>

namespace trellis::test {

LoginBrowser::LoginBrowser(const QUrl& baseUrl)
    : m_http(baseUrl)
{
}

HttpResult LoginBrowser::remember(HttpResult result)
{
    const QString csrf = hidden(result.body, QStringLiteral("csrf"));
    if (!csrf.isEmpty())
        m_csrf = csrf;
    return result;
}

HttpResult LoginBrowser::get(const QString& pathAndQuery)
{
    return remember(m_http.send("GET", pathAndQuery, {}, {}, {{"Accept-Language", m_language}}));
}

HttpResult LoginBrowser::submit(const QList<QPair<QString, QString>>& fields, bool withCsrf)
{
    return submitTo(QStringLiteral("/login/flow"), fields, withCsrf);
}

HttpResult LoginBrowser::submitTo(const QString& path, const QList<QPair<QString, QString>>& fields, bool withCsrf)
{
    QByteArray body;
    const auto add = [&body](const QString& name, const QString& value) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    };
    if (withCsrf)
        add(QStringLiteral("csrf"), m_csrf);
    for (const auto& [name, value] : fields)
        add(name, value);
    return remember(
        m_http.send("POST", path, body, "application/x-www-form-urlencoded", {{"Accept-Language", m_language}}));
}

HttpResult LoginBrowser::open(const QString& pathAndQuery)
{
    HttpResult result = get(pathAndQuery);
    for (int hops = 0; hops < 5 && result.status == 303 && result.header("Location").startsWith('/'); ++hops)
        result = get(QString::fromUtf8(result.header("Location")));
    return result;
}

QString LoginBrowser::hidden(const QByteArray& body, const QString& name)
{
    const QRegularExpression re(QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(body)).captured(1);
}

QString LoginBrowser::attribute(const QByteArray& body, const QString& name)
{
    const QRegularExpression re(QStringLiteral("data-%1=\"([^\"]*)\"").arg(name));
    return re.match(QString::fromUtf8(body)).captured(1);
}

} // namespace trellis::test
