// The OpenID Connect provider's protocol endpoints against a real trellisd with the demo world, on SQLite or
// (TRELLIS_TEST_POSTGRES) PostgreSQL. Authorization codes are created the way the hosted login creates them
// (AuthorizationCodeIssuer on the same database), so this test does not depend on the login pages.
#include "core/Clock.h"
#include "core/Encoding.h"
#include "core/TimeFormat.h"
#include "core/crypto/Jwt.h"
#include "core/crypto/Pkce.h"
#include "core/crypto/SigningKey.h"
#include "core/crypto/TokenHash.h"
#include "server/api/ApiContext.h"
#include "server/oidc/AuthorizationCodeIssuer.h"
#include "server/oidc/OidcClientRepository.h"
#include "server/oidc/SigningKeyRepository.h"
#include "server/store/Database.h"
#include "server/store/UserRepository.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <memory>

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis;
using namespace trellis::test;
using trellis::server::AuthorizationRequest;

namespace {

const QString kConsole = QStringLiteral("trellis-console");
const std::string kRedirect = "http://127.0.0.1:53111/callback";
const QString kService = QStringLiteral("test-service");
const QByteArray kServiceSecret = "service-secret-0123456789-abcdefghij";

QByteArray form(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QPair<QByteArray, QByteArray> basic(const QString& id, const QByteArray& secret)
{
    return {"Authorization",
            "Basic " +
                (QUrl::toPercentEncoding(id) + ':' + QUrl::toPercentEncoding(QString::fromLatin1(secret))).toBase64()};
}

nlohmann::json jwtPart(const QString& token, int index)
{
    const auto part = token.split(QLatin1Char('.')).value(index).toStdString();
    const auto decoded = core::base64UrlDecode(part);
    return decoded ? nlohmann::json::parse(*decoded, nullptr, false) : nlohmann::json();
}

std::string str(const QString& s)
{
    return s.toStdString();
}

} // namespace

class OidcTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void discovery();
    void relyingPartyFromDiscoveryOnly();
    void codeExchangeGivesVerifiableTokens();
    void adminApiAcceptsAccessToken();
    void userinfo();
    void wrongVerifierIsRefused();
    void missingVerifierIsRefused();
    void redirectMismatchIsRefused();
    void otherClientCannotRedeem();
    void expiredCodeIsRefused();
    void replayedCodeRevokesItsTokens();
    void refreshRotates();
    void refreshReuseRevokesFamily();
    void expiredAccessTokenIsRefused();
    void expiredRefreshTokenIsRefused();
    void disabledPersonIsCutOff();
    void issuerOption();
    void wrongAudienceIsRefusedByAdminApi();
    void clientCredentials();
    void clientAuthFailures();
    void introspection();
    void revocation();
    void errorsAreOAuthJson();
    void logNeverContainsSecrets(); // keep last

private:
    struct Code
    {
        QString code;
        QString verifier;
        QString redirect;
    };
    Code issueCode(const QString& clientId = kConsole, const std::string& nonce = "n-123",
                   const std::string& redirect = kRedirect, const std::string& userId = {});
    bool execSql(const QString& sql, const QVariantList& values);
    HttpResult token(const QList<QPair<QString, QString>>& fields,
                     const QList<QPair<QByteArray, QByteArray>>& headers = {});
    HttpResult exchange(const Code& code);
    HttpResult refresh(const QString& refreshToken);
    QString forge(nlohmann::json claims, const nlohmann::json& header = {{"typ", "at+jwt"}});
    int auditCount(const QString& action);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    std::unique_ptr<server::Database> m_db;
    std::unique_ptr<server::ApiContext> m_context;
    std::string m_userId;
    QStringList m_secrets; ///< every token and code handed out, for the log check
};

