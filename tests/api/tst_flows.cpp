// Login journeys against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES) PostgreSQL: the
// flows API (drafts with optimistic concurrency, validation, publish, versions, restore, rollback, delete), bindings
// (inheritance, client-specific beats general, most specific wins), the permission boundaries of flow.design and
// flow.publish, audit events, and the hosted login running what is bound: organization=<slug>, a new version for the
// next sign-in, rollback, identifier-first routing, and a sign-in finishing on the version it started with.
#include "core/crypto/Pkce.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;
namespace crypto = trellis::core::crypto;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kPassword = QStringLiteral("test-demo-password");
const QString kClient = QStringLiteral("trellis-console");
const QString kRedirect = QStringLiteral("http://127.0.0.1:45678/callback");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject node(const QString& id, const QString& type, const QJsonObject& outcomes,
                 const QJsonObject& config = QJsonObject())
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("config"), config},
                       {QStringLiteral("position"), QJsonObject{{QStringLiteral("x"), 0}, {QStringLiteral("y"), 0}}},
                       {QStringLiteral("outcomes"), outcomes}};
}

// identify -> password -> success, with node ids carrying `tag` so a test can tell which flow (and version) runs.
QJsonObject passwordFlow(const QString& tag)
{
    const QString identify = QStringLiteral("identify-") + tag;
    const QString password = QStringLiteral("password-") + tag;
    const QString retries = QStringLiteral("retries-") + tag;
    const QString failed = QStringLiteral("failed-") + tag;
    const QString done = QStringLiteral("done-") + tag;
    return QJsonObject{{QStringLiteral("format"), 1},
                       {QStringLiteral("name"), QStringLiteral("Flow ") + tag},
                       {QStringLiteral("start"), identify},
                       {QStringLiteral("nodes"),
                        QJsonArray{node(identify, QStringLiteral("identify"), {{QStringLiteral("next"), password}}),
                                   node(password, QStringLiteral("password"),
                                        {{QStringLiteral("success"), done},
                                         {QStringLiteral("failure"), retries},
                                         {QStringLiteral("locked"), failed},
                                         {QStringLiteral("not-set"), failed}}),
                                   node(retries, QStringLiteral("retry-limit"),
                                        {{QStringLiteral("retry"), password}, {QStringLiteral("reject"), failed}},
                                        {{QStringLiteral("maxAttempts"), 3}}),
                                   node(done, QStringLiteral("success"), {}),
                                   node(failed, QStringLiteral("failure"), {},
                                        {{QStringLiteral("message"), QStringLiteral("No.")}})}}};
}

QString authorizePath(const QString& organization = QString(), const QString& acrValues = QString())
{
    QList<QPair<QString, QString>> params{
        {QStringLiteral("client_id"), kClient},
        {QStringLiteral("redirect_uri"), kRedirect},
        {QStringLiteral("response_type"), QStringLiteral("code")},
        {QStringLiteral("scope"), QStringLiteral("openid")},
        {QStringLiteral("state"), QStringLiteral("st")},
        {QStringLiteral("code_challenge"),
         QString::fromStdString(crypto::Pkce::s256Challenge(crypto::Pkce::newVerifier()))},
        {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
    };
    if (!organization.isEmpty())
        params.append({QStringLiteral("organization"), organization});
    if (!acrValues.isEmpty())
        params.append({QStringLiteral("acr_values"), acrValues});
    QUrlQuery query;
    for (const auto& [name, value] : params)
        query.addQueryItem(name, QString::fromUtf8(QUrl::toPercentEncoding(value)));
    return QStringLiteral("/oauth2/authorize?") + query.query(QUrl::FullyEncoded);
}

} // namespace

class FlowsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void demoFlowIsBoundAtTheRoot();
    void catalogAndApplications();
    void createListGetAndSaveWithRevisions();
    void validationProblemsAndBrokenDocuments();
    void publishIsBlockedUntilValidThenVersions();
    void restoreAndRollback();
    void bindingsInheritAndTheMostSpecificWins();
    void bindingRefusals();
    void permissionBoundaries();
    void deleteRefusedWhileBound();
    void auditEventsAreWritten();

    void hostedLoginRunsTheBoundFlow();
    void identifierFirstRoutingPicksTheResellersFlow();
    void signInFinishesOnTheVersionItStartedWith();
    void designedFlowKeepsTheSecondFactorAskedFor();

    void simulationRunsTheDraftWithoutSideEffects();
    void subflowsResolveOnlyLiveFlowsUsableAtTheOwner();

private:
    TestHttpClient client(const QByteArray& token) const;
    HttpResult put(const QByteArray& token, const QString& path, const QJsonObject& body);
    HttpResult patch(const QByteArray& token, const QString& path, const QJsonObject& body);
    HttpResult del(const QByteArray& token, const QString& path);
    /// Creates a flow at the org with this document; returns the Flow object (empty on failure, with a warning).
    QJsonObject createFlow(const QByteArray& token, const QString& orgId, const QString& name,
                           const QJsonObject& document);
    /// Saves `document` as the draft (at the flow's current revision) and publishes it; returns the version number.
    int saveAndPublish(const QByteArray& token, const QString& flowId, const QJsonObject& document,
                       const QString& note);
    HttpResult bind(const QByteArray& token, const QString& orgId, const QString& flowId,
                    const QString& clientId = QString());
    QJsonObject bindings(const QByteArray& token, const QString& orgId);
    /// Effective flow name for the client (empty string key: all applications) at the org.
    QString effectiveFlow(const QByteArray& token, const QString& orgId, const QString& clientId = QString());
    QList<QVariantMap> auditEvents(const QString& action);
    /// The node id of the form on the page (which flow and version runs).
    static QString formNode(const HttpResult& page) { return LoginBrowser::hidden(page.body, QStringLiteral("node")); }

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QByteArray m_designerToken; ///< flow-designer at Northwind only
    QString m_acmeId;
    QString m_northwindId;
    QString m_northwindSlug;
    QString m_northwindChildId;
    QString m_siblingId;
    QString m_demoFlowId;
};

