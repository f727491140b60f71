// The admin API against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES) PostgreSQL:
// the same test code for both databases.
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <memory>

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace trellis::test;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");

QByteArray randomSecret()
{
    QByteArray bytes;
    for (int i = 0; i < 4; ++i)
        bytes += QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    return bytes;
}

QStringList ids(const QJsonArray& items)
{
    QStringList result;
    for (const auto& item : items)
        result << item.toObject().value(QStringLiteral("id")).toString();
    return result;
}

} // namespace

class AdminApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void health();
    void requestsWithoutValidTokenAreRejected_data();
    void requestsWithoutValidTokenAreRejected();
    void ownerSeesAcmeAsRoot();
    void partnerAdminSeesOnlyNorthwind();
    void outOfScopeOrgIsNotFound();
    void childrenPagesCoverEveryChildOnce_data();
    void childrenPagesCoverEveryChildOnce();
    void searchFindsDeepOrgWithinScope();
    void membersNeedScope();
    void badPaginationParameters_data();
    void badPaginationParameters();
    void createOrgWritesAuditEvent();
    void duplicateSlugConflicts();
    void malformedJsonIsNamed();
    void unknownFieldIsNamed();
    void invalidFields_data();
    void invalidFields();
    void wrongContentType();
    void oversizedBody();
    void wrongMethodListsAllowed();
    void deniedCreateIsAudited();
    void bootstrapWorksOnce();
    void logNeverContainsSecrets(); // keep last: checks everything the server logged

private:
    TestHttpClient client(const QByteArray& token) const;
    QString rootOf(const QByteArray& token);
    QJsonArray allChildren(const QByteArray& token, const QString& orgId, int limit);
    /// The audit events of an action, newest first, as rows of column name -> value.
    QList<QVariantMap> auditEvents(const QString& action);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_secret;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QList<QByteArray> m_issuedTokens;
    QString m_acmeId;
    QString m_northwindId;
};

void AdminApiTest::initTestCase()
{
#ifdef TRELLIS_TEST_POSTGRES
    if (!PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    m_server.setDatabaseUrl(m_postgres->url());
#endif
    m_secret = randomSecret();
    m_server.setDemo(true);
    m_server.setBootstrapSecret(m_secret);
    m_server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), QStringLiteral("test-demo-password"));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin, QStringLiteral("1h"));
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_issuedTokens << m_ownerToken << m_auditorToken << m_northwindToken;
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty());
    QVERIFY(!m_northwindId.isEmpty());
}

void AdminApiTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient AdminApiTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

QString AdminApiTest::rootOf(const QByteArray& token)
{
    const HttpResult me = client(token).get(QStringLiteral("/api/v1/me"));
    if (me.status != 200)
        return {};
    const QJsonArray roots = me.object().value(QStringLiteral("rootOrgIds")).toArray();
    return roots.size() == 1 ? roots.first().toString() : QString();
}

QJsonArray AdminApiTest::allChildren(const QByteArray& token, const QString& orgId, int limit)
{
    QJsonArray all;
    QString cursor;
    TestHttpClient http = client(token);
    for (int guard = 0; guard < 1000; ++guard) {
        QString path = QStringLiteral("/api/v1/orgs/%1/children?limit=%2").arg(orgId).arg(limit);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = http.get(path);
        if (page.status != 200) {
            qWarning("children page failed: %s", page.describe().constData());
            return {};
        }
        const QJsonArray items = page.items();
        if (items.size() > limit)
            return {};
        for (const auto& item : items)
            all.append(item);
        const QJsonValue next = page.object().value(QStringLiteral("nextCursor"));
        if (next.isNull())
            return all;
        cursor = next.toString();
    }
    return {};
}

QList<QVariantMap> AdminApiTest::auditEvents(const QString& action)
{
    return m_server.queryRows(
        QStringLiteral("SELECT actor_type, actor_id, acting_org_id, delegation_id, target_type, target_id,"
                       " target_org_path, outcome, reason, request_id, after_state FROM audit_events"
                       " WHERE action = ? ORDER BY sequence DESC"),
        {action});
}

void AdminApiTest::health()
{
    TestHttpClient http(m_server.baseUrl());
    const HttpResult health = http.get(QStringLiteral("/healthz"));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    const HttpResult ready = http.get(QStringLiteral("/readyz"));
    QCOMPARE(ready.status, 200);
    QVERIFY(!health.header("X-Request-Id").isEmpty());
}

