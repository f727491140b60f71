// Roles and delegation against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES)
// PostgreSQL: the roles usable at an org and which of them the caller may hand out, custom roles, role assignments
// and the delegation rules of docs/permissions.md (nobody grants what they do not hold, nobody assigns to
// themselves, nothing outside one's subtree, every org keeps an admin), expiry, immediate effect, audit events.
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <memory>

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QtTest>

using namespace trellis::test;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

struct Person
{
    QString id;
    QString email;
};

} // namespace

class RolesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void assignableFlagsForPartnerAdmin();
    void rolesOfHiddenOrgAreNotFound();
    void grantBeyondOwnPermissionsIsRefused();
    void selfAssignmentIsRefused();
    void assignmentOutsideScopeIsNotFound();
    void assignmentInputIsChecked();
    void grantWidensAndRevokeNarrowsAtOnce();
    void customRoleIsUsableOnlyInItsSubtree();
    void customRoleInputIsChecked();
    void builtinRolesAreReadOnly();
    void lastAdminRule();
    void expiryIsHonoured();
    void listsPageThroughScopeOnly();
    void auditEventsNameTheDelegation();

private:
    TestHttpClient client(const QByteArray& token) const;
    QJsonObject me(const QByteArray& token);
    QJsonArray all(const QByteArray& token, const QString& path);
    HttpResult assign(const QByteArray& token, const Person& person, const QString& roleId, const QString& orgId,
                      const QString& justification = QStringLiteral("needed for the test"),
                      const QString& expiresAt = QString());
    HttpResult revoke(const QByteArray& token, const QString& assignmentId);
    HttpResult patch(const QByteArray& token, const QString& path, const QJsonObject& body);
    /// Key -> role object of GET /roles?orgId=.
    QMap<QString, QJsonObject> rolesAt(const QByteArray& token, const QString& orgId);
    /// Active people of an org who hold no role there (fresh material for assignments).
    QList<Person> plainMembers(const QString& orgId);
    /// Adds an active membership straight into the test-owned database (the people API is not part of this suite).
    bool addMembership(const QString& userId, const QString& orgId);
    /// The audit events of an action, newest first.
    QList<QVariantMap> auditEvents(const QString& action);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QString m_northwindAdminId;
    QString m_northwindAdminAssignmentId; ///< the partner admin's org-admin assignment at Northwind
    QString m_siblingId;                  ///< another reseller under Acme
    QString m_northwindChildId;           ///< a customer below Northwind
    QList<Person> m_northwindPeople;      ///< active Northwind members without roles, used up by the tests
};

void RolesTest::initTestCase()
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
    m_northwindToken = m_server.adminToken(kNorthwindAdmin);
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = me(m_ownerToken).value(QStringLiteral("rootOrgIds")).toArray().first().toString();
    const QJsonObject partner = me(m_northwindToken);
    m_northwindId = partner.value(QStringLiteral("rootOrgIds")).toArray().first().toString();
    m_northwindAdminId = str(partner.value(QStringLiteral("user")).toObject(), "id");
    for (const auto& grant : partner.value(QStringLiteral("grants")).toArray()) {
        if (str(grant.toObject(), "roleKey") == QStringLiteral("org-admin"))
            m_northwindAdminAssignmentId = str(grant.toObject(), "assignmentId");
    }
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty() && !m_northwindAdminAssignmentId.isEmpty());

    for (const auto& child : all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/children").arg(m_acmeId))) {
        const QJsonObject org = child.toObject();
        if (str(org, "kind") == QStringLiteral("reseller") && str(org, "id") != m_northwindId)
            m_siblingId = str(org, "id");
    }
    for (const auto& child : all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/children").arg(m_northwindId))) {
        const QJsonObject org = child.toObject();
        if (str(org, "kind") == QStringLiteral("customer") && m_northwindChildId.isEmpty())
            m_northwindChildId = str(org, "id");
    }
    QVERIFY(!m_siblingId.isEmpty() && !m_northwindChildId.isEmpty());
    m_northwindPeople = plainMembers(m_northwindId);
    QVERIFY2(m_northwindPeople.size() >= 6, "the demo world should have plain members at Northwind");
}

void RolesTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient RolesTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

QJsonObject RolesTest::me(const QByteArray& token)
{
    return client(token).get(QStringLiteral("/api/v1/me")).object();
}

