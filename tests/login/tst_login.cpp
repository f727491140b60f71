// The hosted login against a real trellisd --demo on loopback: /oauth2/authorize checks, the flow pages, SSO,
// TOTP enrolment and verification, CSRF, throttling and lock-out, languages, logout and the audit trail.
#include "core/crypto/Base32.h"
#include "core/crypto/Pkce.h"
#include "core/crypto/Totp.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <chrono>
#include <memory>

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;
namespace crypto = trellis::core::crypto;

namespace {

const QString demoPassword = QStringLiteral("trellis-demo-2026");
const QString redirect = QStringLiteral("http://127.0.0.1:45678/callback");

QString authorizePath(const QList<QPair<QString, QString>>& overrides = {}, const QStringList& omit = {})
{
    QList<QPair<QString, QString>> params{
        {QStringLiteral("client_id"), QStringLiteral("trellis-console")},
        {QStringLiteral("redirect_uri"), redirect},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("scope"), QStringLiteral("openid profile")},
        {QStringLiteral("state"), QStringLiteral("st-123")},
        {QStringLiteral("nonce"), QStringLiteral("n-456")},
        {QStringLiteral("code_challenge"),
         QString::fromStdString(crypto::Pkce::s256Challenge(crypto::Pkce::newVerifier()))},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    QUrlQuery query;
    for (const auto& [name, value] : params) {
        if (omit.contains(name))
            continue;
        QString v = value;
        for (const auto& [oName, oValue] : overrides) {
            if (oName == name)
                v = oValue;
        }
        query.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(v)));
    }
    for (const auto& [oName, oValue] : overrides) {
        bool known = false;
        for (const auto& p : params)
            known = known || p.first == oName;
        if (!known)
            query.addQueryItem(oName, QString::fromUtf8(QUrl::toPercentEncoding(oValue)));
    }
    return QStringLiteral("/oauth2/authorize?") + query.query(QUrl::FullyEncoded);
}

QString title(const HttpResult& page)
{
    static const QRegularExpression re(QStringLiteral("<h1 id=\"page-title\">([^<]*)</h1>"));
    return re.match(QString::fromUtf8(page.body)).captured(1);
}

QUrlQuery locationQuery(const HttpResult& result)
{
    return QUrlQuery(QUrl(QString::fromUtf8(result.header("Location"))));
}

std::string totpNow(const QString& base32, std::chrono::seconds offset = std::chrono::seconds(0))
{
    const auto secret = crypto::base32Decode(base32.toStdString());
    return secret ? crypto::Totp::code(*secret, std::chrono::system_clock::now() + offset) : std::string();
}

} // namespace

class LoginTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badClientOrRedirectShowsPageNeverRedirects();
    void protocolErrorsRedirectWithState();
    void pagesAreAccessibleAndStyled();
    void germanByAcceptLanguage();
    void csrfMissingOrWrongIsRefused();
    void wrongPasswordLooksLikeUnknownUser();
    void successRedirectsWithCodeAndSso();
    void totpEnrolmentThenVerification();
    void lockAfterRepeatedFailures();
    void auditTrailWithoutSecrets();
    void outboxApiAndMagicLinkPage();

private:
    /// Runs identify + password in `browser`; returns the response to the password form.
    HttpResult signIn(LoginBrowser& browser, const QString& email, const QString& password,
                      const QList<QPair<QString, QString>>& extra = {});
    QList<QByteArray> auditActions();
    /// Demo world on SQLite, or on a fresh PostgreSQL database in the _postgres variant.
    bool prepare(TrellisdProcess& server, std::unique_ptr<PostgresTestDatabase>& database);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
};

