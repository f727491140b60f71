#include "client/ApiClient.h"

#include "tests/client/ApiTestSupport.h"
#include "tests/common/TrellisdProcess.h"

#include <algorithm>

#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using trellis::client::ApiClient;
using trellis::client::ApiResult;
using trellis::client::CallerInfo;
using trellis::test::callAndWait;
using namespace trellis;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

/// ApiClient against a real trellisd with the demo world, signed in as the platform owner.
class ApiClientTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void me();
    void rootOrgs();
    void childrenPaging();
    void getOrg();
    void search();
    void membersPaging();
    void unauthorizedMapsToApiFailure();
    void notFoundMapsToApiFailure();
    void unreachableServerIsANetworkFailure();
    void destroyedContextGetsNoCallback();
    void customRoleRoundTrip();

private:
    ApiResult<CallerInfo> meAs(ApiClient& client);
    std::vector<core::Org> allChildren(const QString& orgId, int limit, int* pages);

    test::TrellisdProcess m_server;
    ApiClient m_client;
    QByteArray m_token;
    CallerInfo m_caller;
    core::Org m_root;
};

void ApiClientTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_token = m_server.adminToken(QStringLiteral("owner@acme.example"));
    QVERIFY(!m_token.isEmpty());
    m_client.setBaseUrl(m_server.baseUrl());
    m_client.setAccessToken(m_token);
    const auto caller = meAs(m_client);
    QVERIFY2(caller.ok(), qPrintable(caller.failure.message));
    m_caller = *caller.value;
    const auto roots = callAndWait<core::Page<core::Org>>(
        [this](QObject* ctx, auto cb) { m_client.listRootOrgs(QString(), 50, ctx, cb); });
    QVERIFY2(roots.ok(), qPrintable(roots.failure.message));
    QVERIFY(!roots.value->items.empty());
    m_root = roots.value->items.front();
}

ApiResult<CallerInfo> ApiClientTest::meAs(ApiClient& client)
{
    return callAndWait<CallerInfo>([&client](QObject* ctx, auto cb) { client.me(ctx, cb); });
}

std::vector<core::Org> ApiClientTest::allChildren(const QString& orgId, int limit, int* pages)
{
    std::vector<core::Org> all;
    QString cursor;
    *pages = 0;
    do {
        const auto page = callAndWait<core::Page<core::Org>>(
            [&](QObject* ctx, auto cb) { m_client.listChildOrgs(orgId, cursor, limit, ctx, cb); });
        if (!page.ok()) {
            qWarning("page failed: %s", qPrintable(page.failure.message));
            return {};
        }
        ++*pages;
        if (int(page.value->items.size()) > limit)
            qWarning("page larger than its limit");
        all.insert(all.end(), page.value->items.begin(), page.value->items.end());
        cursor = qs(page.value->nextCursor);
    } while (!cursor.isEmpty() && *pages < 1000);
    return all;
}

void ApiClientTest::me()
{
    QCOMPARE(qs(m_caller.user.email), QStringLiteral("owner@acme.example"));
    QVERIFY(!m_caller.user.id.empty());
    QVERIFY(!m_caller.rootOrgIds.isEmpty());
}

void ApiClientTest::rootOrgs()
{
    const auto roots = callAndWait<core::Page<core::Org>>(
        [this](QObject* ctx, auto cb) { m_client.listRootOrgs(QString(), 50, ctx, cb); });
    QVERIFY(roots.ok());
    QCOMPARE(int(roots.value->items.size()), m_caller.rootOrgIds.size());
    for (const auto& org : roots.value->items) {
        QVERIFY(m_caller.rootOrgIds.contains(qs(org.id)));
        QVERIFY(!org.name.empty());
    }
    // The owner's scope is the manufacturer at the top of the demo world.
    QVERIFY(m_root.kind == core::OrgKind::Manufacturer);
    QVERIFY(m_root.childCount > 2);
}

void ApiClientTest::childrenPaging()
{
    int pages = 0;
    const auto children = allChildren(qs(m_root.id), 2, &pages);
    QCOMPARE(int(children.size()), m_root.childCount);
    QCOMPARE(pages, (m_root.childCount + 1) / 2);
    QSet<QString> seen;
    for (const auto& child : children) {
        QCOMPARE(qs(child.parentId), qs(m_root.id));
        QCOMPARE(child.depth, m_root.depth + 1);
        QVERIFY2(!seen.contains(qs(child.id)), "a child appeared on two pages");
        seen.insert(qs(child.id));
        QCOMPARE(child.path.back(), child.id);
    }
    // One big page gives the same set.
    int onePage = 0;
    const auto again = allChildren(qs(m_root.id), 100, &onePage);
    QCOMPARE(onePage, 1);
    QCOMPARE(int(again.size()), int(children.size()));
}