QJsonArray RolesTest::all(const QByteArray& token, const QString& path)
{
    QJsonArray items;
    QString cursor;
    for (int guard = 0; guard < 200; ++guard) {
        QString url = path + (path.contains(u'?') ? u'&' : u'?') + QStringLiteral("limit=200");
        if (!cursor.isEmpty())
            url += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = client(token).get(url);
        if (page.status != 200) {
            qWarning("%s: %s", qPrintable(url), page.describe().constData());
            return {};
        }
        for (const auto& item : page.items())
            items.append(item);
        cursor = page.object().value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    return items;
}

HttpResult RolesTest::assign(const QByteArray& token, const Person& person, const QString& roleId, const QString& orgId,
                             const QString& justification, const QString& expiresAt)
{
    QJsonObject body{{QStringLiteral("userId"), person.id},
                     {QStringLiteral("roleId"), roleId},
                     {QStringLiteral("orgId"), orgId},
                     {QStringLiteral("justification"), justification}};
    if (!expiresAt.isEmpty())
        body.insert(QStringLiteral("expiresAt"), expiresAt);
    return client(token).postJson(QStringLiteral("/api/v1/role-assignments"), body);
}

HttpResult RolesTest::revoke(const QByteArray& token, const QString& assignmentId)
{
    return client(token).send("DELETE", QStringLiteral("/api/v1/role-assignments/") + assignmentId);
}

HttpResult RolesTest::patch(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

QMap<QString, QJsonObject> RolesTest::rolesAt(const QByteArray& token, const QString& orgId)
{
    QMap<QString, QJsonObject> roles;
    const HttpResult result = client(token).get(QStringLiteral("/api/v1/roles?orgId=") + orgId);
    if (result.status != 200)
        qWarning("GET /roles: %s", result.describe().constData());
    for (const auto& item : result.items())
        roles.insert(str(item.toObject(), "key"), item.toObject());
    return roles;
}

QList<Person> RolesTest::plainMembers(const QString& orgId)
{
    QList<Person> people;
    for (const auto& item : all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/members").arg(orgId))) {
        const QJsonObject membership = item.toObject();
        const QJsonObject user = membership.value(QStringLiteral("user")).toObject();
        if (str(membership, "status") == QStringLiteral("active") && str(user, "status") == QStringLiteral("active") &&
            membership.value(QStringLiteral("expiresAt")).isNull() &&
            membership.value(QStringLiteral("roles")).toArray().isEmpty())
            people.append({str(user, "id"), str(user, "email")});
    }
    return people;
}

bool RolesTest::addMembership(const QString& userId, const QString& orgId)
{
    bool ok = false;
    {
        QSqlDatabase db = m_server.openDatabase(QStringLiteral("add-membership"));
        {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("INSERT INTO memberships (id, user_id, org_id, status, title, source,"
                                         " created_at) VALUES (?, ?, ?, 'active', 'Test', 'manual', ?)"));
            query.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
            query.addBindValue(userId);
            query.addBindValue(orgId);
            query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            ok = query.exec();
            if (!ok)
                qWarning("adding a membership failed: %s", qPrintable(query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("add-membership"));
    return ok;
}

QList<QVariantMap> RolesTest::auditEvents(const QString& action)
{
    return m_server.queryRows(QStringLiteral("SELECT actor_id, acting_org_id, delegation_id, target_type, target_id,"
                                             " target_org_path, outcome, reason, request_id, before_state, after_state"
                                             " FROM audit_events WHERE action = ? ORDER BY sequence DESC"),
                              {action});
}

void RolesTest::assignableFlagsForPartnerAdmin()
{
    // The partner admin is org-admin at Northwind: no flow.design, so neither platform-owner nor flow-designer. She
    // holds every permission of security-auditor there (org.read, user.read, audit.read and, since migration 0015,
    // review.manage), so she may make someone Northwind's security auditor: nobody grants what they do not hold.
    const auto roles = rolesAt(m_northwindToken, m_northwindId);
    QCOMPARE(roles.size(), 6);
    const QMap<QString, bool> expected{
        {QStringLiteral("platform-owner"), false}, {QStringLiteral("security-auditor"), true},
        {QStringLiteral("org-admin"), true},       {QStringLiteral("user-manager"), true},
        {QStringLiteral("flow-designer"), false},  {QStringLiteral("member"), true}};
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QVERIFY2(roles.contains(it.key()), qPrintable(it.key()));
        const QJsonObject role = roles.value(it.key());
        QCOMPARE(role.value(QStringLiteral("assignable")).toBool(), it.value());
        QVERIFY(role.value(QStringLiteral("definedAt")).isNull());
        QVERIFY(role.value(QStringLiteral("builtIn")).toBool());
        QVERIFY(!str(role, "name").isEmpty());
        QVERIFY(role.value(QStringLiteral("permissions")).isArray());
    }
    QVERIFY(roles.value(QStringLiteral("platform-owner"))
                .value(QStringLiteral("permissions"))
                .toArray()
                .contains(QStringLiteral("flow.design")));

    // Same flags one level down (a grant reaches the subtree).
    const auto below = rolesAt(m_northwindToken, m_northwindChildId);
    QCOMPARE(below.value(QStringLiteral("user-manager")).value(QStringLiteral("assignable")).toBool(), true);
    QCOMPARE(below.value(QStringLiteral("flow-designer")).value(QStringLiteral("assignable")).toBool(), false);

    // The platform owner may hand out everything; the auditor nothing (no role.assign).
    for (const auto& role : rolesAt(m_ownerToken, m_northwindId))
        QVERIFY(role.value(QStringLiteral("assignable")).toBool());
    const auto byAuditor = rolesAt(m_auditorToken, m_northwindId);
    QCOMPARE(byAuditor.size(), 6);
    for (const auto& role : byAuditor)
        QVERIFY(!role.value(QStringLiteral("assignable")).toBool());

    // Without an org: the catalog of roles, "assignable" not computed.
    const HttpResult plain = client(m_northwindToken).get(QStringLiteral("/api/v1/roles"));
    QVERIFY2(plain.status == 200, plain.describe());
    QVERIFY(plain.items().size() >= 6);
    for (const auto& item : plain.items())
        QVERIFY(item.toObject().value(QStringLiteral("assignable")).isNull());
}

void RolesTest::rolesOfHiddenOrgAreNotFound()
{
    const HttpResult hidden = client(m_northwindToken).get(QStringLiteral("/api/v1/roles?orgId=") + m_siblingId);
    QCOMPARE(hidden.status, 404);
    const HttpResult missing = client(m_northwindToken).get(QStringLiteral("/api/v1/roles?orgId=nope"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(hidden.object(), missing.object());
}

void RolesTest::grantBeyondOwnPermissionsIsRefused()
{
    const Person target = m_northwindPeople.at(0);
    for (const QString& role : {QStringLiteral("flow-designer"), QStringLiteral("platform-owner")}) {
        const HttpResult result = assign(m_northwindToken, target, role, m_northwindId);
        QVERIFY2(result.status == 403, result.describe());
        QCOMPARE(result.errorCode(), QStringLiteral("permission_not_held"));
        QVERIFY(result.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("flow.design")));
        const QList<QVariantMap> events = auditEvents(QStringLiteral("role.assign"));
        QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
        QCOMPARE(events.first().value(QStringLiteral("request_id")).toByteArray(), result.header("X-Request-Id"));
    }
    // Nothing was assigned.
    const QJsonArray held =
        all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/role-assignments?userId=%2").arg(m_northwindId, target.id));
    QVERIFY(held.isEmpty());
    // The auditor reads everything but assigns nothing: plain 403.
    const HttpResult byAuditor = assign(m_auditorToken, target, QStringLiteral("member"), m_northwindId);
    QCOMPARE(byAuditor.status, 403);
    QCOMPARE(byAuditor.errorCode(), QStringLiteral("forbidden"));
}

void RolesTest::selfAssignmentIsRefused()
{
    const Person self{m_northwindAdminId, kNorthwindAdmin};
    const HttpResult result = assign(m_northwindToken, self, QStringLiteral("user-manager"), m_northwindId);
    QCOMPARE(result.status, 403);
    QCOMPARE(result.errorCode(), QStringLiteral("self_escalation"));
    QCOMPARE(result.errorField(), QStringLiteral("userId"));
    // Not even the platform owner.
    const QString ownerId = str(me(m_ownerToken).value(QStringLiteral("user")).toObject(), "id");
    const HttpResult byOwner = assign(m_ownerToken, {ownerId, kOwner}, QStringLiteral("member"), m_acmeId);
    QCOMPARE(byOwner.status, 403);
    QCOMPARE(byOwner.errorCode(), QStringLiteral("self_escalation"));
}

void RolesTest::assignmentOutsideScopeIsNotFound()
{
    // An org outside the partner's subtree: as if it did not exist.
    const QList<Person> siblingPeople = plainMembers(m_siblingId);
    QVERIFY(!siblingPeople.isEmpty());
    const HttpResult elsewhere = assign(m_northwindToken, siblingPeople.first(), QStringLiteral("member"), m_siblingId);
    QCOMPARE(elsewhere.status, 404);
    QCOMPARE(elsewhere.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(elsewhere.errorField(), QStringLiteral("orgId"));
    const HttpResult missingOrg = assign(m_northwindToken, siblingPeople.first(), QStringLiteral("member"),
                                         QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QCOMPARE(missingOrg.object(), elsewhere.object());

    // A person outside the subtree, at an org inside it: 404 on the person.
    const HttpResult stranger =
        assign(m_northwindToken, siblingPeople.first(), QStringLiteral("member"), m_northwindId);
    QCOMPARE(stranger.status, 404);
    QCOMPARE(stranger.errorField(), QStringLiteral("userId"));

    // The sibling's assignments: not listed, not revocable, answered exactly like a missing one.
    const QJsonArray siblingAssignments =
        all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/role-assignments").arg(m_siblingId));
    QVERIFY(!siblingAssignments.isEmpty());
    const QString foreignId = str(siblingAssignments.first().toObject(), "id");
    const HttpResult hidden = revoke(m_northwindToken, foreignId);
    QCOMPARE(hidden.status, 404);
    const HttpResult missing = revoke(m_northwindToken, QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QCOMPARE(hidden.object(), missing.object());
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/role-assignments").arg(m_siblingId)).status,
             404);
    // Still there for the owner.
    QCOMPARE(all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/role-assignments").arg(m_siblingId)).size(),
             siblingAssignments.size());
}

void RolesTest::assignmentInputIsChecked()
{
    const Person target = m_northwindPeople.at(1);
    // Justification: required, at most 500 characters.
    HttpResult result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId, QString());
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorField(), QStringLiteral("justification"));
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId, QString(501, u'x'));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorField(), QStringLiteral("justification"));
    // expiresAt: a time, in the future.
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId, QStringLiteral("ok"),
                    QStringLiteral("next tuesday"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorField(), QStringLiteral("expiresAt"));
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId, QStringLiteral("ok"),
                    QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorField(), QStringLiteral("expiresAt"));
    // Unknown role.
    result = assign(m_northwindToken, target, QStringLiteral("no-such-role"), m_northwindId);
    QCOMPARE(result.status, 404);
    QCOMPARE(result.errorField(), QStringLiteral("roleId"));
    // Not a member of the child org.
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindChildId);
    QCOMPARE(result.status, 409);
    QCOMPARE(result.errorCode(), QStringLiteral("not_a_member"));

    // A good one, then the same again: 409.
    const QString expiresAt = QDateTime::currentDateTimeUtc().addDays(30).toString(Qt::ISODate);
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId,
                    QStringLiteral("Ticket OPS-17: joins the Northwind order desk"), expiresAt);
    QVERIFY2(result.status == 201, result.describe());
    const QJsonObject created = result.object();
    QCOMPARE(str(created.value(QStringLiteral("user")).toObject(), "id"), target.id);
    QCOMPARE(str(created.value(QStringLiteral("user")).toObject(), "email"), target.email);
    QCOMPARE(str(created.value(QStringLiteral("role")).toObject(), "key"), QStringLiteral("member"));
    QCOMPARE(str(created.value(QStringLiteral("org")).toObject(), "id"), m_northwindId);
    QCOMPARE(str(created.value(QStringLiteral("grantedBy")).toObject(), "email"), kNorthwindAdmin);
    QCOMPARE(str(created, "justification"), QStringLiteral("Ticket OPS-17: joins the Northwind order desk"));
    QCOMPARE(str(created, "expiresAt"), expiresAt);
    QCOMPARE(str(created, "status"), QStringLiteral("active"));
    QVERIFY(created.value(QStringLiteral("revokedAt")).isNull());
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId);
    QCOMPARE(result.status, 409);
    QCOMPARE(result.errorCode(), QStringLiteral("conflict"));
    // Revoked: can be granted again; revoking twice is a conflict.
    QCOMPARE(revoke(m_northwindToken, str(created, "id")).status, 200);
    QCOMPARE(revoke(m_northwindToken, str(created, "id")).errorCode(), QStringLiteral("already_revoked"));
    result = assign(m_northwindToken, target, QStringLiteral("member"), m_northwindId);
    QVERIFY2(result.status == 201, result.describe());
}