void FlowsTest::initTestCase()
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
    m_server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), kPassword);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin);
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = client(m_ownerToken)
                   .get(QStringLiteral("/api/v1/me"))
                   .object()
                   .value(QStringLiteral("rootOrgIds"))
                   .toArray()
                   .first()
                   .toString();
    m_northwindId = client(m_northwindToken)
                        .get(QStringLiteral("/api/v1/me"))
                        .object()
                        .value(QStringLiteral("rootOrgIds"))
                        .toArray()
                        .first()
                        .toString();
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty());
    m_northwindSlug = str(client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/") + m_northwindId).object(), "slug");
    QCOMPARE(m_northwindSlug, QStringLiteral("northwind"));
    for (const auto& child :
         client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/children").arg(m_acmeId)).items()) {
        const QJsonObject org = child.toObject();
        if (str(org, "kind") == QStringLiteral("reseller") && str(org, "id") != m_northwindId)
            m_siblingId = str(org, "id");
    }
    m_northwindChildId = str(client(m_ownerToken)
                                 .get(QStringLiteral("/api/v1/orgs/%1/children").arg(m_northwindId))
                                 .items()
                                 .first()
                                 .toObject(),
                             "id");
    QVERIFY(!m_siblingId.isEmpty() && !m_northwindChildId.isEmpty());

    // A plain Northwind member becomes flow designer there (granted by the platform owner).
    QString designerId;
    QString designerEmail;
    for (const auto& item :
         client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/members?limit=200").arg(m_northwindId)).items()) {
        const QJsonObject membership = item.toObject();
        const QJsonObject user = membership.value(QStringLiteral("user")).toObject();
        if (str(membership, "status") == QStringLiteral("active") && str(user, "status") == QStringLiteral("active") &&
            membership.value(QStringLiteral("roles")).toArray().isEmpty() &&
            membership.value(QStringLiteral("expiresAt")).isNull()) {
            designerId = str(user, "id");
            designerEmail = str(user, "email");
            break;
        }
    }
    QVERIFY(!designerId.isEmpty());
    const HttpResult granted = client(m_ownerToken)
                                   .postJson(QStringLiteral("/api/v1/role-assignments"),
                                             {{QStringLiteral("userId"), designerId},
                                              {QStringLiteral("roleId"), QStringLiteral("flow-designer")},
                                              {QStringLiteral("orgId"), m_northwindId},
                                              {QStringLiteral("justification"), QStringLiteral("designs journeys")}});
    QVERIFY2(granted.status == 201, granted.describe());
    m_designerToken = m_server.adminToken(designerEmail);
    QVERIFY(!m_designerToken.isEmpty());
}

void FlowsTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient FlowsTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

HttpResult FlowsTest::put(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult FlowsTest::patch(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult FlowsTest::del(const QByteArray& token, const QString& path)
{
    return client(token).send("DELETE", path);
}

QJsonObject FlowsTest::createFlow(const QByteArray& token, const QString& orgId, const QString& name,
                                  const QJsonObject& document)
{
    const HttpResult r =
        client(token).postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(orgId),
                               {{QStringLiteral("name"), name}, {QStringLiteral("document"), document}});
    if (r.status != 201) {
        qWarning("creating a flow: %s", r.describe().constData());
        return {};
    }
    return r.object();
}

int FlowsTest::saveAndPublish(const QByteArray& token, const QString& flowId, const QJsonObject& document,
                              const QString& note)
{
    const int revision = client(token)
                             .get(QStringLiteral("/api/v1/flows/") + flowId)
                             .object()
                             .value(QStringLiteral("draftRevision"))
                             .toInt();
    const HttpResult saved = put(token, QStringLiteral("/api/v1/flows/%1/draft").arg(flowId),
                                 {{QStringLiteral("document"), document}, {QStringLiteral("revision"), revision}});
    if (saved.status != 200) {
        qWarning("saving: %s", saved.describe().constData());
        return -1;
    }
    const HttpResult published =
        client(token).postJson(QStringLiteral("/api/v1/flows/%1/publish").arg(flowId),
                               {{QStringLiteral("note"), note},
                                {QStringLiteral("revision"), saved.object().value(QStringLiteral("draftRevision"))}});
    if (published.status != 201) {
        qWarning("publishing: %s", published.describe().constData());
        return -1;
    }
    return published.object().value(QStringLiteral("version")).toInt();
}

HttpResult FlowsTest::bind(const QByteArray& token, const QString& orgId, const QString& flowId,
                           const QString& clientId)
{
    QJsonObject body{{QStringLiteral("flowId"), flowId}};
    body.insert(QStringLiteral("clientId"), clientId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(clientId));
    return put(token, QStringLiteral("/api/v1/orgs/%1/flow-bindings").arg(orgId), body);
}

QJsonObject FlowsTest::bindings(const QByteArray& token, const QString& orgId)
{
    const HttpResult r = client(token).get(QStringLiteral("/api/v1/orgs/%1/flow-bindings").arg(orgId));
    if (r.status != 200)
        qWarning("bindings: %s", r.describe().constData());
    return r.object();
}

QString FlowsTest::effectiveFlow(const QByteArray& token, const QString& orgId, const QString& clientId)
{
    for (const auto& item : bindings(token, orgId).value(QStringLiteral("effective")).toArray()) {
        const QJsonObject e = item.toObject();
        const QJsonValue c = e.value(QStringLiteral("clientId"));
        if ((clientId.isEmpty() && c.isNull()) || (!clientId.isEmpty() && c.toString() == clientId))
            return str(e, "flowName") + QStringLiteral("@") + str(e, "fromOrgId");
    }
    return {};
}

QList<QVariantMap> FlowsTest::auditEvents(const QString& action)
{
    return m_server.queryRows(QStringLiteral("SELECT actor_id, acting_org_id, delegation_id, target_type, target_id,"
                                             " target_org_path, outcome, reason, before_state, after_state"
                                             " FROM audit_events WHERE action = ? ORDER BY sequence DESC"),
                              {action});
}

void FlowsTest::demoFlowIsBoundAtTheRoot()
{
    const HttpResult list = client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_acmeId));
    QVERIFY2(list.status == 200, list.describe());
    QCOMPARE(list.items().size(), 1);
    const QJsonObject demo = list.items().first().toObject();
    QCOMPARE(str(demo, "name"), QStringLiteral("Standard sign-in"));
    QCOMPARE(str(demo, "orgId"), m_acmeId);
    QCOMPARE(demo.value(QStringLiteral("liveVersion")).toInt(), 1);
    m_demoFlowId = str(demo, "id");

    const QJsonObject atRoot = bindings(m_ownerToken, m_acmeId);
    QCOMPARE(atRoot.value(QStringLiteral("bindings")).toArray().size(), 1);
    const QJsonObject binding = atRoot.value(QStringLiteral("bindings")).toArray().first().toObject();
    QCOMPARE(str(binding, "flowId"), m_demoFlowId);
    QVERIFY(binding.value(QStringLiteral("clientId")).isNull());
    // Inherited everywhere below.
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId), QStringLiteral("Standard sign-in@") + m_acmeId);
    QVERIFY(bindings(m_ownerToken, m_northwindChildId).value(QStringLiteral("bindings")).toArray().isEmpty());

    const HttpResult versions = client(m_ownerToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(m_demoFlowId));
    QCOMPARE(versions.items().size(), 1);
    const QJsonObject v1 = versions.items().first().toObject();
    QVERIFY(v1.value(QStringLiteral("live")).toBool());
    QVERIFY(!str(v1, "note").isEmpty());
    QCOMPARE(str(v1.value(QStringLiteral("publishedBy")).toObject(), "name"), QStringLiteral("Helena Brandt"));
}