void LoginTest::initTestCase()
{
    QVERIFY2(!TrellisdProcess::executable().isEmpty(), "TRELLIS_TRELLISD is not set");
#ifdef TRELLIS_TEST_POSTGRES
    if (!PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(PostgresTestDatabase::notConfiguredReason()));
#endif
    QVERIFY(prepare(m_server, m_postgres));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

bool LoginTest::prepare(TrellisdProcess& server, std::unique_ptr<PostgresTestDatabase>& database)
{
    server.setDemo(true);
#ifdef TRELLIS_TEST_POSTGRES
    database = std::make_unique<PostgresTestDatabase>();
    QString error;
    if (!database->create(&error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    server.setDatabaseUrl(database->url());
#else
    Q_UNUSED(database);
#endif
    return true;
}

HttpResult LoginTest::signIn(LoginBrowser& browser, const QString& email, const QString& password,
                             const QList<QPair<QString, QString>>& extra)
{
    const HttpResult identify = browser.open(authorizePath(extra));
    if (identify.status != 200)
        return identify;
    const HttpResult passwordPage =
        browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}});
    if (passwordPage.status != 200)
        return passwordPage;
    return browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password")}, {QStringLiteral("password"), password}});
}

void LoginTest::badClientOrRedirectShowsPageNeverRedirects()
{
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult unknownClient =
        browser.get(authorizePath({{QStringLiteral("client_id"), QStringLiteral("nope")}}));
    QCOMPARE(unknownClient.status, 400);
    QVERIFY(unknownClient.header("Location").isEmpty());
    QVERIFY(unknownClient.header("Content-Type").startsWith("text/html"));

    for (const QString& uri :
         {QStringLiteral("https://evil.example/callback"), QStringLiteral("http://127.0.0.1:45678/other"),
          QStringLiteral("http://localhost/callback")}) {
        const HttpResult bad = browser.get(authorizePath({{QStringLiteral("redirect_uri"), uri}}));
        QCOMPARE(bad.status, 400);
        QVERIFY2(bad.header("Location").isEmpty(), qPrintable(uri));
        QVERIFY(!bad.body.contains("evil.example"));
    }
    const HttpResult missing = browser.get(authorizePath({}, {QStringLiteral("redirect_uri")}));
    QCOMPARE(missing.status, 400);
    QVERIFY(missing.header("Location").isEmpty());
    // Even with another error in the request, a bad redirect URI wins: no redirect.
    const HttpResult both =
        browser.get(authorizePath({{QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/cb")},
                                   {QStringLiteral("response_type"), QStringLiteral("token")}}));
    QCOMPARE(both.status, 400);
    QVERIFY(both.header("Location").isEmpty());
}

void LoginTest::protocolErrorsRedirectWithState()
{
    LoginBrowser browser(m_server.baseUrl());
    const auto expectError = [&](const QString& path, const QString& error) {
        const HttpResult r = browser.get(path);
        QCOMPARE(r.status, 303);
        QVERIFY2(r.header("Location").startsWith(redirect.toUtf8() + '?'), r.header("Location").constData());
        const QUrlQuery q = locationQuery(r);
        QCOMPARE(q.queryItemValue(QStringLiteral("error")), error);
        QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
    };
    expectError(authorizePath({}, {QStringLiteral("code_challenge"), QStringLiteral("code_challenge_method")}),
                QStringLiteral("invalid_request"));
    expectError(authorizePath({{QStringLiteral("code_challenge_method"), QStringLiteral("plain")}}),
                QStringLiteral("invalid_request"));
    expectError(authorizePath({}, {QStringLiteral("code_challenge_method")}), QStringLiteral("invalid_request"));
    expectError(authorizePath({{QStringLiteral("response_type"), QStringLiteral("token")}}),
                QStringLiteral("unsupported_response_type"));
    expectError(authorizePath({{QStringLiteral("scope"), QStringLiteral("profile")}}), QStringLiteral("invalid_scope"));
    expectError(authorizePath({{QStringLiteral("prompt"), QStringLiteral("none")}}), QStringLiteral("login_required"));
    // Loopback redirect on another port is fine for the native console (RFC 8252 §7.3).
    const HttpResult ok = browser.get(
        authorizePath({{QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:1234/callback")}}));
    QCOMPARE(ok.status, 303);
    QCOMPARE(ok.header("Location"), QByteArray("/login/flow"));
}

void LoginTest::pagesAreAccessibleAndStyled()
{
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult start = browser.get(authorizePath());
    QCOMPARE(start.status, 303);
    const QByteArray cookie = start.header("Set-Cookie");
    QVERIFY2(cookie.startsWith("trellis_flow="), cookie.constData());
    QVERIFY(cookie.contains("HttpOnly"));
    QVERIFY(cookie.contains("SameSite=Lax"));
    QVERIFY(!cookie.contains("Secure")); // plain HTTP on loopback

    const HttpResult page = browser.get(QStringLiteral("/login/flow"));
    QCOMPARE(page.status, 200);
    QCOMPARE(title(page), QStringLiteral("Sign in"));
    QVERIFY(page.body.contains("<html lang=\"en\">"));
    QVERIFY(page.body.contains("<label for=\"field-email\">"));
    QVERIFY(page.body.contains("id=\"field-email\" name=\"email\" type=\"email\" autocomplete=\"username\""));
    QVERIFY(!page.body.contains("<script"));
    QVERIFY(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));

    const HttpResult invalid = browser.submit({{QStringLiteral("node"), QStringLiteral("identify")},
                                               {QStringLiteral("email"), QStringLiteral("not-an-address")}});
    QCOMPARE(invalid.status, 200);
    QVERIFY(invalid.body.contains("aria-invalid=\"true\""));
    QVERIFY(invalid.body.contains("aria-describedby=\"field-email-error\""));
    QVERIFY(invalid.body.contains("<p class=\"field-error\" id=\"field-email-error\">"));

    const HttpResult css = browser.get(QStringLiteral("/login/assets/login.css"));
    QCOMPARE(css.status, 200);
    QVERIFY(css.header("Content-Type").startsWith("text/css"));
    QVERIFY(css.body.contains(":focus-visible"));
}

void LoginTest::germanByAcceptLanguage()
{
    LoginBrowser browser(m_server.baseUrl());
    browser.setAcceptLanguage("de-DE,de;q=0.9,en;q=0.8");
    const HttpResult page = browser.open(authorizePath());
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("<html lang=\"de\">"));
    QCOMPARE(title(page), QStringLiteral("Anmelden"));
    QVERIFY(page.body.contains("E-Mail-Adresse"));
    const HttpResult password = browser.submit({{QStringLiteral("node"), QStringLiteral("identify")},
                                                {QStringLiteral("email"), QStringLiteral("nobody@example.com")}});
    QCOMPARE(title(password), QStringLiteral("Passwort eingeben"));
    const HttpResult wrong = browser.submit({{QStringLiteral("node"), QStringLiteral("password")},
                                             {QStringLiteral("password"), QStringLiteral("falsches-passwort-1")}});
    QVERIFY(QString::fromUtf8(wrong.body).contains(QStringLiteral("Passwort ist nicht korrekt")));
}

void LoginTest::csrfMissingOrWrongIsRefused()
{
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.open(authorizePath()).status, 200);
    const HttpResult missing = browser.submit({{QStringLiteral("node"), QStringLiteral("identify")},
                                               {QStringLiteral("email"), QStringLiteral("owner@acme.example")}},
                                              false);
    QCOMPARE(missing.status, 403);
    const HttpResult wrong = browser.submit({{QStringLiteral("csrf"), QStringLiteral("forged")},
                                             {QStringLiteral("node"), QStringLiteral("identify")},
                                             {QStringLiteral("email"), QStringLiteral("owner@acme.example")}},
                                            false);
    QCOMPARE(wrong.status, 403);
    // Another browser's token does not work with this browser's session either.
    LoginBrowser other(m_server.baseUrl());
    QCOMPARE(other.open(authorizePath()).status, 200);
    const HttpResult foreign = browser.submit({{QStringLiteral("csrf"), other.lastCsrf()},
                                               {QStringLiteral("node"), QStringLiteral("identify")},
                                               {QStringLiteral("email"), QStringLiteral("owner@acme.example")}},
                                              false);
    QCOMPARE(foreign.status, 403);
    // No flow cookie at all: no session.
    LoginBrowser stranger(m_server.baseUrl());
    QCOMPARE(stranger.submit({{QStringLiteral("node"), QStringLiteral("identify")}}).status, 400);
}

void LoginTest::wrongPasswordLooksLikeUnknownUser()
{
    const auto normalise = [](QByteArray body, const QString& email, const QString& csrf) {
        body.replace(email.toUtf8(), "EMAIL");
        body.replace(csrf.toUtf8(), "CSRF");
        return body;
    };
    LoginBrowser known(m_server.baseUrl());
    const HttpResult wrong = signIn(known, QStringLiteral("auditor@acme.example"), QStringLiteral("not-the-password"));
    LoginBrowser unknown(m_server.baseUrl());
    const HttpResult nobody =
        signIn(unknown, QStringLiteral("nobody@acme.example"), QStringLiteral("not-the-password"));
    QCOMPARE(wrong.status, 200);
    QCOMPARE(nobody.status, wrong.status);
    QVERIFY(wrong.body.contains("The email address or password is not correct."));
    QCOMPARE(normalise(nobody.body, QStringLiteral("nobody@acme.example"), unknown.lastCsrf()),
             normalise(wrong.body, QStringLiteral("auditor@acme.example"), known.lastCsrf()));
}

void LoginTest::successRedirectsWithCodeAndSso()
{
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult done = signIn(browser, QStringLiteral("owner@acme.example"), demoPassword);
    QCOMPARE(done.status, 303);
    QVERIFY2(done.header("Location").startsWith(redirect.toUtf8() + "?code="), done.header("Location").constData());
    const QUrlQuery q = locationQuery(done);
    QVERIFY(q.queryItemValue(QStringLiteral("code")).size() >= 32);
    QCOMPARE(q.queryItemValue(QStringLiteral("state")), QStringLiteral("st-123"));
    const QByteArray cookies = done.header("Set-Cookie");
    QVERIFY2(cookies.contains("trellis_sso="), cookies.constData());
    for (const QByteArray& line : cookies.split('\n')) {
        QVERIFY(line.contains("HttpOnly"));
        QVERIFY(line.contains("SameSite=Lax"));
    }

    // Second application, same browser: a code at once, no password.
    const HttpResult again = browser.get(authorizePath({{QStringLiteral("state"), QStringLiteral("second")}}));
    QCOMPARE(again.status, 303);
    QVERIFY2(again.header("Location").startsWith(redirect.toUtf8() + "?code="), again.header("Location").constData());
    QCOMPARE(locationQuery(again).queryItemValue(QStringLiteral("state")), QStringLiteral("second"));
    QVERIFY(locationQuery(again).queryItemValue(QStringLiteral("code")) != q.queryItemValue(QStringLiteral("code")));

    // prompt=login asks again despite the session.
    const HttpResult forced = browser.get(authorizePath({{QStringLiteral("prompt"), QStringLiteral("login")}}));
    QCOMPARE(forced.header("Location"), QByteArray("/login/flow"));

    // Logout: an unregistered post-logout URI is a page, not a redirect; then the session ends.
    const HttpResult badLogout = browser.get(QStringLiteral("/oauth2/logout?client_id=trellis-console&"
                                                            "post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F"));
    QCOMPARE(badLogout.status, 400);
    QVERIFY(badLogout.header("Location").isEmpty());
    const HttpResult logout = browser.get(QStringLiteral("/oauth2/logout"));
    QCOMPARE(logout.status, 200);
    QCOMPARE(title(logout), QStringLiteral("You are signed out"));
    const HttpResult after = browser.get(authorizePath());
    QCOMPARE(after.header("Location"), QByteArray("/login/flow"));
}

void LoginTest::totpEnrolmentThenVerification()
{
    const QString email = QStringLiteral("superadmin@northwind.example");
    const QList<QPair<QString, QString>> mfa{{QStringLiteral("acr_values"), QStringLiteral("urn:trellis:acr:mfa")}};
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult enrol = signIn(browser, email, demoPassword, mfa);
    QCOMPARE(enrol.status, 200);
    QCOMPARE(title(enrol), QStringLiteral("Set up your authenticator app"));
    QVERIFY(enrol.body.contains("<svg class=\"qr\""));
    QVERIFY(enrol.body.contains("role=\"img\""));
    const QString secret = LoginBrowser::attribute(enrol.body, QStringLiteral("secret"));
    QVERIFY(secret.size() >= 32);
    QVERIFY(enrol.body.contains(secret.left(4).toUtf8() + ' ' + secret.mid(4, 4).toUtf8())); // grouped for typing
    QVERIFY(enrol.body.contains("autocomplete=\"one-time-code\""));

    // A reload shows the same secret.
    QCOMPARE(LoginBrowser::attribute(browser.get(QStringLiteral("/login/flow")).body, QStringLiteral("secret")),
             secret);
    const HttpResult wrongCode = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("totp-enrol")}, {QStringLiteral("code"), QStringLiteral("000000")}});
    QCOMPARE(wrongCode.status, 200);
    QVERIFY(wrongCode.body.contains("That code is not correct"));
    const QString usedCode = QString::fromStdString(totpNow(secret));
    const HttpResult enrolled =
        browser.submit({{QStringLiteral("node"), QStringLiteral("totp-enrol")}, {QStringLiteral("code"), usedCode}});
    QCOMPARE(enrolled.status, 303);
    QVERIFY2(enrolled.header("Location").startsWith(redirect.toUtf8() + "?code="), enrolled.describe());

    // Next sign-in in a fresh browser asks for the code; the code used at enrolment is refused (RFC 6238 §5.2).
    LoginBrowser next(m_server.baseUrl());
    const HttpResult verify = signIn(next, email, demoPassword);
    QCOMPARE(verify.status, 200);
    QCOMPARE(title(verify), QStringLiteral("Enter your authentication code"));
    const HttpResult replay =
        next.submit({{QStringLiteral("node"), QStringLiteral("totp")}, {QStringLiteral("code"), usedCode}});
    QCOMPARE(replay.status, 200);
    QVERIFY(replay.body.contains("That code is not correct"));
    // The next time step (within the accepted drift window) is fresh.
    const HttpResult verified =
        next.submit({{QStringLiteral("node"), QStringLiteral("totp")},
                     {QStringLiteral("code"), QString::fromStdString(totpNow(secret, std::chrono::seconds(30)))}});
    QCOMPARE(verified.status, 303);
    QVERIFY2(verified.header("Location").startsWith(redirect.toUtf8() + "?code="), verified.describe());

    // An SSO session with only a password does not satisfy a request for a second factor.
    LoginBrowser passwordOnly(m_server.baseUrl());
    QCOMPARE(signIn(passwordOnly, QStringLiteral("owner@acme.example"), demoPassword).status, 303);
    const HttpResult stepUp = passwordOnly.get(authorizePath(mfa));
    QCOMPARE(stepUp.header("Location"), QByteArray("/login/flow"));
}

