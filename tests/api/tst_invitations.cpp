// Invitations end to end against a real trellisd --demo, on SQLite or (TRELLIS_TEST_POSTGRES) PostgreSQL: the admin
// API creates, lists, resends and revokes; the hosted page /invite is driven over HTTP like a browser (page, CSRF
// token, form post); the invited person then signs in through the hosted login and a real code flow.
#include "core/crypto/Pkce.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <algorithm>
#include <memory>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;
namespace crypto = trellis::core::crypto;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kDemoPassword = QStringLiteral("trellis-demo-2026");
const QString kNewPassword = QStringLiteral("correct horse battery staple 42");
const QString kRedirect = QStringLiteral("http://127.0.0.1:45678/callback");

QString title(const HttpResult& page)
{
    static const QRegularExpression re(QStringLiteral("<h1 id=\"page-title\">([^<]*)</h1>"));
    return re.match(QString::fromUtf8(page.body)).captured(1);
}

QString tokenOf(const QString& acceptUrl)
{
    return QUrlQuery(QUrl(acceptUrl)).queryItemValue(QStringLiteral("token"));
}

QString pathOf(const QString& acceptUrl)
{
    const QUrl url(acceptUrl);
    return url.path() + QLatin1Char('?') + url.query(QUrl::FullyEncoded);
}

} // namespace

class InvitationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void inviteAcceptAndSignIn();
    void pageSpeaksGerman();
    void passwordRulesArePerField();
    void csrfIsRequired();
    void concurrentAcceptanceWinsOnce();
    void expiredTokenFails();
    void resendKillsOldToken();
    void revokedTokenFails();
    void existingPersonGetsMembershipNotSecondAccount();
    void passwordlessAccountElsewhereIsNotClaimed();
    void activeMemberConflicts();
    void secondPendingInvitationConflicts();
    void badInputIsNamed();
    void roleBeyondInvitersPermissionsIsRefused();
    void inviteWithoutRoleAssignIsRefused();
    void rolesAreRecheckedAtAcceptance();
    void outOfScopeIsNotFound();
    void partnerAdminInvitesIntoOwnSubtreeOnly();
    void listFiltersAndPages();
    void tokensNeverLoggedOrAudited(); // keep last

private:
    TestHttpClient client(const QByteArray& token) const;
    QString rootOf(const QByteArray& token);
    HttpResult invite(const QByteArray& token, const QString& orgId, const QString& email,
                      const QStringList& roleIds = {}, const QJsonObject& extra = {});
    /// Opens the page and posts the new-person form; returns the answer to the post.
    HttpResult acceptAsNewPerson(const QString& acceptUrl, const QString& name, const QString& password);
    /// Hosted login + code exchange for the console client; the access token, or empty.
    QByteArray signIn(const QString& email, const QString& password);
    QString firstChild(const QByteArray& token, const QString& orgId);
    QJsonObject memberOf(const QString& orgId, const QString& email);
    int sqlCount(const QString& sql, const QVariantList& values = {});
    bool sqlExec(const QString& sql, const QVariantList& values);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QStringList m_tokens; ///< every invitation token handed out, for the log check
};

void InvitationsTest::initTestCase()
{
    QVERIFY2(!TrellisdProcess::executable().isEmpty(), "TRELLIS_TRELLISD is not set");
#ifdef TRELLIS_TEST_POSTGRES
    if (!PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    m_server.setDatabaseUrl(m_postgres->url());
#endif
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin, QStringLiteral("1h"));
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty());
    QVERIFY(!m_northwindId.isEmpty());
    QVERIFY(m_acmeId != m_northwindId);
}

void InvitationsTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient InvitationsTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

QString InvitationsTest::rootOf(const QByteArray& token)
{
    const HttpResult me = client(token).get(QStringLiteral("/api/v1/me"));
    const QJsonArray roots = me.object().value(QStringLiteral("rootOrgIds")).toArray();
    return roots.size() == 1 ? roots.first().toString() : QString();
}

HttpResult InvitationsTest::invite(const QByteArray& token, const QString& orgId, const QString& email,
                                   const QStringList& roleIds, const QJsonObject& extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("email"), email);
    body.insert(QStringLiteral("roleIds"), QJsonArray::fromStringList(roleIds));
    const HttpResult result = client(token).postJson(QStringLiteral("/api/v1/orgs/%1/invitations").arg(orgId), body);
    const QString url = result.object().value(QStringLiteral("acceptUrl")).toString();
    if (!url.isEmpty())
        m_tokens << tokenOf(url);
    return result;
}

HttpResult InvitationsTest::acceptAsNewPerson(const QString& acceptUrl, const QString& name, const QString& password)
{
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult page = browser.get(pathOf(acceptUrl));
    if (page.status != 200)
        return page;
    return browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(acceptUrl)},
                                                        {QStringLiteral("displayName"), name},
                                                        {QStringLiteral("newPassword"), password},
                                                        {QStringLiteral("newPassword2"), password}});
}