void AdminApiTest::requestsWithoutValidTokenAreRejected_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("path");
    QTest::newRow("no token, me") << QByteArray() << QStringLiteral("/api/v1/me");
    QTest::newRow("no token, orgs") << QByteArray() << QStringLiteral("/api/v1/orgs");
    QTest::newRow("unknown token") << QByteArray("Bearer qwertyuiopasdfghjklzxcvbnm1234567890QWERT")
                                   << QStringLiteral("/api/v1/orgs");
    QTest::newRow("basic scheme") << QByteArray("Basic b3duZXI6cGFzc3dvcmQ=") << QStringLiteral("/api/v1/orgs");
    QTest::newRow("empty bearer") << QByteArray("Bearer ") << QStringLiteral("/api/v1/me");
}

void AdminApiTest::requestsWithoutValidTokenAreRejected()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, path);
    TestHttpClient http(m_server.baseUrl());
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    const HttpResult result = http.send("GET", path, {}, {}, headers);
    QCOMPARE(result.status, 401);
    QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
    QCOMPARE(result.header("WWW-Authenticate"), QByteArray("Bearer"));
}

void AdminApiTest::ownerSeesAcmeAsRoot()
{
    const HttpResult me = client(m_ownerToken).get(QStringLiteral("/api/v1/me"));
    QVERIFY2(me.status == 200, me.describe());
    QCOMPARE(me.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), kOwner);

    const HttpResult roots = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs"));
    QVERIFY2(roots.status == 200, roots.describe());
    QCOMPARE(roots.items().size(), 1);
    const QJsonObject acme = roots.items().first().toObject();
    QCOMPARE(acme.value(QStringLiteral("slug")).toString(), QStringLiteral("acme"));
    QCOMPARE(acme.value(QStringLiteral("id")).toString(), m_acmeId);
    QVERIFY(acme.value(QStringLiteral("parentId")).isNull());
    QVERIFY(acme.value(QStringLiteral("childCount")).toInt() > 0);
    QVERIFY(roots.object().value(QStringLiteral("nextCursor")).isNull());
}

void AdminApiTest::partnerAdminSeesOnlyNorthwind()
{
    const HttpResult roots = client(m_northwindToken).get(QStringLiteral("/api/v1/orgs"));
    QVERIFY2(roots.status == 200, roots.describe());
    QCOMPARE(roots.items().size(), 1);
    const QJsonObject northwind = roots.items().first().toObject();
    QCOMPARE(northwind.value(QStringLiteral("slug")).toString(), QStringLiteral("northwind"));
    QCOMPARE(northwind.value(QStringLiteral("parentId")).toString(), m_acmeId);

    const HttpResult own = client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/") + m_northwindId);
    QVERIFY2(own.status == 200, own.describe());
    QCOMPARE(own.object().value(QStringLiteral("name")).toString(), QStringLiteral("Northwind Trading"));
}

void AdminApiTest::outOfScopeOrgIsNotFound()
{
    TestHttpClient http = client(m_northwindToken);
    const HttpResult missing = http.get(QStringLiteral("/api/v1/orgs/00000000-0000-4000-8000-000000000000"));
    QCOMPARE(missing.status, 404);
    for (const QString& path : {QStringLiteral("/api/v1/orgs/%1"), QStringLiteral("/api/v1/orgs/%1/children"),
                                QStringLiteral("/api/v1/orgs/%1/members")}) {
        const HttpResult hidden = http.get(path.arg(m_acmeId));
        QCOMPARE(hidden.status, 404);
        // Indistinguishable from a missing org: same code and message.
        QCOMPARE(hidden.errorCode(), QStringLiteral("not_found"));
        QCOMPARE(hidden.object().value(QStringLiteral("message")), missing.object().value(QStringLiteral("message")));
    }
}

void AdminApiTest::childrenPagesCoverEveryChildOnce_data()
{
    QTest::addColumn<int>("limit");
    for (int limit = 1; limit <= 5; ++limit)
        QTest::addRow("limit %d", limit) << limit;
}

void AdminApiTest::childrenPagesCoverEveryChildOnce()
{
    QFETCH(int, limit);
    const HttpResult big = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/children?limit=200").arg(m_acmeId));
    QVERIFY2(big.status == 200, big.describe());
    const QStringList expected = ids(big.items());
    QVERIFY(expected.size() > 5);
    const QStringList paged = ids(allChildren(m_ownerToken, m_acmeId, limit));
    QCOMPARE(paged, expected); // same order, each exactly once
    QCOMPARE(QSet<QString>(paged.begin(), paged.end()).size(), paged.size());
}