void RolesTest::grantWidensAndRevokeNarrowsAtOnce()
{
    const Person person = m_northwindPeople.at(2);
    const QByteArray token = m_server.adminToken(person.email);
    QVERIFY(!token.isEmpty());
    const QString membersPath = QStringLiteral("/api/v1/orgs/%1/members").arg(m_northwindId);
    QCOMPARE(client(token).get(membersPath).status, 404);

    const HttpResult granted = assign(m_northwindToken, person, QStringLiteral("user-manager"), m_northwindId);
    QVERIFY2(granted.status == 201, granted.describe());
    // The same token, the very next request.
    const HttpResult widened = client(token).get(membersPath);
    QVERIFY2(widened.status == 200, widened.describe());
    QVERIFY(!widened.items().isEmpty());
    // user-manager carries no role.assign: the grantee cannot pass roles on.
    const HttpResult passOn = assign(token, m_northwindPeople.at(3), QStringLiteral("member"), m_northwindId);
    QCOMPARE(passOn.status, 403);

    const HttpResult revoked = revoke(m_northwindToken, str(granted.object(), "id"));
    QVERIFY2(revoked.status == 200, revoked.describe());
    QCOMPARE(str(revoked.object(), "status"), QStringLiteral("revoked"));
    QVERIFY(!str(revoked.object(), "revokedAt").isEmpty());
    QCOMPARE(client(token).get(membersPath).status, 404);
    // Still signed in, just without the role (the decision is documented in docs/permissions.md).
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/me")).status, 200);
}

