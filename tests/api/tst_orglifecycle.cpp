// Changing organisations through the admin API against a real trellisd with the demo world, on SQLite or
// (TRELLIS_TEST_POSTGRES) PostgreSQL: rename/kind/attributes, moving whole subtrees, and the lifecycle
// active -> suspended -> offboarded with its impact preview. People in a suspended or offboarded subtree get their
// refresh tokens from the real sign-in (hosted login + /oauth2/token) and must find them dead afterwards.
#include "core/PasswordHasher.h"
#include "core/crypto/Pkce.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <atomic>
#include <memory>

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis;
using namespace trellis::test;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kPersonPassword = QStringLiteral("lifecycle-test-password-7");
const QString kConsole = QStringLiteral("trellis-console");
const QString kRedirect = QStringLiteral("http://127.0.0.1:49153/callback");

QByteArray formBody(const QList<QPair<QString, QString>>& fields)
{
    QByteArray body;
    for (const auto& [name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

QStringList ids(const QJsonArray& items)
{
    QStringList result;
    for (const auto& item : items)
        result << item.toObject().value(QStringLiteral("id")).toString();
    return result;
}

QString str(const QJsonObject& object, const char* key)
{
    return object.value(QLatin1String(key)).toString();
}

QJsonObject auditJson(const QVariant& value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

/// Someone in the demo world with a role at an org, who signs in during the test.
struct Person
{
    QString id;
    QString email;
    QString orgId;
};

/// What the real sign-in hands out.
struct Tokens
{
    QByteArray accessToken;
    QString refreshToken;
};

} // namespace

class OrgLifecycleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void updateChangesNameKindAndAttributes();
    void updateRefusesBadFields_data();
    void updateRefusesBadFields();
    void updateNeedsOrgManage();
    void moveRewritesDeepSubtree();
    void moveIsRefused();
    void moveInsideOwnSubtreeByPartnerAdmin();
    void concurrentMovesKeepPathsConsistent();
    void partnerAdminCannotSuspendOwnOrg();
    void impactParameterIsChecked();
    void suspendRevokesAndResumeRestoresOnlyItsOwn();
    void offboardEndsEverythingButKeepsRecords();
    void membershipEndDateEndsSignInAndTokens();
    void pathsStayConsistent(); // keep last: the whole tree after everything above

private:
    TestHttpClient client(const QByteArray& token) const;
    HttpResult patch(const QByteArray& token, const QString& path, const QJsonObject& body) const;
    QString createOrg(const QString& parentId, const QString& slug, const QString& name,
                      const QString& kind = QStringLiteral("customer"));
    QJsonObject org(const QString& id);
    QJsonArray allChildren(const QString& orgId);
    QJsonArray members(const QString& orgId);
    /// A member of `orgId` (or, when none fits there, of the first of its children that has one) who is active and
    /// holds `roleKey` there; their password is set so they can sign in through the hosted login.
    Person personWithRole(const QString& underOrgId, const QString& roleKey);
    /// Signs in through the hosted login; `passwordAnswer` receives the answer to the password step (a 303 to the
    /// client with a code, or a refusal page).
    Tokens signIn(const QString& email, HttpResult* passwordAnswer = nullptr);
    /// Active memberships of `userId` in active organisations: what lets a person sign in at all.
    int liveMemberships(const QString& userId);
    HttpResult refresh(const QString& refreshToken);
    QList<QVariantMap> auditEvents(const QString& action);
    QVariant scalar(const QString& sql, const QVariantList& values = {});
    bool exec(const QString& sql, const QVariantList& values);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
};

void OrgLifecycleTest::initTestCase()
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
    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin, QStringLiteral("1h"));
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    const auto rootOf = [this](const QByteArray& token) {
        const QJsonArray roots =
            client(token).get(QStringLiteral("/api/v1/me")).object().value(QStringLiteral("rootOrgIds")).toArray();
        return roots.size() == 1 ? roots.first().toString() : QString();
    };
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty());
}

void OrgLifecycleTest::cleanupTestCase()
{
    for (const QByteArray& line : m_server.logLines()) {
        if (line.contains("\"level\":\"error\""))
            qWarning("trellisd: %s", line.constData());
    }
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient OrgLifecycleTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

HttpResult OrgLifecycleTest::patch(const QByteArray& token, const QString& path, const QJsonObject& body) const
{
    return client(token).send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

QString OrgLifecycleTest::createOrg(const QString& parentId, const QString& slug, const QString& name,
                                    const QString& kind)
{
    const HttpResult created =
        client(m_ownerToken)
            .postJson(QStringLiteral("/api/v1/orgs"), QJsonObject{{QStringLiteral("parentId"), parentId},
                                                                  {QStringLiteral("kind"), kind},
                                                                  {QStringLiteral("name"), name},
                                                                  {QStringLiteral("slug"), slug}});
    if (created.status != 201) {
        qWarning("creating %s failed: %s", qPrintable(slug), created.describe().constData());
        return {};
    }
    return str(created.object(), "id");
}

QJsonObject OrgLifecycleTest::org(const QString& id)
{
    return client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/") + id).object();
}

QJsonArray OrgLifecycleTest::allChildren(const QString& orgId)
{
    return client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/children?limit=200").arg(orgId)).items();
}

QJsonArray OrgLifecycleTest::members(const QString& orgId)
{
    return client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/members?limit=200").arg(orgId)).items();
}

Person OrgLifecycleTest::personWithRole(const QString& underOrgId, const QString& roleKey)
{
    QStringList candidates{underOrgId};
    for (const auto& child : allChildren(underOrgId))
        candidates << str(child.toObject(), "id");
    for (const QString& orgId : std::as_const(candidates)) {
        for (const auto& item : members(orgId)) {
            const QJsonObject membership = item.toObject();
            const QJsonObject user = membership.value(QStringLiteral("user")).toObject();
            if (str(membership, "status") != QStringLiteral("active") ||
                str(user, "status") != QStringLiteral("active") ||
                !membership.value(QStringLiteral("roles")).toArray().contains(roleKey) ||
                !str(membership, "expiresAt").isEmpty())
                continue;
            Person person{str(user, "id"), str(user, "email"), orgId};
            const QString hash = QString::fromStdString(core::PasswordHasher::hash(kPersonPassword.toStdString()));
            if (!exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, person.id}))
                return {};
            return person;
        }
    }
    return {};
}