void FlowsTest::catalogAndApplications()
{
    // Any signed-in caller, even one without flow permissions.
    const HttpResult catalog = client(m_auditorToken).get(QStringLiteral("/api/v1/flow-catalog"));
    QVERIFY2(catalog.status == 200, catalog.describe());
    QStringList names;
    for (const auto& t : catalog.object().value(QStringLiteral("nodeTypes")).toArray())
        names << str(t.toObject(), "name");
    for (const char* expected : {"identify", "password", "totp-verify", "success", "failure"})
        QVERIFY2(names.contains(QLatin1String(expected)), expected);
    const HttpResult apps = client(m_northwindToken).get(QStringLiteral("/api/v1/applications"));
    QVERIFY2(apps.status == 200, apps.describe());
    bool console = false;
    for (const auto& a : apps.items())
        console = console || str(a.toObject(), "id") == kClient;
    QVERIFY(console);
    QCOMPARE(TestHttpClient(m_server.baseUrl()).get(QStringLiteral("/api/v1/flow-catalog")).status, 401);
}

void FlowsTest::createListGetAndSaveWithRevisions()
{
    const HttpResult created = client(m_designerToken)
                                   .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId),
                                             {{QStringLiteral("name"), QStringLiteral("Northwind draft")},
                                              {QStringLiteral("description"), QStringLiteral("for the test")}});
    QVERIFY2(created.status == 201, created.describe());
    const QJsonObject flow = created.object();
    const QString id = str(flow, "id");
    QCOMPARE(str(flow, "orgId"), m_northwindId);
    QCOMPARE(flow.value(QStringLiteral("draftRevision")).toInt(), 1);
    QVERIFY(flow.value(QStringLiteral("liveVersion")).isNull());
    QVERIFY(flow.value(QStringLiteral("problems")).toArray().isEmpty()); // the default journey is valid
    QVERIFY(!flow.value(QStringLiteral("draft")).toObject().value(QStringLiteral("nodes")).toArray().isEmpty());
    QVERIFY(!str(flow.value(QStringLiteral("updatedBy")).toObject(), "name").isEmpty());

    // A template (slice B's templates once merged) and an unknown one.
    const HttpResult fromTemplate = client(m_designerToken)
                                        .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId),
                                                  {{QStringLiteral("name"), QStringLiteral("From a template")},
                                                   {QStringLiteral("template"), QStringLiteral("passwordless-first")}});
    QVERIFY2(fromTemplate.status == 201, fromTemplate.describe());
    const HttpResult badTemplate = client(m_designerToken)
                                       .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId),
                                                 {{QStringLiteral("name"), QStringLiteral("x")},
                                                  {QStringLiteral("template"), QStringLiteral("nope")}});
    QCOMPARE(badTemplate.status, 400);
    QCOMPARE(badTemplate.errorField(), QStringLiteral("template"));
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flows/") + str(fromTemplate.object(), "id")).status, 204);

    // Listed at Northwind (with the root's flow, usable there) and below, not at the sibling or the root.
    QStringList atNorthwind;
    for (const auto& item :
         client(m_designerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId)).items())
        atNorthwind << str(item.toObject(), "name");
    QVERIFY(atNorthwind.contains(QStringLiteral("Northwind draft")));
    QVERIFY(atNorthwind.contains(QStringLiteral("Standard sign-in")));
    bool below = false;
    for (const auto& item :
         client(m_designerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindChildId)).items())
        below = below || str(item.toObject(), "id") == id;
    QVERIFY(below);
    for (const auto& item : client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_siblingId)).items())
        QVERIFY(str(item.toObject(), "id") != id);
    for (const auto& item : client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_acmeId)).items())
        QVERIFY(str(item.toObject(), "id") != id);

    // Save at revision 1 -> 2; a second save still at 1 is a conflict and changes nothing.
    const QJsonObject v1 = passwordFlow(QStringLiteral("a"));
    const HttpResult saved = put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
                                 {{QStringLiteral("document"), v1}, {QStringLiteral("revision"), 1}});
    QVERIFY2(saved.status == 200, saved.describe());
    QCOMPARE(saved.object().value(QStringLiteral("draftRevision")).toInt(), 2);
    QVERIFY(saved.object().value(QStringLiteral("problems")).toArray().isEmpty());
    const HttpResult stale =
        put(m_ownerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
            {{QStringLiteral("document"), passwordFlow(QStringLiteral("b"))}, {QStringLiteral("revision"), 1}});
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), QStringLiteral("revision_conflict"));
    const QJsonObject now = client(m_designerToken).get(QStringLiteral("/api/v1/flows/") + id).object();
    QCOMPARE(now.value(QStringLiteral("draftRevision")).toInt(), 2);
    QCOMPARE(str(now.value(QStringLiteral("draft")).toObject(), "start"), QStringLiteral("identify-a"));

    // Rename.
    const HttpResult renamed = patch(m_designerToken, QStringLiteral("/api/v1/flows/") + id,
                                     {{QStringLiteral("name"), QStringLiteral("Northwind journey")}});
    QVERIFY2(renamed.status == 200, renamed.describe());
    QCOMPARE(str(renamed.object(), "name"), QStringLiteral("Northwind journey"));
    QCOMPARE(
        patch(m_designerToken, QStringLiteral("/api/v1/flows/") + id, {{QStringLiteral("orgId"), m_acmeId}}).status,
        400);
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flows/") + id).status, 204);
    QCOMPARE(client(m_designerToken).get(QStringLiteral("/api/v1/flows/") + id).status, 404);
}