void RolesTest::customRoleIsUsableOnlyInItsSubtree()
{
    const QJsonObject body{
        {QStringLiteral("key"), QStringLiteral("ticket-desk")},
        {QStringLiteral("name"), QStringLiteral("Ticket desk")},
        {QStringLiteral("description"), QStringLiteral("Sees people, changes nothing.")},
        {QStringLiteral("permissions"),
         QJsonArray{QStringLiteral("user.read"), QStringLiteral("org.read"), QStringLiteral("user.read")}}};
    const HttpResult created =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/roles").arg(m_northwindId), body);
    QVERIFY2(created.status == 201, created.describe());
    const QJsonObject role = created.object();
    const QString roleId = str(role, "id");
    QCOMPARE(str(role, "key"), QStringLiteral("ticket-desk"));
    QCOMPARE(str(role, "definedAt"), m_northwindId);
    QVERIFY(!role.value(QStringLiteral("builtIn")).toBool());
    QCOMPARE(role.value(QStringLiteral("permissions")).toArray(),
             (QJsonArray{QStringLiteral("org.read"), QStringLiteral("user.read")}));
    // Same key again at the same org: conflict.
    const HttpResult again =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/roles").arg(m_northwindId), body);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorField(), QStringLiteral("key"));

    // Usable at Northwind and below, assignable there by the partner admin.
    QVERIFY(rolesAt(m_northwindToken, m_northwindId)
                .value(QStringLiteral("ticket-desk"))
                .value(QStringLiteral("assignable"))
                .toBool());
    const QJsonObject below = rolesAt(m_northwindToken, m_northwindChildId).value(QStringLiteral("ticket-desk"));
    QCOMPARE(str(below, "id"), roleId);
    QVERIFY(below.value(QStringLiteral("assignable")).toBool());
    // Not at a sibling reseller, not even for the platform owner, and not above Northwind.
    QVERIFY(!rolesAt(m_ownerToken, m_siblingId).contains(QStringLiteral("ticket-desk")));
    QVERIFY(!rolesAt(m_ownerToken, m_acmeId).contains(QStringLiteral("ticket-desk")));
    const QList<Person> siblingPeople = plainMembers(m_siblingId);
    QVERIFY(!siblingPeople.isEmpty());
    const HttpResult atSibling = assign(m_ownerToken, siblingPeople.first(), roleId, m_siblingId);
    QCOMPARE(atSibling.status, 400);
    QCOMPARE(atSibling.errorField(), QStringLiteral("roleId"));

    // Invisible to the sibling's own admin.
    QString siblingAdminEmail;
    for (const auto& item : all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/role-assignments").arg(m_siblingId))) {
        const QJsonObject a = item.toObject();
        if (str(a.value(QStringLiteral("role")).toObject(), "key") == QStringLiteral("org-admin"))
            siblingAdminEmail = str(a.value(QStringLiteral("user")).toObject(), "email");
    }
    QVERIFY(!siblingAdminEmail.isEmpty());
    const QByteArray siblingToken = m_server.adminToken(siblingAdminEmail);
    QVERIFY(!siblingToken.isEmpty());
    const HttpResult siblingCatalog = client(siblingToken).get(QStringLiteral("/api/v1/roles"));
    QVERIFY2(siblingCatalog.status == 200, siblingCatalog.describe());
    for (const auto& item : siblingCatalog.items())
        QVERIFY(str(item.toObject(), "id") != roleId);
    QVERIFY(!rolesAt(siblingToken, m_siblingId).contains(QStringLiteral("ticket-desk")));
    QCOMPARE(
        patch(siblingToken, QStringLiteral("/api/v1/roles/") + roleId, {{QStringLiteral("name"), QStringLiteral("x")}})
            .status,
        404);
    QCOMPARE(client(siblingToken).send("DELETE", QStringLiteral("/api/v1/roles/") + roleId).status, 404);
    // The partner's own catalog shows it.
    bool listed = false;
    for (const auto& item : client(m_northwindToken).get(QStringLiteral("/api/v1/roles")).items())
        listed = listed || str(item.toObject(), "id") == roleId;
    QVERIFY(listed);

    // Assigned below Northwind, it gives exactly its permissions there.
    const QList<Person> childPeople = plainMembers(m_northwindChildId);
    QVERIFY(!childPeople.isEmpty());
    const Person desk = childPeople.first();
    const HttpResult granted = assign(m_northwindToken, desk, roleId, m_northwindChildId);
    QVERIFY2(granted.status == 201, granted.describe());
    QCOMPARE(str(granted.object().value(QStringLiteral("role")).toObject(), "key"), QStringLiteral("ticket-desk"));
    const QByteArray deskToken = m_server.adminToken(desk.email);
    QCOMPARE(client(deskToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(m_northwindChildId)).status, 200);
    QCOMPARE(client(deskToken).get(QStringLiteral("/api/v1/orgs/%1").arg(m_northwindId)).status, 404);

    // Changing the role changes what its holders may do, at once.
    HttpResult changed = patch(m_northwindToken, QStringLiteral("/api/v1/roles/") + roleId,
                               {{QStringLiteral("name"), QStringLiteral("Ticket desk (read-only)")},
                                {QStringLiteral("permissions"), QJsonArray{QStringLiteral("org.read")}}});
    QVERIFY2(changed.status == 200, changed.describe());
    QCOMPARE(str(changed.object(), "name"), QStringLiteral("Ticket desk (read-only)"));
    QCOMPARE(str(changed.object(), "key"), QStringLiteral("ticket-desk"));
    QVERIFY(!str(changed.object(), "updatedAt").isEmpty());
    QCOMPARE(client(deskToken).get(QStringLiteral("/api/v1/orgs/%1/members").arg(m_northwindChildId)).status, 403);
    QCOMPARE(client(deskToken).get(QStringLiteral("/api/v1/orgs/%1").arg(m_northwindChildId)).status, 200);
    // Not beyond the editor's own permissions.
    changed = patch(m_northwindToken, QStringLiteral("/api/v1/roles/") + roleId,
                    {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("flow.publish")}}});
    QCOMPARE(changed.status, 403);
    QCOMPARE(changed.errorCode(), QStringLiteral("permission_not_held"));
    // The key is fixed.
    changed = patch(m_northwindToken, QStringLiteral("/api/v1/roles/") + roleId,
                    {{QStringLiteral("key"), QStringLiteral("other")}});
    QCOMPARE(changed.status, 400);
    QCOMPARE(changed.errorCode(), QStringLiteral("unknown_field"));

    // In use: cannot be deleted; once revoked, it can, and then it is gone everywhere.
    const HttpResult inUse = client(m_northwindToken).send("DELETE", QStringLiteral("/api/v1/roles/") + roleId);
    QCOMPARE(inUse.status, 409);
    QCOMPARE(inUse.errorCode(), QStringLiteral("role_in_use"));
    QCOMPARE(revoke(m_northwindToken, str(granted.object(), "id")).status, 200);
    const HttpResult deleted = client(m_northwindToken).send("DELETE", QStringLiteral("/api/v1/roles/") + roleId);
    QVERIFY2(deleted.status == 204, deleted.describe());
    QVERIFY(!rolesAt(m_northwindToken, m_northwindId).contains(QStringLiteral("ticket-desk")));
    QCOMPARE(assign(m_northwindToken, desk, roleId, m_northwindChildId).status, 404);
    // The key is free again.
    const HttpResult recreated =
        client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/roles").arg(m_northwindId), body);
    QVERIFY2(recreated.status == 201, recreated.describe());
    QVERIFY(str(recreated.object(), "id") != roleId);
}