QByteArray InvitationsTest::signIn(const QString& email, const QString& password)
{
    const std::string verifier = crypto::Pkce::newVerifier();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("trellis-console"));
    query.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(kRedirect)));
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid%20profile"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("st"));
    query.addQueryItem(QStringLiteral("code_challenge"), QString::fromStdString(crypto::Pkce::s256Challenge(verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    LoginBrowser browser(m_server.baseUrl());
    if (browser.open(QStringLiteral("/oauth2/authorize?") + query.query(QUrl::FullyEncoded)).status != 200)
        return {};
    if (browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}})
            .status != 200)
        return {};
    const HttpResult done =
        browser.submit({{QStringLiteral("node"), QStringLiteral("password")}, {QStringLiteral("password"), password}});
    if (done.status != 303) {
        qWarning("sign-in did not redirect: %s", done.describe().left(400).constData());
        return {};
    }
    const QString code =
        QUrlQuery(QUrl(QString::fromUtf8(done.header("Location")))).queryItemValue(QStringLiteral("code"));
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(kRedirect)));
    form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("trellis-console"));
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromStdString(verifier));
    TestHttpClient http(m_server.baseUrl());
    const HttpResult tokens = http.send("POST", QStringLiteral("/oauth2/token"),
                                        form.query(QUrl::FullyEncoded).toUtf8(), "application/x-www-form-urlencoded");
    return tokens.object().value(QStringLiteral("access_token")).toString().toLatin1();
}

QString InvitationsTest::firstChild(const QByteArray& token, const QString& orgId)
{
    const HttpResult children = client(token).get(QStringLiteral("/api/v1/orgs/%1/children?limit=1").arg(orgId));
    return children.items().isEmpty() ? QString()
                                      : children.items().first().toObject().value(QStringLiteral("id")).toString();
}

QJsonObject InvitationsTest::memberOf(const QString& orgId, const QString& email)
{
    QString cursor;
    for (int guard = 0; guard < 50; ++guard) {
        QString path = QStringLiteral("/api/v1/orgs/%1/members?limit=200").arg(orgId);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = client(m_ownerToken).get(path);
        for (const auto& item : page.items()) {
            const QJsonObject m = item.toObject();
            if (m.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString() == email)
                return m;
        }
        const QJsonValue next = page.object().value(QStringLiteral("nextCursor"));
        if (!next.isString())
            break;
        cursor = next.toString();
    }
    return {};
}