void FlowsTest::validationProblemsAndBrokenDocuments()
{
    const QJsonObject flow =
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Loose ends"), passwordFlow(QStringLiteral("v")));
    QVERIFY(!flow.isEmpty());
    const QString id = str(flow, "id");
    // An unwired outcome and an unreachable node: saved, with the problems naming the nodes.
    QJsonObject loose = passwordFlow(QStringLiteral("v"));
    QJsonArray nodes = loose.value(QStringLiteral("nodes")).toArray();
    QJsonObject password = nodes.at(1).toObject();
    QJsonObject outcomes = password.value(QStringLiteral("outcomes")).toObject();
    outcomes.remove(QStringLiteral("locked"));
    password.insert(QStringLiteral("outcomes"), outcomes);
    nodes.replace(1, password);
    nodes.append(node(QStringLiteral("island"), QStringLiteral("success"), {}));
    loose.insert(QStringLiteral("nodes"), nodes);
    const HttpResult saved = put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
                                 {{QStringLiteral("document"), loose}, {QStringLiteral("revision"), 1}});
    QVERIFY2(saved.status == 200, saved.describe());
    QSet<QString> found;
    for (const auto& p : saved.object().value(QStringLiteral("problems")).toArray())
        found << str(p.toObject(), "code") + QStringLiteral(":") + str(p.toObject(), "nodeId");
    QVERIFY2(found.contains(QStringLiteral("unwired_outcome:password-v")), qPrintable(found.values().join(u' ')));
    QVERIFY2(found.contains(QStringLiteral("unreachable_node:island")), qPrintable(found.values().join(u' ')));
    // GET shows the same problems; /validate checks without saving.
    QCOMPARE(
        client(m_designerToken).get(QStringLiteral("/api/v1/flows/") + id).object().value(QStringLiteral("problems")),
        saved.object().value(QStringLiteral("problems")));
    const HttpResult validated = client(m_designerToken)
                                     .postJson(QStringLiteral("/api/v1/flows/%1/validate").arg(id),
                                               {{QStringLiteral("document"), passwordFlow(QStringLiteral("v"))}});
    QVERIFY2(validated.status == 200, validated.describe());
    QVERIFY(validated.object().value(QStringLiteral("problems")).toArray().isEmpty());
    QCOMPARE(client(m_designerToken)
                 .get(QStringLiteral("/api/v1/flows/") + id)
                 .object()
                 .value(QStringLiteral("draftRevision"))
                 .toInt(),
             2);

    // A broken shape is not saved.
    QJsonObject broken = passwordFlow(QStringLiteral("v"));
    broken.insert(QStringLiteral("nodes"), QStringLiteral("not an array"));
    const HttpResult refused = put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
                                   {{QStringLiteral("document"), broken}, {QStringLiteral("revision"), 2}});
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.errorCode(), QStringLiteral("invalid_document"));
    QVERIFY(!refused.object().value(QStringLiteral("problems")).toArray().isEmpty());
    const HttpResult notObject = put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
                                     {{QStringLiteral("document"), 5}, {QStringLiteral("revision"), 2}});
    QCOMPARE(notObject.status, 422);
    const HttpResult noRevision =
        put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id), {{QStringLiteral("document"), loose}});
    QCOMPARE(noRevision.status, 400);
    QCOMPARE(noRevision.errorField(), QStringLiteral("revision"));
    QCOMPARE(client(m_designerToken)
                 .get(QStringLiteral("/api/v1/flows/") + id)
                 .object()
                 .value(QStringLiteral("draftRevision"))
                 .toInt(),
             2);
}