// The sign-in a relying party does: /oauth2/authorize with PKCE through the hosted login pages (e-mail, password),
// the code back on the loopback redirect, then /oauth2/token.
int OrgLifecycleTest::liveMemberships(const QString& userId)
{
    return scalar(
               QStringLiteral("SELECT COUNT(*) FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ? "
                              "AND m.status = 'active' AND o.status = 'active' AND (m.expires_at IS NULL OR "
                              "m.expires_at > ?)"),
               {userId, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
        .toInt();
}

Tokens OrgLifecycleTest::signIn(const QString& email, HttpResult* passwordAnswer)
{
    const std::string verifier = core::crypto::Pkce::newVerifier();
    QUrlQuery query;
    for (const auto& [name, value] : QList<QPair<QString, QString>>{
             {QStringLiteral("client_id"), kConsole},
             {QStringLiteral("redirect_uri"), kRedirect},
             {QStringLiteral("response_type"), QStringLiteral("code")},
             {QStringLiteral("scope"), QStringLiteral("openid profile email offline_access")},
             {QStringLiteral("state"), QStringLiteral("lifecycle")},
             {QStringLiteral("nonce"), QStringLiteral("lifecycle-nonce")},
             {QStringLiteral("code_challenge"), QString::fromStdString(core::crypto::Pkce::s256Challenge(verifier))},
             {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}})
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));

    LoginBrowser browser(m_server.baseUrl());
    const HttpResult identify = browser.open(QStringLiteral("/oauth2/authorize?") + query.query(QUrl::FullyEncoded));
    if (identify.status != 200) {
        qWarning("authorize: %s", identify.describe().left(300).constData());
        return {};
    }
    const HttpResult passwordPage =
        browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}});
    if (passwordPage.status != 200) {
        qWarning("identify: %s", passwordPage.describe().left(300).constData());
        return {};
    }
    const HttpResult done = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password")}, {QStringLiteral("password"), kPersonPassword}});
    if (passwordAnswer)
        *passwordAnswer = done;
    if (done.status != 303) {
        qWarning("password: %s", done.describe().left(300).constData());
        return {};
    }
    const QUrlQuery answer(QUrl(QString::fromUtf8(done.header("Location"))));
    const QString code = answer.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    TestHttpClient http(m_server.baseUrl());
    const HttpResult tokens = http.send("POST", QStringLiteral("/oauth2/token"),
                                        formBody({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                  {QStringLiteral("code"), code},
                                                  {QStringLiteral("redirect_uri"), kRedirect},
                                                  {QStringLiteral("client_id"), kConsole},
                                                  {QStringLiteral("code_verifier"), QString::fromStdString(verifier)}}),
                                        "application/x-www-form-urlencoded");
    if (tokens.status != 200) {
        qWarning("token: %s", tokens.describe().constData());
        return {};
    }
    return {str(tokens.object(), "access_token").toLatin1(), str(tokens.object(), "refresh_token")};
}

HttpResult OrgLifecycleTest::refresh(const QString& refreshToken)
{
    TestHttpClient http(m_server.baseUrl());
    return http.send("POST", QStringLiteral("/oauth2/token"),
                     formBody({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                               {QStringLiteral("refresh_token"), refreshToken},
                               {QStringLiteral("client_id"), kConsole}}),
                     "application/x-www-form-urlencoded");
}

QList<QVariantMap> OrgLifecycleTest::auditEvents(const QString& action)
{
    return m_server.queryRows(
        QStringLiteral(
            "SELECT actor_id, acting_org_id, delegation_id, target_id, target_org_path, outcome, reason, "
            "request_id, before_state, after_state FROM audit_events WHERE action = ? ORDER BY sequence DESC"),
        {action});
}

QVariant OrgLifecycleTest::scalar(const QString& sql, const QVariantList& values)
{
    const QList<QVariantMap> rows = m_server.queryRows(sql, values);
    return rows.isEmpty() || rows.first().isEmpty() ? QVariant() : rows.first().first();
}

bool OrgLifecycleTest::exec(const QString& sql, const QVariantList& values)
{
    return m_server.execute(sql, values) == 1;
}

void OrgLifecycleTest::updateChangesNameKindAndAttributes()
{
    const QString id = createOrg(m_acmeId, QStringLiteral("upd-original"), QStringLiteral("Original Name Ltd"));
    QVERIFY(!id.isEmpty());
    const QJsonObject body{
        {QStringLiteral("name"), QStringLiteral("Renamed Ärzte GmbH")},
        {QStringLiteral("kind"), QStringLiteral("supplier")},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("country"), QStringLiteral("DE")}}}};
    const HttpResult changed = patch(m_ownerToken, QStringLiteral("/api/v1/orgs/") + id, body);
    QVERIFY2(changed.status == 200, changed.describe());
    QCOMPARE(str(changed.object(), "name"), QStringLiteral("Renamed Ärzte GmbH"));
    QCOMPARE(str(changed.object(), "kind"), QStringLiteral("supplier"));
    QCOMPARE(str(changed.object(), "slug"), QStringLiteral("upd-original"));

    const QJsonObject fetched = org(id);
    QCOMPARE(str(fetched, "name"), QStringLiteral("Renamed Ärzte GmbH"));
    QCOMPARE(str(fetched, "kind"), QStringLiteral("supplier"));
    QCOMPARE(fetched.value(QStringLiteral("attributes")).toObject(),
             (QJsonObject{{QStringLiteral("country"), QStringLiteral("DE")}}));
    // The new name is what search finds (case-folded key updated too).
    const HttpResult found = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=%C3%A4rzte"));
    QVERIFY(ids(found.items()).contains(id));

    // Only the name: kind and attributes stay; sending the unchanged slug is fine.
    const HttpResult renamed = patch(m_ownerToken, QStringLiteral("/api/v1/orgs/") + id,
                                     {{QStringLiteral("name"), QStringLiteral("Renamed Again Ltd")},
                                      {QStringLiteral("slug"), QStringLiteral("upd-original")}});
    QVERIFY2(renamed.status == 200, renamed.describe());
    QCOMPARE(str(renamed.object(), "kind"), QStringLiteral("supplier"));
    QCOMPARE(renamed.object().value(QStringLiteral("attributes")).toObject().size(), 1);

    const QList<QVariantMap> events = auditEvents(QStringLiteral("org.update"));
    QVERIFY(events.size() >= 2);
    QCOMPARE(events.at(0).value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(events.at(0).value(QStringLiteral("target_id")).toString(), id);
    QCOMPARE(events.at(0).value(QStringLiteral("request_id")).toByteArray(), renamed.header("X-Request-Id"));
    QCOMPARE(str(auditJson(events.at(0).value(QStringLiteral("before_state"))), "name"),
             QStringLiteral("Renamed Ärzte GmbH"));
    QCOMPARE(str(auditJson(events.at(0).value(QStringLiteral("after_state"))), "name"),
             QStringLiteral("Renamed Again Ltd"));
    QCOMPARE(str(auditJson(events.at(1).value(QStringLiteral("before_state"))), "kind"), QStringLiteral("customer"));
    QCOMPARE(events.at(1).value(QStringLiteral("acting_org_id")).toString(), m_acmeId);
    QVERIFY(!events.at(1).value(QStringLiteral("delegation_id")).toString().isEmpty());
}