void RolesTest::customRoleInputIsChecked()
{
    const QString path = QStringLiteral("/api/v1/orgs/%1/roles").arg(m_northwindId);
    const auto create = [&](const QByteArray& token, const QJsonObject& body) {
        return client(token).postJson(path, body);
    };
    QJsonObject body{
        {QStringLiteral("key"), QStringLiteral("checker")},
        {QStringLiteral("name"), QStringLiteral("Checker")},
        {QStringLiteral("permissions"), QJsonArray{QStringLiteral("org.read"), QStringLiteral("org.fly")}}};
    HttpResult result = create(m_northwindToken, body);
    QCOMPARE(result.status, 400);
    QCOMPARE(result.errorCode(), QStringLiteral("invalid_field"));
    QCOMPARE(result.errorField(), QStringLiteral("permissions"));
    QVERIFY(result.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("org.fly")));

    body.insert(QStringLiteral("permissions"), QJsonArray{QStringLiteral("flow.design")});
    result = create(m_northwindToken, body);
    QCOMPARE(result.status, 403);
    QCOMPARE(result.errorCode(), QStringLiteral("permission_not_held"));

    body.insert(QStringLiteral("permissions"), QJsonArray{});
    body.insert(QStringLiteral("key"), QStringLiteral("Not A Slug"));
    QCOMPARE(create(m_northwindToken, body).errorField(), QStringLiteral("key"));
    body.insert(QStringLiteral("key"), QStringLiteral("org-admin"));
    result = create(m_northwindToken, body);
    QCOMPARE(result.status, 409);
    QCOMPARE(result.errorField(), QStringLiteral("key"));
    body.remove(QStringLiteral("permissions"));
    body.insert(QStringLiteral("key"), QStringLiteral("checker"));
    QCOMPARE(create(m_northwindToken, body).errorField(), QStringLiteral("permissions"));

    // Outside the subtree: 404; the auditor (no role.assign): 403.
    body.insert(QStringLiteral("permissions"), QJsonArray{});
    result = client(m_northwindToken).postJson(QStringLiteral("/api/v1/orgs/%1/roles").arg(m_siblingId), body);
    QCOMPARE(result.status, 404);
    QCOMPARE(create(m_auditorToken, body).status, 403);
}