int InvitationsTest::sqlCount(const QString& sql, const QVariantList& values)
{
    int count = -1;
    {
        QSqlDatabase db = m_server.openDatabase(QStringLiteral("check"));
        QSqlQuery query(db);
        query.prepare(sql);
        for (const auto& v : values)
            query.addBindValue(v);
        if (query.exec() && query.next())
            count = query.value(0).toInt();
        else
            qWarning("query failed: %s", qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return count;
}

bool InvitationsTest::sqlExec(const QString& sql, const QVariantList& values)
{
    return m_server.execute(sql, values) == 1;
}

void InvitationsTest::inviteAcceptAndSignIn()
{
    const QString email = QStringLiteral("Nora.Nilsson@Example.COM");
    const HttpResult created = invite(m_ownerToken, m_northwindId, email, {QStringLiteral("user-manager")},
                                      {{QStringLiteral("displayName"), QStringLiteral("Nora Nilsson")},
                                       {QStringLiteral("title"), QStringLiteral("Buyer")},
                                       {QStringLiteral("expiresInDays"), 3}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QJsonObject invitation = created.object().value(QStringLiteral("invitation")).toObject();
    QCOMPARE(invitation.value(QStringLiteral("email")).toString(), QStringLiteral("nora.nilsson@example.com"));
    QCOMPARE(invitation.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(invitation.value(QStringLiteral("roleIds")).toArray(), QJsonArray{QStringLiteral("user-manager")});
    QVERIFY(!invitation.contains(QStringLiteral("token")));
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    QVERIFY2(url.startsWith(m_server.baseUrl().toString() + QStringLiteral("/invite?token=")), qPrintable(url));
    QCOMPARE(tokenOf(url).size(), 43); // 256 bits, base64url
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE token_hash = ?"), {tokenOf(url)}), 0);

    LoginBrowser browser(m_server.baseUrl());
    const HttpResult page = browser.get(pathOf(url));
    QCOMPARE(page.status, 200);
    QCOMPARE(title(page), QStringLiteral("You are invited"));
    const QString body = QString::fromUtf8(page.body);
    QVERIFY(body.contains(QStringLiteral("nora.nilsson@example.com")));
    QVERIFY(body.contains(QStringLiteral("Northwind Trading")));
    QVERIFY(body.contains(QStringLiteral("Buyer")));
    QVERIFY(body.contains(QStringLiteral("<label for=\"field-newPassword\">New password</label>")));
    QVERIFY(body.contains(QStringLiteral("autocomplete=\"new-password\"")));
    QVERIFY(body.contains(QStringLiteral("aria-describedby=\"field-newPassword-hint\"")));
    QVERIFY(body.contains(QStringLiteral("value=\"Nora Nilsson\"")));
    QVERIFY(!body.contains(QStringLiteral("<script")));
    QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
    QVERIFY(!browser.lastCsrf().isEmpty());

    const HttpResult accepted =
        browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(url)},
                                                     {QStringLiteral("displayName"), QStringLiteral("Nora Nilsson")},
                                                     {QStringLiteral("newPassword"), kNewPassword},
                                                     {QStringLiteral("newPassword2"), kNewPassword}});
    QVERIFY2(accepted.status == 200, accepted.describe().left(600).constData());
    QCOMPARE(title(accepted), QStringLiteral("Invitation accepted"));
    QVERIFY(
        QString::fromUtf8(accepted.body).contains(QStringLiteral("You can now sign in with nora.nilsson@example.com")));

    // Single use: the same form again, and the link itself, are refused.
    const HttpResult again =
        browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(url)},
                                                     {QStringLiteral("displayName"), QStringLiteral("Mallory")},
                                                     {QStringLiteral("newPassword"), kNewPassword},
                                                     {QStringLiteral("newPassword2"), kNewPassword}});
    QCOMPARE(again.status, 410);
    QVERIFY(QString::fromUtf8(again.body).contains(QStringLiteral("already been used")));
    QCOMPARE(browser.get(pathOf(url)).status, 410);

    const QJsonObject member = memberOf(m_northwindId, QStringLiteral("nora.nilsson@example.com"));
    QVERIFY(!member.isEmpty());
    QCOMPARE(member.value(QStringLiteral("source")).toString(), QStringLiteral("invitation"));
    QCOMPARE(member.value(QStringLiteral("title")).toString(), QStringLiteral("Buyer"));
    QCOMPARE(member.value(QStringLiteral("roles")).toArray(), QJsonArray{QStringLiteral("user-manager")});
    QCOMPARE(member.value(QStringLiteral("user")).toObject().value(QStringLiteral("displayName")).toString(),
             QStringLiteral("Nora Nilsson"));
    const QString userId = member.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM role_assignments ra JOIN users u ON u.id = ra.granted_by "
                                     "WHERE ra.user_id = ? AND u.email = ? AND ra.justification = 'invitation'"),
                      {userId, kOwner}),
             1);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.accept' AND "
                                     "actor_id = ? AND target_id = ? AND outcome = 'success'"),
                      {userId, invitation.value(QStringLiteral("id")).toString()}),
             1);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.create' AND "
                                     "target_id = ?"),
                      {invitation.value(QStringLiteral("id")).toString()}),
             1);

    // The new person signs in with that password (hosted login, code + PKCE) and holds the role's scope.
    const QByteArray accessToken = signIn(QStringLiteral("nora.nilsson@example.com"), kNewPassword);
    QVERIFY(!accessToken.isEmpty());
    QCOMPARE(rootOf(accessToken), m_northwindId);
    const HttpResult members = client(accessToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(m_northwindId));
    QCOMPARE(members.status, 200); // user.read from user-manager
    QCOMPARE(client(accessToken).get(QStringLiteral("/api/v1/orgs/%1").arg(m_acmeId)).status, 404);
    QVERIFY(signIn(QStringLiteral("nora.nilsson@example.com"), QStringLiteral("not the password at all")).isEmpty());

    const HttpResult listed =
        client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/invitations?status=accepted").arg(m_northwindId));
    QCOMPARE(listed.status, 200);
    bool found = false;
    for (const auto& item : listed.items()) {
        const QJsonObject i = item.toObject();
        if (i.value(QStringLiteral("id")) == invitation.value(QStringLiteral("id"))) {
            found = true;
            QCOMPARE(i.value(QStringLiteral("acceptedUserId")).toString(), userId);
        }
    }
    QVERIFY(found);
}

void InvitationsTest::pageSpeaksGerman()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("german.page@example.com"));
    QCOMPARE(created.status, 201);
    LoginBrowser browser(m_server.baseUrl());
    browser.setAcceptLanguage("de-DE,de;q=0.9,en;q=0.5");
    const HttpResult page = browser.get(pathOf(created.object().value(QStringLiteral("acceptUrl")).toString()));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<html lang=\"de\">"));
    QCOMPARE(title(page), QStringLiteral("Sie wurden eingeladen"));
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("Neues Passwort wiederholen")));
    const HttpResult unknown = browser.get(QStringLiteral("/invite?token=nonsense"));
    QCOMPARE(unknown.status, 404);
    QVERIFY(QString::fromUtf8(unknown.body).contains(QStringLiteral("Einladungslink ist ungültig")));
}

