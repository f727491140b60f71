// Identity providers (federation) through the admin API against a real trellisd with the demo world, on SQLite or
// (TRELLIS_TEST_POSTGRES) PostgreSQL: create, read, change and delete under org.manage; the client secret write-only
// (never in answers, audit events or the log); validation with stable codes and fields; a domain claimed by two
// providers is a 409; the org boundary (a partner superadmin cannot see or touch another organisation's provider).
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace trellis::test;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QByteArray kSecret = "very-secret-client-secret-4711";

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject provider(const QString& name, const QJsonArray& domains)
{
    return {{QStringLiteral("displayName"), name},
            {QStringLiteral("issuer"), QStringLiteral("https://login.partner.example/tenant")},
            {QStringLiteral("clientId"), QStringLiteral("trellis")},
            {QStringLiteral("clientSecret"), QString::fromLatin1(kSecret)},
            {QStringLiteral("domains"), domains},
            {QStringLiteral("jitProvisioning"), true}};
}

} // namespace

class IdentityProvidersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void createReadUpdateDelete();
    void validation();
    void domainClaimedByAnotherProviderIsAConflict();
    void orgBoundary();
    void auditedWithoutTheSecret();

private:
    TestHttpClient client(const QByteArray& token) const;
    HttpResult patch(const QByteArray& token, const QString& path, const QJsonObject& body);
    HttpResult del(const QByteArray& token, const QString& path);
    QString firstRoot(const QByteArray& token);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QString m_siblingId;
};

void IdentityProvidersTest::initTestCase()
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
    m_northwindToken = m_server.adminToken(kNorthwindAdmin);
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = firstRoot(m_ownerToken);
    m_northwindId = firstRoot(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty() && m_acmeId != m_northwindId);
    for (const auto& child :
         client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/children").arg(m_acmeId)).items()) {
        const QJsonObject org = child.toObject();
        if (str(org, "kind") == QStringLiteral("reseller") && str(org, "id") != m_northwindId)
            m_siblingId = str(org, "id");
    }
    QVERIFY(!m_siblingId.isEmpty());
}

void IdentityProvidersTest::cleanupTestCase()
{
    if (m_server.isRunning()) {
        // The secret never reaches the log, whatever happened above.
        for (const QByteArray& line : m_server.logLines())
            QVERIFY2(!line.contains(kSecret), line.constData());
        QCOMPARE(m_server.stop(), 0);
    }
}

TestHttpClient IdentityProvidersTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