void RolesTest::builtinRolesAreReadOnly()
{
    for (const QByteArray& token : {m_ownerToken, m_northwindToken}) {
        const HttpResult changed = patch(token, QStringLiteral("/api/v1/roles/member"),
                                         {{QStringLiteral("name"), QStringLiteral("Everybody")}});
        QCOMPARE(changed.status, 409);
        QCOMPARE(changed.errorCode(), QStringLiteral("builtin_role"));
        const HttpResult deleted = client(token).send("DELETE", QStringLiteral("/api/v1/roles/org-admin"));
        QCOMPARE(deleted.status, 409);
        QCOMPARE(deleted.errorCode(), QStringLiteral("builtin_role"));
    }
    QCOMPARE(rolesAt(m_ownerToken, m_acmeId).value(QStringLiteral("member")).value(QStringLiteral("name")).toString(),
             QStringLiteral("Member"));
}

void RolesTest::lastAdminRule()
{
    // A sub-org of Northwind with exactly one admin.
    const HttpResult org =
        client(m_northwindToken)
            .postJson(QStringLiteral("/api/v1/orgs"), {{QStringLiteral("parentId"), m_northwindId},
                                                       {QStringLiteral("kind"), QStringLiteral("customer")},
                                                       {QStringLiteral("name"), QStringLiteral("Single Admin Works")},
                                                       {QStringLiteral("slug"), QStringLiteral("single-admin-works")}});
    QVERIFY2(org.status == 201, org.describe());
    const QString subId = str(org.object(), "id");
    const Person admin = m_northwindPeople.at(4);
    QVERIFY(addMembership(admin.id, subId));
    const HttpResult granted = assign(m_northwindToken, admin, QStringLiteral("org-admin"), subId,
                                      QStringLiteral("first admin of the new customer"));
    QVERIFY2(granted.status == 201, granted.describe());
    const QString assignmentId = str(granted.object(), "id");
    const QByteArray adminToken = m_server.adminToken(admin.email);

    // The only admin cannot remove themselves...
    const HttpResult own = revoke(adminToken, assignmentId);
    QCOMPARE(own.status, 409);
    QCOMPARE(own.errorCode(), QStringLiteral("last_admin"));
    QList<QVariantMap> events = auditEvents(QStringLiteral("role.revoke"));
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(events.first().value(QStringLiteral("target_id")).toString(), assignmentId);
    QVERIFY(!events.first().value(QStringLiteral("delegation_id")).toString().isEmpty());
    QCOMPARE(client(adminToken).get(QStringLiteral("/api/v1/orgs/") + subId).status, 200); // still admin

    // ...nor can a custom role lose role.assign under them.
    const HttpResult custom = client(adminToken)
                                  .postJson(QStringLiteral("/api/v1/orgs/%1/roles").arg(subId),
                                            {{QStringLiteral("key"), QStringLiteral("local-admin")},
                                             {QStringLiteral("name"), QStringLiteral("Local admin")},
                                             {QStringLiteral("permissions"),
                                              QJsonArray{QStringLiteral("org.read"), QStringLiteral("role.assign")}}});
    QVERIFY2(custom.status == 201, custom.describe());

    // The admin from above (Northwind) can remove the last one.
    const HttpResult above = revoke(m_northwindToken, assignmentId);
    QVERIFY2(above.status == 200, above.describe());
    events = auditEvents(QStringLiteral("role.revoke"));
    QCOMPARE(events.first().value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(events.first().value(QStringLiteral("delegation_id")).toString(), m_northwindAdminAssignmentId);
    QCOMPARE(client(adminToken).get(QStringLiteral("/api/v1/orgs/") + subId).status, 404);

    // With the custom role as the only admin role there, the same rule holds for editing the role.
    const QString customId = str(custom.object(), "id");
    const Person second = m_northwindPeople.at(3);
    QVERIFY(addMembership(second.id, subId));
    const HttpResult local = assign(m_northwindToken, second, customId, subId, QStringLiteral("local admin"));
    QVERIFY2(local.status == 201, local.describe());
    const QByteArray secondToken = m_server.adminToken(second.email);
    // The local admin holds only org.read and role.assign at the sub-org, and role.assign lives at the sub-org.
    HttpResult edited = patch(secondToken, QStringLiteral("/api/v1/roles/") + customId,
                              {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("org.read")}}});
    QCOMPARE(edited.status, 409);
    QCOMPARE(edited.errorCode(), QStringLiteral("last_admin"));
    edited = patch(m_northwindToken, QStringLiteral("/api/v1/roles/") + customId,
                   {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("org.read")}}});
    QVERIFY2(edited.status == 200, edited.describe());
}