void InvitationsTest::passwordRulesArePerField()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("rules@example.com"));
    QCOMPARE(created.status, 201);
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.get(pathOf(url)).status, 200);
    const auto post = [&](const QString& name, const QString& a, const QString& b) {
        return browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(url)},
                                                            {QStringLiteral("displayName"), name},
                                                            {QStringLiteral("newPassword"), a},
                                                            {QStringLiteral("newPassword2"), b}});
    };
    const HttpResult tooShort = post(QStringLiteral("Rue Les"), QStringLiteral("short"), QStringLiteral("short"));
    QCOMPARE(tooShort.status, 200);
    QVERIFY(tooShort.body.contains("<p class=\"field-error\" id=\"field-newPassword-error\">Use at least 12"));
    QVERIFY(tooShort.body.contains("aria-invalid=\"true\""));
    QVERIFY(tooShort.body.contains("value=\"Rue Les\"")); // the name typed is kept
    const HttpResult common =
        post(QStringLiteral("Rue Les"), QStringLiteral("password1234"), QStringLiteral("password1234"));
    QVERIFY(common.body.contains("id=\"field-newPassword-error\">This password is too common"));
    const HttpResult mismatch = post(QStringLiteral("Rue Les"), kNewPassword, kNewPassword + QStringLiteral("x"));
    QVERIFY(mismatch.body.contains("id=\"field-newPassword2-error\">The two passwords do not match"));
    const HttpResult noName = post(QString(), kNewPassword, kNewPassword);
    QVERIFY(noName.body.contains("id=\"field-displayName-error\""));
    // Nothing was accepted by the failed attempts.
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'rules@example.com'")), 0);
    QCOMPARE(post(QStringLiteral("Rue Les"), kNewPassword, kNewPassword).status, 200);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'rules@example.com'")), 1);
}

void InvitationsTest::csrfIsRequired()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("csrf@example.com"));
    QCOMPARE(created.status, 201);
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.get(pathOf(url)).status, 200);
    const QList<QPair<QString, QString>> fields{{QStringLiteral("token"), tokenOf(url)},
                                                {QStringLiteral("displayName"), QStringLiteral("C")},
                                                {QStringLiteral("newPassword"), kNewPassword},
                                                {QStringLiteral("newPassword2"), kNewPassword}};
    QCOMPARE(browser.submitTo(QStringLiteral("/invite"), fields, false).status, 403);
    QList<QPair<QString, QString>> forged = fields;
    forged.prepend({QStringLiteral("csrf"), QStringLiteral("forged")});
    QCOMPARE(browser.submitTo(QStringLiteral("/invite"), forged, false).status, 403);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'csrf@example.com'")), 0);
}

void InvitationsTest::concurrentAcceptanceWinsOnce()
{
    const HttpResult created =
        invite(m_ownerToken, m_northwindId, QStringLiteral("race@example.com"), {QStringLiteral("member")});
    QCOMPARE(created.status, 201);
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.get(pathOf(url)).status, 200);
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("csrf"), browser.lastCsrf());
    form.addQueryItem(QStringLiteral("token"), tokenOf(url));
    form.addQueryItem(QStringLiteral("displayName"), QStringLiteral("Race"));
    form.addQueryItem(QStringLiteral("newPassword"), QString::fromUtf8(QUrl::toPercentEncoding(kNewPassword)));
    form.addQueryItem(QStringLiteral("newPassword2"), QString::fromUtf8(QUrl::toPercentEncoding(kNewPassword)));
    const QByteArray body = form.query(QUrl::FullyEncoded).toUtf8();

    // Several posts of the same form in flight at once: exactly one acceptance.
    QNetworkAccessManager network;
    QList<QNetworkReply*> replies;
    for (int i = 0; i < 4; ++i) {
        QNetworkRequest request(m_server.baseUrl().resolved(QUrl(QStringLiteral("/invite"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        replies << network.post(request, body);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.begin(), replies.end(), [](QNetworkReply* r) { return r->isFinished(); }), 60000);
    int accepted = 0;
    int refused = 0;
    for (QNetworkReply* reply : std::as_const(replies)) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        accepted += status == 200 ? 1 : 0;
        refused += status == 410 ? 1 : 0;
        reply->deleteLater();
    }
    QCOMPARE(accepted, 1);
    QCOMPARE(refused, 3);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'race@example.com'")), 1);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM role_assignments ra JOIN users u ON u.id = ra.user_id "
                                     "WHERE u.email = 'race@example.com'")),
             1);
}