void LoginTest::lockAfterRepeatedFailures()
{
    // Its own server: the per-address throttle must not carry over from the other tests.
    TrellisdProcess server;
    std::unique_ptr<PostgresTestDatabase> database;
    QVERIFY(prepare(server, database));
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    // Wrong passwords until the failure page says "locked"; waits out the growing delays (429 + Retry-After).
    bool sawDelay = false;
    const auto failUntilLocked = [&](const QString& email) {
        int failures = 0;
        QElapsedTimer timer;
        timer.start();
        while (failures < 12 && timer.elapsed() < 120000) {
            LoginBrowser browser(server.baseUrl());
            browser.open(authorizePath());
            browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}});
            for (int inFlow = 0; inFlow < 5; ++inFlow) {
                const QList<QPair<QString, QString>> form{
                    {QStringLiteral("node"), QStringLiteral("password")},
                    {QStringLiteral("password"), QStringLiteral("wrong-password-%1").arg(failures)}};
                HttpResult r = browser.submit(form);
                while (r.status == 429) {
                    sawDelay = sawDelay || r.body.contains("Too many attempts. Please wait");
                    QThread::sleep(std::max(1, r.header("Retry-After").toInt()));
                    r = browser.submit(form);
                }
                if (r.status != 200)
                    return -1;
                ++failures;
                if (title(r) == QStringLiteral("Sign-in failed")) {
                    if (r.body.contains("This account is locked"))
                        return failures;
                    break; // too many attempts in this flow: start a new one
                }
            }
        }
        return -failures;
    };
    QCOMPARE(failUntilLocked(QStringLiteral("auditor@acme.example")), 10);
    QVERIFY(sawDelay);

    // Locked: even the right password is refused, with the same page.
    LoginBrowser browser(server.baseUrl());
    const HttpResult right = signIn(browser, QStringLiteral("auditor@acme.example"), demoPassword);
    QCOMPARE(right.status, 200);
    QVERIFY(right.body.contains("This account is locked"));

    // An address nobody has locks the same way, so a lock-out tells nothing about who has an account.
    QCOMPARE(failUntilLocked(QStringLiteral("nobody-here@acme.example")), 10);

    // Each lock is an audit event.
    int locks = 0;
    {
        QSqlDatabase db = server.openDatabase(QStringLiteral("lock-audit"));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM audit_events WHERE action = 'login.lock'")));
        QVERIFY(query.next());
        locks = query.value(0).toInt();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("lock-audit"));
    QCOMPARE(locks, 2);
    QCOMPARE(server.stop(), 0);
}