void ApiClientTest::getOrg()
{
    const auto org = callAndWait<core::Org>([this](QObject* ctx, auto cb) { m_client.getOrg(qs(m_root.id), ctx, cb); });
    QVERIFY2(org.ok(), qPrintable(org.failure.message));
    QCOMPARE(qs(org.value->name), qs(m_root.name));
    QCOMPARE(org.value->childCount, m_root.childCount);
}

void ApiClientTest::search()
{
    const auto found = callAndWait<core::Page<core::Org>>(
        [this](QObject* ctx, auto cb) { m_client.searchOrgs(QStringLiteral("northwind"), 20, ctx, cb); });
    QVERIFY2(found.ok(), qPrintable(found.failure.message));
    QVERIFY(!found.value->items.empty());
    for (const auto& org : found.value->items) {
        const QString text = qs(org.name).toLower() + QLatin1Char(' ') + qs(org.slug);
        QVERIFY2(text.contains(QStringLiteral("northwind")), qPrintable(text));
    }
    // Text with characters that need encoding must arrive intact (and find nothing).
    const auto odd = callAndWait<core::Page<core::Org>>(
        [this](QObject* ctx, auto cb) { m_client.searchOrgs(QStringLiteral("zz&q=+%/ü#"), 20, ctx, cb); });
    QVERIFY2(odd.ok(), qPrintable(odd.failure.message));
    QVERIFY(odd.value->items.empty());
}

void ApiClientTest::membersPaging()
{
    QVERIFY(m_root.memberCount > 3);
    std::vector<core::Membership> all;
    QString cursor;
    int pages = 0;
    do {
        const auto page = callAndWait<core::Page<core::Membership>>(
            [&](QObject* ctx, auto cb) { m_client.listMembers(qs(m_root.id), cursor, 3, ctx, cb); });
        QVERIFY2(page.ok(), qPrintable(page.failure.message));
        QVERIFY(page.value->items.size() <= 3);
        all.insert(all.end(), page.value->items.begin(), page.value->items.end());
        cursor = qs(page.value->nextCursor);
        ++pages;
    } while (!cursor.isEmpty() && pages < 500);
    QVERIFY(pages >= 2);
    QVERIFY(int(all.size()) >= m_root.memberCount);
    QSet<QString> seen;
    for (const auto& m : all) {
        QCOMPARE(qs(m.orgId), qs(m_root.id));
        QVERIFY(!m.user.email.empty());
        QVERIFY2(!seen.contains(qs(m.id)), "a membership appeared on two pages");
        seen.insert(qs(m.id));
    }
}

void ApiClientTest::unauthorizedMapsToApiFailure()
{
    ApiClient client;
    client.setBaseUrl(m_server.baseUrl());
    client.setAccessToken("not-a-valid-token");
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
    const auto result = meAs(client);
    QVERIFY(!result.ok());
    QCOMPARE(result.failure.httpStatus, 401);
    QVERIFY(!result.failure.isNetworkError());
    QVERIFY(!result.failure.code.isEmpty());
    QVERIFY(!result.failure.message.isEmpty());
    QVERIFY(!result.failure.message.contains(QStringLiteral("not-a-valid-token")));
    QVERIFY(client.isReachable());
    QCOMPARE(reachability.count(), 0);

    ApiClient anonymous;
    anonymous.setBaseUrl(m_server.baseUrl());
    const auto noToken = callAndWait<core::Page<core::Org>>(
        [&anonymous](QObject* ctx, auto cb) { anonymous.listRootOrgs(QString(), 10, ctx, cb); });
    QCOMPARE(noToken.failure.httpStatus, 401);
}

void ApiClientTest::notFoundMapsToApiFailure()
{
    const auto result = callAndWait<core::Org>([this](QObject* ctx, auto cb) {
        m_client.getOrg(QStringLiteral("00000000-0000-4000-8000-000000000000"), ctx, cb);
    });
    QVERIFY(!result.ok());
    QCOMPARE(result.failure.httpStatus, 404);
    QVERIFY(!result.failure.code.isEmpty());
    QVERIFY(!result.failure.message.isEmpty());
}

void ApiClientTest::unreachableServerIsANetworkFailure()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    client.setAccessToken(m_token);
    QSignalSpy reachability(&client, &ApiClient::reachabilityChanged);
    const auto result = meAs(client);
    QVERIFY(!result.ok());
    QVERIFY(result.failure.isNetworkError());
    QCOMPARE(result.failure.httpStatus, 0);
    QCOMPARE(result.failure.message, QStringLiteral("The server could not be reached."));
    QCOMPARE(reachability.count(), 1);
    QCOMPARE(reachability.at(0).at(0).toBool(), false);
    QVERIFY(!client.isReachable());

    // Back to a live server: reachable again.
    client.setBaseUrl(m_server.baseUrl());
    QVERIFY(meAs(client).ok());
    QCOMPARE(reachability.count(), 2);
    QCOMPARE(reachability.at(1).at(0).toBool(), true);
}