void AdminApiTest::searchFindsDeepOrgWithinScope()
{
    // Walk down from Northwind to its deepest first descendant.
    QJsonObject deep;
    QString current = m_northwindId;
    for (int level = 0; level < 10; ++level) {
        const QJsonArray children = allChildren(m_ownerToken, current, 50);
        if (children.isEmpty())
            break;
        deep = children.first().toObject();
        current = deep.value(QStringLiteral("id")).toString();
    }
    QVERIFY(!deep.isEmpty());
    QVERIFY2(deep.value(QStringLiteral("depth")).toInt() >= 2, "the demo world should be deeper below Northwind");
    const QString deepId = deep.value(QStringLiteral("id")).toString();
    const QString query = QString::fromLatin1(QUrl::toPercentEncoding(deep.value(QStringLiteral("name")).toString()));

    const HttpResult byOwner = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=") + query);
    QVERIFY2(byOwner.status == 200, byOwner.describe());
    QVERIFY(ids(byOwner.items()).contains(deepId));
    const HttpResult byPartner = client(m_northwindToken).get(QStringLiteral("/api/v1/orgs?q=") + query);
    QVERIFY2(byPartner.status == 200, byPartner.describe());
    QVERIFY(ids(byPartner.items()).contains(deepId));
    // Case-insensitive, on the slug too.
    const QString slug = deep.value(QStringLiteral("slug")).toString().toUpper();
    QVERIFY(ids(client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=") + slug).items()).contains(deepId));

    // Outside Northwind's subtree: the owner finds Acme's other branches, the partner admin does not.
    const HttpResult acmeByOwner = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=acme"));
    QVERIFY(ids(acmeByOwner.items()).contains(m_acmeId));
    const HttpResult acmeByPartner = client(m_northwindToken).get(QStringLiteral("/api/v1/orgs?q=acme"));
    QVERIFY2(acmeByPartner.status == 200, acmeByPartner.describe());
    QVERIFY(!ids(acmeByPartner.items()).contains(m_acmeId));
    for (const auto& item : acmeByPartner.items()) {
        const QJsonArray path = item.toObject().value(QStringLiteral("path")).toArray();
        QVERIFY(path.contains(QJsonValue(m_northwindId)));
    }
}

void AdminApiTest::membersNeedScope()
{
    QStringList emails;
    QString cursor;
    int pages = 0;
    do {
        QString path = QStringLiteral("/api/v1/orgs/%1/members?limit=7").arg(m_acmeId);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + cursor;
        const HttpResult page = client(m_auditorToken).get(path);
        QVERIFY2(page.status == 200, page.describe());
        for (const auto& item : page.items()) {
            const QJsonObject membership = item.toObject();
            QCOMPARE(membership.value(QStringLiteral("orgId")).toString(), m_acmeId);
            emails << membership.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString();
        }
        cursor = page.object().value(QStringLiteral("nextCursor")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 100);
    QVERIFY(pages > 1);
    QVERIFY(emails.contains(kOwner));
    QVERIFY(emails.contains(kAuditor));
    QCOMPARE(QSet<QString>(emails.begin(), emails.end()).size(), emails.size());

    const HttpResult northwindMembers =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(m_northwindId));
    QVERIFY2(northwindMembers.status == 200, northwindMembers.describe());
    QVERIFY(!northwindMembers.items().isEmpty());
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(m_acmeId)).status, 404);
}

void AdminApiTest::badPaginationParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    const QString limit = QStringLiteral("limit");
    const QString cursor = QStringLiteral("cursor");
    const QString invalidParameter = QStringLiteral("invalid_parameter");
    const QString invalidCursor = QStringLiteral("invalid_cursor");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << invalidParameter << limit;
    QTest::newRow("limit 201") << QStringLiteral("limit=201") << invalidParameter << limit;
    QTest::newRow("limit -1") << QStringLiteral("limit=-1") << invalidParameter << limit;
    QTest::newRow("limit abc") << QStringLiteral("limit=abc") << invalidParameter << limit;
    QTest::newRow("limit empty") << QStringLiteral("limit=") << invalidParameter << limit;
    QTest::newRow("limit 1e3") << QStringLiteral("limit=1e3") << invalidParameter << limit;
    QTest::newRow("cursor garbage") << QStringLiteral("cursor=garbage!") << invalidCursor << cursor;
    QTest::newRow("cursor base64 non-json") << QStringLiteral("cursor=aGVsbG8") << invalidCursor << cursor;
    QTest::newRow("cursor empty") << QStringLiteral("cursor=") << invalidCursor << cursor;
}