void InvitationsTest::expiredTokenFails()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("late@example.com"));
    QCOMPARE(created.status, 201);
    const QString id =
        created.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString();
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.get(pathOf(url)).status, 200); // a form is open when the invitation runs out
    QVERIFY(sqlExec(QStringLiteral("UPDATE invitations SET expires_at = '2001-01-01T00:00:00Z' WHERE id = ?"), {id}));

    const HttpResult page = LoginBrowser(m_server.baseUrl()).get(pathOf(url));
    QCOMPARE(page.status, 410);
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("This invitation has expired")));
    const HttpResult post = acceptAsNewPerson(url, QStringLiteral("Late"), kNewPassword);
    QCOMPARE(post.status, 410);
    const HttpResult submitted =
        browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(url)},
                                                     {QStringLiteral("displayName"), QStringLiteral("Late")},
                                                     {QStringLiteral("newPassword"), kNewPassword},
                                                     {QStringLiteral("newPassword2"), kNewPassword}});
    QCOMPARE(submitted.status, 410);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'late@example.com'")), 0);

    const HttpResult expired =
        client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/invitations?status=expired").arg(m_northwindId));
    QCOMPARE(expired.status, 200);
    bool listed = false;
    for (const auto& item : expired.items())
        listed = listed || item.toObject().value(QStringLiteral("id")).toString() == id;
    QVERIFY(listed);

    // An expired invitation does not block a new one for the same address.
    QCOMPARE(invite(m_ownerToken, m_northwindId, QStringLiteral("late@example.com")).status, 201);
}

void InvitationsTest::resendKillsOldToken()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("resend@example.com"));
    QCOMPARE(created.status, 201);
    const QString id =
        created.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString();
    const QString oldUrl = created.object().value(QStringLiteral("acceptUrl")).toString();
    const HttpResult resent = client(m_ownerToken)
                                  .send("POST", QStringLiteral("/api/v1/invitations/%1/resend").arg(id),
                                        "{\"expiresInDays\": 14}", "application/json");
    QVERIFY2(resent.status == 200, resent.describe().constData());
    const QString newUrl = resent.object().value(QStringLiteral("acceptUrl")).toString();
    m_tokens << tokenOf(newUrl);
    QVERIFY(!newUrl.isEmpty());
    QVERIFY(newUrl != oldUrl);
    QCOMPARE(resent.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(LoginBrowser(m_server.baseUrl()).get(pathOf(oldUrl)).status, 404);
    QCOMPARE(acceptAsNewPerson(oldUrl, QStringLiteral("Old"), kNewPassword).status, 404);
    QCOMPARE(acceptAsNewPerson(newUrl, QStringLiteral("New"), kNewPassword).status, 200);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.resend' AND "
                                     "target_id = ?"),
                      {id}),
             1);
    // Accepted: nothing left to resend or revoke.
    const HttpResult closed =
        client(m_ownerToken).send("POST", QStringLiteral("/api/v1/invitations/%1/resend").arg(id));
    QCOMPARE(closed.status, 409);
    QCOMPARE(closed.errorCode(), QStringLiteral("invitation_closed"));
}

void InvitationsTest::revokedTokenFails()
{
    const HttpResult created = invite(m_ownerToken, m_northwindId, QStringLiteral("revoked@example.com"));
    QCOMPARE(created.status, 201);
    const QString id =
        created.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString();
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    const HttpResult revoked = client(m_ownerToken).send("DELETE", QStringLiteral("/api/v1/invitations/%1").arg(id));
    QVERIFY2(revoked.status == 200, revoked.describe().constData());
    QCOMPARE(revoked.object().value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
    const HttpResult page = LoginBrowser(m_server.baseUrl()).get(pathOf(url));
    QCOMPARE(page.status, 410);
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("withdrawn")));
    QCOMPARE(acceptAsNewPerson(url, QStringLiteral("R"), kNewPassword).status, 410);
    QCOMPARE(client(m_ownerToken).send("DELETE", QStringLiteral("/api/v1/invitations/%1").arg(id)).status, 409);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.revoke' AND "
                                     "target_id = ? AND outcome = 'success'"),
                      {id}),
             1);
    // Revoked frees the address for a new invitation.
    QCOMPARE(invite(m_ownerToken, m_northwindId, QStringLiteral("revoked@example.com")).status, 201);
}