void OrgLifecycleTest::updateRefusesBadFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("errorField");
    const QString invalid = QStringLiteral("invalid_field");
    QTest::newRow("name empty") << QStringLiteral("name") << QJsonValue(QString()) << invalid << QStringLiteral("name");
    QTest::newRow("name blank") << QStringLiteral("name") << QJsonValue(QStringLiteral("  ")) << invalid
                                << QStringLiteral("name");
    QTest::newRow("name 201 characters") << QStringLiteral("name") << QJsonValue(QString(201, QChar(0x00e9))) << invalid
                                         << QStringLiteral("name");
    QTest::newRow("name number") << QStringLiteral("name") << QJsonValue(7) << invalid << QStringLiteral("name");
    QTest::newRow("kind unknown") << QStringLiteral("kind") << QJsonValue(QStringLiteral("spaceship")) << invalid
                                  << QStringLiteral("kind");
    QTest::newRow("attributes array") << QStringLiteral("attributes") << QJsonValue(QJsonArray{1}) << invalid
                                      << QStringLiteral("attributes");
    QTest::newRow("attribute number") << QStringLiteral("attributes")
                                      << QJsonValue(QJsonObject{{QStringLiteral("size"), 12}}) << invalid
                                      << QStringLiteral("attributes.size");
    QTest::newRow("slug changed") << QStringLiteral("slug") << QJsonValue(QStringLiteral("another-slug")) << invalid
                                  << QStringLiteral("slug");
    QTest::newRow("unknown field") << QStringLiteral("colour") << QJsonValue(QStringLiteral("teal"))
                                   << QStringLiteral("unknown_field") << QStringLiteral("colour");
}

void OrgLifecycleTest::updateRefusesBadFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QFETCH(QString, errorField);
    const HttpResult result =
        patch(m_ownerToken, QStringLiteral("/api/v1/orgs/") + m_northwindId, QJsonObject{{field, value}});
    QVERIFY2(result.status == 400, result.describe());
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(result.errorField(), errorField);
    QCOMPARE(str(org(m_northwindId), "name"), QStringLiteral("Northwind Trading"));
}

void OrgLifecycleTest::updateNeedsOrgManage()
{
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("Taken Over")}};
    const HttpResult byAuditor = patch(m_auditorToken, QStringLiteral("/api/v1/orgs/") + m_northwindId, body);
    QCOMPARE(byAuditor.status, 403);
    QCOMPARE(byAuditor.errorCode(), QStringLiteral("forbidden"));
    QList<QVariantMap> events = auditEvents(QStringLiteral("org.update"));
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.first().value(QStringLiteral("request_id")).toByteArray(), byAuditor.header("X-Request-Id"));

    const HttpResult acmeByPartner = patch(m_northwindToken, QStringLiteral("/api/v1/orgs/") + m_acmeId, body);
    QCOMPARE(acmeByPartner.status, 404);
    QCOMPARE(acmeByPartner.errorCode(), QStringLiteral("not_found"));
    events = auditEvents(QStringLiteral("org.update"));
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.first().value(QStringLiteral("request_id")).toByteArray(), acmeByPartner.header("X-Request-Id"));
    QCOMPARE(str(org(m_acmeId), "name"), QStringLiteral("Acme Industrial"));

    // org.manage at the org itself is enough for a rename: the partner admin renames one of their customers.
    const QString customer = str(allChildren(m_northwindId).first().toObject(), "id");
    const QString before = str(org(customer), "name");
    const HttpResult own = patch(m_northwindToken, QStringLiteral("/api/v1/orgs/") + customer,
                                 {{QStringLiteral("name"), before + QStringLiteral(" (renamed)")}});
    QVERIFY2(own.status == 200, own.describe());
    QVERIFY(patch(m_northwindToken, QStringLiteral("/api/v1/orgs/") + customer, {{QStringLiteral("name"), before}})
                .status == 200);
}