QList<QByteArray> LoginTest::auditActions()
{
    QList<QByteArray> actions;
    {
        QSqlDatabase db = m_server.openDatabase(QStringLiteral("login-audit"));
        QSqlQuery query(db);
        if (query.exec(
                QStringLiteral("SELECT action, outcome, after_state, reason, actor_display FROM audit_events"))) {
            while (query.next()) {
                actions << query.value(0).toByteArray() + ' ' + query.value(1).toByteArray();
                const QByteArray row =
                    query.value(2).toByteArray() + query.value(3).toByteArray() + query.value(4).toByteArray();
                if (row.contains(demoPassword.toUtf8()) || row.contains("not-the-password") ||
                    row.contains("nobody@acme.example"))
                    actions << "LEAK " + row;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("login-audit"));
    return actions;
}

void LoginTest::auditTrailWithoutSecrets()
{
    const QList<QByteArray> actions = auditActions();
    for (const QByteArray& a : actions)
        QVERIFY2(!a.startsWith("LEAK"), a.constData());
    for (const char* expected :
         {"login.password.ok success", "login.password.wrong failure", "login.success success", "sso.start success",
          "sso.end success", "login.totp.enrolled success", "login.totp.failed failure"}) {
        QVERIFY2(actions.contains(QByteArray(expected)), expected);
    }
    // The server log holds neither passwords nor codes.
    const QByteArray log = m_server.stderrOutput();
    QVERIFY(!log.contains(demoPassword.toUtf8()));
    QVERIFY(!log.contains("code="));
}

// Slice B: GET /api/v1/outbox and the magic-link landing page of a real trellisd. (Flows using the magic-link
// node cannot be bound to an application before slice A's flow storage is merged; the journey itself is tested
// over the real store in tst_loginnodes.)
void LoginTest::outboxApiAndMagicLinkPage()
{
    TestHttpClient owner(m_server.baseUrl());
    owner.setBearerToken(m_server.adminToken(QStringLiteral("owner@acme.example")));
    const QString root = owner.get(QStringLiteral("/api/v1/me"))
                             .object()
                             .value(QStringLiteral("rootOrgIds"))
                             .toArray()
                             .first()
                             .toString();
    QVERIFY(!root.isEmpty());
    const HttpResult missing = owner.get(QStringLiteral("/api/v1/outbox"));
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorField(), QStringLiteral("orgId"));
    const HttpResult list = owner.get(QStringLiteral("/api/v1/outbox?orgId=") + root);
    QCOMPARE(list.status, 200);
    QVERIFY(list.object().value(QStringLiteral("items")).isArray());
    QCOMPARE(owner.get(QStringLiteral("/api/v1/outbox?orgId=no-such-org")).status, 404);
    TestHttpClient other(m_server.baseUrl());
    other.setBearerToken(m_server.adminToken(QStringLiteral("superadmin@northwind.example")));
    QCOMPARE(other.get(QStringLiteral("/api/v1/outbox?orgId=") + root).status, 404); // outside their scope
    TestHttpClient anonymous(m_server.baseUrl());
    QCOMPARE(anonymous.get(QStringLiteral("/api/v1/outbox?orgId=") + root).status, 401);

    LoginBrowser browser(m_server.baseUrl());
    const HttpResult bad = browser.get(QStringLiteral("/login/magic?token=not-a-real-token"));
    QCOMPARE(bad.status, 400);
    QVERIFY(bad.body.contains("This link cannot be used"));
    QVERIFY(!bad.body.contains("<script"));
}

QTEST_GUILESS_MAIN(LoginTest)
#include "tst_login.moc"