void OidcTest::initTestCase()
{
#ifdef TRELLIS_TEST_POSTGRES
    if (!PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    m_server.setDatabaseUrl(m_postgres->url());
#endif
    m_server.setDemo(true);
    m_server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), QStringLiteral("test-demo-password"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    // The test's own connection to the server's database, as the hosted login has it.
    server::DatabaseConfig config;
    if (m_server.databaseUrl().isEmpty()) {
        config = server::DatabaseConfig::sqliteInDataDir(m_server.dataDirectory());
    } else {
        QString error;
        const auto parsed = server::DatabaseConfig::fromUrl(m_server.databaseUrl(), &error);
        QVERIFY2(parsed, qPrintable(error));
        config = *parsed;
    }
    m_db = std::make_unique<server::Database>(config);
    m_db->open();
    m_context = std::make_unique<server::ApiContext>(
        server::ApiContext{*m_db, nullptr, m_server.baseUrl().toString(QUrl::StripTrailingSlash).toStdString()});

    const auto owner = server::UserRepository(*m_db).findByEmail("owner@acme.example");
    QVERIFY(owner);
    m_userId = owner->id;

    server::OidcClient service;
    service.id = str(kService);
    service.name = "Test service";
    service.type = server::OidcClient::Type::Confidential;
    service.redirectUris = {"https://service.example/cb"};
    service.grantTypes = {"authorization_code", "refresh_token", "client_credentials"};
    service.scopes = {"openid", "profile", "email", "offline_access", "reports.read"};
    server::OidcClientRepository(*m_db).create(service, kServiceSecret.toStdString());
    m_secrets << QString::fromLatin1(kServiceSecret);
}

void OidcTest::cleanupTestCase()
{
    // Server-side errors explain a 500 (the log never holds secrets).
    for (const QByteArray& line : m_server.logLines()) {
        if (line.contains("\"level\":\"error\""))
            qWarning("trellisd: %s", line.constData());
    }
    m_context.reset();
    if (m_db)
        m_db->closeThreadConnection();
    m_db.reset();
    m_server.stop();
}

OidcTest::Code OidcTest::issueCode(const QString& clientId, const std::string& nonce, const std::string& redirect,
                                   const std::string& userId)
{
    Code code;
    code.verifier = QString::fromStdString(core::crypto::Pkce::newVerifier());
    code.redirect = QString::fromStdString(redirect);
    AuthorizationRequest request;
    request.clientId = str(clientId);
    request.redirectUri = redirect;
    request.scope = "openid profile email offline_access";
    request.state = "st&ate=1";
    request.nonce = nonce;
    request.codeChallenge = core::crypto::Pkce::s256Challenge(str(code.verifier));
    request.codeChallengeMethod = "S256";
    const std::string url =
        server::AuthorizationCodeIssuer::issue(*m_context, request, userId.empty() ? m_userId : userId, {},
                                               core::formatTimestamp(m_db->clock().now()), {"pwd", "otp"});
    const QUrl redirectUrl(QString::fromStdString(url));
    const QUrlQuery query(redirectUrl);
    code.code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_secrets << code.code;
    return code;
}

HttpResult OidcTest::token(const QList<QPair<QString, QString>>& fields,
                           const QList<QPair<QByteArray, QByteArray>>& headers)
{
    TestHttpClient http(m_server.baseUrl());
    const HttpResult result =
        http.send("POST", QStringLiteral("/oauth2/token"), form(fields), "application/x-www-form-urlencoded", headers);
    for (const char* key : {"access_token", "refresh_token", "id_token"}) {
        const QString value = result.object().value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            m_secrets << value;
    }
    return result;
}

HttpResult OidcTest::exchange(const Code& code)
{
    return token({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), code.code},
                  {QStringLiteral("redirect_uri"), code.redirect},
                  {QStringLiteral("client_id"), kConsole},
                  {QStringLiteral("code_verifier"), code.verifier}});
}

HttpResult OidcTest::refresh(const QString& refreshToken)
{
    return token({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                  {QStringLiteral("refresh_token"), refreshToken},
                  {QStringLiteral("client_id"), kConsole}});
}

QString OidcTest::forge(nlohmann::json claims, const nlohmann::json& header)
{
    const auto keys = server::SigningKeyRepository(*m_db).published();
    if (keys.empty())
        return {};
    const auto key = core::crypto::SigningKey::fromPkcs8Pem(keys.front().privateKeyPem);
    if (!key)
        return {};
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    nlohmann::json base{{"iss", m_context->issuer},
                        {"sub", m_userId},
                        {"aud", {"trellis-admin-api", "trellis-console"}},
                        {"exp", now + 300},
                        {"iat", now},
                        {"jti", "forged"},
                        {"client_id", "trellis-console"},
                        {"scope", "openid"}};
    if (claims.is_object())
        base.update(claims);
    return QString::fromStdString(core::crypto::Jwt::sign(*key, base, header));
}

