// The loopback redirect receiver and the sign-in client's PKCE, state and time-out handling, with real HTTP requests
// on loopback. The authorization server here is a few lines answering discovery and /oauth2/token so the test can
// see exactly what the console sends; the full sign-in against trellisd lives in the session tests.
#include "client/SignInClient.h"

#include "client/LoopbackReceiver.h"
#include "core/crypto/Pkce.h"

#include <optional>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using trellis::client::LoopbackReceiver;
using trellis::client::SignInClient;

namespace {

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

HttpAnswer get(const QUrl& url, const QByteArray& acceptLanguage = {})
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    if (!acceptLanguage.isEmpty())
        request.setRawHeader("Accept-Language", acceptLanguage);
    QNetworkReply* reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
        return {};
    HttpAnswer answer{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return answer;
}

// Answers GET /.well-known/openid-configuration and POST /oauth2/token; remembers the token request's form.
class TinyAuthorizationServer : public QObject
{
public:
    TinyAuthorizationServer()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QUrlQuery lastTokenForm;

private:
    void serve(QTcpSocket* socket)
    {
        m_buffer += socket->readAll();
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = m_buffer.left(end);
        qsizetype length = 0;
        for (const QByteArray& line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (m_buffer.size() < end + 4 + length)
            return;
        const QByteArray body = m_buffer.mid(end + 4, length);
        m_buffer.clear();
        QByteArray answer;
        if (head.startsWith("GET /.well-known/openid-configuration")) {
            const QString base = url().toString();
            answer =
                QJsonDocument(
                    QJsonObject{{QStringLiteral("issuer"), base},
                                {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/oauth2/authorize")},
                                {QStringLiteral("token_endpoint"), base + QStringLiteral("/oauth2/token")},
                                {QStringLiteral("revocation_endpoint"), base + QStringLiteral("/oauth2/revoke")}})
                    .toJson(QJsonDocument::Compact);
        } else if (head.startsWith("POST /oauth2/token")) {
            lastTokenForm = QUrlQuery(QString::fromLatin1(body));
            // A JWT-shaped access token whose payload names the account.
            const QByteArray payload =
                QJsonDocument(QJsonObject{{QStringLiteral("sub"), QStringLiteral("u-1")},
                                          {QStringLiteral("email"), QStringLiteral("owner@acme.example")}})
                    .toJson(QJsonDocument::Compact)
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            answer = QJsonDocument(QJsonObject{{QStringLiteral("access_token"),
                                                QString::fromLatin1("eyJhbGciOiJFUzI1NiJ9." + payload + ".sig")},
                                               {QStringLiteral("refresh_token"), QStringLiteral("rt-1")},
                                               {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                               {QStringLiteral("expires_in"), 300}})
                         .toJson(QJsonDocument::Compact);
        }
        const QByteArray status = answer.isEmpty() ? "404 Not Found" : "200 OK";
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(answer.size()) + "\r\nConnection: close\r\n\r\n" + answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_buffer;
};

QUrl withQuery(QUrl url, const QList<std::pair<QString, QString>>& items)
{
    QUrlQuery query;
    for (const auto& [k, v] : items)
        query.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    url.setQuery(query);
    return url;
}

} // namespace

class SignInClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receiverListensOnLoopbackCallback()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.listen());
        const QUrl uri = receiver.redirectUri();
        QCOMPARE(uri.scheme(), QStringLiteral("http"));
        QCOMPARE(uri.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(uri.path(), QStringLiteral("/callback"));
        QVERIFY(uri.port() > 0);
        QCOMPARE(uri.port(), int(receiver.port()));
    }

    void receiverAcceptsOnlyTheExpectedState()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setExpectedState("s-123");
        QSignalSpy codes(&receiver, &LoopbackReceiver::codeReceived);
        QSignalSpy errors(&receiver, &LoopbackReceiver::errorReceived);

        // Another path: not found, nothing happens.
        QUrl other = receiver.redirectUri();
        other.setPath(QStringLiteral("/other"));
        QCOMPARE(get(other).status, 404);
        // The wrong state (a forged or stale redirect): refused, the wait goes on.
        HttpAnswer forged = get(withQuery(receiver.redirectUri(), {{QStringLiteral("code"), QStringLiteral("evil")},
                                                                   {QStringLiteral("state"), QStringLiteral("s-1")}}));
        QCOMPARE(forged.status, 400);
        QCOMPARE(codes.count(), 0);
        QCOMPARE(errors.count(), 0);

        HttpAnswer ok = get(withQuery(receiver.redirectUri(), {{QStringLiteral("code"), QStringLiteral("c+/=1")},
                                                               {QStringLiteral("state"), QStringLiteral("s-123")}}));
        QCOMPARE(ok.status, 200);
        QVERIFY2(ok.body.contains("You can close this tab"), ok.body.constData());
        QCOMPARE(codes.count(), 1);
        QCOMPARE(codes.at(0).at(0).toByteArray(), QByteArray("c+/=1"));

        // A replay after the answer arrived changes nothing.
        get(withQuery(receiver.redirectUri(), {{QStringLiteral("code"), QStringLiteral("again")},
                                               {QStringLiteral("state"), QStringLiteral("s-123")}}));
        QCOMPARE(codes.count(), 1);
    }