void OrgLifecycleTest::moveRewritesDeepSubtree()
{
    // a -> b -> c -> d -> e, plus a wide layer under b; b moves from a to t.
    const QString a = createOrg(m_acmeId, QStringLiteral("mv-a"), QStringLiteral("Move A"));
    const QString b = createOrg(a, QStringLiteral("mv-b"), QStringLiteral("Move B"));
    const QString c = createOrg(b, QStringLiteral("mv-c"), QStringLiteral("Move C"));
    const QString d = createOrg(c, QStringLiteral("mv-d"), QStringLiteral("Move D"));
    const QString e = createOrg(d, QStringLiteral("mv-e"), QStringLiteral("Move E Grandchild Deep"));
    const QString t = createOrg(m_acmeId, QStringLiteral("mv-t"), QStringLiteral("Move Target"));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty() && !e.isEmpty() && !t.isEmpty());
    for (int i = 0; i < 12; ++i)
        QVERIFY(!createOrg(c, QStringLiteral("mv-wide-%1").arg(i), QStringLiteral("Move Wide %1").arg(i)).isEmpty());
    const QString oldPrefix = QStringLiteral("/%1/%2/%3/").arg(m_acmeId, a, b);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE path >= ? AND path < ?"),
                    {oldPrefix, oldPrefix.left(oldPrefix.size() - 1) + QLatin1Char('0')})
                 .toInt(),
             16);

    const HttpResult moved =
        client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(b), {{QStringLiteral("parentId"), t}});
    QVERIFY2(moved.status == 200, moved.describe());
    QCOMPARE(str(moved.object(), "parentId"), t);
    QCOMPARE(moved.object().value(QStringLiteral("depth")).toInt(), 2);

    const QJsonObject deep = org(e);
    QCOMPARE(deep.value(QStringLiteral("path")).toArray(), (QJsonArray{m_acmeId, t, b, c, d, e}));
    QCOMPARE(deep.value(QStringLiteral("depth")).toInt(), 5);
    QCOMPARE(deep.value(QStringLiteral("pathNames")).toArray().at(1).toString(), QStringLiteral("Move Target"));
    QVERIFY(!ids(allChildren(a)).contains(b));
    QVERIFY(ids(allChildren(t)).contains(b));
    QCOMPARE(allChildren(c).size(), 13);

    // Search answers from the new paths: within t's subtree now, not within a's.
    const HttpResult found = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=grandchild%20deep"));
    QCOMPARE(ids(found.items()), QStringList{e});
    QCOMPARE(found.items().first().toObject().value(QStringLiteral("path")).toArray().at(1).toString(), t);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE path >= ? AND path < ?"),
                    {oldPrefix, oldPrefix.left(oldPrefix.size() - 1) + QLatin1Char('0')})
                 .toInt(),
             0);

    const QList<QVariantMap> events = auditEvents(QStringLiteral("org.move"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(events.first().value(QStringLiteral("target_id")).toString(), b);
    QCOMPARE(str(auditJson(events.first().value(QStringLiteral("before_state"))), "parentId"), a);
    const QJsonObject after = auditJson(events.first().value(QStringLiteral("after_state")));
    QCOMPARE(str(after, "parentId"), t);
    QCOMPARE(after.value(QStringLiteral("movedOrgs")).toInt(), 16);
}

void OrgLifecycleTest::moveIsRefused()
{
    const QString a = createOrg(m_acmeId, QStringLiteral("mr-a"), QStringLiteral("Refuse A"));
    const QString b = createOrg(a, QStringLiteral("mr-b"), QStringLiteral("Refuse B"));
    const QString c = createOrg(b, QStringLiteral("mr-c"), QStringLiteral("Refuse C"));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const auto move = [this](const QByteArray& token, const QString& id, const QString& parentId) {
        return client(token).postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(id),
                                      {{QStringLiteral("parentId"), parentId}});
    };
    const auto lastMoveEvent = [this] { return auditEvents(QStringLiteral("org.move")).value(0); };

    // Cycles: under its own grandchild, under itself.
    for (const QString& target : {c, a}) {
        const HttpResult cycle = move(m_ownerToken, a, target);
        QVERIFY2(cycle.status == 409, cycle.describe());
        QCOMPARE(cycle.errorCode(), QStringLiteral("conflict"));
        QCOMPARE(cycle.errorField(), QStringLiteral("parentId"));
        QVERIFY(!cycle.object().value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(lastMoveEvent().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
        QCOMPARE(lastMoveEvent().value(QStringLiteral("request_id")).toByteArray(), cycle.header("X-Request-Id"));
    }
    QCOMPARE(str(org(a), "parentId"), m_acmeId);

    // The root stays the root.
    const HttpResult root = move(m_ownerToken, m_acmeId, a);
    QCOMPARE(root.status, 409);
    QCOMPARE(root.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(lastMoveEvent().value(QStringLiteral("request_id")).toByteArray(), root.header("X-Request-Id"));

    // The partner admin: an org outside Northwind is not there (404), neither is a target outside it.
    const HttpResult outside = move(m_northwindToken, b, m_northwindId);
    QCOMPARE(outside.status, 404);
    QCOMPARE(outside.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(lastMoveEvent().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    const QString customer = str(allChildren(m_northwindId).first().toObject(), "id");
    const HttpResult outsideTarget = move(m_northwindToken, customer, a);
    QCOMPARE(outsideTarget.status, 404);
    QCOMPARE(outsideTarget.errorField(), QStringLiteral("parentId"));
    QCOMPARE(lastMoveEvent().value(QStringLiteral("request_id")).toByteArray(), outsideTarget.header("X-Request-Id"));
    // Northwind itself hangs below Acme, where the partner admin holds nothing: moving it is not theirs to do.
    const HttpResult ownOrg = move(m_northwindToken, m_northwindId, customer);
    QCOMPARE(ownOrg.status, 403);
    QCOMPARE(ownOrg.errorCode(), QStringLiteral("forbidden"));
    // The auditor sees both ends but manages neither.
    const HttpResult byAuditor = move(m_auditorToken, c, a);
    QCOMPARE(byAuditor.status, 403);
    QCOMPARE(lastMoveEvent().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    // Unknown target, missing field.
    QCOMPARE(move(m_ownerToken, c, QStringLiteral("00000000-0000-4000-8000-000000000000")).errorField(),
             QStringLiteral("parentId"));
    const HttpResult missing = client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(c), {});
    QCOMPARE(missing.status, 400);
    QCOMPARE(missing.errorField(), QStringLiteral("parentId"));

    // Nothing moved.
    QCOMPARE(org(c).value(QStringLiteral("path")).toArray(), (QJsonArray{m_acmeId, a, b, c}));
    QCOMPARE(org(customer).value(QStringLiteral("parentId")).toString(), m_northwindId);
}

void OrgLifecycleTest::moveInsideOwnSubtreeByPartnerAdmin()
{
    const QJsonArray children = allChildren(m_northwindId);
    QVERIFY(children.size() >= 2);
    const QString from = str(children.at(0).toObject(), "id");
    const QString to = str(children.at(1).toObject(), "id");
    const QString id = createOrg(from, QStringLiteral("nw-mover"), QStringLiteral("Northwind Mover"));
    QVERIFY(!id.isEmpty());
    const HttpResult moved =
        client(m_northwindToken)
            .postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(id), {{QStringLiteral("parentId"), to}});
    QVERIFY2(moved.status == 200, moved.describe());
    QCOMPARE(moved.object().value(QStringLiteral("path")).toArray(), (QJsonArray{m_acmeId, m_northwindId, to, id}));
    const QVariantMap event = auditEvents(QStringLiteral("org.move")).value(0);
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(event.value(QStringLiteral("acting_org_id")).toString(), m_northwindId);
}

// Two admins move two orgs under each other at the same time, over and over: whichever order the server runs them
// in, the tree must never get a cycle or a path that disagrees with its parent's.
void OrgLifecycleTest::concurrentMovesKeepPathsConsistent()
{
    const QString x = createOrg(m_acmeId, QStringLiteral("cc-x"), QStringLiteral("Concurrent X"));
    const QString y = createOrg(m_acmeId, QStringLiteral("cc-y"), QStringLiteral("Concurrent Y"));
    QVERIFY(!x.isEmpty() && !y.isEmpty());
    QVERIFY(!createOrg(x, QStringLiteral("cc-x-child"), QStringLiteral("Concurrent X Child")).isEmpty());
    QVERIFY(!createOrg(y, QStringLiteral("cc-y-child"), QStringLiteral("Concurrent Y Child")).isEmpty());
    std::atomic<int> moved{0};
    std::atomic<int> unexpected{0};
    const auto worker = [&](const QString& id, const QString& other) {
        TestHttpClient http(m_server.baseUrl());
        http.setBearerToken(m_ownerToken);
        for (int i = 0; i < 8; ++i) {
            const QString target = i % 2 == 0 ? other : m_acmeId;
            const HttpResult r =
                http.postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(id), {{QStringLiteral("parentId"), target}});
            if (r.status == 200)
                ++moved;
            else if (r.status != 409)
                ++unexpected;
        }
    };
    std::unique_ptr<QThread> first(QThread::create(worker, x, y));
    std::unique_ptr<QThread> second(QThread::create(worker, y, x));
    first->start();
    second->start();
    QVERIFY(first->wait(120000) && second->wait(120000));
    QCOMPARE(unexpected.load(), 0);
    QVERIFY(moved.load() > 0);
    // Exactly one of them may hang below the other, never both.
    const QJsonArray xPath = org(x).value(QStringLiteral("path")).toArray();
    const QJsonArray yPath = org(y).value(QStringLiteral("path")).toArray();
    QVERIFY(!(xPath.contains(y) && yPath.contains(x)));
    pathsStayConsistent();
}

void OrgLifecycleTest::partnerAdminCannotSuspendOwnOrg()
{
    const HttpResult own =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(m_northwindId), {});
    QCOMPARE(own.status, 403);
    QCOMPARE(own.errorCode(), QStringLiteral("forbidden"));
    const QVariantMap event = auditEvents(QStringLiteral("org.suspend")).value(0);
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(event.value(QStringLiteral("target_id")).toString(), m_northwindId);
    QCOMPARE(event.value(QStringLiteral("request_id")).toByteArray(), own.header("X-Request-Id"));
    QCOMPARE(str(org(m_northwindId), "status"), QStringLiteral("active"));
    for (const char* change : {"suspend", "offboard"}) {
        const HttpResult preview =
            client(m_northwindToken)
                .get(QStringLiteral("/api/v1/orgs/%1/impact?change=%2").arg(m_northwindId, QLatin1String(change)));
        QCOMPARE(preview.status, 403);
    }
    QCOMPARE(
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/offboard").arg(m_northwindId), {}).status,
        403);

    // Nobody suspends the root; the auditor suspends nothing; an org outside scope is not there.
    const HttpResult root = client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(m_acmeId), {});
    QCOMPARE(root.status, 409);
    QCOMPARE(root.errorCode(), QStringLiteral("conflict"));
    const QString customer = str(allChildren(m_northwindId).first().toObject(), "id");
    const HttpResult byAuditor =
        client(m_auditorToken).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(customer), {});
    QCOMPARE(byAuditor.status, 403);
    QCOMPARE(auditEvents(QStringLiteral("org.suspend")).value(0).value(QStringLiteral("request_id")).toByteArray(),
             byAuditor.header("X-Request-Id"));
    QString outside;
    for (const auto& child : allChildren(m_acmeId)) {
        if (str(child.toObject(), "id") != m_northwindId)
            outside = str(child.toObject(), "id");
    }
    const HttpResult hidden =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(outside), {});
    QCOMPARE(hidden.status, 404);
    QCOMPARE(auditEvents(QStringLiteral("org.suspend")).value(0).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("denied"));
    QCOMPARE(str(org(customer), "status"), QStringLiteral("active"));
    QCOMPARE(str(org(outside), "status"), QStringLiteral("active"));
}