bool OidcTest::execSql(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_db->connection());
    if (!q.prepare(sql))
        return false;
    for (const QVariant& value : values)
        q.addBindValue(value);
    return q.exec() && q.numRowsAffected() == 1;
}

int OidcTest::auditCount(const QString& action)
{
    QSqlQuery q(m_db->connection());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ?"));
    q.addBindValue(action);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toInt();
}

void OidcTest::discovery()
{
    TestHttpClient http(m_server.baseUrl());
    const HttpResult r = http.get(QStringLiteral("/.well-known/openid-configuration"));
    QCOMPARE(r.status, 200);
    const QJsonObject d = r.object();
    const QString issuer = QString::fromStdString(m_context->issuer);
    QCOMPARE(d.value(QStringLiteral("issuer")).toString(), issuer);
    QCOMPARE(d.value(QStringLiteral("token_endpoint")).toString(), issuer + QStringLiteral("/oauth2/token"));
    QCOMPARE(d.value(QStringLiteral("authorization_endpoint")).toString(),
             issuer + QStringLiteral("/oauth2/authorize"));
    QCOMPARE(d.value(QStringLiteral("jwks_uri")).toString(), issuer + QStringLiteral("/oauth2/jwks"));
    QCOMPARE(d.value(QStringLiteral("userinfo_endpoint")).toString(), issuer + QStringLiteral("/oauth2/userinfo"));
    QCOMPARE(d.value(QStringLiteral("revocation_endpoint")).toString(), issuer + QStringLiteral("/oauth2/revoke"));
    QCOMPARE(d.value(QStringLiteral("introspection_endpoint")).toString(),
             issuer + QStringLiteral("/oauth2/introspect"));
    QCOMPARE(d.value(QStringLiteral("response_types_supported")).toArray(), QJsonArray{QStringLiteral("code")});
    QCOMPARE(d.value(QStringLiteral("code_challenge_methods_supported")).toArray(), QJsonArray{QStringLiteral("S256")});
    QCOMPARE(d.value(QStringLiteral("id_token_signing_alg_values_supported")).toArray(),
             QJsonArray{QStringLiteral("ES256")});
    const QJsonArray auth = d.value(QStringLiteral("token_endpoint_auth_methods_supported")).toArray();
    for (const char* method : {"none", "client_secret_basic", "client_secret_post"})
        QVERIFY(auth.contains(QLatin1String(method)));
    const QJsonArray grants = d.value(QStringLiteral("grant_types_supported")).toArray();
    for (const char* grant : {"authorization_code", "refresh_token", "client_credentials"})
        QVERIFY(grants.contains(QLatin1String(grant)));
    QVERIFY(d.value(QStringLiteral("scopes_supported")).toArray().contains(QStringLiteral("openid")));
    QVERIFY(d.value(QStringLiteral("claims_supported")).toArray().contains(QStringLiteral("amr")));
}