void InvitationsTest::existingPersonGetsMembershipNotSecondAccount()
{
    const QString child = firstChild(m_ownerToken, m_northwindId);
    QVERIFY(!child.isEmpty());
    const QString auditorId = client(m_auditorToken)
                                  .get(QStringLiteral("/api/v1/me"))
                                  .object()
                                  .value(QStringLiteral("user"))
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
    QVERIFY(!auditorId.isEmpty());
    const HttpResult created = invite(m_ownerToken, child, QStringLiteral("AUDITOR@acme.example"), {},
                                      {{QStringLiteral("title"), QStringLiteral("Reviewer")}});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();

    LoginBrowser browser(m_server.baseUrl());
    const HttpResult page = browser.get(pathOf(url));
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<label for=\"field-currentPassword\">Current password</label>"));
    QVERIFY(page.body.contains("autocomplete=\"current-password\""));
    QVERIFY(!page.body.contains("field-newPassword"));
    const HttpResult wrong = browser.submitTo(
        QStringLiteral("/invite"), {{QStringLiteral("token"), tokenOf(url)},
                                    {QStringLiteral("currentPassword"), QStringLiteral("wrong-password-1")}});
    QCOMPARE(wrong.status, 200);
    QVERIFY(wrong.body.contains("id=\"field-currentPassword-error\">This password is not correct."));
    const HttpResult ok =
        browser.submitTo(QStringLiteral("/invite"),
                         {{QStringLiteral("token"), tokenOf(url)}, {QStringLiteral("currentPassword"), kDemoPassword}});
    QVERIFY2(ok.status == 200, ok.describe().left(500).constData());
    QCOMPARE(title(ok), QStringLiteral("Invitation accepted"));

    const QJsonObject member = memberOf(child, kAuditor);
    QCOMPARE(member.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(), auditorId);
    QCOMPARE(member.value(QStringLiteral("title")).toString(), QStringLiteral("Reviewer"));
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ?"), {kAuditor}), 1);
    // The old password still signs in: nothing about the account changed but the new membership.
    QVERIFY(!signIn(kAuditor, kDemoPassword).isEmpty());
}

void InvitationsTest::passwordlessAccountElsewhereIsNotClaimed()
{
    // Demo staff have no password. One who works at Acme itself must not get a password chosen by whoever holds a
    // Northwind invitation link.
    QString email;
    const HttpResult acme = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/members?limit=50").arg(m_acmeId));
    for (const auto& item : acme.items()) {
        const QString candidate =
            item.toObject().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString();
        if (candidate != kOwner && candidate != kAuditor &&
            sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ? AND password_hash IS NULL"),
                     {candidate}) == 1) {
            email = candidate;
            break;
        }
    }
    QVERIFY2(!email.isEmpty(), "no passwordless Acme member in the demo world");
    const HttpResult created = invite(m_ownerToken, m_northwindId, email);
    QVERIFY2(created.status == 201, created.describe().constData());
    const QString url = created.object().value(QStringLiteral("acceptUrl")).toString();
    const HttpResult page = LoginBrowser(m_server.baseUrl()).get(pathOf(url));
    QCOMPARE(page.status, 403);
    QVERIFY(QString::fromUtf8(page.body).contains(QStringLiteral("belongs to other organisations")));
    QCOMPARE(acceptAsNewPerson(url, QStringLiteral("Taker"), kNewPassword).status, 403);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = ? AND password_hash IS NULL"), {email}),
             1);
}

void InvitationsTest::activeMemberConflicts()
{
    const HttpResult member = invite(m_ownerToken, m_northwindId, kNorthwindAdmin);
    QCOMPARE(member.status, 409);
    QCOMPARE(member.errorCode(), QStringLiteral("already_member"));
    QCOMPARE(member.errorField(), QStringLiteral("email"));
}

void InvitationsTest::secondPendingInvitationConflicts()
{
    QCOMPARE(invite(m_ownerToken, m_northwindId, QStringLiteral("twice@example.com")).status, 201);
    const HttpResult second = invite(m_ownerToken, m_northwindId, QStringLiteral("TWICE@example.com"));
    QCOMPARE(second.status, 409);
    QCOMPARE(second.errorCode(), QStringLiteral("invitation_pending"));
    // Another org is another invitation.
    QCOMPARE(invite(m_ownerToken, m_acmeId, QStringLiteral("twice@example.com")).status, 201);
}

void InvitationsTest::badInputIsNamed()
{
    const HttpResult badEmail = invite(m_ownerToken, m_northwindId, QStringLiteral("not-an-address"));
    QCOMPARE(badEmail.status, 400);
    QCOMPARE(badEmail.errorField(), QStringLiteral("email"));
    const HttpResult badDays = invite(m_ownerToken, m_northwindId, QStringLiteral("days@example.com"), {},
                                      {{QStringLiteral("expiresInDays"), 31}});
    QCOMPARE(badDays.status, 400);
    QCOMPARE(badDays.errorField(), QStringLiteral("expiresInDays"));
    const HttpResult unknownRole = invite(m_ownerToken, m_northwindId, QStringLiteral("role@example.com"),
                                          {QStringLiteral("member"), QStringLiteral("no-such-role")});
    QCOMPARE(unknownRole.status, 400);
    QCOMPARE(unknownRole.errorField(), QStringLiteral("roleIds[1]"));
    const HttpResult unknownField = invite(m_ownerToken, m_northwindId, QStringLiteral("f@example.com"), {},
                                           {{QStringLiteral("password"), QStringLiteral("x")}});
    QCOMPARE(unknownField.status, 400);
    QCOMPARE(unknownField.errorCode(), QStringLiteral("unknown_field"));
    const HttpResult badStatus =
        client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/invitations?status=nope").arg(m_northwindId));
    QCOMPARE(badStatus.status, 400);
    QCOMPARE(badStatus.errorField(), QStringLiteral("status"));
}