void ApiClientTest::destroyedContextGetsNoCallback()
{
    bool called = false;
    auto* context = new QObject;
    m_client.listRootOrgs(QString(), 10, context, [&called](ApiResult<core::Page<core::Org>>) { called = true; });
    m_client.listChildOrgs(qs(m_root.id), QString(), 10, context,
                           [&called](ApiResult<core::Page<core::Org>>) { called = true; });
    // Never synchronously.
    QVERIFY(!called);
    delete context;

    // A request sent after them on a living context completes, so theirs would have too.
    const auto witness = callAndWait<core::Page<core::Org>>(
        [this](QObject* ctx, auto cb) { m_client.listRootOrgs(QString(), 10, ctx, cb); });
    QVERIFY(witness.ok());
    QTest::qWait(100);
    QVERIFY(!called);

    // Destroyed while the answer is already on its way.
    auto* late = new QObject;
    m_client.me(late, [&called](ApiResult<CallerInfo>) { called = true; });
    QTest::qWait(1);
    delete late;
    QVERIFY(callAndWait<CallerInfo>([this](QObject* ctx, auto cb) { m_client.me(ctx, cb); }).ok());
    QTest::qWait(100);
    QVERIFY(!called);
}

void ApiClientTest::customRoleRoundTrip()
{
    const QString orgId = qs(m_root.id);
    client::RoleInfo draft;
    draft.key = "client-test-role";
    draft.name = "Client test role";
    draft.description = "Made by the client test.";
    draft.permissions = {"org.read", "user.read"};
    const auto created =
        callAndWait<client::RoleInfo>([&](QObject* ctx, auto cb) { m_client.createRole(orgId, draft, ctx, cb); });
    QVERIFY2(created.ok(), qPrintable(created.failure.message));
    const client::RoleInfo& role = *created.value;
    QVERIFY(!role.id.empty());
    QCOMPARE(role.key, draft.key);
    QCOMPARE(role.name, draft.name);
    QCOMPARE(role.description, draft.description);
    QCOMPARE(role.permissions, draft.permissions);
    QVERIFY(!role.builtIn);
    QCOMPARE(role.definedAt, m_root.id);
    QVERIFY(role.assignable);
    QVERIFY(!role.createdAt.empty());
    QVERIFY(role.updatedAt.empty());

    // The same key again at the same organisation: 409 conflict on the field "key".
    const auto again =
        callAndWait<client::RoleInfo>([&](QObject* ctx, auto cb) { m_client.createRole(orgId, draft, ctx, cb); });
    QVERIFY(!again.ok());
    QCOMPARE(again.failure.httpStatus, 409);
    QCOMPARE(again.failure.code, QStringLiteral("conflict"));
    QCOMPARE(again.failure.field, QStringLiteral("key"));

    client::RoleInfo changes = role;
    changes.name = "Client test role, renamed";
    changes.permissions = {"org.read"};
    const auto updated = callAndWait<client::RoleInfo>(
        [&](QObject* ctx, auto cb) { m_client.updateRole(qs(role.id), changes, ctx, cb); });
    QVERIFY2(updated.ok(), qPrintable(updated.failure.message));
    QCOMPARE(updated.value->name, changes.name);
    QCOMPARE(updated.value->permissions, changes.permissions);
    QVERIFY(!updated.value->updatedAt.empty());

    const auto listed =
        callAndWait<std::vector<client::RoleInfo>>([&](QObject* ctx, auto cb) { m_client.listRoles(orgId, ctx, cb); });
    QVERIFY(listed.ok());
    QVERIFY(std::any_of(listed.value->begin(), listed.value->end(),
                        [&](const client::RoleInfo& r) { return r.id == role.id && r.name == changes.name; }));

    // Built-in roles are read-only.
    client::RoleInfo builtin;
    builtin.name = "Renamed member";
    const auto refused = callAndWait<client::RoleInfo>(
        [&](QObject* ctx, auto cb) { m_client.updateRole(QStringLiteral("member"), builtin, ctx, cb); });
    QCOMPARE(refused.failure.httpStatus, 409);
    QCOMPARE(refused.failure.code, QStringLiteral("builtin_role"));

    const auto deleted = callAndWait<bool>([&](QObject* ctx, auto cb) { m_client.deleteRole(qs(role.id), ctx, cb); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.failure.message));
    const auto gone = callAndWait<bool>([&](QObject* ctx, auto cb) { m_client.deleteRole(qs(role.id), ctx, cb); });
    QCOMPARE(gone.failure.httpStatus, 404);
}

QTEST_GUILESS_MAIN(ApiClientTest)
#include "ApiClientTest.moc"