// What a relying party that is not ours does: discovery, /authorize with PKCE through the hosted login pages,
// the code back on its loopback redirect, the token endpoint, verified tokens, userinfo.
void OidcTest::relyingPartyFromDiscoveryOnly()
{
    TestHttpClient http(m_server.baseUrl());
    const QJsonObject d = http.get(QStringLiteral("/.well-known/openid-configuration")).object();
    const QUrl authorize(d.value(QStringLiteral("authorization_endpoint")).toString());
    const QUrl tokenEndpoint(d.value(QStringLiteral("token_endpoint")).toString());
    const QUrl jwksUri(d.value(QStringLiteral("jwks_uri")).toString());
    const QUrl userinfoEndpoint(d.value(QStringLiteral("userinfo_endpoint")).toString());
    QVERIFY(authorize.isValid() && tokenEndpoint.isValid() && jwksUri.isValid() && userinfoEndpoint.isValid());

    const std::string verifier = core::crypto::Pkce::newVerifier();
    const QString redirect = QStringLiteral("http://127.0.0.1:49152/callback");
    QUrlQuery query;
    for (const auto& [name, value] : QList<QPair<QString, QString>>{
             {QStringLiteral("client_id"), kConsole},
             {QStringLiteral("redirect_uri"), redirect},
             {QStringLiteral("response_type"), QStringLiteral("code")},
             {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")},
             {QStringLiteral("state"), QStringLiteral("rp-state")},
             {QStringLiteral("nonce"), QStringLiteral("rp-nonce")},
             {QStringLiteral("code_challenge"), QString::fromStdString(core::crypto::Pkce::s256Challenge(verifier))},
             {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}})
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));

    LoginBrowser browser(m_server.baseUrl());
    const HttpResult identify = browser.open(authorize.path() + QLatin1Char('?') + query.query(QUrl::FullyEncoded));
    QVERIFY2(identify.status == 200, identify.describe().left(300).constData());
    const HttpResult passwordPage = browser.submit({{QStringLiteral("node"), QStringLiteral("identify")},
                                                    {QStringLiteral("email"), QStringLiteral("owner@acme.example")}});
    QCOMPARE(passwordPage.status, 200);
    const HttpResult done = browser.submit({{QStringLiteral("node"), QStringLiteral("password")},
                                            {QStringLiteral("password"), QStringLiteral("test-demo-password")}});
    QVERIFY2(done.status == 303, done.describe().left(300).constData());
    const QUrl back(QString::fromUtf8(done.header("Location")));
    QCOMPARE(back.toString(QUrl::RemoveQuery), redirect);
    const QUrlQuery answer(back);
    QCOMPARE(answer.queryItemValue(QStringLiteral("state")), QStringLiteral("rp-state"));
    QCOMPARE(answer.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded),
             d.value(QStringLiteral("issuer")).toString());
    const QString code = answer.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    m_secrets << code;

    TestHttpClient rp(QUrl(tokenEndpoint.toString(QUrl::RemovePath)));
    const HttpResult tokens = rp.send("POST", tokenEndpoint.path(),
                                      form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                            {QStringLiteral("code"), code},
                                            {QStringLiteral("redirect_uri"), redirect},
                                            {QStringLiteral("client_id"), kConsole},
                                            {QStringLiteral("code_verifier"), QString::fromStdString(verifier)}}),
                                      "application/x-www-form-urlencoded");
    QVERIFY2(tokens.status == 200, tokens.describe().constData());
    const QString idToken = tokens.object().value(QStringLiteral("id_token")).toString();
    const QString accessToken = tokens.object().value(QStringLiteral("access_token")).toString();
    m_secrets << idToken << accessToken << tokens.object().value(QStringLiteral("refresh_token")).toString();

    std::vector<core::crypto::VerificationKey> keys;
    for (const auto& k : rp.get(jwksUri.path()).object().value(QStringLiteral("keys")).toArray()) {
        if (auto key = core::crypto::VerificationKey::fromJwk(
                nlohmann::json::parse(QJsonDocument(k.toObject()).toJson().toStdString())))
            keys.push_back(*key);
    }
    const auto id = core::crypto::Jwt::verify(str(idToken), keys);
    QVERIFY(id);
    QCOMPARE(
        core::crypto::Jwt::checkClaims(id.claims, {m_context->issuer, str(kConsole)}, std::chrono::system_clock::now()),
        core::crypto::JwtError::None);
    QCOMPARE(id.claims.value("nonce", ""), std::string("rp-nonce"));
    QCOMPARE(id.claims.value("sub", ""), m_userId);
    QVERIFY(id.claims["amr"].is_array() && !id.claims["amr"].empty());
    QVERIFY(core::crypto::Jwt::verify(str(accessToken), keys));

    rp.setBearerToken(accessToken.toLatin1());
    const HttpResult info = rp.get(userinfoEndpoint.path());
    QCOMPARE(info.status, 200);
    QCOMPARE(info.object().value(QStringLiteral("sub")).toString(), QString::fromStdString(m_userId));
}