void InvitationsTest::roleBeyondInvitersPermissionsIsRefused()
{
    // The Northwind admin holds org-admin there, not platform-owner (flow.design, flow.publish are missing).
    const HttpResult refused = invite(m_northwindToken, m_northwindId, QStringLiteral("climber@example.com"),
                                      {QStringLiteral("member"), QStringLiteral("platform-owner")});
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.errorField(), QStringLiteral("roleIds[1]"));
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE email = 'climber@example.com'")), 0);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.create' AND "
                                     "outcome = 'denied' AND target_display = 'climber@example.com'")),
             1);
    // What they hold, they may hand out.
    QCOMPARE(
        invite(m_northwindToken, m_northwindId, QStringLiteral("climber@example.com"), {QStringLiteral("org-admin")})
            .status,
        201);
}

void InvitationsTest::inviteWithoutRoleAssignIsRefused()
{
    // Nora (user-manager at Northwind, from the first test) may invite, but not with roles.
    const QByteArray nora = signIn(QStringLiteral("nora.nilsson@example.com"), kNewPassword);
    QVERIFY(!nora.isEmpty());
    const HttpResult withRole =
        invite(nora, m_northwindId, QStringLiteral("by-nora@example.com"), {QStringLiteral("member")});
    QCOMPARE(withRole.status, 403);
    QCOMPARE(withRole.errorField(), QStringLiteral("roleIds[0]"));
    QCOMPARE(invite(nora, m_northwindId, QStringLiteral("by-nora@example.com")).status, 201);
    // The auditor sees invitations (user.read) but may not invite.
    QCOMPARE(invite(m_auditorToken, m_northwindId, QStringLiteral("by-auditor@example.com")).status, 403);
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/orgs/%1/invitations").arg(m_northwindId)).status, 200);
}

void InvitationsTest::rolesAreRecheckedAtAcceptance()
{
    // Someone made admin of a Northwind organisation invites a colleague with a role, then loses the admin role
    // before the colleague accepts: the membership lands, the role does not (it would be granted in their name).
    const QString orgId = firstChild(m_ownerToken, m_northwindId);
    QVERIFY(!orgId.isEmpty());
    QString delegateId;
    QString delegateEmail;
    for (const auto& item : client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(orgId)).items()) {
        const QJsonObject m = item.toObject();
        const QJsonObject user = m.value(QStringLiteral("user")).toObject();
        if (m.value(QStringLiteral("status")).toString() == u"active" &&
            user.value(QStringLiteral("status")).toString() == u"active" &&
            m.value(QStringLiteral("roles")).toArray().isEmpty()) {
            delegateId = user.value(QStringLiteral("id")).toString();
            delegateEmail = user.value(QStringLiteral("email")).toString();
            break;
        }
    }
    QVERIFY(!delegateId.isEmpty());
    const HttpResult granted =
        client(m_ownerToken)
            .postJson(QStringLiteral("/api/v1/role-assignments"),
                      {{QStringLiteral("userId"), delegateId},
                       {QStringLiteral("roleId"), QStringLiteral("org-admin")},
                       {QStringLiteral("orgId"), orgId},
                       {QStringLiteral("justification"), QStringLiteral("Stand-in for the holidays")}});
    QVERIFY2(granted.status == 201, granted.describe().constData());
    const QString assignmentId = granted.object().value(QStringLiteral("id")).toString();
    const QByteArray delegate = m_server.adminToken(delegateEmail, QStringLiteral("1h"));
    const HttpResult created =
        invite(delegate, orgId, QStringLiteral("late-grant@example.com"), {QStringLiteral("user-manager")});
    QVERIFY2(created.status == 201, created.describe().constData());

    QCOMPARE(client(m_ownerToken).send("DELETE", QStringLiteral("/api/v1/role-assignments/") + assignmentId).status,
             200);
    const HttpResult accepted = acceptAsNewPerson(created.object().value(QStringLiteral("acceptUrl")).toString(),
                                                  QStringLiteral("Late Grant"), kNewPassword);
    QVERIFY2(accepted.status == 200, accepted.describe().left(600).constData());
    QCOMPARE(memberOf(orgId, QStringLiteral("late-grant@example.com")).value(QStringLiteral("status")).toString(),
             QStringLiteral("active"));
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM role_assignments ra JOIN users u ON u.id = ra.user_id "
                                     "WHERE u.email = 'late-grant@example.com'")),
             0);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.accept' AND "
                                     "target_display = 'late-grant@example.com' AND after_state LIKE ?"),
                      {QStringLiteral("%inviter may no longer grant it%")}),
             1);
}