void FlowsTest::publishIsBlockedUntilValidThenVersions()
{
    const QJsonObject flow =
        createFlow(m_designerToken, m_northwindId, QStringLiteral("To publish"), passwordFlow(QStringLiteral("p")));
    const QString id = str(flow, "id");
    QJsonObject invalid = passwordFlow(QStringLiteral("p"));
    invalid.insert(QStringLiteral("start"), QStringLiteral("nowhere"));
    const HttpResult saved = put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
                                 {{QStringLiteral("document"), invalid}, {QStringLiteral("revision"), 1}});
    QVERIFY2(saved.status == 200, saved.describe());

    const HttpResult blocked = client(m_designerToken)
                                   .postJson(QStringLiteral("/api/v1/flows/%1/publish").arg(id),
                                             {{QStringLiteral("note"), QStringLiteral("first")}});
    QCOMPARE(blocked.status, 422);
    QCOMPARE(blocked.errorCode(), QStringLiteral("flow_invalid"));
    QVERIFY(!blocked.object().value(QStringLiteral("problems")).toArray().isEmpty());
    QVERIFY(client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(id)).items().isEmpty());

    // Fixed; publishing with a stale revision is refused, with the current one it works.
    const HttpResult fixed =
        put(m_designerToken, QStringLiteral("/api/v1/flows/%1/draft").arg(id),
            {{QStringLiteral("document"), passwordFlow(QStringLiteral("p"))}, {QStringLiteral("revision"), 2}});
    QVERIFY2(fixed.status == 200, fixed.describe());
    const HttpResult stale =
        client(m_designerToken)
            .postJson(QStringLiteral("/api/v1/flows/%1/publish").arg(id),
                      {{QStringLiteral("note"), QStringLiteral("first")}, {QStringLiteral("revision"), 2}});
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.errorCode(), QStringLiteral("revision_conflict"));
    const HttpResult first =
        client(m_designerToken)
            .postJson(QStringLiteral("/api/v1/flows/%1/publish").arg(id),
                      {{QStringLiteral("note"), QStringLiteral("first")}, {QStringLiteral("revision"), 3}});
    QVERIFY2(first.status == 201, first.describe());
    QCOMPARE(first.object().value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(first.object().value(QStringLiteral("live")).toBool());
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("q")), QStringLiteral("second")), 2);

    const HttpResult versions = client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(id));
    QCOMPARE(versions.items().size(), 2);
    QCOMPARE(versions.items().at(0).toObject().value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(versions.items().at(0).toObject().value(QStringLiteral("live")).toBool());
    QVERIFY(!versions.items().at(1).toObject().value(QStringLiteral("live")).toBool());
    QCOMPARE(str(versions.items().at(1).toObject(), "note"), QStringLiteral("first"));
    const HttpResult one = client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions/1").arg(id));
    QVERIFY2(one.status == 200, one.describe());
    QCOMPARE(str(one.object().value(QStringLiteral("document")).toObject(), "start"), QStringLiteral("identify-p"));
    QCOMPARE(client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions/3").arg(id)).status, 404);
    QCOMPARE(client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions/x").arg(id)).status, 404);
    QCOMPARE(client(m_designerToken)
                 .get(QStringLiteral("/api/v1/flows/") + id)
                 .object()
                 .value(QStringLiteral("liveVersion"))
                 .toInt(),
             2);
}

void FlowsTest::restoreAndRollback()
{
    const QJsonObject flow =
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Roll"), passwordFlow(QStringLiteral("r1")));
    const QString id = str(flow, "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("r1")), QStringLiteral("one")), 1);
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("r2")), QStringLiteral("two")), 2);

    // Restore version 1 as the draft: nothing goes live.
    const HttpResult restored =
        client(m_designerToken).postJson(QStringLiteral("/api/v1/flows/%1/versions/1/restore").arg(id), {});
    QVERIFY2(restored.status == 200, restored.describe());
    QCOMPARE(str(restored.object().value(QStringLiteral("draft")).toObject(), "start"), QStringLiteral("identify-r1"));
    QCOMPARE(restored.object().value(QStringLiteral("liveVersion")).toInt(), 2);
    QCOMPARE(client(m_designerToken).postJson(QStringLiteral("/api/v1/flows/%1/versions/9/restore").arg(id), {}).status,
             404);

    // Roll back: version 1 is live again, no version is added.
    const HttpResult rolled = client(m_designerToken)
                                  .postJson(QStringLiteral("/api/v1/flows/%1/versions/1/publish").arg(id),
                                            {{QStringLiteral("note"), QStringLiteral("back to one")}});
    QVERIFY2(rolled.status == 200, rolled.describe());
    QCOMPARE(rolled.object().value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(rolled.object().value(QStringLiteral("live")).toBool());
    const HttpResult versions = client(m_designerToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(id));
    QCOMPARE(versions.items().size(), 2);
    QVERIFY(versions.items().at(1).toObject().value(QStringLiteral("live")).toBool());
    QCOMPARE(client(m_designerToken)
                 .get(QStringLiteral("/api/v1/flows/") + id)
                 .object()
                 .value(QStringLiteral("liveVersion"))
                 .toInt(),
             1);
    const auto events = auditEvents(QStringLiteral("flow.rollback"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().value(QStringLiteral("target_id")).toString(), id);
    QVERIFY(events.first().value(QStringLiteral("after_state")).toString().contains(QStringLiteral("back to one")));

    // Forward again, without a body (the note is optional).
    const HttpResult forward =
        client(m_designerToken).send("POST", QStringLiteral("/api/v1/flows/%1/versions/2/publish").arg(id));
    QVERIFY2(forward.status == 200, forward.describe());
    QCOMPARE(client(m_designerToken)
                 .get(QStringLiteral("/api/v1/flows/") + id)
                 .object()
                 .value(QStringLiteral("liveVersion"))
                 .toInt(),
             2);
}

void FlowsTest::bindingsInheritAndTheMostSpecificWins()
{
    const QString a =
        str(createFlow(m_ownerToken, m_acmeId, QStringLiteral("Root for console"), passwordFlow(QStringLiteral("ra"))),
            "id");
    const QString b = str(
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Northwind all"), passwordFlow(QStringLiteral("nb"))),
        "id");
    const QString c = str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Northwind console"),
                                     passwordFlow(QStringLiteral("nc"))),
                          "id");
    QCOMPARE(saveAndPublish(m_ownerToken, a, passwordFlow(QStringLiteral("ra")), QStringLiteral("a")), 1);
    QCOMPARE(saveAndPublish(m_designerToken, b, passwordFlow(QStringLiteral("nb")), QStringLiteral("b")), 1);
    QCOMPARE(saveAndPublish(m_designerToken, c, passwordFlow(QStringLiteral("nc")), QStringLiteral("c")), 1);

    // Root: the demo flow for all, A for the console.
    const HttpResult rootConsole = bind(m_ownerToken, m_acmeId, a, kClient);
    QVERIFY2(rootConsole.status == 200, rootConsole.describe());
    QCOMPARE(rootConsole.object().value(QStringLiteral("clientId")).toString(), kClient);
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId, kClient), QStringLiteral("Root for console@") + m_acmeId);
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId), QStringLiteral("Standard sign-in@") + m_acmeId);

    // Northwind binds B for all applications: more specific than the root's console binding.
    QVERIFY(bind(m_designerToken, m_northwindId, b).status == 200);
    QCOMPARE(effectiveFlow(m_designerToken, m_northwindChildId, kClient),
             QStringLiteral("Northwind all@") + m_northwindId);
    QCOMPARE(effectiveFlow(m_designerToken, m_northwindChildId), QStringLiteral("Northwind all@") + m_northwindId);
    QCOMPARE(effectiveFlow(m_ownerToken, m_siblingId, kClient), QStringLiteral("Root for console@") + m_acmeId);

    // At Northwind itself, a console binding beats the all-applications one.
    const HttpResult nwConsole = bind(m_designerToken, m_northwindId, c, kClient);
    QVERIFY2(nwConsole.status == 200, nwConsole.describe());
    QCOMPARE(effectiveFlow(m_designerToken, m_northwindChildId, kClient),
             QStringLiteral("Northwind console@") + m_northwindId);
    QCOMPARE(effectiveFlow(m_designerToken, m_northwindChildId), QStringLiteral("Northwind all@") + m_northwindId);
    QCOMPARE(bindings(m_designerToken, m_northwindId).value(QStringLiteral("bindings")).toArray().size(), 2);

    // Binding again replaces (one per org and client).
    QVERIFY(bind(m_designerToken, m_northwindId, c).status == 200);
    QCOMPARE(bindings(m_designerToken, m_northwindId).value(QStringLiteral("bindings")).toArray().size(), 2);
    QCOMPARE(effectiveFlow(m_designerToken, m_northwindChildId), QStringLiteral("Northwind console@") + m_northwindId);

    // Unbinding falls back to what is inherited.
    for (const auto& item : bindings(m_designerToken, m_northwindId).value(QStringLiteral("bindings")).toArray())
        QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(item.toObject(), "id")).status,
                 204);
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId, kClient), QStringLiteral("Root for console@") + m_acmeId);
    for (const auto& item : bindings(m_ownerToken, m_acmeId).value(QStringLiteral("bindings")).toArray()) {
        if (str(item.toObject(), "flowId") == a)
            QCOMPARE(del(m_ownerToken, QStringLiteral("/api/v1/flow-bindings/") + str(item.toObject(), "id")).status,
                     204);
    }
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId, kClient), QString());
    QCOMPARE(effectiveFlow(m_ownerToken, m_northwindChildId), QStringLiteral("Standard sign-in@") + m_acmeId);
}

void FlowsTest::bindingRefusals()
{
    const QString unpublished = str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Never published"),
                                               passwordFlow(QStringLiteral("u"))),
                                    "id");
    const HttpResult notPublished = bind(m_designerToken, m_northwindId, unpublished);
    QCOMPARE(notPublished.status, 409);
    QCOMPARE(notPublished.errorCode(), QStringLiteral("flow_not_published"));

    // A Northwind flow is not usable at the root, nor at a sibling reseller.
    const QString nw = str(
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Northwind only"), passwordFlow(QStringLiteral("o"))),
        "id");
    QCOMPARE(saveAndPublish(m_designerToken, nw, passwordFlow(QStringLiteral("o")), QStringLiteral("o")), 1);
    for (const QString& org : {m_acmeId, m_siblingId}) {
        const HttpResult notUsable = bind(m_ownerToken, org, nw);
        QCOMPARE(notUsable.status, 400);
        QCOMPARE(notUsable.errorField(), QStringLiteral("flowId"));
    }
    // Unknown flow and application.
    QCOMPARE(bind(m_ownerToken, m_northwindId, QStringLiteral("no-such-flow")).status, 404);
    const HttpResult badClient = bind(m_ownerToken, m_northwindId, nw, QStringLiteral("no-such-client"));
    QCOMPARE(badClient.status, 400);
    QCOMPARE(badClient.errorField(), QStringLiteral("clientId"));
    QVERIFY(bindings(m_ownerToken, m_acmeId).value(QStringLiteral("bindings")).toArray().size() == 1);
}