void OrgLifecycleTest::impactParameterIsChecked()
{
    const QString customer = str(allChildren(m_northwindId).first().toObject(), "id");
    for (const QString& query : {QString(), QStringLiteral("?change=delete"), QStringLiteral("?change=")}) {
        const HttpResult r =
            client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/impact").arg(customer) + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_parameter"));
        QCOMPARE(r.errorField(), QStringLiteral("change"));
    }
    const HttpResult hidden =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/impact?change=suspend").arg(m_acmeId));
    QCOMPARE(hidden.status, 404);
}

void OrgLifecycleTest::suspendRevokesAndResumeRestoresOnlyItsOwn()
{
    // A Northwind customer with an org admin and two subsidiaries with people of their own: one subsidiary is
    // suspended on its own first and must stay suspended after the customer is resumed.
    QString customer;
    QString separately;
    QString together;
    Person admin;
    for (const auto& item : allChildren(m_northwindId)) {
        const QString id = str(item.toObject(), "id");
        QStringList staffed;
        for (const auto& child : allChildren(id)) {
            if (child.toObject().value(QStringLiteral("memberCount")).toInt() > 0)
                staffed << str(child.toObject(), "id");
        }
        if (staffed.size() < 2)
            continue;
        admin = personWithRole(id, QStringLiteral("org-admin"));
        if (!admin.id.isEmpty() && admin.orgId == id) {
            customer = id;
            separately = staffed.at(0);
            together = staffed.at(1);
            break;
        }
    }
    QVERIFY2(!customer.isEmpty(), "the demo world should have a Northwind customer with an admin and subsidiaries");

    const Tokens before = signIn(admin.email);
    QVERIFY(!before.refreshToken.isEmpty());
    TestHttpClient asAdmin = client(before.accessToken);
    QCOMPARE(asAdmin.get(QStringLiteral("/api/v1/orgs/") + customer).status, 200);

    const HttpResult first = client(m_northwindToken)
                                 .postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(separately),
                                           {{QStringLiteral("reason"), QStringLiteral("audit finding")}});
    QVERIFY2(first.status == 200, first.describe());
    QCOMPARE(str(first.object().value(QStringLiteral("org")).toObject(), "status"), QStringLiteral("suspended"));
    const int separateMembers =
        first.object().value(QStringLiteral("impact")).toObject().value(QStringLiteral("memberships")).toInt();
    QVERIFY(separateMembers > 0);

    // The preview, then the change: the same numbers.
    const HttpResult preview =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/impact?change=suspend").arg(customer));
    QVERIFY2(preview.status == 200, preview.describe());
    const QJsonObject expected = preview.object();
    for (const char* key : {"orgs", "memberships", "people", "admins", "activeSessions"})
        QVERIFY2(expected.contains(QLatin1String(key)), key);
    QVERIFY(expected.value(QStringLiteral("orgs")).toInt() >= 2);
    QVERIFY(expected.value(QStringLiteral("memberships")).toInt() >= 2);
    QVERIFY(expected.value(QStringLiteral("people")).toInt() >= 2);
    QVERIFY(expected.value(QStringLiteral("admins")).toInt() >= 1);
    QVERIFY(expected.value(QStringLiteral("activeSessions")).toInt() >= 2); // the admin's refresh token + SSO session
    const int activeOrgs = scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE path LIKE ? AND status = 'active'"),
                                  {QStringLiteral("%/") + customer + QStringLiteral("/%")})
                               .toInt();
    QCOMPARE(expected.value(QStringLiteral("orgs")).toInt(), activeOrgs); // not those suspended already

    const HttpResult suspended = client(m_northwindToken)
                                     .postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(customer),
                                               {{QStringLiteral("reason"), QStringLiteral("contract paused")}});
    QVERIFY2(suspended.status == 200, suspended.describe());
    QCOMPARE(suspended.object().value(QStringLiteral("impact")).toObject(), expected);
    QCOMPARE(str(suspended.object().value(QStringLiteral("org")).toObject(), "status"), QStringLiteral("suspended"));

    // The refresh token is dead; the access token still verifies but the roles behind it no longer count.
    const HttpResult refused = refresh(before.refreshToken);
    QCOMPARE(refused.status, 400);
    QCOMPARE(str(refused.object(), "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(asAdmin.get(QStringLiteral("/api/v1/orgs/") + customer).status, 404);
    const HttpResult me = asAdmin.get(QStringLiteral("/api/v1/me"));
    QCOMPARE(me.status, 200);
    QVERIFY(me.object().value(QStringLiteral("grants")).toArray().isEmpty());
    // A fresh sign-in does not bring the roles back while the org is suspended: with access elsewhere the person
    // signs in without them, without any they are refused at the password step (no session, no code).
    HttpResult answer;
    const Tokens during = signIn(admin.email, &answer);
    if (liveMemberships(admin.id) > 0) {
        QVERIFY(!during.accessToken.isEmpty());
        QCOMPARE(client(during.accessToken).get(QStringLiteral("/api/v1/orgs/") + customer).status, 404);
    } else {
        QVERIFY(during.accessToken.isEmpty());
        QCOMPARE(answer.status, 403);
        QVERIFY(answer.header("Location").isEmpty());
        const QVariantMap denied = auditEvents(QStringLiteral("login.denied")).value(0);
        QCOMPARE(denied.value(QStringLiteral("actor_id")).toString(), admin.id);
        QCOMPARE(denied.value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    }

    // Suspended orgs stay visible with their status; nothing grows under them; a sub-org suspended with its
    // parent is resumed with it, not on its own.
    QCOMPARE(str(org(customer), "status"), QStringLiteral("suspended"));
    QCOMPARE(str(org(together), "status"), QStringLiteral("suspended"));
    bool listed = false;
    for (const auto& item : allChildren(m_northwindId)) {
        if (str(item.toObject(), "id") == customer)
            listed = str(item.toObject(), "status") == QStringLiteral("suspended");
    }
    QVERIFY(listed);
    const HttpResult create =
        client(m_ownerToken)
            .postJson(QStringLiteral("/api/v1/orgs"), {{QStringLiteral("parentId"), together},
                                                       {QStringLiteral("kind"), QStringLiteral("customer")},
                                                       {QStringLiteral("name"), QStringLiteral("Under Suspended")},
                                                       {QStringLiteral("slug"), QStringLiteral("under-suspended")}});
    QCOMPARE(create.status, 409);
    QCOMPARE(create.errorField(), QStringLiteral("parentId"));
    // Nobody is invited or imported into it either.
    const HttpResult invited = client(m_ownerToken)
                                   .postJson(QStringLiteral("/api/v1/orgs/%1/invitations").arg(together),
                                             {{QStringLiteral("email"), QStringLiteral("newcomer@suspended.example")}});
    QCOMPARE(invited.status, 409);
    QCOMPARE(invited.errorCode(), QStringLiteral("conflict"));
    const HttpResult imported = client(m_ownerToken)
                                    .send("POST", QStringLiteral("/api/v1/orgs/%1/imports?dryRun=true").arg(together),
                                          "email,displayName\nnewcomer@suspended.example,New Comer\n", "text/csv");
    QCOMPARE(imported.status, 409);
    QCOMPARE(client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs/%1/resume").arg(together), {}).status, 409);
    QCOMPARE(client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(customer), {}).status, 409);
    for (const auto& item : members(together))
        QCOMPARE(str(item.toObject(), "status"), QStringLiteral("suspended"));

    QList<QVariantMap> events = auditEvents(QStringLiteral("org.suspend"));
    QVariantMap event;
    for (const auto& e : std::as_const(events)) {
        if (e.value(QStringLiteral("request_id")).toByteArray() == suspended.header("X-Request-Id"))
            event = e;
    }
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(event.value(QStringLiteral("acting_org_id")).toString(), m_northwindId);
    QCOMPARE(event.value(QStringLiteral("reason")).toString(), QStringLiteral("contract paused"));
    const QJsonObject after = auditJson(event.value(QStringLiteral("after_state")));
    QCOMPARE(after.value(QStringLiteral("impact")).toObject(), expected);
    QVERIFY(after.value(QStringLiteral("revokedSessions")).toObject().value(QStringLiteral("refreshTokens")).toInt() >=
            1);
    QVERIFY(!event.value(QStringLiteral("after_state")).toString().contains(before.refreshToken));

    // Resume: exactly what this suspension changed comes back.
    const HttpResult resumed =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/resume").arg(customer), {});
    QVERIFY2(resumed.status == 200, resumed.describe());
    const QJsonObject restored = resumed.object().value(QStringLiteral("restored")).toObject();
    QCOMPARE(restored.value(QStringLiteral("orgs")).toInt(), expected.value(QStringLiteral("orgs")).toInt());
    QCOMPARE(restored.value(QStringLiteral("memberships")).toInt(),
             expected.value(QStringLiteral("memberships")).toInt());
    QCOMPARE(str(org(customer), "status"), QStringLiteral("active"));
    QCOMPARE(str(org(together), "status"), QStringLiteral("active"));
    QCOMPARE(str(org(separately), "status"), QStringLiteral("suspended"));
    for (const auto& item : members(together))
        QCOMPARE(str(item.toObject(), "status"), QStringLiteral("active"));
    // The separate suspension's memberships (in its whole subtree) are all still suspended.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM memberships m JOIN orgs o ON o.id = m.org_id "
                                   "WHERE o.path LIKE ? AND m.status = 'suspended'"),
                    {QStringLiteral("%/") + separately + QStringLiteral("/%")})
                 .toInt(),
             separateMembers);
    QCOMPARE(auditEvents(QStringLiteral("org.resume")).value(0).value(QStringLiteral("outcome")).toString(),
             QStringLiteral("success"));

    // Signing in again gives a refresh token that works and roles that count.
    const Tokens again = signIn(admin.email);
    QVERIFY(!again.refreshToken.isEmpty());
    const HttpResult renewed = refresh(again.refreshToken);
    QVERIFY2(renewed.status == 200, renewed.describe());
    QCOMPARE(client(again.accessToken).get(QStringLiteral("/api/v1/orgs/") + customer).status, 200);
    // The old one stays dead.
    QCOMPARE(refresh(before.refreshToken).status, 400);

    // The sub-org suspended on its own resumes on its own.
    QCOMPARE(client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/resume").arg(separately), {}).status,
             200);
    QCOMPARE(str(org(separately), "status"), QStringLiteral("active"));
}