void AdminApiTest::badPaginationParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, code);
    QFETCH(QString, field);
    for (const QString& path :
         {QStringLiteral("/api/v1/orgs/%1/children?").arg(m_acmeId),
          QStringLiteral("/api/v1/orgs/%1/members?").arg(m_acmeId), QStringLiteral("/api/v1/orgs?")}) {
        const HttpResult result = client(m_ownerToken).get(path + query);
        QVERIFY2(result.status == 400,
                 qPrintable(path + query + QStringLiteral(": ") + QString::fromUtf8(result.describe())));
        QCOMPARE(result.errorCode(), code);
        QCOMPARE(result.errorField(), field);
    }
}

void AdminApiTest::createOrgWritesAuditEvent()
{
    const QJsonObject body{
        {QStringLiteral("parentId"), m_acmeId},
        {QStringLiteral("kind"), QStringLiteral("reseller")},
        {QStringLiteral("name"), QStringLiteral("Zebra Résellers GmbH")},
        {QStringLiteral("slug"), QStringLiteral("zebra-resellers")},
        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("country"), QStringLiteral("AT")}}}};
    const HttpResult created = client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QVERIFY2(created.status == 201, created.describe());
    const QJsonObject org = created.object();
    const QString id = org.value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.header("Location"), QByteArray("/api/v1/orgs/") + id.toLatin1());
    QCOMPARE(org.value(QStringLiteral("parentId")).toString(), m_acmeId);
    QCOMPARE(org.value(QStringLiteral("name")).toString(), QStringLiteral("Zebra Résellers GmbH"));
    QCOMPARE(org.value(QStringLiteral("depth")).toInt(), 1);
    QCOMPARE(org.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("country")).toString(),
             QStringLiteral("AT"));

    const HttpResult fetched = client(m_ownerToken).get(QString::fromLatin1(created.header("Location")));
    QVERIFY2(fetched.status == 200, fetched.describe());
    QCOMPARE(fetched.object().value(QStringLiteral("slug")).toString(), QStringLiteral("zebra-resellers"));
    QVERIFY(ids(allChildren(m_ownerToken, m_acmeId, 50)).contains(id));

    const QList<QVariantMap> events = auditEvents(QStringLiteral("org.create"));
    QVERIFY(!events.isEmpty());
    const QVariantMap event = events.first();
    const QString ownerId = client(m_ownerToken)
                                .get(QStringLiteral("/api/v1/me"))
                                .object()
                                .value(QStringLiteral("user"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString();
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(event.value(QStringLiteral("actor_type")).toString(), QStringLiteral("user"));
    QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), ownerId);
    QCOMPARE(event.value(QStringLiteral("acting_org_id")).toString(), m_acmeId);
    QVERIFY(!event.value(QStringLiteral("delegation_id")).toString().isEmpty());
    QCOMPARE(event.value(QStringLiteral("target_type")).toString(), QStringLiteral("org"));
    QCOMPARE(event.value(QStringLiteral("target_id")).toString(), id);
    QCOMPARE(event.value(QStringLiteral("request_id")).toByteArray(), created.header("X-Request-Id"));
    const QJsonObject after =
        QJsonDocument::fromJson(event.value(QStringLiteral("after_state")).toByteArray()).object();
    QCOMPARE(after.value(QStringLiteral("slug")).toString(), QStringLiteral("zebra-resellers"));
}

