#pragma once

#include "tests/common/TestHttpClient.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace trellis::test {

/// One browser for the hosted-login tests: TestHttpClient (its QNetworkAccessManager keeps the cookies, like a
/// browser profile) with redirects followed by hand, so each hop can be checked, and form helpers.
class LoginBrowser
{
public:
    explicit LoginBrowser(const QUrl& baseUrl);

    void setAcceptLanguage(const QByteArray& value) { m_language = value; }
    HttpResult get(const QString& pathAndQuery);
    /// Posts the form fields (form-encoded) to /login/flow; `csrf` defaults to the token of the last page.
    HttpResult submit(const QList<QPair<QString, QString>>& fields, bool withCsrf = true);
    /// Like submit(), to another form action (e.g. /invite).
    HttpResult submitTo(const QString& path, const QList<QPair<QString, QString>>& fields, bool withCsrf = true);
    /// GET, then follows Location headers that stay on the server (relative ones) until a page or an outside
    /// redirect; returns the last response.
    HttpResult open(const QString& pathAndQuery);

    /// The hidden CSRF token, node id, or a `data-<name>` attribute of the last page; empty when absent.
    QString lastCsrf() const { return m_csrf; }
    static QString hidden(const QByteArray& body, const QString& name);
    static QString attribute(const QByteArray& body, const QString& name);

private:
    HttpResult remember(HttpResult result);

    TestHttpClient m_http;
    QByteArray m_language = "en";
    QString m_csrf;
};

} // namespace trellis::test
