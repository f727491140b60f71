#pragma once

#include <QHash>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace trellis::test {

/// Plays the user's browser over plain HTTP for the console's sign-in: follows redirects with cookies, fills the
/// hosted login forms (email, password) and stops after the redirect to the console's loopback listener, whose
/// page it keeps. Used until the Chromium-driven tests cover the console too.
class HttpBrowser
{
public:
    QString email = QStringLiteral("owner@acme.example");
    QString password = QStringLiteral("trellis-demo-2026");
    QByteArray acceptLanguage = "en";
    QString log;          ///< what happened, for failure messages
    QByteArray finalPage; ///< the loopback listener's page
    int finalStatus = 0;

    HttpBrowser()
    {
        m_network.setProxy(QNetworkProxy::NoProxy);
        m_network.setCookieJar(new QNetworkCookieJar(&m_network));
    }

    /// Follows `authorizeUrl` through the login pages to the loopback redirect. True when the listener answered.
    bool signIn(const QUrl& authorizeUrl)
    {
        QUrl url = authorizeUrl;
        QByteArray method = "GET";
        QByteArray body;
        for (int step = 0; step < 20; ++step) {
            QNetworkRequest request(url);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            request.setRawHeader("Accept-Language", acceptLanguage);
            request.setRawHeader("Accept", "text/html");
            if (method == "POST")
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply* reply = method == "POST" ? m_network.post(request, body) : m_network.get(request);
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000)) {
                log += QStringLiteral("timeout at %1\n").arg(url.toString());
                return false;
            }
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray page = reply->readAll();
            const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
            delete reply;
            log += QStringLiteral("%1 %2 -> %3\n").arg(QString::fromLatin1(method), url.path()).arg(status);
            if (url.host() == QLatin1String("127.0.0.1") && url.path() == QLatin1String("/callback")) {
                finalStatus = status;
                finalPage = page;
                return status == 200;
            }
            if (status >= 300 && status < 400 && location.isValid()) {
                url = url.resolved(location);
                method = "GET";
                body.clear();
                continue;
            }
            if (status != 200 && status != 400 && status != 401 && status != 422) {
                log += QString::fromUtf8(page.left(400)) + QLatin1Char('\n');
                return false;
            }
            if (!fillForm(url, page, &url, &method, &body)) {
                log += QStringLiteral("no form on the page:\n") + QString::fromUtf8(page.left(800)) + QLatin1Char('\n');
                return false;
            }
        }
        log += QStringLiteral("too many steps\n");
        return false;
    }

private:
    static QString attribute(const QString& tag, const QString& name)
    {
        const QRegularExpression re(QStringLiteral("\\b%1\\s*=\\s*\"([^\"]*)\"").arg(name),
                                    QRegularExpression::CaseInsensitiveOption);
        const auto match = re.match(tag);
        QString value = match.hasMatch() ? match.captured(1) : QString();
        value.replace(QStringLiteral("&amp;"), QStringLiteral("&"))
            .replace(QStringLiteral("&quot;"), QStringLiteral("\""));
        return value;
    }

    // The page's first POST form, filled in: hidden fields as given, email and password from the account.
    bool fillForm(const QUrl& pageUrl, const QByteArray& page, QUrl* url, QByteArray* method, QByteArray* body)
    {
        const QString html = QString::fromUtf8(page);
        const QRegularExpression formRe(QStringLiteral("<form\\b([^>]*)>(.*?)</form>"),
                                        QRegularExpression::CaseInsensitiveOption |
                                            QRegularExpression::DotMatchesEverythingOption);
        const auto form = formRe.match(html);
        if (!form.hasMatch())
            return false;
        const QString action = attribute(form.captured(1), QStringLiteral("action"));
        QUrlQuery fields;
        const QRegularExpression inputRe(QStringLiteral("<(input|button)\\b([^>]*)>"),
                                         QRegularExpression::CaseInsensitiveOption);
        bool filled = false;
        auto it = inputRe.globalMatch(form.captured(2));
        while (it.hasNext()) {
            const auto input = it.next();
            const QString tag = input.captured(2);
            const QString name = attribute(tag, QStringLiteral("name"));
            if (name.isEmpty())
                continue;
            const QString type = attribute(tag, QStringLiteral("type")).toLower();
            QString value = attribute(tag, QStringLiteral("value"));
            if (type == QLatin1String("password")) {
                value = password;
                filled = true;
            } else if (type == QLatin1String("email") || name.contains(QLatin1String("email")) ||
                       name == QLatin1String("identifier") || name == QLatin1String("username") ||
                       name == QLatin1String("login")) {
                value = email;
                filled = true;
            } else if (input.captured(1).toLower() == QLatin1String("button") || type == QLatin1String("submit")) {
                // Only the first submit button counts (the main action).
                if (fields.hasQueryItem(name))
                    continue;
            }
            fields.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        }
        if (!filled)
            log += QStringLiteral("(form without email or password fields)\n");
        *url = pageUrl.resolved(QUrl(action.isEmpty() ? pageUrl.toString() : action));
        *method = "POST";
        *body = fields.toString(QUrl::FullyEncoded).toLatin1();
        return true;
    }

    QNetworkAccessManager m_network;
};

} // namespace trellis::test