void FlowsTest::permissionBoundaries()
{
    // The partner superadmin (org-admin at Northwind: no flow.*) sees Northwind but may not design or read flows.
    const HttpResult create = client(m_northwindToken)
                                  .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId),
                                            {{QStringLiteral("name"), QStringLiteral("Sneaky")}});
    QCOMPARE(create.status, 403);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId)).status, 403);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/flow-bindings").arg(m_northwindId)).status,
             403);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/flows/") + m_demoFlowId).status, 404);
    QCOMPARE(bind(m_northwindToken, m_northwindId, m_demoFlowId).status, 403);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_siblingId)).status, 404);

    // The auditor (org.read, audit.read, no flow.*): no drafts, no versions, no lists.
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/flows/") + m_demoFlowId).status, 404);
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(m_demoFlowId)).status, 404);
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/flows/%1/versions/1").arg(m_demoFlowId)).status, 404);
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_acmeId)).status, 403);

    // The Northwind flow designer: designs in Northwind's subtree only. The root's flow is listed at Northwind (it
    // can be bound there) but cannot be opened or changed; nothing at the root or the sibling.
    const HttpResult child = client(m_designerToken)
                                 .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindChildId),
                                           {{QStringLiteral("name"), QStringLiteral("For a customer")}});
    QVERIFY2(child.status == 201, child.describe());
    QCOMPARE(client(m_designerToken)
                 .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_acmeId),
                           {{QStringLiteral("name"), QStringLiteral("x")}})
                 .status,
             404);
    QCOMPARE(client(m_designerToken)
                 .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_siblingId),
                           {{QStringLiteral("name"), QStringLiteral("x")}})
                 .status,
             404);
    QCOMPARE(client(m_designerToken).get(QStringLiteral("/api/v1/flows/") + m_demoFlowId).status, 404);
    const HttpResult rename = patch(m_designerToken, QStringLiteral("/api/v1/flows/") + m_demoFlowId,
                                    {{QStringLiteral("name"), QStringLiteral("Mine")}});
    QCOMPARE(rename.status, 404);
    QCOMPARE(client(m_designerToken).postJson(QStringLiteral("/api/v1/flows/%1/publish").arg(m_demoFlowId), {}).status,
             404);
    QCOMPARE(client(m_designerToken).get(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_siblingId)).status, 404);
    // ...but binding the root's flow at Northwind is allowed (usable there).
    const HttpResult bound = bind(m_designerToken, m_northwindChildId, m_demoFlowId);
    QVERIFY2(bound.status == 200, bound.describe());
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
    // The root's binding is not theirs to remove (they cannot see it: 404).
    const QString rootBinding =
        str(bindings(m_ownerToken, m_acmeId).value(QStringLiteral("bindings")).toArray().first().toObject(), "id");
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + rootBinding).status, 404);
    QCOMPARE(del(m_northwindToken, QStringLiteral("/api/v1/flow-bindings/") + rootBinding).status, 404);

    // Denied attempts are on record.
    const auto denied = auditEvents(QStringLiteral("flow.create"));
    bool sawDenied = false;
    for (const auto& e : denied)
        sawDenied = sawDenied || e.value(QStringLiteral("outcome")).toString() == QStringLiteral("denied");
    QVERIFY(sawDenied);
    bool renameDenied = false;
    for (const auto& e : auditEvents(QStringLiteral("flow.update")))
        renameDenied = renameDenied || (e.value(QStringLiteral("outcome")).toString() == QStringLiteral("denied") &&
                                        e.value(QStringLiteral("target_id")).toString() == m_demoFlowId);
    QVERIFY(renameDenied);
}

void FlowsTest::deleteRefusedWhileBound()
{
    const QString id =
        str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Bound one"), passwordFlow(QStringLiteral("d"))),
            "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("d")), QStringLiteral("d")), 1);
    const HttpResult bound = bind(m_designerToken, m_northwindChildId, id);
    QVERIFY(bound.status == 200);
    const HttpResult refused = del(m_designerToken, QStringLiteral("/api/v1/flows/") + id);
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.errorCode(), QStringLiteral("flow_bound"));
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flows/") + id).status, 204);
    QCOMPARE(client(m_ownerToken).get(QStringLiteral("/api/v1/flows/%1/versions").arg(id)).status, 404);
}

void FlowsTest::auditEventsAreWritten()
{
    for (const char* action : {"flow.create", "flow.update", "flow.draft.save", "flow.publish", "flow.restore",
                               "flow.rollback", "flow.delete", "flow.bind", "flow.unbind"}) {
        bool success = false;
        for (const auto& e : auditEvents(QLatin1String(action))) {
            if (e.value(QStringLiteral("outcome")).toString() == QStringLiteral("success")) {
                success = true;
                QVERIFY2(!e.value(QStringLiteral("actor_id")).toString().isEmpty(), action);
                QVERIFY2(!e.value(QStringLiteral("delegation_id")).toString().isEmpty(), action);
                QVERIFY2(!e.value(QStringLiteral("target_org_path")).toString().isEmpty(), action);
            }
        }
        QVERIFY2(success, action);
    }
}

void FlowsTest::hostedLoginRunsTheBoundFlow()
{
    // Without a binding of its own, Northwind's sign-in runs the root's (demo) flow.
    LoginBrowser before(m_server.baseUrl());
    QCOMPARE(formNode(before.open(authorizePath(m_northwindSlug))), QStringLiteral("identify"));

    const QString id = str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Northwind sign-in"),
                                      passwordFlow(QStringLiteral("v1"))),
                           "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("v1")), QStringLiteral("one")), 1);
    const HttpResult bound = bind(m_designerToken, m_northwindId, id);
    QVERIFY2(bound.status == 200, bound.describe());

    // organization=<slug> (and =<id>, and a customer below) runs it, to the end.
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult identify = browser.open(authorizePath(m_northwindSlug));
    QCOMPARE(formNode(identify), QStringLiteral("identify-v1"));
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindId))),
             QStringLiteral("identify-v1"));
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindChildId))),
             QStringLiteral("identify-v1"));
    const HttpResult password = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("identify-v1")}, {QStringLiteral("email"), kNorthwindAdmin}});
    QCOMPARE(formNode(password), QStringLiteral("password-v1"));
    const HttpResult done = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password-v1")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(done.status, 303);
    QVERIFY2(done.header("Location").startsWith(kRedirect.toUtf8() + "?code="), done.describe());
    // The root's sign-in and the sibling's are unchanged; an unknown organisation is refused.
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath())), QStringLiteral("identify"));
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_siblingId))), QStringLiteral("identify"));
    const HttpResult unknown = LoginBrowser(m_server.baseUrl()).get(authorizePath(QStringLiteral("no-such-org")));
    QCOMPARE(unknown.status, 303);
    QVERIFY(unknown.header("Location").contains("error=invalid_request"));

    // Publishing version 2 changes the next sign-in; rolling back restores the old one.
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("v2")), QStringLiteral("two")), 2);
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindSlug))),
             QStringLiteral("identify-v2"));
    const HttpResult rolled = client(m_designerToken)
                                  .postJson(QStringLiteral("/api/v1/flows/%1/versions/1/publish").arg(id),
                                            {{QStringLiteral("note"), QStringLiteral("v2 was a mistake")}});
    QVERIFY2(rolled.status == 200, rolled.describe());
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindSlug))),
             QStringLiteral("identify-v1"));

    // A failure step shows the designer's own words: the third wrong password ends on "No." (an address nobody
    // has, so no real account collects failed attempts).
    LoginBrowser failing(m_server.baseUrl());
    QCOMPARE(formNode(failing.open(authorizePath(m_northwindSlug))), QStringLiteral("identify-v1"));
    failing.submit({{QStringLiteral("node"), QStringLiteral("identify-v1")},
                    {QStringLiteral("email"), QStringLiteral("nobody@northwind.example")}});
    HttpResult last;
    for (int attempt = 0; attempt < 3; ++attempt)
        last = failing.submit({{QStringLiteral("node"), QStringLiteral("password-v1")},
                               {QStringLiteral("password"), QStringLiteral("x")}});
    QVERIFY2(last.body.contains("<p class=\"alert\" role=\"alert\">No.</p>"), last.describe());

    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindSlug))),
             QStringLiteral("identify"));
}