    void receiverPageFollowsAcceptLanguage()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setExpectedState("s");
        HttpAnswer german = get(withQuery(receiver.redirectUri(), {{QStringLiteral("code"), QStringLiteral("c")},
                                                                   {QStringLiteral("state"), QStringLiteral("s")}}),
                                "de-DE,de;q=0.9,en;q=0.8");
        QCOMPARE(german.status, 200);
        QVERIFY2(QString::fromUtf8(german.body).contains(QStringLiteral("Sie können diesen Tab schließen")),
                 german.body.constData());
        QVERIFY(german.body.contains("lang=\"de\""));
        QVERIFY(LoopbackReceiver::pageFor(true, "en-GB,de;q=0.5").contains("You can close this tab"));
        QVERIFY(LoopbackReceiver::pageFor(true, "fr, de;q=0.4").contains("lang=\"de\""));
    }

    void receiverReportsBrowserError()
    {
        LoopbackReceiver receiver;
        QVERIFY(receiver.listen());
        receiver.setExpectedState("s");
        QSignalSpy errors(&receiver, &LoopbackReceiver::errorReceived);
        HttpAnswer answer =
            get(withQuery(receiver.redirectUri(), {{QStringLiteral("error"), QStringLiteral("access_denied")},
                                                   {QStringLiteral("state"), QStringLiteral("s")}}));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.contains("not completed"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.at(0).at(0).toString(), QStringLiteral("access_denied"));
    }

    void codeFlowSendsPkceAndState()
    {
        TinyAuthorizationServer server;
        SignInClient client;
        client.setServerUrl(server.url());
        QSignalSpy opened(&client, &SignInClient::openBrowser);
        QSignalSpy finished(&client, &SignInClient::signInFinished);
        client.startSignIn(QStringLiteral("owner+x@acme.example"));
        QVERIFY(opened.wait(10000));
        const QUrl authorize = opened.at(0).at(0).toUrl();
        QCOMPARE(authorize.path(), QStringLiteral("/oauth2/authorize"));
        const QUrlQuery query(authorize);
        auto item = [&query](const char* name) {
            return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
        };
        QCOMPARE(item("response_type"), QStringLiteral("code"));
        QCOMPARE(item("client_id"), QStringLiteral("trellis-console"));
        QCOMPARE(item("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(item("login_hint"), QStringLiteral("owner+x@acme.example"));
        const QUrl redirect(item("redirect_uri"));
        QCOMPARE(redirect, client.pendingRedirectUri());
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(redirect.path(), QStringLiteral("/callback"));
        QVERIFY(item("state").size() >= 32);

        // The browser comes back with the code and the state.
        HttpAnswer tab = get(withQuery(redirect, {{QStringLiteral("code"), QStringLiteral("the-code")},
                                                  {QStringLiteral("state"), item("state")}}));
        QCOMPARE(tab.status, 200);
        QVERIFY(finished.count() == 1 || finished.wait(10000));
        const auto result = finished.at(0).at(0).value<trellis::client::ApiResult<trellis::client::TokenSet>>();
        QVERIFY2(result.ok(), qPrintable(result.failure.message));
        QCOMPARE(result.value->refreshToken, QByteArray("rt-1"));
        QCOMPARE(result.value->account(), QStringLiteral("owner@acme.example"));

        // The token request carries the verifier that matches the challenge, the same redirect URI and the code.
        const QUrlQuery form = server.lastTokenForm;
        QCOMPARE(form.queryItemValue(QStringLiteral("grant_type")), QStringLiteral("authorization_code"));
        QCOMPARE(form.queryItemValue(QStringLiteral("code")), QStringLiteral("the-code"));
        QCOMPARE(QUrl(form.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)), redirect);
        const std::string verifier = form.queryItemValue(QStringLiteral("code_verifier")).toStdString();
        QVERIFY(trellis::core::crypto::Pkce::isValidVerifier(verifier));
        QCOMPARE(QString::fromStdString(trellis::core::crypto::Pkce::s256Challenge(verifier)), item("code_challenge"));
        // The listener is gone once the sign-in has finished.
        QTRY_COMPARE(get(redirect).status, 0);
    }

    void cancelAndTimeout()
    {
        TinyAuthorizationServer server;
        SignInClient client;
        client.setServerUrl(server.url());
        QSignalSpy opened(&client, &SignInClient::openBrowser);
        QSignalSpy finished(&client, &SignInClient::signInFinished);
        client.startSignIn();
        QVERIFY(opened.wait(10000));
        client.cancelSignIn();
        QCOMPARE(finished.count(), 1);
        auto result = finished.at(0).at(0).value<trellis::client::ApiResult<trellis::client::TokenSet>>();
        QCOMPARE(result.failure.code, QStringLiteral("cancelled"));
        QVERIFY(!client.isSigningIn());

        client.setBrowserTimeout(300);
        client.startSignIn();
        // The discovery document is cached now, so the browser may open before startSignIn() returns.
        QVERIFY(opened.count() == 2 || opened.wait(10000));
        QVERIFY(finished.wait(5000));
        result = finished.at(1).at(0).value<trellis::client::ApiResult<trellis::client::TokenSet>>();
        QCOMPARE(result.failure.code, QStringLiteral("timed_out"));
        QVERIFY(!result.failure.message.isEmpty());
    }

    void unreachableServer()
    {
        SignInClient client;
        client.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
        QSignalSpy finished(&client, &SignInClient::signInFinished);
        client.startSignIn();
        QVERIFY(finished.wait(10000));
        auto result = finished.at(0).at(0).value<trellis::client::ApiResult<trellis::client::TokenSet>>();
        QCOMPARE(result.failure.code, QStringLiteral("network_error"));
    }
};

QTEST_GUILESS_MAIN(SignInClientTest)
#include "SignInClientTest.moc"