void RolesTest::expiryIsHonoured()
{
    const Person person = m_northwindPeople.at(5);
    const QByteArray token = m_server.adminToken(person.email);
    const QString path = QStringLiteral("/api/v1/orgs/%1").arg(m_northwindId);
    // Long enough for the grant and one request on a busy machine, short enough to wait for.
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(5);
    const HttpResult granted = assign(m_northwindToken, person, QStringLiteral("security-auditor"), m_northwindId,
                                      QStringLiteral("five-second audit"), expires.toString(Qt::ISODate));
    QVERIFY2(granted.status == 201, granted.describe());
    const QString id = str(granted.object(), "id");
    QCOMPARE(client(token).get(path).status, 200);

    // Wait until the expiry has certainly passed (second precision), then it no longer counts.
    while (QDateTime::currentDateTimeUtc() < expires.addSecs(1))
        QThread::msleep(200);
    QCOMPARE(client(token).get(path).status, 404);
    const QString listPath = QStringLiteral("/api/v1/orgs/%1/role-assignments?userId=%2").arg(m_northwindId, person.id);
    QVERIFY(all(m_northwindToken, listPath).isEmpty());
    const QJsonArray ended = all(m_northwindToken, listPath + QStringLiteral("&includeEnded=true"));
    QCOMPARE(ended.size(), 1);
    QCOMPARE(str(ended.first().toObject(), "id"), id);
    QCOMPARE(str(ended.first().toObject(), "status"), QStringLiteral("expired"));
    // An expired assignment is no duplicate: it can be granted again.
    const HttpResult again =
        assign(m_northwindToken, person, QStringLiteral("security-auditor"), m_northwindId, QStringLiteral("again"));
    QVERIFY2(again.status == 201, again.describe());
    QCOMPARE(client(token).get(path).status, 200);
    QCOMPARE(revoke(m_northwindToken, str(again.object(), "id")).status, 200);
}

void RolesTest::listsPageThroughScopeOnly()
{
    // The owner pages through the whole tree's assignments: each once, ordered.
    QStringList seen;
    QString cursor;
    for (int pages = 0; pages < 500; ++pages) {
        QString path = QStringLiteral("/api/v1/orgs/%1/role-assignments?subtree=true&limit=7").arg(m_acmeId);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = client(m_ownerToken).get(path);
        QVERIFY2(page.status == 200, page.describe());
        QVERIFY(page.items().size() <= 7);
        for (const auto& item : page.items())
            seen << str(item.toObject(), "id");
        cursor = page.object().value(QStringLiteral("nextCursor")).toString();
        if (cursor.isEmpty())
            break;
    }
    QVERIFY(seen.size() > 20);
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size());
    QCOMPARE(all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/role-assignments?subtree=true").arg(m_acmeId)).size(),
             seen.size());

    // The partner admin's subtree list holds only orgs below Northwind.
    QSet<QString> northwindOrgs{m_northwindId};
    QStringList queue{m_northwindId};
    while (!queue.isEmpty()) {
        for (const auto& child : all(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/children").arg(queue.takeFirst()))) {
            northwindOrgs.insert(str(child.toObject(), "id"));
            queue << str(child.toObject(), "id");
        }
    }
    const QJsonArray partnerView =
        all(m_northwindToken, QStringLiteral("/api/v1/orgs/%1/role-assignments?subtree=true").arg(m_northwindId));
    QVERIFY(!partnerView.isEmpty());
    for (const auto& item : partnerView) {
        const QJsonObject a = item.toObject();
        QVERIFY2(northwindOrgs.contains(str(a.value(QStringLiteral("org")).toObject(), "id")),
                 "an assignment outside Northwind's subtree leaked");
        QVERIFY(a.value(QStringLiteral("grantedBy")).isNull() || a.value(QStringLiteral("grantedBy")).isObject());
    }
    // Without subtree: only Northwind itself, and the partner admin's own assignment is there.
    const QJsonArray direct =
        all(m_northwindToken, QStringLiteral("/api/v1/orgs/%1/role-assignments").arg(m_northwindId));
    bool ownFound = false;
    for (const auto& item : direct) {
        QCOMPARE(str(item.toObject().value(QStringLiteral("org")).toObject(), "id"), m_northwindId);
        ownFound = ownFound || str(item.toObject(), "id") == m_northwindAdminAssignmentId;
    }
    QVERIFY(ownFound);
    // Bad parameters.
    QCOMPARE(client(m_northwindToken)
                 .get(QStringLiteral("/api/v1/orgs/%1/role-assignments?subtree=maybe").arg(m_northwindId))
                 .errorField(),
             QStringLiteral("subtree"));
    QCOMPARE(client(m_northwindToken)
                 .get(QStringLiteral("/api/v1/orgs/%1/role-assignments?cursor=zzz").arg(m_northwindId))
                 .errorCode(),
             QStringLiteral("invalid_cursor"));
}