HttpResult IdentityProvidersTest::patch(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult IdentityProvidersTest::del(const QByteArray& token, const QString& path)
{
    return client(token).send("DELETE", path);
}

QString IdentityProvidersTest::firstRoot(const QByteArray& token)
{
    return client(token)
        .get(QStringLiteral("/api/v1/me"))
        .object()
        .value(QStringLiteral("rootOrgIds"))
        .toArray()
        .first()
        .toString();
}

void IdentityProvidersTest::createReadUpdateDelete()
{
    const QString list = QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_northwindId);
    const HttpResult created = client(m_ownerToken)
                                   .postJson(list, provider(QStringLiteral("Northwind Entra ID"),
                                                            {QStringLiteral("Northwind-Staff.example")}));
    QVERIFY2(created.status == 201, created.describe());
    const QJsonObject p = created.object();
    const QString id = str(p, "id");
    QVERIFY(!id.isEmpty());
    QCOMPARE(created.header("Location"), QByteArray("/api/v1/identity-providers/") + id.toUtf8());
    QCOMPARE(str(p, "orgId"), m_northwindId);
    QCOMPARE(p.value(QStringLiteral("domains")).toArray(), QJsonArray{QStringLiteral("northwind-staff.example")});
    QCOMPARE(str(p, "scopes"), QStringLiteral("openid email profile"));
    QCOMPARE(p.value(QStringLiteral("clientSecretSet")).toBool(), true);
    QCOMPARE(p.value(QStringLiteral("jitProvisioning")).toBool(), true);
    QCOMPARE(p.value(QStringLiteral("enabled")).toBool(), true);
    QVERIFY(str(p, "redirectUri").endsWith(QStringLiteral("/login/federated/callback")));
    QVERIFY(!created.body.contains(kSecret));
    QVERIFY(!p.contains(QStringLiteral("clientSecret")));

    const HttpResult listed = client(m_northwindToken).get(list);
    QVERIFY2(listed.status == 200, listed.describe());
    QCOMPARE(listed.items().size(), 1);
    QVERIFY(!listed.body.contains(kSecret));

    const QString path = QStringLiteral("/api/v1/identity-providers/") + id;
    const HttpResult changed = patch(m_northwindToken, path,
                                     {{QStringLiteral("displayName"), QStringLiteral("Northwind SSO")},
                                      {QStringLiteral("domains"), QJsonArray{QStringLiteral("northwind-staff.example"),
                                                                             QStringLiteral("nw.example")}},
                                      {QStringLiteral("enabled"), false}});
    QVERIFY2(changed.status == 200, changed.describe());
    QCOMPARE(str(changed.object(), "displayName"), QStringLiteral("Northwind SSO"));
    QCOMPARE(changed.object().value(QStringLiteral("domains")).toArray().size(), 2);
    QCOMPARE(changed.object().value(QStringLiteral("enabled")).toBool(), false);
    // The secret stays when the change leaves it out.
    const QVariantList stored =
        m_server.queryRows(QStringLiteral("SELECT client_secret FROM identity_providers WHERE id = ?"), {id})
            .value(0)
            .values();
    QCOMPARE(stored.value(0).toByteArray(), kSecret);

    const HttpResult fetched = client(m_northwindToken).get(path);
    QVERIFY2(fetched.status == 200, fetched.describe());
    QCOMPARE(str(fetched.object(), "displayName"), QStringLiteral("Northwind SSO"));

    const HttpResult removed = del(m_northwindToken, path);
    QCOMPARE(removed.status, 204);
    QCOMPARE(client(m_northwindToken).get(path).status, 404);
    QVERIFY(client(m_northwindToken).get(list).items().isEmpty());
    // The domains are free again.
    QVERIFY(
        m_server.queryRows(QStringLiteral("SELECT domain FROM identity_provider_domains WHERE provider_id = ?"), {id})
            .isEmpty());
}