void AdminApiTest::duplicateSlugConflicts()
{
    const QJsonObject body{{QStringLiteral("parentId"), m_northwindId},
                           {QStringLiteral("kind"), QStringLiteral("customer")},
                           {QStringLiteral("name"), QStringLiteral("Another Northwind")},
                           {QStringLiteral("slug"), QStringLiteral("northwind")}};
    const HttpResult result = client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QCOMPARE(result.status, 409);
    QCOMPARE(result.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(result.errorField(), QStringLiteral("slug"));
    // The server is still fine afterwards (the failed transaction was rolled back cleanly).
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/me")).status, 200);
}

void AdminApiTest::malformedJsonIsNamed()
{
    const QByteArray body = "{\"parentId\": \"x\", }";
    const HttpResult result =
        client(m_ownerToken).send("POST", QStringLiteral("/api/v1/orgs"), body, "application/json");
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("malformed_json"));
    const QString message = result.object().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("unexpected '}'")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("at byte 19")), qPrintable(message));

    const HttpResult array =
        client(m_ownerToken).send("POST", QStringLiteral("/api/v1/orgs"), "[1, 2]", "application/json");
    QCOMPARE(array.status, 400);
    const HttpResult empty = client(m_ownerToken).send("POST", QStringLiteral("/api/v1/orgs"), " ", "application/json");
    QCOMPARE(empty.status, 400);
    QCOMPARE(empty.errorCode(), QStringLiteral("malformed_json"));
    const HttpResult deep = client(m_ownerToken)
                                .send("POST", QStringLiteral("/api/v1/orgs"),
                                      QByteArray(5000, '[') + QByteArray(5000, ']'), "application/json");
    QCOMPARE(deep.status, 400);
    QCOMPARE(deep.errorCode(), QStringLiteral("malformed_json"));
}

void AdminApiTest::unknownFieldIsNamed()
{
    const QJsonObject body{{QStringLiteral("parentId"), m_acmeId},
                           {QStringLiteral("kind"), QStringLiteral("customer")},
                           {QStringLiteral("name"), QStringLiteral("Colourful")},
                           {QStringLiteral("slug"), QStringLiteral("colourful")},
                           {QStringLiteral("colour"), QStringLiteral("teal")}};
    const HttpResult result = client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("unknown_field"));
    QCOMPARE(result.errorField(), QStringLiteral("colour"));
    QVERIFY(result.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("colour")));
}

void AdminApiTest::invalidFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("slug with spaces") << QStringLiteral("slug") << QJsonValue(QStringLiteral("Bad Slug"));
    QTest::newRow("slug too short") << QStringLiteral("slug") << QJsonValue(QStringLiteral("a"));
    QTest::newRow("slug number") << QStringLiteral("slug") << QJsonValue(42);
    QTest::newRow("kind unknown") << QStringLiteral("kind") << QJsonValue(QStringLiteral("spaceship"));
    QTest::newRow("name empty") << QStringLiteral("name") << QJsonValue(QString());
    QTest::newRow("name blank") << QStringLiteral("name") << QJsonValue(QStringLiteral("   "));
    QTest::newRow("name 201 characters") << QStringLiteral("name") << QJsonValue(QString(201, QChar(0x00e9)));
    QTest::newRow("name object") << QStringLiteral("name") << QJsonValue(QJsonObject());
    QTest::newRow("parentId missing") << QStringLiteral("parentId") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("attributes array") << QStringLiteral("attributes") << QJsonValue(QJsonArray{1});
}

void AdminApiTest::invalidFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject body{{QStringLiteral("parentId"), m_acmeId},
                     {QStringLiteral("kind"), QStringLiteral("customer")},
                     {QStringLiteral("name"), QStringLiteral("Valid Name")},
                     {QStringLiteral("slug"), QStringLiteral("valid-slug-1")}};
    if (value.isUndefined())
        body.remove(field);
    else
        body.insert(field, value);
    const HttpResult result = client(m_ownerToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QVERIFY2(result.status == 400, result.describe());
    QCOMPARE(result.errorCode(), QStringLiteral("invalid_field"));
    QCOMPARE(result.errorField(), field);
}

void AdminApiTest::wrongContentType()
{
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("parentId"), m_acmeId}}).toJson();
    for (const QByteArray& type :
         {QByteArray("text/plain"), QByteArray("application/x-www-form-urlencoded"), QByteArray()}) {
        const HttpResult result = client(m_ownerToken).send("POST", QStringLiteral("/api/v1/orgs"), body, type);
        QVERIFY2(result.status == 415, result.describe());
        QCOMPARE(result.errorCode(), QStringLiteral("unsupported_media_type"));
    }
}

void AdminApiTest::oversizedBody()
{
    const QByteArray body = "{\"name\": \"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
    const HttpResult result =
        client(m_ownerToken).send("POST", QStringLiteral("/api/v1/orgs"), body, "application/json");
    QVERIFY2(result.status == 413, result.describe());
    QCOMPARE(result.errorCode(), QStringLiteral("payload_too_large"));
    QVERIFY(result.header("Content-Type").startsWith("application/json"));
}