void FlowsTest::identifierFirstRoutingPicksTheResellersFlow()
{
    const QString id = str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Northwind staff"),
                                      passwordFlow(QStringLiteral("staff"))),
                           "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("staff")), QStringLiteral("staff")), 1);
    const HttpResult bound = bind(m_designerToken, m_northwindId, id);
    QVERIFY(bound.status == 200);

    // From the shared application (no organization parameter) Northwind's staff continue in Northwind's flow
    // after the root flow's identify step...
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(formNode(browser.open(authorizePath())), QStringLiteral("identify"));
    const HttpResult routed = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), kNorthwindAdmin}});
    QCOMPARE(formNode(routed), QStringLiteral("password-staff"));
    const HttpResult done = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password-staff")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(done.status, 303);
    QVERIFY2(done.header("Location").startsWith(kRedirect.toUtf8() + "?code="), done.describe());
    const auto routedEvents = auditEvents(QStringLiteral("login.flow_routed"));
    QVERIFY(!routedEvents.isEmpty());
    QVERIFY(routedEvents.first().value(QStringLiteral("after_state")).toString().contains(id));

    // ...while the root's own people stay on the root's flow.
    LoginBrowser owner(m_server.baseUrl());
    owner.open(authorizePath());
    QCOMPARE(formNode(owner.submit(
                 {{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), kOwner}})),
             QStringLiteral("password"));
    // With an explicit organization, no routing: the root's flow as asked.
    LoginBrowser explicitRoot(m_server.baseUrl());
    explicitRoot.open(authorizePath(QStringLiteral("acme")));
    QCOMPARE(formNode(explicitRoot.submit(
                 {{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), kNorthwindAdmin}})),
             QStringLiteral("password"));

    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
}

void FlowsTest::signInFinishesOnTheVersionItStartedWith()
{
    const QString id =
        str(createFlow(m_designerToken, m_northwindId, QStringLiteral("Pinned"), passwordFlow(QStringLiteral("pin1"))),
            "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("pin1")), QStringLiteral("1")), 1);
    const HttpResult bound = bind(m_designerToken, m_northwindId, id);
    QVERIFY(bound.status == 200);

    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(formNode(browser.open(authorizePath(m_northwindSlug))), QStringLiteral("identify-pin1"));
    QCOMPARE(formNode(browser.submit({{QStringLiteral("node"), QStringLiteral("identify-pin1")},
                                      {QStringLiteral("email"), kNorthwindAdmin}})),
             QStringLiteral("password-pin1"));
    const auto sessions = m_server.queryRows(
        QStringLiteral("SELECT flow_key FROM flow_sessions WHERE completed_at IS NULL AND flow_key LIKE ?"),
        {QStringLiteral("flow:") + id + QStringLiteral("@%")});
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions.first().value(QStringLiteral("flow_key")).toString(), QStringLiteral("flow:%1@1").arg(id));

    // Version 2 goes live in the middle of the sign-in: it still finishes on version 1 (a reload shows version 1's
    // screen, the form of version 1 is accepted) while a new sign-in gets version 2.
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("pin2")), QStringLiteral("2")), 2);
    QCOMPARE(formNode(browser.get(QStringLiteral("/login/flow"))), QStringLiteral("password-pin1"));
    QCOMPARE(formNode(LoginBrowser(m_server.baseUrl()).open(authorizePath(m_northwindSlug))),
             QStringLiteral("identify-pin2"));
    const HttpResult done = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password-pin1")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(done.status, 303);
    QVERIFY2(done.header("Location").startsWith(kRedirect.toUtf8() + "?code="), done.describe());

    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
}