void IdentityProvidersTest::validation()
{
    const QString list = QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_acmeId);
    const auto attempt = [&](const QJsonObject& changes) {
        QJsonObject body = provider(QStringLiteral("Checked"), {QStringLiteral("checked.example")});
        for (auto it = changes.begin(); it != changes.end(); ++it) {
            if (it.value().isUndefined() || it.value().isNull())
                body.remove(it.key());
            else
                body.insert(it.key(), it.value());
        }
        return client(m_ownerToken).postJson(list, body);
    };
    struct Case
    {
        QJsonObject changes;
        int status;
        QString code;
        QString field;
    };
    const QList<Case> cases{
        {{{QStringLiteral("issuer"), QJsonValue::Null}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("issuer")},
        {{{QStringLiteral("issuer"), QStringLiteral("http://login.partner.example")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("issuer")},
        {{{QStringLiteral("issuer"), QStringLiteral("http://127.partner.example")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("issuer")},
        {{{QStringLiteral("issuer"), QStringLiteral("https://login.partner.example/#x")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("issuer")},
        {{{QStringLiteral("issuer"), QStringLiteral("ftp://login.partner.example")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("issuer")},
        {{{QStringLiteral("clientSecret"), QStringLiteral("  ")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("clientSecret")},
        {{{QStringLiteral("scopes"), QStringLiteral("email profile")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("scopes")},
        {{{QStringLiteral("domains"), QJsonArray{QStringLiteral("not a domain")}}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("domains")},
        {{{QStringLiteral("domains"), QJsonArray{QStringLiteral("a.example"), QStringLiteral("A.example")}}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("domains")},
        {{{QStringLiteral("domains"), QStringLiteral("a.example")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("domains")},
        {{{QStringLiteral("jitProvisioning"), QStringLiteral("yes")}},
         400,
         QStringLiteral("invalid_field"),
         QStringLiteral("jitProvisioning")},
        {{{QStringLiteral("clientSecretHash"), QStringLiteral("x")}},
         400,
         QStringLiteral("unknown_field"),
         QStringLiteral("clientSecretHash")},
    };
    for (const Case& c : cases) {
        const HttpResult r = attempt(c.changes);
        QVERIFY2(r.status == c.status, r.describe());
        QCOMPARE(r.errorCode(), c.code);
        QCOMPARE(r.errorField(), c.field);
        QVERIFY(!r.object().value(QStringLiteral("message")).toString().isEmpty());
    }
    // Plain http is fine on this machine (development, the browser test's upstream).
    const HttpResult local = attempt({{QStringLiteral("issuer"), QStringLiteral("http://127.0.0.1:9999")},
                                      {QStringLiteral("domains"), QJsonArray{}}});
    QVERIFY2(local.status == 201, local.describe());
    QCOMPARE(del(m_ownerToken, QStringLiteral("/api/v1/identity-providers/") + str(local.object(), "id")).status, 204);
    // Nothing was created by the refused attempts.
    QVERIFY(client(m_ownerToken).get(list).items().isEmpty());
}

void IdentityProvidersTest::domainClaimedByAnotherProviderIsAConflict()
{
    const HttpResult first =
        client(m_ownerToken)
            .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_acmeId),
                      provider(QStringLiteral("Acme staff"), {QStringLiteral("shared-domain.example")}));
    QVERIFY2(first.status == 201, first.describe());
    const HttpResult second =
        client(m_northwindToken)
            .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_northwindId),
                      provider(QStringLiteral("Northwind"),
                               {QStringLiteral("own.example"), QStringLiteral("SHARED-domain.example")}));
    QCOMPARE(second.status, 409);
    QCOMPARE(second.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(second.errorField(), QStringLiteral("domains"));
    QVERIFY(second.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("shared-domain")));
    // Nothing half-done: the refused provider's other domain is not claimed.
    QVERIFY(m_server
                .queryRows(QStringLiteral("SELECT 1 FROM identity_provider_domains WHERE domain = ?"),
                           {QStringLiteral("own.example")})
                .isEmpty());

    const HttpResult own = client(m_northwindToken)
                               .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_northwindId),
                                         provider(QStringLiteral("Northwind"), {QStringLiteral("own.example")}));
    QVERIFY2(own.status == 201, own.describe());
    const HttpResult grab =
        patch(m_northwindToken, QStringLiteral("/api/v1/identity-providers/") + str(own.object(), "id"),
              {{QStringLiteral("domains"), QJsonArray{QStringLiteral("shared-domain.example")}}});
    QCOMPARE(grab.status, 409);
    QCOMPARE(grab.errorField(), QStringLiteral("domains"));
    // A provider may keep its own domains on a change.
    const HttpResult keep =
        patch(m_ownerToken, QStringLiteral("/api/v1/identity-providers/") + str(first.object(), "id"),
              {{QStringLiteral("domains"), QJsonArray{QStringLiteral("shared-domain.example")}}});
    QVERIFY2(keep.status == 200, keep.describe());
    QCOMPARE(del(m_ownerToken, QStringLiteral("/api/v1/identity-providers/") + str(first.object(), "id")).status, 204);
    QCOMPARE(del(m_northwindToken, QStringLiteral("/api/v1/identity-providers/") + str(own.object(), "id")).status,
             204);
}

void IdentityProvidersTest::orgBoundary()
{
    // The platform owner configures one at the root and one at Northwind's sibling reseller.
    const HttpResult root = client(m_ownerToken)
                                .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_acmeId),
                                          provider(QStringLiteral("Acme"), {QStringLiteral("acme-root.example")}));
    QVERIFY2(root.status == 201, root.describe());
    const HttpResult sibling = client(m_ownerToken)
                                   .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_siblingId),
                                             provider(QStringLiteral("Sibling"), {QStringLiteral("sibling.example")}));
    QVERIFY2(sibling.status == 201, sibling.describe());
    const QString rootPath = QStringLiteral("/api/v1/identity-providers/") + str(root.object(), "id");
    const QString siblingPath = QStringLiteral("/api/v1/identity-providers/") + str(sibling.object(), "id");

    // Northwind's superadmin: neither provider exists for them, not even to a change or delete.
    for (const QString& path : {rootPath, siblingPath}) {
        QCOMPARE(client(m_northwindToken).get(path).status, 404);
        QCOMPARE(patch(m_northwindToken, path, {{QStringLiteral("displayName"), QStringLiteral("Mine")}}).status, 404);
        QCOMPARE(patch(m_northwindToken, path, {{QStringLiteral("domains"), QJsonArray{}}}).status, 404);
        QCOMPARE(del(m_northwindToken, path).status, 404);
    }
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_siblingId)).status,
             404);
    QCOMPARE(client(m_northwindToken)
                 .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_siblingId),
                           provider(QStringLiteral("Sneaky"), {QStringLiteral("sneaky.example")}))
                 .status,
             404);
    // The auditor reads organisations but may not manage them: 403, and no secret either way.
    const HttpResult auditorList =
        client(m_auditorToken).get(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_acmeId));
    QCOMPARE(auditorList.status, 403);
    QCOMPARE(auditorList.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(client(m_auditorToken).get(rootPath).status, 403);
    QCOMPARE(del(m_auditorToken, rootPath).status, 403);
    // Unchanged by all of it.
    const HttpResult after = client(m_ownerToken).get(rootPath);
    QCOMPARE(str(after.object(), "displayName"), QStringLiteral("Acme"));
    QCOMPARE(del(m_ownerToken, rootPath).status, 204);
    QCOMPARE(del(m_ownerToken, siblingPath).status, 204);
    // The refused attempts are on record.
    const QList<QVariantMap> denied = m_server.queryRows(QStringLiteral(
        "SELECT action FROM audit_events WHERE action LIKE 'identity_provider.%' AND outcome = 'denied'"));
    QVERIFY(denied.size() >= 4);
}

void IdentityProvidersTest::auditedWithoutTheSecret()
{
    const HttpResult created = client(m_ownerToken)
                                   .postJson(QStringLiteral("/api/v1/orgs/%1/identity-providers").arg(m_acmeId),
                                             provider(QStringLiteral("Audited"), {QStringLiteral("audited.example")}));
    QVERIFY2(created.status == 201, created.describe());
    const QString path = QStringLiteral("/api/v1/identity-providers/") + str(created.object(), "id");
    QCOMPARE(
        patch(m_ownerToken, path, {{QStringLiteral("clientSecret"), QStringLiteral("another-secret-0815")}}).status,
        200);
    QCOMPARE(del(m_ownerToken, path).status, 204);
    for (const QString& action :
         {QStringLiteral("identity_provider.create"), QStringLiteral("identity_provider.update"),
          QStringLiteral("identity_provider.delete")}) {
        const QList<QVariantMap> rows = m_server.queryRows(
            QStringLiteral("SELECT target_id, outcome, before_state, after_state FROM audit_events WHERE action = ? "
                           "AND target_id = ?"),
            {action, str(created.object(), "id")});
        QVERIFY2(rows.size() == 1, qPrintable(action));
        QCOMPARE(rows.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
        const QString states = rows.first().value(QStringLiteral("before_state")).toString() +
                               rows.first().value(QStringLiteral("after_state")).toString();
        QVERIFY2(!states.contains(QString::fromLatin1(kSecret)), qPrintable(states));
        QVERIFY2(!states.contains(QStringLiteral("another-secret-0815")), qPrintable(states));
        if (action == QStringLiteral("identity_provider.update"))
            QVERIFY2(states.contains(QStringLiteral("clientSecretChanged")), qPrintable(states));
    }
}

QTEST_GUILESS_MAIN(IdentityProvidersTest)
#include "tst_identityproviders.moc"