void InvitationsTest::outOfScopeIsNotFound()
{
    const HttpResult atAcme = invite(m_ownerToken, m_acmeId, QStringLiteral("acme-only@example.com"));
    QCOMPARE(atAcme.status, 201);
    const QString acmeInvitation =
        atAcme.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString();

    QCOMPARE(invite(m_northwindToken, m_acmeId, QStringLiteral("x@example.com")).status, 404);
    QCOMPARE(invite(m_northwindToken, QStringLiteral("no-such-org"), QStringLiteral("x@example.com")).status, 404);
    TestHttpClient northwind = client(m_northwindToken);
    QCOMPARE(northwind.get(QStringLiteral("/api/v1/orgs/%1/invitations").arg(m_acmeId)).status, 404);
    QCOMPARE(northwind.send("POST", QStringLiteral("/api/v1/invitations/%1/resend").arg(acmeInvitation)).status, 404);
    QCOMPARE(northwind.send("DELETE", QStringLiteral("/api/v1/invitations/%1").arg(acmeInvitation)).status, 404);
    QCOMPARE(northwind.send("DELETE", QStringLiteral("/api/v1/invitations/no-such-id")).status, 404);
    // Still pending: the attempts changed nothing.
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE id = ? AND status = 'pending'"),
                      {acmeInvitation}),
             1);
}

void InvitationsTest::partnerAdminInvitesIntoOwnSubtreeOnly()
{
    const QString child = firstChild(m_northwindToken, m_northwindId);
    QVERIFY(!child.isEmpty());
    const HttpResult created =
        invite(m_northwindToken, child, QStringLiteral("sub@example.com"), {QStringLiteral("member")});
    QVERIFY2(created.status == 201, created.describe().constData());
    const QString id =
        created.object().value(QStringLiteral("invitation")).toObject().value(QStringLiteral("id")).toString();
    const HttpResult direct =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/invitations").arg(m_northwindId));
    const HttpResult subtree =
        client(m_northwindToken)
            .get(QStringLiteral("/api/v1/orgs/%1/invitations?subtree=true&limit=200").arg(m_northwindId));
    QCOMPARE(subtree.status, 200);
    const auto has = [&id](const HttpResult& r) {
        for (const auto& item : r.items()) {
            if (item.toObject().value(QStringLiteral("id")).toString() == id)
                return true;
        }
        return false;
    };
    QVERIFY(!has(direct));
    QVERIFY(has(subtree));
    for (const auto& item : subtree.items())
        QVERIFY(item.toObject().value(QStringLiteral("orgId")).toString() != m_acmeId);
    // Resend within the subtree works for the partner admin.
    const HttpResult resent =
        client(m_northwindToken).send("POST", QStringLiteral("/api/v1/invitations/%1/resend").arg(id));
    QCOMPARE(resent.status, 200);
    m_tokens << tokenOf(resent.object().value(QStringLiteral("acceptUrl")).toString());
}

void InvitationsTest::listFiltersAndPages()
{
    QStringList seen;
    QString cursor;
    int pages = 0;
    for (; pages < 100; ++pages) {
        QString path = QStringLiteral("/api/v1/orgs/%1/invitations?status=pending&limit=2").arg(m_northwindId);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = client(m_ownerToken).get(path);
        QCOMPARE(page.status, 200);
        QVERIFY(page.items().size() <= 2);
        for (const auto& item : page.items()) {
            const QJsonObject i = item.toObject();
            QCOMPARE(i.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
            QVERIFY(!seen.contains(i.value(QStringLiteral("id")).toString()));
            seen << i.value(QStringLiteral("id")).toString();
        }
        const QJsonValue next = page.object().value(QStringLiteral("nextCursor"));
        if (!next.isString())
            break;
        cursor = next.toString();
    }
    QVERIFY(pages >= 1);
    QCOMPARE(seen.size(), sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE org_id = ? AND status = "
                                                  "'pending' AND expires_at > '2020-01-01T00:00:00Z'"),
                                   {m_northwindId}));
}

void InvitationsTest::tokensNeverLoggedOrAudited()
{
    QVERIFY(m_tokens.size() >= 5);
    const QByteArray log = m_server.stderrOutput();
    QSqlDatabase db = m_server.openDatabase(QStringLiteral("audit"));
    QString audit;
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT before_state, after_state, reason FROM audit_events")));
        while (query.next())
            audit += query.value(0).toString() + query.value(1).toString() + query.value(2).toString();
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
    for (const QString& token : std::as_const(m_tokens)) {
        QVERIFY(!token.isEmpty());
        QVERIFY2(!log.contains(token.toLatin1()), "an invitation token reached the log");
        QVERIFY2(!audit.contains(token), "an invitation token reached the audit trail");
    }
    QVERIFY(!log.contains(kNewPassword.toUtf8()));
    QVERIFY(!audit.contains(kNewPassword));
}

QTEST_GUILESS_MAIN(InvitationsTest)
#include "tst_invitations.moc"