void OidcTest::codeExchangeGivesVerifiableTokens()
{
    const Code code = issueCode();
    const HttpResult r = exchange(code);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
    const QJsonObject body = r.object();
    QCOMPARE(body.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    QVERIFY(body.value(QStringLiteral("expires_in")).toInt() >= 300);
    QVERIFY(!body.value(QStringLiteral("refresh_token")).toString().isEmpty());
    const QString accessToken = body.value(QStringLiteral("access_token")).toString();
    const QString idToken = body.value(QStringLiteral("id_token")).toString();

    // Verify both with the published JWKS only, as a relying party would.
    TestHttpClient http(m_server.baseUrl());
    const HttpResult jwks = http.get(QStringLiteral("/oauth2/jwks"));
    QCOMPARE(jwks.status, 200);
    std::vector<core::crypto::VerificationKey> keys;
    for (const auto& k : jwks.object().value(QStringLiteral("keys")).toArray()) {
        const auto key = core::crypto::VerificationKey::fromJwk(
            nlohmann::json::parse(QJsonDocument(k.toObject()).toJson().toStdString()));
        QVERIFY(key);
        keys.push_back(*key);
    }
    QVERIFY(!keys.empty());
    const auto now = std::chrono::system_clock::now();

    const auto id = core::crypto::Jwt::verify(str(idToken), keys);
    QVERIFY2(id, core::crypto::jwtErrorCode(id.error).data());
    QCOMPARE(core::crypto::Jwt::checkClaims(id.claims, {m_context->issuer, "trellis-console"}, now),
             core::crypto::JwtError::None);
    QCOMPARE(id.claims.value("sub", ""), m_userId);
    QCOMPARE(id.claims.value("nonce", ""), std::string("n-123"));
    QCOMPARE(id.claims.value("at_hash", ""), core::crypto::oidcHalfHash(str(accessToken)));
    QCOMPARE(id.claims.value("email", ""), std::string("owner@acme.example"));
    QVERIFY(id.claims.contains("name"));
    QVERIFY(id.claims.contains("auth_time"));
    QCOMPARE(id.claims["amr"], nlohmann::json({"pwd", "otp"}));

    const auto access = core::crypto::Jwt::verify(str(accessToken), keys);
    QVERIFY(access);
    QCOMPARE(access.header.value("typ", ""), std::string("at+jwt"));
    QCOMPARE(core::crypto::Jwt::checkClaims(access.claims, {m_context->issuer, "trellis-admin-api"}, now),
             core::crypto::JwtError::None);
    QCOMPARE(access.claims.value("client_id", ""), std::string("trellis-console"));
    QVERIFY(access.claims.contains("jti"));
    QVERIFY(access.claims["trellis"]["memberships"].is_array());
    QVERIFY(!access.claims["trellis"]["admin"].empty());
}

void OidcTest::adminApiAcceptsAccessToken()
{
    const HttpResult r = exchange(issueCode());
    QCOMPARE(r.status, 200);
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(r.object().value(QStringLiteral("access_token")).toString().toLatin1());
    const HttpResult me = http.get(QStringLiteral("/api/v1/me"));
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(me.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
             QStringLiteral("owner@acme.example"));
    QVERIFY(!me.object().value(QStringLiteral("rootOrgIds")).toArray().isEmpty());

    // An ID token is not an access token.
    http.setBearerToken(r.object().value(QStringLiteral("id_token")).toString().toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
}

void OidcTest::userinfo()
{
    const HttpResult r = exchange(issueCode());
    QCOMPARE(r.status, 200);
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(r.object().value(QStringLiteral("access_token")).toString().toLatin1());
    const HttpResult info = http.get(QStringLiteral("/oauth2/userinfo"));
    QVERIFY2(info.status == 200, info.describe().constData());
    QCOMPARE(info.object().value(QStringLiteral("sub")).toString(), QString::fromStdString(m_userId));
    QCOMPARE(info.object().value(QStringLiteral("email")).toString(), QStringLiteral("owner@acme.example"));

    http.setBearerToken("not.a.token");
    const HttpResult bad = http.get(QStringLiteral("/oauth2/userinfo"));
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.header("WWW-Authenticate").startsWith("Bearer"));
}

void OidcTest::wrongVerifierIsRefused()
{
    Code code = issueCode();
    code.verifier = QString::fromStdString(core::crypto::Pkce::newVerifier());
    const HttpResult r = exchange(code);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::missingVerifierIsRefused()
{
    Code code = issueCode();
    code.verifier.clear();
    const HttpResult r = exchange(code);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::redirectMismatchIsRefused()
{
    Code code = issueCode();
    code.redirect = QStringLiteral("http://127.0.0.1:53112/callback");
    const HttpResult r = exchange(code);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::otherClientCannotRedeem()
{
    const Code code = issueCode();
    const HttpResult r = token({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                {QStringLiteral("code"), code.code},
                                {QStringLiteral("redirect_uri"), code.redirect},
                                {QStringLiteral("code_verifier"), code.verifier}},
                               {basic(kService, kServiceSecret)});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::expiredCodeIsRefused()
{
    // Issue the code "two minutes ago" (codes live 60 s).
    core::ManualClock past(std::chrono::system_clock::now() - std::chrono::minutes(2));
    m_db->setClock(past);
    const Code code = issueCode();
    m_db->setClock(core::Clock::system());
    const HttpResult r = exchange(code);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::replayedCodeRevokesItsTokens()
{
    const int before = auditCount(QStringLiteral("oidc.code.replay"));
    const Code code = issueCode();
    const HttpResult first = exchange(code);
    QCOMPARE(first.status, 200);
    const QString refreshToken = first.object().value(QStringLiteral("refresh_token")).toString();
    const HttpResult again = exchange(code);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(auditCount(QStringLiteral("oidc.code.replay")), before + 1);
    // What the code issued is revoked.
    const HttpResult r = refresh(refreshToken);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

void OidcTest::refreshRotates()
{
    const HttpResult first = exchange(issueCode());
    QCOMPARE(first.status, 200);
    const QString rt1 = first.object().value(QStringLiteral("refresh_token")).toString();
    const HttpResult second = refresh(rt1);
    QVERIFY2(second.status == 200, second.describe().constData());
    const QString rt2 = second.object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!rt2.isEmpty());
    QVERIFY(rt2 != rt1);
    QVERIFY(!second.object().value(QStringLiteral("id_token")).toString().isEmpty());
    const HttpResult third = refresh(rt2);
    QCOMPARE(third.status, 200);
}

void OidcTest::refreshReuseRevokesFamily()
{
    const int before = auditCount(QStringLiteral("oidc.refresh.reuse"));
    const HttpResult first = exchange(issueCode());
    const QString rt1 = first.object().value(QStringLiteral("refresh_token")).toString();
    const HttpResult second = refresh(rt1);
    QCOMPARE(second.status, 200);
    const QString rt2 = second.object().value(QStringLiteral("refresh_token")).toString();
    // An attacker replays the old one: refused, and the legitimate successor dies with it.
    const HttpResult reuse = refresh(rt1);
    QCOMPARE(reuse.status, 400);
    QCOMPARE(reuse.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(auditCount(QStringLiteral("oidc.refresh.reuse")), before + 1);
    QCOMPARE(refresh(rt2).status, 400);
}

void OidcTest::expiredAccessTokenIsRefused()
{
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    const QString token = forge({{"exp", now - 120}, {"iat", now - 720}});
    QVERIFY(!token.isEmpty());
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token.toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    // The same forgery with a valid exp passes, so the 401 above was the expiry.
    http.setBearerToken(forge({}).toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);
}

void OidcTest::expiredRefreshTokenIsRefused()
{
    const HttpResult first = exchange(issueCode());
    QCOMPARE(first.status, 200);
    const QString rt = first.object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(
        execSql(QStringLiteral("UPDATE refresh_tokens SET expires_at = ? WHERE token_hash = ?"),
                {QStringLiteral("2020-01-01T00:00:00Z"), QString::fromStdString(core::crypto::tokenHash(str(rt)))}));
    const HttpResult r = refresh(rt);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
}

// Disabling a person stops their signed access tokens at the admin API, userinfo and introspection at once, and
// their refresh tokens.
void OidcTest::disabledPersonIsCutOff()
{
    const auto auditor = server::UserRepository(*m_db).findByEmail("auditor@acme.example");
    QVERIFY(auditor);
    const HttpResult tokens = exchange(issueCode(kConsole, "n", kRedirect, auditor->id));
    QCOMPARE(tokens.status, 200);
    const QByteArray accessToken = tokens.object().value(QStringLiteral("access_token")).toString().toLatin1();
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(accessToken);
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 200);

    const QString id = QString::fromStdString(auditor->id);
    QVERIFY(execSql(QStringLiteral("UPDATE users SET status = 'disabled' WHERE id = ?"), {id}));
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(http.get(QStringLiteral("/oauth2/userinfo")).status, 401);
    TestHttpClient plain(m_server.baseUrl());
    const HttpResult introspected = plain.send("POST", QStringLiteral("/oauth2/introspect"),
                                               form({{QStringLiteral("token"), QString::fromLatin1(accessToken)}}),
                                               "application/x-www-form-urlencoded", {basic(kService, kServiceSecret)});
    QCOMPARE(introspected.object().value(QStringLiteral("active")).toBool(true), false);
    QCOMPARE(refresh(tokens.object().value(QStringLiteral("refresh_token")).toString()).status, 400);
    QVERIFY(execSql(QStringLiteral("UPDATE users SET status = 'active' WHERE id = ?"), {id}));
}

void OidcTest::issuerOption()
{
    const TrellisdRun help = TrellisdProcess::run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.stdOut.contains("--issuer"));
    QTemporaryDir dir;
    const TrellisdRun bad = TrellisdProcess::run(
        {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--issuer"), QStringLiteral("ftp://id.example.com")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.stdErr.contains("--issuer"));

    TrellisdProcess other;
    other.setExtraArguments({QStringLiteral("--issuer"), QStringLiteral("https://id.example.com/trellis/")});
    QVERIFY2(other.start(), qPrintable(other.errorString()));
    TestHttpClient http(other.baseUrl());
    const QJsonObject d = http.get(QStringLiteral("/.well-known/openid-configuration")).object();
    QCOMPARE(d.value(QStringLiteral("issuer")).toString(), QStringLiteral("https://id.example.com/trellis"));
    QCOMPARE(d.value(QStringLiteral("token_endpoint")).toString(),
             QStringLiteral("https://id.example.com/trellis/oauth2/token"));
    QCOMPARE(other.stop(), 0);
}

void OidcTest::wrongAudienceIsRefusedByAdminApi()
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(forge({{"aud", {"some-other-api"}}}).toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    http.setBearerToken(forge({{"iss", "https://evil.example"}}).toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    http.setBearerToken(forge({}, {{"typ", "JWT"}}).toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
    // Signed by a key that is not ours.
    const auto stranger = core::crypto::SigningKey::generate();
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    http.setBearerToken(QByteArray::fromStdString(core::crypto::Jwt::sign(stranger,
                                                                          {{"iss", m_context->issuer},
                                                                           {"sub", m_userId},
                                                                           {"aud", "trellis-admin-api"},
                                                                           {"exp", now + 60},
                                                                           {"client_id", "trellis-console"}},
                                                                          {{"typ", "at+jwt"}})));
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);
}

void OidcTest::clientCredentials()
{
    const HttpResult r = token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                               {basic(kService, kServiceSecret)});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.object().value(QStringLiteral("scope")).toString(), QStringLiteral("reports.read"));
    QVERIFY(!r.object().contains(QStringLiteral("refresh_token")));
    const auto claims = jwtPart(r.object().value(QStringLiteral("access_token")).toString(), 1);
    QCOMPARE(claims.value("sub", ""), str(kService));

    // client_secret_post works too.
    const HttpResult post = token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                   {QStringLiteral("client_id"), kService},
                                   {QStringLiteral("client_secret"), QString::fromLatin1(kServiceSecret)}});
    QCOMPARE(post.status, 200);

    // A service token is not for the admin API.
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(r.object().value(QStringLiteral("access_token")).toString().toLatin1());
    QCOMPARE(http.get(QStringLiteral("/api/v1/me")).status, 401);

    // Public clients cannot use it.
    const HttpResult pub = token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                  {QStringLiteral("client_id"), kConsole}});
    QCOMPARE(pub.status, 400);
    QCOMPARE(pub.object().value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized_client"));
}

void OidcTest::clientAuthFailures()
{
    const HttpResult wrong = token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                                   {basic(kService, "wrong-secret")});
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    QVERIFY(wrong.header("WWW-Authenticate").startsWith("Basic"));
    // A confidential client that does not authenticate.
    const HttpResult none = token({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                   {QStringLiteral("client_id"), kService}});
    QCOMPARE(none.status, 401);
    const HttpResult unknown = token({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                      {QStringLiteral("client_id"), QStringLiteral("nobody")},
                                      {QStringLiteral("refresh_token"), QStringLiteral("x")}});
    QCOMPARE(unknown.status, 401);
}

void OidcTest::introspection()
{
    const HttpResult tokens = exchange(issueCode());
    QCOMPARE(tokens.status, 200);
    const QString accessToken = tokens.object().value(QStringLiteral("access_token")).toString();
    TestHttpClient http(m_server.baseUrl());
    const auto introspect = [&](const QString& token, const QList<QPair<QByteArray, QByteArray>>& headers,
                                const QList<QPair<QString, QString>>& extra = {}) {
        QList<QPair<QString, QString>> fields{{QStringLiteral("token"), token}};
        fields += extra;
        return http.send("POST", QStringLiteral("/oauth2/introspect"), form(fields),
                         "application/x-www-form-urlencoded", headers);
    };
    // Public clients may not introspect.
    const HttpResult pub = introspect(accessToken, {}, {{QStringLiteral("client_id"), kConsole}});
    QCOMPARE(pub.status, 401);
    QCOMPARE(pub.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_client"));
    QCOMPARE(introspect(accessToken, {basic(kService, "nope")}).status, 401);

    const HttpResult ok = introspect(accessToken, {basic(kService, kServiceSecret)});
    QVERIFY2(ok.status == 200, ok.describe().constData());
    QCOMPARE(ok.object().value(QStringLiteral("active")).toBool(), true);
    QCOMPARE(ok.object().value(QStringLiteral("sub")).toString(), QString::fromStdString(m_userId));
    QCOMPARE(ok.object().value(QStringLiteral("client_id")).toString(), kConsole);

    const HttpResult junk = introspect(QStringLiteral("garbage"), {basic(kService, kServiceSecret)});
    QCOMPARE(junk.status, 200);
    QCOMPARE(junk.object().value(QStringLiteral("active")).toBool(true), false);
    // Another client's refresh token is not described.
    const HttpResult other = introspect(tokens.object().value(QStringLiteral("refresh_token")).toString(),
                                        {basic(kService, kServiceSecret)});
    QCOMPARE(other.object().value(QStringLiteral("active")).toBool(true), false);
}

void OidcTest::revocation()
{
    const HttpResult tokens = exchange(issueCode());
    QCOMPARE(tokens.status, 200);
    const QString rt = tokens.object().value(QStringLiteral("refresh_token")).toString();
    TestHttpClient http(m_server.baseUrl());
    const auto revoke = [&](const QString& token) {
        return http.send("POST", QStringLiteral("/oauth2/revoke"),
                         form({{QStringLiteral("token"), token}, {QStringLiteral("client_id"), kConsole}}),
                         "application/x-www-form-urlencoded");
    };
    const int before = auditCount(QStringLiteral("oidc.token.revoke"));
    QCOMPARE(revoke(rt).status, 200);
    QCOMPARE(auditCount(QStringLiteral("oidc.token.revoke")), before + 1);
    QCOMPARE(refresh(rt).status, 400);
    // Unknown tokens and access tokens: 200 (RFC 7009 §2.2), nothing to do.
    QCOMPARE(revoke(QStringLiteral("unknown-token")).status, 200);
    QCOMPARE(revoke(tokens.object().value(QStringLiteral("access_token")).toString()).status, 200);
    const HttpResult missing =
        http.send("POST", QStringLiteral("/oauth2/revoke"), form({{QStringLiteral("client_id"), kConsole}}),
                  "application/x-www-form-urlencoded");
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
}

void OidcTest::errorsAreOAuthJson()
{
    const HttpResult unsupported =
        token({{QStringLiteral("grant_type"), QStringLiteral("password")}, {QStringLiteral("client_id"), kConsole}});
    QCOMPARE(unsupported.status, 400);
    QCOMPARE(unsupported.object().value(QStringLiteral("error")).toString(), QStringLiteral("unsupported_grant_type"));
    QVERIFY(unsupported.object().contains(QStringLiteral("error_description")));
    QCOMPARE(unsupported.header("Cache-Control"), QByteArray("no-store"));
    TestHttpClient http(m_server.baseUrl());
    const HttpResult notForm = http.send("POST", QStringLiteral("/oauth2/token"), "{}", "application/json");
    QCOMPARE(notForm.status, 400);
    QCOMPARE(notForm.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
    const HttpResult repeated = token({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                       {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                       {QStringLiteral("client_id"), kConsole}});
    QCOMPARE(repeated.status, 400);
    QCOMPARE(repeated.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_request"));
}

void OidcTest::logNeverContainsSecrets()
{
    const QByteArray log = m_server.stderrOutput();
    QVERIFY(!log.isEmpty());
    for (const QString& secret : std::as_const(m_secrets)) {
        if (secret.size() >= 16)
            QVERIFY2(!log.contains(secret.toLatin1()), "a token, code or secret appears in the server log");
    }
}

QTEST_GUILESS_MAIN(OidcTest)
#include "tst_oidc.moc"
