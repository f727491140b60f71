// Redirect URI matching of registered clients: exact, except loopback redirects of native clients on any port
// (RFC 8252 §7.3), and nothing that merely looks like loopback.
#include "server/oidc/OidcClient.h"

#include <QtTest>

using trellis::server::OidcClient;

class OidcClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void redirects_data();
    void redirects();
    void scopesAndGrants();
};

void OidcClientTest::redirects_data()
{
    QTest::addColumn<bool>("isPublic");
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("accepted");
    const auto row = [](const char* name, bool isPublic, const char* uri, bool accepted) {
        QTest::newRow(name) << isPublic << QString::fromLatin1(uri) << accepted;
    };
    row("registered as is", true, "http://127.0.0.1/callback", true);
    row("loopback v4, any port", true, "http://127.0.0.1:53111/callback", true);
    row("loopback v6, any port", true, "http://[::1]:8080/callback", true);
    row("other path", true, "http://127.0.0.1:53111/other", false);
    row("path prefix", true, "http://127.0.0.1:53111/callback/x", false);
    row("not loopback: 127.0.0.10", true, "http://127.0.0.10:53111/callback", false);
    row("user info trick", true, "http://127.0.0.1@evil.example/callback", false);
    row("port then host trick", true, "http://127.0.0.1:80@evil.example/callback", false);
    row("localhost is not an IP literal", true, "http://localhost:53111/callback", false);
    row("https loopback not registered", true, "https://127.0.0.1:53111/callback", false);
    row("empty port", true, "http://127.0.0.1:/callback", false);
    row("six-digit port", true, "http://127.0.0.1:123456/callback", false);
    row("web redirect exact", true, "https://app.example/cb", true);
    row("web redirect differs", true, "https://app.example/cb?x=1", false);
    row("confidential: loopback port must match", false, "http://127.0.0.1:53111/callback", false);
    row("confidential: exact", false, "http://127.0.0.1/callback", true);
    row("empty", true, "", false);
}

void OidcClientTest::redirects()
{
    QFETCH(bool, isPublic);
    QFETCH(QString, uri);
    QFETCH(bool, accepted);
    OidcClient client;
    client.type = isPublic ? OidcClient::Type::Public : OidcClient::Type::Confidential;
    client.redirectUris = {"http://127.0.0.1/callback", "http://[::1]/callback", "https://app.example/cb"};
    QCOMPARE(client.acceptsRedirect(uri.toStdString()), accepted);
}

void OidcClientTest::scopesAndGrants()
{
    OidcClient client;
    client.grantTypes = {"authorization_code", "refresh_token"};
    client.scopes = {"openid", "profile", "email", "offline_access"};
    QVERIFY(client.allowsGrant("refresh_token"));
    QVERIFY(!client.allowsGrant("client_credentials"));
    QVERIFY(client.allowsScope("openid  email"));
    QVERIFY(client.allowsScope(""));
    QVERIFY(!client.allowsScope("openid admin"));
    client.postLogoutRedirectUris = {"http://127.0.0.1/signed-out"};
    QVERIFY(client.acceptsPostLogoutRedirect("http://127.0.0.1:4000/signed-out"));
    QVERIFY(!client.acceptsPostLogoutRedirect("https://evil.example/"));
}

QTEST_GUILESS_MAIN(OidcClientTest)
#include "tst_oidcclient.moc"