void AdminApiTest::wrongMethodListsAllowed()
{
    const HttpResult put =
        client(m_ownerToken).send("PUT", QStringLiteral("/api/v1/orgs/") + m_acmeId, "{}", "application/json");
    QCOMPARE(put.status, 405);
    QCOMPARE(put.errorCode(), QStringLiteral("method_not_allowed"));
    QCOMPARE(put.header("Allow"), QByteArray("GET, PATCH"));
    const HttpResult del = client(m_ownerToken).send("DELETE", QStringLiteral("/api/v1/orgs"));
    QCOMPARE(del.status, 405);
    QVERIFY(del.header("Allow").contains("GET") && del.header("Allow").contains("POST"));
}

void AdminApiTest::deniedCreateIsAudited()
{
    // The auditor reads everything, changes nothing: visible parent, so 403.
    const QJsonObject body{{QStringLiteral("parentId"), m_acmeId},
                           {QStringLiteral("kind"), QStringLiteral("customer")},
                           {QStringLiteral("name"), QStringLiteral("Not Allowed Ltd")},
                           {QStringLiteral("slug"), QStringLiteral("not-allowed")}};
    const HttpResult byAuditor = client(m_auditorToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QCOMPARE(byAuditor.status, 403);
    QCOMPARE(byAuditor.errorCode(), QStringLiteral("forbidden"));
    QList<QVariantMap> events = auditEvents(QStringLiteral("org.create"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.first().value(QStringLiteral("request_id")).toByteArray(), byAuditor.header("X-Request-Id"));

    // The partner admin cannot even see Acme: 404, and still audited.
    const HttpResult byPartner = client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs"), body);
    QCOMPARE(byPartner.status, 404);
    events = auditEvents(QStringLiteral("org.create"));
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.first().value(QStringLiteral("request_id")).toByteArray(), byPartner.header("X-Request-Id"));
    QCOMPARE(events.first().value(QStringLiteral("target_id")).toString(), QString());

    // Nothing was created.
    const HttpResult search = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs?q=not-allowed"));
    QVERIFY(search.items().isEmpty());
}

void AdminApiTest::bootstrapWorksOnce()
{
    TestHttpClient http(m_server.baseUrl());
    const auto exchange = [&](const QByteArray& secret) {
        return http.postJson(QStringLiteral("/api/v1/auth/bootstrap"),
                             QJsonObject{{QStringLiteral("secret"), QString::fromLatin1(secret)}});
    };
    const HttpResult wrong = exchange(m_secret + 'x');
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_secret"));

    const HttpResult first = exchange(m_secret);
    QVERIFY2(first.status == 200, first.describe());
    const QByteArray token = first.object().value(QStringLiteral("accessToken")).toString().toLatin1();
    QVERIFY(!token.isEmpty());
    m_issuedTokens << token;
    QCOMPARE(first.object().value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
    QCOMPARE(first.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), kOwner);
    QCOMPARE(first.header("Cache-Control"), QByteArray("no-store"));
    const QDateTime expires =
        QDateTime::fromString(first.object().value(QStringLiteral("expiresAt")).toString(), Qt::ISODate);
    QVERIFY(expires.isValid());
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 12 * 3600) < 300);

    QCOMPARE(client(token).get(QStringLiteral("/api/v1/me")).status, 200);
    QCOMPARE(rootOf(token), m_acmeId);

    const HttpResult again = exchange(m_secret);
    QCOMPARE(again.status, 401);
    QCOMPARE(again.errorCode(), QStringLiteral("invalid_secret"));

    const QList<QVariantMap> events = auditEvents(QStringLiteral("auth.bootstrap"));
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.at(1).value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(events.at(2).value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
}

void AdminApiTest::logNeverContainsSecrets()
{
    const QByteArray log = m_server.stderrOutput();
    QVERIFY(log.contains("\"msg\":\"request\"") || log.count('\n') > 20); // the log is really there
    QVERIFY(!log.contains(m_secret));
    for (const QByteArray& token : std::as_const(m_issuedTokens))
        QVERIFY2(!log.contains(token), "a token appears in the server log");

    // Nor in the audit trail.
    QSqlDatabase db = m_server.openDatabase(QStringLiteral("secret-check"));
    {
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT after_state, before_state, reason FROM audit_events")));
        while (query.next()) {
            const QByteArray row =
                query.value(0).toByteArray() + query.value(1).toByteArray() + query.value(2).toByteArray();
            QVERIFY(!row.contains(m_secret));
            for (const QByteArray& token : std::as_const(m_issuedTokens))
                QVERIFY(!row.contains(token));
        }
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("secret-check"));
}

QTEST_GUILESS_MAIN(AdminApiTest)
#include "tst_adminapi.moc"