void RolesTest::auditEventsNameTheDelegation()
{
    const Person person = m_northwindPeople.at(0);
    const HttpResult granted = assign(m_northwindToken, person, QStringLiteral("user-manager"), m_northwindId,
                                      QStringLiteral("covers the order desk in December"));
    QVERIFY2(granted.status == 201, granted.describe());
    const QString id = str(granted.object(), "id");
    QList<QVariantMap> events = auditEvents(QStringLiteral("role.assign"));
    QVariantMap event = events.first();
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), m_northwindAdminId);
    QCOMPARE(event.value(QStringLiteral("acting_org_id")).toString(), m_northwindId);
    QCOMPARE(event.value(QStringLiteral("delegation_id")).toString(), m_northwindAdminAssignmentId);
    QCOMPARE(event.value(QStringLiteral("target_type")).toString(), QStringLiteral("role_assignment"));
    QCOMPARE(event.value(QStringLiteral("target_id")).toString(), id);
    QVERIFY(event.value(QStringLiteral("target_org_path")).toString().contains(m_northwindId));
    QCOMPARE(event.value(QStringLiteral("request_id")).toByteArray(), granted.header("X-Request-Id"));
    QJsonObject after = QJsonDocument::fromJson(event.value(QStringLiteral("after_state")).toByteArray()).object();
    QCOMPARE(str(after, "justification"), QStringLiteral("covers the order desk in December"));
    QCOMPARE(str(after.value(QStringLiteral("grantedBy")).toObject(), "id"), m_northwindAdminId);
    QCOMPARE(str(after.value(QStringLiteral("role")).toObject(), "key"), QStringLiteral("user-manager"));

    // A denied attempt names the delegation too, and what was attempted.
    const Person self{m_northwindAdminId, kNorthwindAdmin};
    const HttpResult denied =
        assign(m_northwindToken, self, QStringLiteral("member"), m_northwindId, QStringLiteral("trying my luck"));
    QCOMPARE(denied.status, 403);
    event = auditEvents(QStringLiteral("role.assign")).first();
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("denied"));
    QCOMPARE(event.value(QStringLiteral("delegation_id")).toString(), m_northwindAdminAssignmentId);
    QCOMPARE(event.value(QStringLiteral("acting_org_id")).toString(), m_northwindId);
    QVERIFY(event.value(QStringLiteral("reason")).toString().contains(QStringLiteral("self")));
    after = QJsonDocument::fromJson(event.value(QStringLiteral("after_state")).toByteArray()).object();
    QCOMPARE(str(after, "justification"), QStringLiteral("trying my luck"));
    QCOMPARE(str(after.value(QStringLiteral("grantedBy")).toObject(), "id"), m_northwindAdminId);

    // Revocation: before and after, delegation named.
    QCOMPARE(revoke(m_northwindToken, id).status, 200);
    event = auditEvents(QStringLiteral("role.revoke")).first();
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(event.value(QStringLiteral("target_id")).toString(), id);
    QCOMPARE(event.value(QStringLiteral("delegation_id")).toString(), m_northwindAdminAssignmentId);
    const QJsonObject before =
        QJsonDocument::fromJson(event.value(QStringLiteral("before_state")).toByteArray()).object();
    QVERIFY(before.value(QStringLiteral("revokedAt")).isNull());
    after = QJsonDocument::fromJson(event.value(QStringLiteral("after_state")).toByteArray()).object();
    QCOMPARE(str(after, "status"), QStringLiteral("revoked"));

    // Role definition changes are audited as well, success and denied.
    for (const char* action : {"role.create", "role.update", "role.delete"}) {
        events = auditEvents(QString::fromLatin1(action));
        bool success = false;
        bool deniedSeen = false;
        for (const auto& e : events) {
            success = success || e.value(QStringLiteral("outcome")).toString() == QStringLiteral("success");
            deniedSeen = deniedSeen || e.value(QStringLiteral("outcome")).toString() == QStringLiteral("denied");
            if (e.value(QStringLiteral("outcome")).toString() == QStringLiteral("success"))
                QVERIFY(!e.value(QStringLiteral("delegation_id")).toString().isEmpty());
        }
        QVERIFY2(success, action);
        QVERIFY2(deniedSeen, action);
    }
}

QTEST_GUILESS_MAIN(RolesTest)
#include "tst_roles.moc"
