#include "tests/login/ConsoleTokenGrant.h"

#include "core/crypto/Pkce.h"
#include "tests/login/LoginBrowser.h"

#include <QUrlQuery>

namespace trellis::test {

namespace {

const QString kRedirect = QStringLiteral("http://127.0.0.1:45679/callback");
const QString kClient = QStringLiteral("trellis-console");

QByteArray form(const QList<QPair<QString, QString>>& fields)
{
    QUrlQuery query;
    for (const auto& [name, value] : fields)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return query.query(QUrl::FullyEncoded).toUtf8();
}

} // namespace

QString consoleRefreshToken(const QUrl& server, const QString& email, const QString& password)
{
    const std::string verifier = core::crypto::Pkce::newVerifier();
    const QByteArray authorize =
        form({{QStringLiteral("client_id"), kClient},
              {QStringLiteral("redirect_uri"), kRedirect},
              {QStringLiteral("response_type"), QStringLiteral("code")},
              {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")},
              {QStringLiteral("state"), QStringLiteral("test")},
              {QStringLiteral("code_challenge"), QString::fromStdString(core::crypto::Pkce::s256Challenge(verifier))},
              {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}});
    LoginBrowser browser(server);
    const HttpResult identify = browser.open(QStringLiteral("/oauth2/authorize?") + QString::fromUtf8(authorize));
    if (identify.status != 200)
        return {};
    browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}});
    const HttpResult done =
        browser.submit({{QStringLiteral("node"), QStringLiteral("password")}, {QStringLiteral("password"), password}});
    if (done.status != 303) {
        qWarning("sign-in of %s failed: %s", qPrintable(email), done.describe().left(300).constData());
        return {};
    }
    const QString code = QUrlQuery(QUrl(QString::fromUtf8(done.header("Location"))))
                             .queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    TestHttpClient http(server);
    const HttpResult tokens = http.send("POST", QStringLiteral("/oauth2/token"),
                                        form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                              {QStringLiteral("code"), code},
                                              {QStringLiteral("redirect_uri"), kRedirect},
                                              {QStringLiteral("client_id"), kClient},
                                              {QStringLiteral("code_verifier"), QString::fromStdString(verifier)}}),
                                        "application/x-www-form-urlencoded");
    return tokens.object().value(QStringLiteral("refresh_token")).toString();
}

HttpResult refreshConsoleToken(const QUrl& server, const QString& refreshToken)
{
    TestHttpClient http(server);
    return http.send("POST", QStringLiteral("/oauth2/token"),
                     form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                           {QStringLiteral("refresh_token"), refreshToken},
                           {QStringLiteral("client_id"), kClient}}),
                     "application/x-www-form-urlencoded");
}

} // namespace trellis::test