void FlowsTest::designedFlowKeepsTheSecondFactorAskedFor()
{
    const QString id = str(
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Password only"), passwordFlow(QStringLiteral("pw"))),
        "id");
    QCOMPARE(saveAndPublish(m_designerToken, id, passwordFlow(QStringLiteral("pw")), QStringLiteral("1")), 1);
    const HttpResult bound = bind(m_designerToken, m_northwindId, id);
    QVERIFY(bound.status == 200);

    // The journey has no second factor, the application asks for one: after the journey's success the person must
    // set up an authenticator (the superadmin has none) before the application gets a code.
    const auto successesBefore = auditEvents(QStringLiteral("login.success")).size();
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(formNode(browser.open(authorizePath(m_northwindSlug, QStringLiteral("urn:trellis:acr:mfa")))),
             QStringLiteral("identify-pw"));
    browser.submit(
        {{QStringLiteral("node"), QStringLiteral("identify-pw")}, {QStringLiteral("email"), kNorthwindAdmin}});
    const HttpResult stepUp = browser.submit(
        {{QStringLiteral("node"), QStringLiteral("password-pw")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(stepUp.status, 200);
    QCOMPARE(formNode(stepUp), QStringLiteral("totp-enrol"));
    QVERIFY(!auditEvents(QStringLiteral("login.step_up")).isEmpty());
    // Not signed in yet: the journey's own success is not on record as one.
    QCOMPARE(auditEvents(QStringLiteral("login.success")).size(), successesBefore);
    // Without the request, the journey alone decides.
    LoginBrowser plain(m_server.baseUrl());
    plain.open(authorizePath(m_northwindSlug));
    plain.submit({{QStringLiteral("node"), QStringLiteral("identify-pw")}, {QStringLiteral("email"), kNorthwindAdmin}});
    const HttpResult done = plain.submit(
        {{QStringLiteral("node"), QStringLiteral("password-pw")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(done.status, 303);

    QCOMPARE(del(m_designerToken, QStringLiteral("/api/v1/flow-bindings/") + str(bound.object(), "id")).status, 204);
}

QTEST_GUILESS_MAIN(FlowsTest)
#include "tst_flows.moc"

void FlowsTest::simulationRunsTheDraftWithoutSideEffects()
{
    const HttpResult created = client(m_designerToken)
                                   .postJson(QStringLiteral("/api/v1/orgs/%1/flows").arg(m_northwindId),
                                             {{QStringLiteral("name"), QStringLiteral("Risky")},
                                              {QStringLiteral("template"), QStringLiteral("password-risk-step-up")}});
    QVERIFY2(created.status == 201, created.describe());
    const QString id = str(created.object(), "id");
    // The template's own document, not the default journey.
    bool hasRiskNode = false;
    for (const auto& n :
         created.object().value(QStringLiteral("draft")).toObject().value(QStringLiteral("nodes")).toArray())
        hasRiskNode = hasRiskNode || str(n.toObject(), "type") == QStringLiteral("risk-assessment");
    QVERIFY(hasRiskNode);

    const auto count = [this](const char* table) {
        return m_server.queryRows(QStringLiteral("SELECT COUNT(*) AS n FROM ") + QLatin1String(table), {})
            .first()
            .value(QStringLiteral("n"))
            .toInt();
    };
    const int auditBefore = count("audit_events");
    const int sessionsBefore = count("flow_sessions");
    const int outboxBefore = count("email_outbox");

    const auto simulate = [&](const QJsonObject& scenario) {
        return client(m_designerToken)
            .postJson(QStringLiteral("/api/v1/flows/%1/simulate").arg(id), {{QStringLiteral("scenario"), scenario}});
    };
    const auto path = [](const HttpResult& result) {
        QStringList ids;
        for (const auto& step : result.object().value(QStringLiteral("steps")).toArray())
            ids << str(step.toObject(), "nodeId") + QStringLiteral(":") + str(step.toObject(), "outcome");
        return ids;
    };
    QJsonObject person{{QStringLiteral("email"), QStringLiteral("sim@northwind.example")},
                       {QStringLiteral("userExists"), true},
                       {QStringLiteral("hasPassword"), true},
                       {QStringLiteral("password"), QStringLiteral("ok")},
                       {QStringLiteral("hasTotp"), true},
                       {QStringLiteral("totp"), QStringLiteral("ok")}};

    person.insert(QStringLiteral("forcedRisk"), QStringLiteral("high"));
    const HttpResult high = simulate(person);
    QVERIFY2(high.status == 200, high.describe());
    QCOMPARE(str(high.object(), "result"), QStringLiteral("failure"));
    QVERIFY2(path(high).contains(QStringLiteral("risk:high")), qPrintable(path(high).join(u' ')));

    person.insert(QStringLiteral("forcedRisk"), QStringLiteral("medium"));
    const HttpResult medium = simulate(person);
    QCOMPARE(str(medium.object(), "result"), QStringLiteral("success"));
    QVERIFY2(path(medium).contains(QStringLiteral("totp:success")), qPrintable(path(medium).join(u' ')));

    person.insert(QStringLiteral("forcedRisk"), QStringLiteral("low"));
    const HttpResult low = simulate(person);
    QCOMPARE(str(low.object(), "result"), QStringLiteral("success"));
    QVERIFY2(!path(low).join(u' ').contains(QStringLiteral("totp")), qPrintable(path(low).join(u' ')));

    // A document in the request runs instead of the draft.
    const HttpResult other = client(m_designerToken)
                                 .postJson(QStringLiteral("/api/v1/flows/%1/simulate").arg(id),
                                           {{QStringLiteral("document"), passwordFlow(QStringLiteral("sim"))},
                                            {QStringLiteral("scenario"), person}});
    QVERIFY2(other.status == 200, other.describe());
    QVERIFY2(path(other).contains(QStringLiteral("password-sim:success")), qPrintable(path(other).join(u' ')));

    // Bad input is named; out of scope is 404 like a flow that does not exist.
    const HttpResult noScenario =
        client(m_designerToken).postJson(QStringLiteral("/api/v1/flows/%1/simulate").arg(id), QJsonObject{});
    QCOMPARE(noScenario.status, 400);
    QCOMPARE(str(noScenario.object(), "field"), QStringLiteral("scenario"));
    QCOMPARE(client(m_auditorToken)
                 .postJson(QStringLiteral("/api/v1/flows/%1/simulate").arg(id), {{QStringLiteral("scenario"), person}})
                 .status,
             404);

    // Nothing happened for real: no sign-in, no email, no audit event.
    QCOMPARE(count("flow_sessions"), sessionsBefore);
    QCOMPARE(count("email_outbox"), outboxBefore);
    QCOMPARE(count("audit_events"), auditBefore);
}

void FlowsTest::subflowsResolveOnlyLiveFlowsUsableAtTheOwner()
{
    // A flow of the sibling reseller, published: Northwind's designer may not pull it in.
    const QJsonObject sibling =
        createFlow(m_ownerToken, m_siblingId, QStringLiteral("Sibling's"), passwordFlow(QStringLiteral("sib")));
    QVERIFY(!sibling.isEmpty());
    QVERIFY(saveAndPublish(m_ownerToken, str(sibling, "id"), passwordFlow(QStringLiteral("sib")),
                           QStringLiteral("v1")) > 0);
    const auto withSubflow = [](const QString& flowId) {
        return QJsonObject{
            {QStringLiteral("format"), 1},
            {QStringLiteral("name"), QStringLiteral("Wrapper")},
            {QStringLiteral("start"), QStringLiteral("inner")},
            {QStringLiteral("nodes"), QJsonArray{node(QStringLiteral("inner"), QStringLiteral("subflow"),
                                                      {{QStringLiteral("success"), QStringLiteral("ok")},
                                                       {QStringLiteral("failure"), QStringLiteral("no")}},
                                                      {{QStringLiteral("flowId"), flowId}}),
                                                 node(QStringLiteral("ok"), QStringLiteral("success"), {}),
                                                 node(QStringLiteral("no"), QStringLiteral("failure"), {},
                                                      {{QStringLiteral("message"), QStringLiteral("No.")}})}}};
    };
    const QJsonObject wrapper =
        createFlow(m_designerToken, m_northwindId, QStringLiteral("Wrapper"), withSubflow(m_demoFlowId));
    QVERIFY(!wrapper.isEmpty());
    const QString id = str(wrapper, "id");
    const auto codes = [&](const QString& flowId) {
        const HttpResult r = client(m_designerToken)
                                 .postJson(QStringLiteral("/api/v1/flows/%1/validate").arg(id),
                                           {{QStringLiteral("document"), withSubflow(flowId)}});
        QStringList found;
        for (const auto& p : r.object().value(QStringLiteral("problems")).toArray())
            found << str(p.toObject(), "code");
        return found;
    };
    // The root's live demo flow is usable at Northwind: the wrapper is valid.
    QVERIFY2(codes(m_demoFlowId).isEmpty(), qPrintable(codes(m_demoFlowId).join(u' ')));
    // Another subtree's flow resolves as if it did not exist.
    QVERIFY2(codes(str(sibling, "id")).contains(QStringLiteral("subflow_not_found")),
             qPrintable(codes(str(sibling, "id")).join(u' ')));
}