void OrgLifecycleTest::offboardEndsEverythingButKeepsRecords()
{
    // A Northwind service partner with an org admin of its own.
    QString partner;
    Person admin;
    for (const auto& item : allChildren(m_northwindId)) {
        if (str(item.toObject(), "kind") != QStringLiteral("service-partner"))
            continue;
        const QString id = str(item.toObject(), "id");
        admin = personWithRole(id, QStringLiteral("org-admin"));
        if (!admin.id.isEmpty() && admin.orgId == id) {
            partner = id;
            break;
        }
    }
    QVERIFY2(!partner.isEmpty(), "the demo world should have a Northwind service partner with an admin");
    const Tokens tokens = signIn(admin.email);
    QVERIFY(!tokens.refreshToken.isEmpty());
    QCOMPARE(client(tokens.accessToken).get(QStringLiteral("/api/v1/orgs/") + partner).status, 200);
    const QString path = QStringLiteral("%/") + partner + QStringLiteral("/%");
    const QString assignmentsLeft =
        QStringLiteral("SELECT COUNT(*) FROM role_assignments ra JOIN orgs o ON o.id = ra.org_id WHERE o.path LIKE ? "
                       "AND ra.revoked_at IS NULL");
    const int assignments = scalar(assignmentsLeft, {path}).toInt();
    QVERIFY(assignments >= 1);

    const HttpResult preview =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/impact?change=offboard").arg(partner));
    QVERIFY2(preview.status == 200, preview.describe());
    const QJsonObject expected = preview.object();
    QVERIFY(expected.value(QStringLiteral("admins")).toInt() >= 1);
    QVERIFY(expected.value(QStringLiteral("activeSessions")).toInt() >= 2);
    QCOMPARE(expected.value(QStringLiteral("roleAssignments")).toInt(), assignments);

    const HttpResult offboarded = client(m_northwindToken)
                                      .postJson(QStringLiteral("/api/v1/orgs/%1/offboard").arg(partner),
                                                {{QStringLiteral("reason"), QStringLiteral("contract ended")}});
    QVERIFY2(offboarded.status == 200, offboarded.describe());
    QCOMPARE(offboarded.object().value(QStringLiteral("impact")).toObject(), expected);

    const HttpResult refused = refresh(tokens.refreshToken);
    QCOMPARE(refused.status, 400);
    QCOMPARE(str(refused.object(), "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(client(tokens.accessToken).get(QStringLiteral("/api/v1/orgs/") + partner).status, 404);

    // Records stay: the orgs with their status, the memberships ended, the assignments revoked.
    QCOMPARE(str(org(partner), "status"), QStringLiteral("offboarded"));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE path LIKE ? AND status <> 'offboarded'"), {path})
                 .toInt(),
             0);
    const QJsonArray ended = members(partner);
    QVERIFY(!ended.isEmpty());
    for (const auto& item : ended)
        QCOMPARE(str(item.toObject(), "status"), QStringLiteral("ended"));
    QCOMPARE(scalar(assignmentsLeft, {path}).toInt(), 0);
    const QVariantMap event = auditEvents(QStringLiteral("org.offboard")).value(0);
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(auditJson(event.value(QStringLiteral("after_state"))).value(QStringLiteral("impact")).toObject(),
             expected);

    // Offboarded is final: no resume, no second offboarding, no changes, nothing new under it, no moves into it.
    TestHttpClient owner = client(m_ownerToken);
    QCOMPARE(owner.postJson(QStringLiteral("/api/v1/orgs/%1/resume").arg(partner), {}).status, 409);
    QCOMPARE(owner.postJson(QStringLiteral("/api/v1/orgs/%1/offboard").arg(partner), {}).status, 409);
    QCOMPARE(owner.postJson(QStringLiteral("/api/v1/orgs/%1/suspend").arg(partner), {}).status, 409);
    QCOMPARE(
        patch(m_ownerToken, QStringLiteral("/api/v1/orgs/") + partner, {{QStringLiteral("name"), QStringLiteral("X")}})
            .status,
        409);
    const HttpResult create =
        owner.postJson(QStringLiteral("/api/v1/orgs"), {{QStringLiteral("parentId"), partner},
                                                        {QStringLiteral("kind"), QStringLiteral("customer")},
                                                        {QStringLiteral("name"), QStringLiteral("Too Late")},
                                                        {QStringLiteral("slug"), QStringLiteral("too-late")}});
    QCOMPARE(create.status, 409);
    QCOMPARE(create.errorField(), QStringLiteral("parentId"));
    const QString loose = createOrg(m_acmeId, QStringLiteral("off-loose"), QStringLiteral("Loose End"));
    const HttpResult moveIn =
        owner.postJson(QStringLiteral("/api/v1/orgs/%1/move").arg(loose), {{QStringLiteral("parentId"), partner}});
    QCOMPARE(moveIn.status, 409);
    QCOMPARE(moveIn.errorField(), QStringLiteral("parentId"));
    QCOMPARE(owner.get(QStringLiteral("/api/v1/orgs/%1/impact?change=offboard").arg(partner)).status, 409);
}

// A contractor's end date passes: no refresh, no userinfo, no new sign-in — without anybody revoking anything.
void OrgLifecycleTest::membershipEndDateEndsSignInAndTokens()
{
    Person contractor;
    for (const auto& item : allChildren(m_northwindId)) {
        const Person candidate = personWithRole(str(item.toObject(), "id"), QStringLiteral("member"));
        if (!candidate.id.isEmpty() && liveMemberships(candidate.id) == 1) {
            contractor = candidate;
            break;
        }
    }
    if (contractor.id.isEmpty()) {
        // Anyone with exactly one membership under Northwind will do.
        for (const auto& item : allChildren(m_northwindId)) {
            for (const auto& m : members(str(item.toObject(), "id"))) {
                const QJsonObject user = m.toObject().value(QStringLiteral("user")).toObject();
                if (str(m.toObject(), "status") == QStringLiteral("active") &&
                    str(user, "status") == QStringLiteral("active") && liveMemberships(str(user, "id")) == 1) {
                    contractor = {str(user, "id"), str(user, "email"), str(item.toObject(), "id")};
                    break;
                }
            }
            if (!contractor.id.isEmpty())
                break;
        }
        const QString hash = QString::fromStdString(core::PasswordHasher::hash(kPersonPassword.toStdString()));
        QVERIFY(exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {hash, contractor.id}));
    }
    QVERIFY2(!contractor.id.isEmpty(), "the demo world should have someone with a single Northwind membership");
    const Tokens tokens = signIn(contractor.email);
    QVERIFY(!tokens.refreshToken.isEmpty());
    TestHttpClient asContractor = client(tokens.accessToken);
    QCOMPARE(asContractor.get(QStringLiteral("/oauth2/userinfo")).status, 200);

    QVERIFY(m_server.execute(QStringLiteral("UPDATE memberships SET expires_at = ? WHERE user_id = ?"),
                             {QStringLiteral("2020-01-01T00:00:00Z"), contractor.id}) >= 1);
    const HttpResult refused = refresh(tokens.refreshToken);
    QCOMPARE(refused.status, 400);
    QCOMPARE(str(refused.object(), "error"), QStringLiteral("invalid_grant"));
    QCOMPARE(asContractor.get(QStringLiteral("/oauth2/userinfo")).status, 401);
    HttpResult answer;
    QVERIFY(signIn(contractor.email, &answer).accessToken.isEmpty());
    QCOMPARE(answer.status, 403);
    QVERIFY2(answer.body.contains("no longer have access"), answer.body.left(400).constData());
    const QVariantMap denied = auditEvents(QStringLiteral("login.denied")).value(0);
    QCOMPARE(denied.value(QStringLiteral("actor_id")).toString(), contractor.id);

    // Extended again: signing in works (the end date, not a revocation, was all that stopped it).
    QVERIFY(m_server.execute(QStringLiteral("UPDATE memberships SET expires_at = NULL WHERE user_id = ?"),
                             {contractor.id}) >= 1);
    const Tokens again = signIn(contractor.email);
    QVERIFY(!again.refreshToken.isEmpty());
    QCOMPARE(refresh(again.refreshToken).status, 200);
}

// Every org's path is its parent's path plus its own id, and its depth one more: the invariant moves must keep.
void OrgLifecycleTest::pathsStayConsistent()
{
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs c JOIN orgs p ON p.id = c.parent_id "
                                   "WHERE c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1"))
                 .toInt(),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE parent_id IS NULL AND "
                                   "(path <> '/' || id || '/' OR depth <> 0)"))
                 .toInt(),
             0);
}

QTEST_GUILESS_MAIN(OrgLifecycleTest)
#include "tst_orglifecycle.moc"
