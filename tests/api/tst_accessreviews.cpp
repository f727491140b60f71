// Access reviews against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES) PostgreSQL: a
// campaign over a reseller's subtree (Northwind Trading under Acme) snapshots its role assignments and memberships
// with flags and reviewers; reviewers keep in bulk and revoke with a comment, which ends the access and makes the
// person's refresh token (obtained through the hosted login) fail at /oauth2/token at once; at the due date undecided
// items are revoked or escalated (the escalation with the database clock moved, in this process); an admin of another
// reseller sees none of it; every step is an audit event. The security auditor (review.manage since migration 0015)
// runs a review of the reseller and decides any item; nobody only reading the audit trail decides; a review never
// removes an organisation's last admin (409 last_admin naming the item; at the due date such an item is escalated).
#include "core/Clock.h"
#include "core/crypto/Pkce.h"
#include "server/api/AccessReviewApi.h"
#include "server/api/ApiContext.h"
#include "server/api/DatabaseOptions.h"
#include "server/http/HttpRequest.h"
#include "server/store/Database.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/ConsoleTokenGrant.h"
#include "tests/login/LoginBrowser.h"

#include <chrono>
#include <memory>

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;
namespace core = trellis::core;
namespace crypto = trellis::core::crypto;
namespace server = trellis::server;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kPassword = QStringLiteral("test-demo-password");

QString str(const QJsonValue& value)
{
    return value.toString();
}

QString inDays(int days)
{
    return QDateTime::currentDateTimeUtc().addDays(days).toString(Qt::ISODate);
}

QString userOf(const QJsonValue& item)
{
    return item.toObject().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
}

QSet<QString> reviewerIdsOf(const QJsonObject& item)
{
    QSet<QString> ids;
    for (const auto& r : item.value(QStringLiteral("reviewers")).toArray())
        ids.insert(str(r.toObject().value(QStringLiteral("id"))));
    return ids;
}

/// RFC 4180 records (quoted fields with doubled quotes, CRLF line ends).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

} // namespace

class AccessReviewsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void demoWorldHasAnOpenCampaign();
    void createValidatesInput_data();
    void createValidatesInput();
    void campaignSnapshotsSubtreeWithFlagsAndReviewers();
    void reviewerSeesItemsAndKeepsInBulk();
    void bulkDecisionIsAllOrNothing();
    void revokeNeedsCommentAndEndsRefreshToken();
    void revokeRoleAssignmentTakesEffectAtOnce();
    void outsiderAdminSeesNothing();
    void reassignToSecurityAuditor();
    void resultsCsvHoldsEveryDecision();
    void dueDateRevokesUndecidedItems();
    void dueDateEscalatesWithMovedClock();
    void closeEndsTheCampaign();
    void auditorRunsAReviewOfTheReseller();
    void reviewNeverRemovesTheLastAdmin();
    void dueDateRevokeEscalatesTheLastAdmin();
    void readingTheAuditTrailDoesNotDecide();

private:
    TestHttpClient client(const QByteArray& token) const;
    HttpResult postJson(const QByteArray& token, const QString& path, const QJsonObject& body);
    QString rootOf(const QByteArray& token);
    QStringList sqlColumn(const QString& sql, const QVariantList& values = {});
    bool execSql(const QString& sql, const QVariantList& values = {});
    int auditCount(const QString& action, const QString& outcome, const QString& targetId = {});
    QString userIdOf(const QString& email);
    /// Whether `userId` is the only admin (a live org-admin or platform-owner assignment) of the org itself.
    bool isLastAdmin(const QString& orgId, const QString& userId);
    /// A new campaign over `orgId` by `token`; its JSON, or an empty object (test failed).
    QJsonObject createCampaign(const QByteArray& token, const QString& orgId, const QString& rule,
                               const QJsonArray& reviewed = {QStringLiteral("roles"), QStringLiteral("memberships")});
    QJsonArray campaignItems(const QByteArray& token, const QString& campaignId, const QString& status = {});
    QJsonArray myItems(const QByteArray& token);
    QString refreshTokenFor(const QString& email);
    HttpResult refresh(const QString& refreshToken);
    void givePassword(const QString& userId);
    /// A Northwind child org (direct child) with / without an org-admin of its own, not used yet.
    QString northwindChild(bool withAdmin);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QSqlDatabase m_db;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QByteArray m_outsiderToken;
    QByteArray m_readerToken; ///< audit.read (and org.read, user.read) at Acme, no review.manage: a custom role
    QString m_readerId;
    QString m_auditorId;
    QString m_lastAdminOrg; ///< a Northwind child with exactly one admin, for the last-admin tests
    QString m_lastAdminId;
    QString m_acmeId;
    QString m_northwindId;
    QString m_northwindPath;
    QString m_northwindAdminId;
    QString m_outsiderEmail;
    QString m_campaignId; ///< the Northwind campaign of the lifecycle tests
    QSet<QString> m_usedOrgs;
};

void AccessReviewsTest::initTestCase()
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
    m_server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), kPassword);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_db = m_server.openDatabase(QStringLiteral("reviews-test"));
    QVERIFY(m_db.isOpen());

    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin, QStringLiteral("1h"));
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty());
    m_northwindPath = sqlColumn(QStringLiteral("SELECT path FROM orgs WHERE id = ?"), {m_northwindId}).value(0);
    m_northwindAdminId = userIdOf(kNorthwindAdmin);

    // The outsider: the org-admin of another reseller directly under Acme.
    m_outsiderEmail =
        sqlColumn(QStringLiteral("SELECT u.email FROM role_assignments ra JOIN users u ON u.id = ra.user_id "
                                 "JOIN orgs o ON o.id = ra.org_id WHERE ra.role_id = 'org-admin' AND o.parent_id = ? "
                                 "AND o.id <> ? AND o.kind = 'reseller' ORDER BY u.email"),
                  {m_acmeId, m_northwindId})
            .value(0);
    QVERIFY(!m_outsiderEmail.isEmpty());
    m_outsiderToken = m_server.adminToken(m_outsiderEmail, QStringLiteral("1h"));
    QVERIFY(!m_outsiderToken.isEmpty());
    m_auditorId = userIdOf(kAuditor);

    // The reader: an Acme employee given a custom role that reads the whole audit trail but has no review.manage
    // (given at Acme, so no Northwind campaign reviews it).
    const HttpResult role =
        postJson(m_ownerToken, QStringLiteral("/api/v1/orgs/%1/roles").arg(m_acmeId),
                 {{QStringLiteral("key"), QStringLiteral("audit-reader")},
                  {QStringLiteral("name"), QStringLiteral("Audit reader")},
                  {QStringLiteral("permissions"),
                   QJsonArray{QStringLiteral("org.read"), QStringLiteral("user.read"), QStringLiteral("audit.read")}}});
    QVERIFY2(role.status == 201, role.describe().constData());
    m_readerId = sqlColumn(QStringLiteral("SELECT m.user_id FROM memberships m JOIN users u ON u.id = m.user_id "
                                          "WHERE m.org_id = ? AND m.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
                                          "role_assignments ra WHERE ra.user_id = m.user_id) ORDER BY u.email DESC"),
                           {m_acmeId})
                     .value(0);
    QVERIFY(!m_readerId.isEmpty());
    const HttpResult assigned =
        postJson(m_ownerToken, QStringLiteral("/api/v1/role-assignments"),
                 {{QStringLiteral("userId"), m_readerId},
                  {QStringLiteral("roleId"), str(role.object().value(QStringLiteral("id")))},
                  {QStringLiteral("orgId"), m_acmeId},
                  {QStringLiteral("justification"), QStringLiteral("Compliance reads the trail")}});
    QVERIFY2(assigned.status == 201, assigned.describe().constData());
    m_readerToken = m_server.adminToken(
        sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {m_readerId}).value(0), QStringLiteral("1h"));
    QVERIFY(!m_readerToken.isEmpty());
}

void AccessReviewsTest::cleanupTestCase()
{
    for (const QByteArray& line : m_server.logLines()) {
        if (line.contains("\"level\":\"error\""))
            qWarning("trellisd: %s", line.constData());
    }
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("reviews-test"));
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient AccessReviewsTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

HttpResult AccessReviewsTest::postJson(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).postJson(path, body);
}

QString AccessReviewsTest::rootOf(const QByteArray& token)
{
    const HttpResult me = client(token).get(QStringLiteral("/api/v1/me"));
    const QJsonArray roots = me.object().value(QStringLiteral("rootOrgIds")).toArray();
    return roots.size() == 1 ? roots.first().toString() : QString();
}

QStringList AccessReviewsTest::sqlColumn(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_db);
    if (!q.prepare(sql)) {
        qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
        return {};
    }
    for (const QVariant& value : values)
        q.addBindValue(value);
    if (!q.exec())
        qWarning("query failed: %s", qPrintable(q.lastError().text()));
    QStringList result;
    while (q.next())
        result << q.value(0).toString();
    return result;
}

bool AccessReviewsTest::execSql(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_db);
    bool ok = q.prepare(sql);
    if (ok) {
        for (const QVariant& value : values)
            q.addBindValue(value);
        ok = q.exec();
    }
    if (!ok)
        qWarning("statement failed: %s", qPrintable(q.lastError().text()));
    return ok;
}

int AccessReviewsTest::auditCount(const QString& action, const QString& outcome, const QString& targetId)
{
    const QStringList rows =
        targetId.isEmpty()
            ? sqlColumn(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ? AND outcome = ?"),
                        {action, outcome})
            : sqlColumn(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ? AND outcome = ? "
                                       "AND target_id = ?"),
                        {action, outcome, targetId});
    return rows.isEmpty() ? -1 : rows.first().toInt();
}

QString AccessReviewsTest::userIdOf(const QString& email)
{
    return sqlColumn(QStringLiteral("SELECT id FROM users WHERE email = ?"), {email}).value(0);
}

bool AccessReviewsTest::isLastAdmin(const QString& orgId, const QString& userId)
{
    const QStringList admins =
        sqlColumn(QStringLiteral("SELECT DISTINCT user_id FROM role_assignments WHERE org_id = ? AND role_id IN "
                                 "('org-admin', 'platform-owner') AND revoked_at IS NULL"),
                  {orgId});
    return admins == QStringList{userId};
}

QJsonObject AccessReviewsTest::createCampaign(const QByteArray& token, const QString& orgId, const QString& rule,
                                              const QJsonArray& reviewed)
{
    const HttpResult created = postJson(token, QStringLiteral("/api/v1/access-reviews"),
                                        {{QStringLiteral("name"), QStringLiteral("Review ") + orgId.left(8)},
                                         {QStringLiteral("orgId"), orgId},
                                         {QStringLiteral("reviewed"), reviewed},
                                         {QStringLiteral("dueAt"), inDays(14)},
                                         {QStringLiteral("dueRule"), rule}});
    if (created.status != 201) {
        qWarning("creating a campaign failed: %s", created.describe().left(400).constData());
        return {};
    }
    return created.object();
}

QJsonArray AccessReviewsTest::campaignItems(const QByteArray& token, const QString& campaignId, const QString& status)
{
    QString path = QStringLiteral("/api/v1/access-reviews/%1/items").arg(campaignId);
    if (!status.isEmpty())
        path += QStringLiteral("?status=") + status;
    const HttpResult r = client(token).get(path);
    if (r.status != 200)
        qWarning("items failed: %s", r.describe().left(300).constData());
    return r.items();
}

QJsonArray AccessReviewsTest::myItems(const QByteArray& token)
{
    const HttpResult r = client(token).get(QStringLiteral("/api/v1/access-review-items"));
    if (r.status != 200)
        qWarning("my items failed: %s", r.describe().left(300).constData());
    return r.items();
}

void AccessReviewsTest::givePassword(const QString& userId)
{
    // The demo gives passwords to its three documented accounts only; borrow the partner admin's hash.
    QVERIFY(execSql(QStringLiteral("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = ?) "
                                   "WHERE id = ?"),
                    {kNorthwindAdmin, userId}));
}

QString AccessReviewsTest::refreshTokenFor(const QString& email)
{
    return consoleRefreshToken(m_server.baseUrl(), email, kPassword);
}

HttpResult AccessReviewsTest::refresh(const QString& refreshToken)
{
    return refreshConsoleToken(m_server.baseUrl(), refreshToken);
}

QString AccessReviewsTest::northwindChild(bool withAdmin)
{
    const QStringList children = sqlColumn(
        QStringLiteral("SELECT o.id FROM orgs o WHERE o.parent_id = ? AND %1 EXISTS (SELECT 1 FROM role_assignments ra "
                       "WHERE ra.org_id = o.id AND ra.role_id = 'org-admin' AND ra.revoked_at IS NULL) ORDER BY o.id")
            .arg(withAdmin ? QString() : QStringLiteral("NOT")),
        {m_northwindId});
    for (const QString& id : children) {
        if (!m_usedOrgs.contains(id)) {
            m_usedOrgs.insert(id);
            return id;
        }
    }
    return {};
}

void AccessReviewsTest::demoWorldHasAnOpenCampaign()
{
    // The seeded campaign (admin rights under Acme, owned by the platform owner) gives the console something to show.
    const HttpResult list = client(m_ownerToken).get(QStringLiteral("/api/v1/access-reviews"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.items().size(), 1);
    const QJsonObject demo = list.items().first().toObject();
    QCOMPARE(str(demo.value(QStringLiteral("status"))), QStringLiteral("open"));
    QCOMPARE(demo.value(QStringLiteral("reviewed")).toArray(), QJsonArray{QStringLiteral("adminRights")});
    QCOMPARE(str(demo.value(QStringLiteral("org")).toObject().value(QStringLiteral("id"))), m_acmeId);
    QVERIFY(demo.value(QStringLiteral("progress")).toObject().value(QStringLiteral("total")).toInt() > 10);
    QVERIFY(!myItems(m_ownerToken).isEmpty());
    // The security auditor runs reviews but Acme has admins: the auditor is nobody's default reviewer.
    QVERIFY(client(m_auditorToken).get(QStringLiteral("/api/v1/access-reviews")).items().size() == 1);
    QCOMPARE(myItems(m_auditorToken).size(), 0);
    // A partner admin does not see a campaign over the whole tree.
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/access-reviews")).items().size(), 0);
}

void AccessReviewsTest::createValidatesInput_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QJsonObject good{{QStringLiteral("name"), QStringLiteral("Q1")},
                           {QStringLiteral("orgId"), QStringLiteral("NORTHWIND")},
                           {QStringLiteral("reviewed"), QJsonArray{QStringLiteral("roles")}},
                           {QStringLiteral("dueAt"), inDays(10)},
                           {QStringLiteral("dueRule"), QStringLiteral("revoke")}};
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject o = good;
        if (value.isUndefined())
            o.remove(QLatin1String(key));
        else
            o.insert(QLatin1String(key), value);
        return o;
    };
    QTest::newRow("no name") << with("name", QJsonValue::Undefined) << 400 << "name";
    QTest::newRow("nothing reviewed") << with("reviewed", QJsonArray{}) << 400 << "reviewed";
    QTest::newRow("unknown kind") << with("reviewed", QJsonArray{QStringLiteral("groups")}) << 400 << "reviewed";
    QTest::newRow("past due") << with("dueAt", inDays(-1)) << 400 << "dueAt";
    QTest::newRow("bad due") << with("dueAt", QStringLiteral("tomorrow")) << 400 << "dueAt";
    QTest::newRow("bad rule") << with("dueRule", QStringLiteral("ignore")) << 400 << "dueRule";
    QTest::newRow("unknown org") << with("orgId", QStringLiteral("no-such-org")) << 404 << "orgId";
    QTest::newRow("unknown field") << with("extra", 1) << 400 << "extra";
}

void AccessReviewsTest::createValidatesInput()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    if (body.value(QStringLiteral("orgId")).toString() == QLatin1String("NORTHWIND"))
        body.insert(QStringLiteral("orgId"), m_northwindId);
    const HttpResult r = postJson(m_northwindToken, QStringLiteral("/api/v1/access-reviews"), body);
    QCOMPARE(r.status, status);
    QCOMPARE(str(r.object().value(QStringLiteral("field"))), field);
    QVERIFY(!str(r.object().value(QStringLiteral("message"))).isEmpty());
}

void AccessReviewsTest::campaignSnapshotsSubtreeWithFlagsAndReviewers()
{
    const int auditBefore = auditCount(QStringLiteral("review.campaign.create"), QStringLiteral("success"));
    const QJsonObject campaign = createCampaign(m_northwindToken, m_northwindId, QStringLiteral("escalate"));
    QVERIFY(!campaign.isEmpty());
    m_campaignId = str(campaign.value(QStringLiteral("id")));
    QCOMPARE(str(campaign.value(QStringLiteral("status"))), QStringLiteral("open"));
    QCOMPARE(str(campaign.value(QStringLiteral("createdBy")).toObject().value(QStringLiteral("email"))),
             kNorthwindAdmin);
    QCOMPARE(auditCount(QStringLiteral("review.campaign.create"), QStringLiteral("success"), m_campaignId), 1);
    QCOMPARE(auditCount(QStringLiteral("review.campaign.create"), QStringLiteral("success")), auditBefore + 1);

    // Exactly the live role assignments and active memberships inside Northwind's subtree, nothing from elsewhere.
    const QString upper = m_northwindPath.left(m_northwindPath.size() - 1) + u'0';
    const QStringList roles = sqlColumn(
        QStringLiteral("SELECT ra.id FROM role_assignments ra JOIN orgs o ON o.id = ra.org_id WHERE o.path >= ? AND "
                       "o.path < ? AND ra.revoked_at IS NULL AND (ra.expires_at IS NULL OR ra.expires_at > ?)"),
        {m_northwindPath, upper, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    const QStringList memberships =
        sqlColumn(QStringLiteral("SELECT m.id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE o.path >= ? AND "
                                 "o.path < ? AND m.status = 'active' AND (m.expires_at IS NULL OR m.expires_at > ?)"),
                  {m_northwindPath, upper, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    QVERIFY(roles.size() > 2 && memberships.size() > 10);
    const QJsonObject progress = campaign.value(QStringLiteral("progress")).toObject();
    QCOMPARE(progress.value(QStringLiteral("total")).toInt(), int(roles.size() + memberships.size()));
    QCOMPARE(progress.value(QStringLiteral("open")).toInt(), int(roles.size() + memberships.size()));

    const QJsonArray items = campaignItems(m_northwindToken, m_campaignId);
    QCOMPARE(items.size(), roles.size() + memberships.size());
    QSet<QString> subjects;
    int inactive = 0;
    int active = 0;
    const QString ninetyDaysAgo = QDateTime::currentDateTimeUtc().addDays(-90).toString(Qt::ISODate);
    for (const auto& value : items) {
        const QJsonObject item = value.toObject();
        subjects.insert(str(item.value(QStringLiteral("subjectId"))));
        const QString userId = str(item.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
        // Inactive: no sign-in for 90+ days, or never, as the users table says.
        const QString lastSignIn =
            sqlColumn(QStringLiteral("SELECT last_sign_in_at FROM users WHERE id = ?"), {userId}).value(0);
        const bool expectInactive = lastSignIn.isEmpty() || lastSignIn <= ninetyDaysAgo;
        const bool flagged = item.value(QStringLiteral("flags")).toObject().value(QStringLiteral("inactive")).toBool();
        QCOMPARE(flagged, expectInactive);
        (flagged ? inactive : active)++;
        // Nobody reviews their own access, and every item has a reviewer.
        const QSet<QString> reviewers = reviewerIdsOf(item);
        QVERIFY(!reviewers.isEmpty());
        QVERIFY(!reviewers.contains(userId));
        QVERIFY(!reviewers.contains(m_auditorId)); // admins review by default, not the security team
        const QString orgId = str(item.value(QStringLiteral("org")).toObject().value(QStringLiteral("id")));
        if (orgId == m_northwindId && userId != m_northwindAdminId)
            QCOMPARE(reviewers, QSet<QString>{m_northwindAdminId});
        if (userId == m_northwindAdminId)
            QVERIFY(reviewers.contains(userIdOf(kOwner))); // her own access goes up to Acme's admins
    }
    QVERIFY2(inactive > 0 && active > 0, "the demo world has both recent and long-absent people");
    QCOMPARE(subjects,
             QSet<QString>(roles.begin(), roles.end()) + QSet<QString>(memberships.begin(), memberships.end()));

    // The admin-rights-only campaign takes role assignments whose role carries a permission, no memberships.
    const QJsonObject adminOnly =
        createCampaign(m_northwindToken, m_northwindId, QStringLiteral("escalate"), {QStringLiteral("adminRights")});
    QVERIFY(!adminOnly.isEmpty());
    const QJsonArray adminItems = campaignItems(m_northwindToken, str(adminOnly.value(QStringLiteral("id"))));
    QVERIFY(!adminItems.isEmpty());
    for (const auto& value : adminItems) {
        QCOMPARE(str(value.toObject().value(QStringLiteral("kind"))), QStringLiteral("role_assignment"));
        QVERIFY(value.toObject().value(QStringLiteral("adminRights")).toBool());
    }
    QVERIFY(adminItems.size() <= roles.size());
    QVERIFY(postJson(m_northwindToken,
                     QStringLiteral("/api/v1/access-reviews/%1/close").arg(str(adminOnly.value(QStringLiteral("id")))),
                     {})
                .status == 200);
}

void AccessReviewsTest::reviewerSeesItemsAndKeepsInBulk()
{
    QVERIFY(!m_campaignId.isEmpty());
    const QJsonArray mine = myItems(m_northwindToken);
    QJsonArray ofCampaign;
    for (const auto& value : mine) {
        const QJsonObject item = value.toObject();
        QVERIFY(reviewerIdsOf(item).contains(m_northwindAdminId));
        QCOMPARE(str(item.value(QStringLiteral("status"))), QStringLiteral("open"));
        if (str(item.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id"))) == m_campaignId)
            ofCampaign.append(item);
    }
    QVERIFY(ofCampaign.size() >= 5);

    const int keptBefore = auditCount(QStringLiteral("review.item.keep"), QStringLiteral("success"));
    QJsonArray ids;
    for (int i = 0; i < 3; ++i)
        ids.append(ofCampaign.at(i).toObject().value(QStringLiteral("id")));
    const HttpResult kept =
        postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/decisions"),
                 {{QStringLiteral("itemIds"), ids}, {QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(kept.status, 200);
    const QJsonArray results = kept.object().value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(str(results.at(i).toObject().value(QStringLiteral("itemId"))), ids.at(i).toString());
        QCOMPARE(str(results.at(i).toObject().value(QStringLiteral("status"))), QStringLiteral("kept"));
        QCOMPARE(auditCount(QStringLiteral("review.item.keep"), QStringLiteral("success"), ids.at(i).toString()), 1);
    }
    QCOMPARE(auditCount(QStringLiteral("review.item.keep"), QStringLiteral("success")), keptBefore + 3);
    // Kept items leave the reviewer's list; the campaign's progress counts them.
    for (const auto& value : myItems(m_northwindToken))
        QVERIFY(!ids.contains(value.toObject().value(QStringLiteral("id"))));
    const HttpResult campaign = client(m_northwindToken).get(QStringLiteral("/api/v1/access-reviews/") + m_campaignId);
    QCOMPARE(campaign.status, 200);
    QCOMPARE(campaign.object().value(QStringLiteral("progress")).toObject().value(QStringLiteral("kept")).toInt(), 3);
    bool found = false;
    for (const auto& r : campaign.object().value(QStringLiteral("reviewers")).toArray()) {
        const QJsonObject row = r.toObject();
        if (str(row.value(QStringLiteral("reviewer")).toObject().value(QStringLiteral("id"))) == m_northwindAdminId) {
            QCOMPARE(row.value(QStringLiteral("kept")).toInt(), 3);
            QVERIFY(row.value(QStringLiteral("open")).toInt() >= 2);
            found = true;
        }
    }
    QVERIFY(found);
    // Deciding again is refused.
    const HttpResult again =
        postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(ids.at(0).toString()),
                 {{QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(again.status, 409);
    QCOMPARE(str(again.object().value(QStringLiteral("code"))), QStringLiteral("already_decided"));
}

void AccessReviewsTest::bulkDecisionIsAllOrNothing()
{
    const QJsonArray mine = myItems(m_northwindToken);
    QVERIFY(mine.size() >= 2);
    const QString good = str(mine.at(0).toObject().value(QStringLiteral("id")));
    const HttpResult refused = postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/decisions"),
                                        {{QStringLiteral("itemIds"), QJsonArray{good, QStringLiteral("no-such-item")}},
                                         {QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(refused.status, 404);
    const QJsonArray problems = refused.object().value(QStringLiteral("items")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(str(problems.at(0).toObject().value(QStringLiteral("itemId"))), QStringLiteral("no-such-item"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {good}).value(0),
             QStringLiteral("open"));
    // Revoking without a comment is refused before anything happens.
    const HttpResult noComment = postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/decisions"),
                                          {{QStringLiteral("itemIds"), QJsonArray{good}},
                                           {QStringLiteral("decision"), QStringLiteral("revoke")},
                                           {QStringLiteral("comment"), QStringLiteral("  ")}});
    QCOMPARE(noComment.status, 400);
    QCOMPARE(str(noComment.object().value(QStringLiteral("field"))), QStringLiteral("comment"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {good}).value(0),
             QStringLiteral("open"));
}

void AccessReviewsTest::revokeNeedsCommentAndEndsRefreshToken()
{
    // A Northwind staff member with only this one membership: revoking it must sign them out everywhere.
    QJsonObject target;
    for (const auto& value : myItems(m_northwindToken)) {
        const QJsonObject item = value.toObject();
        const QString userId = str(item.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
        if (str(item.value(QStringLiteral("kind"))) != QLatin1String("membership") ||
            str(item.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id"))) != m_campaignId)
            continue;
        const QStringList others =
            sqlColumn(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE user_id = ?"), {userId});
        const QStringList roles = sqlColumn(
            QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND revoked_at IS NULL"), {userId});
        if (others.value(0) == QLatin1String("1") && roles.value(0) == QLatin1String("0")) {
            target = item;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const QString itemId = str(target.value(QStringLiteral("id")));
    const QString membershipId = str(target.value(QStringLiteral("subjectId")));
    const QJsonObject person = target.value(QStringLiteral("user")).toObject();
    givePassword(str(person.value(QStringLiteral("id"))));
    const QString rt = refreshTokenFor(str(person.value(QStringLiteral("email"))));
    QVERIFY(!rt.isEmpty());
    const HttpResult alive = refresh(rt);
    QCOMPARE(alive.status, 200);
    const QString current = str(alive.object().value(QStringLiteral("refresh_token")));

    const QString path = QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId);
    const HttpResult noComment =
        postJson(m_northwindToken, path, {{QStringLiteral("decision"), QStringLiteral("revoke")}});
    QCOMPARE(noComment.status, 400);
    QCOMPARE(str(noComment.object().value(QStringLiteral("field"))), QStringLiteral("comment"));

    const HttpResult revoked = postJson(m_northwindToken, path,
                                        {{QStringLiteral("decision"), QStringLiteral("revoke")},
                                         {QStringLiteral("comment"), QStringLiteral("Left the company in October")}});
    QCOMPARE(revoked.status, 200);
    QCOMPARE(str(revoked.object().value(QStringLiteral("status"))), QStringLiteral("revoked"));
    QCOMPARE(str(revoked.object().value(QStringLiteral("comment"))), QStringLiteral("Left the company in October"));
    QCOMPARE(str(revoked.object().value(QStringLiteral("decidedBy")).toObject().value(QStringLiteral("email"))),
             kNorthwindAdmin);
    QVERIFY(revoked.object().value(QStringLiteral("ended")).toObject().value(QStringLiteral("ended")).toBool());

    // At once: the membership ended, the refresh token fails at the token endpoint.
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE id = ?"), {membershipId}).value(0),
             QStringLiteral("ended"));
    const HttpResult dead = refresh(current);
    QCOMPARE(dead.status, 400);
    QCOMPARE(str(dead.object().value(QStringLiteral("error"))), QStringLiteral("invalid_grant"));

    QCOMPARE(auditCount(QStringLiteral("review.item.revoke"), QStringLiteral("success"), itemId), 1);
    QCOMPARE(auditCount(QStringLiteral("membership.offboard"), QStringLiteral("success"), membershipId), 1);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT reason FROM audit_events WHERE action = 'review.item.revoke' AND "
                                      "target_id = ?"),
                       {itemId})
                 .value(0),
             QStringLiteral("Left the company in October"));
}

void AccessReviewsTest::revokeRoleAssignmentTakesEffectAtOnce()
{
    // The user manager's role at Northwind (reviewed by the Northwind admin).
    QJsonObject target;
    for (const auto& value : myItems(m_northwindToken)) {
        const QJsonObject item = value.toObject();
        if (str(item.value(QStringLiteral("kind"))) == QLatin1String("role_assignment") &&
            str(item.value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id"))) == m_campaignId) {
            target = item;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const QString assignmentId = str(target.value(QStringLiteral("subjectId")));
    const QString userId = str(target.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
    const QByteArray theirToken = m_server.adminToken(
        str(target.value(QStringLiteral("user")).toObject().value(QStringLiteral("email"))), QStringLiteral("1h"));
    QCOMPARE(client(theirToken).get(QStringLiteral("/api/v1/me")).status, 200);
    // They keep their membership, so only the session revocation can make their refresh token fail.
    givePassword(userId);
    const QString rt =
        refreshTokenFor(str(target.value(QStringLiteral("user")).toObject().value(QStringLiteral("email"))));
    QVERIFY(!rt.isEmpty());
    const HttpResult alive = refresh(rt);
    QCOMPARE(alive.status, 200);

    const HttpResult revoked = postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/decisions"),
                                        {{QStringLiteral("itemIds"), QJsonArray{target.value(QStringLiteral("id"))}},
                                         {QStringLiteral("decision"), QStringLiteral("revoke")},
                                         {QStringLiteral("comment"), QStringLiteral("No longer manages staff")}});
    QCOMPARE(revoked.status, 200);
    QVERIFY(!sqlColumn(QStringLiteral("SELECT revoked_at FROM role_assignments WHERE id = ?"), {assignmentId})
                 .value(0)
                 .isEmpty());
    QCOMPARE(auditCount(QStringLiteral("role.revoke"), QStringLiteral("success"), assignmentId), 1);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE user_id = ? AND org_id = ?"),
                       {userId, str(target.value(QStringLiteral("org")).toObject().value(QStringLiteral("id")))})
                 .value(0),
             QStringLiteral("active"));
    const HttpResult dead = refresh(str(alive.object().value(QStringLiteral("refresh_token"))));
    QCOMPARE(dead.status, 400);
    QCOMPARE(str(dead.object().value(QStringLiteral("error"))), QStringLiteral("invalid_grant"));
    // Their admin API token is revoked with the rest of their sessions.
    QCOMPARE(client(theirToken).get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT COUNT(*) FROM access_tokens WHERE user_id = ? AND revoked_at IS NULL"),
                       {userId})
                 .value(0),
             QStringLiteral("0"));
}

void AccessReviewsTest::outsiderAdminSeesNothing()
{
    QVERIFY(!m_campaignId.isEmpty());
    TestHttpClient outsider = client(m_outsiderToken);
    QCOMPARE(outsider.get(QStringLiteral("/api/v1/access-reviews/") + m_campaignId).status, 404);
    QCOMPARE(outsider.get(QStringLiteral("/api/v1/access-reviews/%1/items").arg(m_campaignId)).status, 404);
    QCOMPARE(outsider.get(QStringLiteral("/api/v1/access-reviews/%1/results.csv").arg(m_campaignId)).status, 404);
    const HttpResult list = outsider.get(QStringLiteral("/api/v1/access-reviews"));
    QCOMPARE(list.status, 200);
    for (const auto& c : list.items())
        QVERIFY(str(c.toObject().value(QStringLiteral("id"))) != m_campaignId);
    for (const auto& item : myItems(m_outsiderToken))
        QVERIFY(str(item.toObject().value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id"))) !=
                m_campaignId);

    // An item of the Northwind campaign: 404 to the outsider, recorded as a denied attempt.
    const QString itemId = str(campaignItems(m_northwindToken, m_campaignId, QStringLiteral("open"))
                                   .at(0)
                                   .toObject()
                                   .value(QStringLiteral("id")));
    QVERIFY(!itemId.isEmpty());
    const HttpResult decide =
        postJson(m_outsiderToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId),
                 {{QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(decide.status, 404);
    QCOMPARE(auditCount(QStringLiteral("review.item.keep"), QStringLiteral("denied"), itemId), 1);
    // Nor may they start a campaign over Northwind (they cannot see it: 404), and that is recorded too.
    const int deniedBefore = auditCount(QStringLiteral("review.campaign.create"), QStringLiteral("denied"));
    const HttpResult create = postJson(m_outsiderToken, QStringLiteral("/api/v1/access-reviews"),
                                       {{QStringLiteral("name"), QStringLiteral("Peek")},
                                        {QStringLiteral("orgId"), m_northwindId},
                                        {QStringLiteral("reviewed"), QJsonArray{QStringLiteral("roles")}},
                                        {QStringLiteral("dueAt"), inDays(3)},
                                        {QStringLiteral("dueRule"), QStringLiteral("revoke")}});
    QCOMPARE(create.status, 404);
    QCOMPARE(auditCount(QStringLiteral("review.campaign.create"), QStringLiteral("denied")), deniedBefore + 1);
    // Someone reading Northwind's audit trail sees the campaign but decides nothing in it.
    QCOMPARE(client(m_readerToken).get(QStringLiteral("/api/v1/access-reviews/") + m_campaignId).status, 200);
    const HttpResult readerDecides =
        postJson(m_readerToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId),
                 {{QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(readerDecides.status, 403);
    QCOMPARE(str(readerDecides.object().value(QStringLiteral("code"))), QStringLiteral("not_reviewer"));
}

void AccessReviewsTest::reassignToSecurityAuditor()
{
    const QJsonArray open = campaignItems(m_northwindToken, m_campaignId, QStringLiteral("open"));
    QVERIFY(open.size() >= 3);
    const QString a = str(open.at(0).toObject().value(QStringLiteral("id")));
    const QString b = str(open.at(1).toObject().value(QStringLiteral("id")));
    const QString path = QStringLiteral("/api/v1/access-reviews/%1/reassign").arg(m_campaignId);

    // Someone without review.manage or audit.read there cannot take it; nothing changes.
    const QString plainStaff =
        sqlColumn(
            QStringLiteral("SELECT m.user_id FROM memberships m WHERE m.org_id = ? AND NOT EXISTS (SELECT 1 FROM "
                           "role_assignments ra WHERE ra.user_id = m.user_id) AND m.user_id <> ? AND m.user_id <> ? "
                           "ORDER BY m.user_id"),
            {m_northwindId, userOf(open.at(0)), userOf(open.at(1))})
            .value(0);
    QVERIFY(!plainStaff.isEmpty());
    const HttpResult refused =
        postJson(m_northwindToken, path,
                 {{QStringLiteral("itemIds"), QJsonArray{a, b}}, {QStringLiteral("reviewerId"), plainStaff}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(str(refused.object().value(QStringLiteral("code"))), QStringLiteral("reviewer_not_eligible"));

    // Nor can someone who only reads the audit trail there: a reviewer must be able to decide.
    const HttpResult toReader =
        postJson(m_northwindToken, path,
                 {{QStringLiteral("itemIds"), QJsonArray{a}}, {QStringLiteral("reviewerId"), m_readerId}});
    QCOMPARE(toReader.status, 400);
    QCOMPARE(str(toReader.object().value(QStringLiteral("code"))), QStringLiteral("reviewer_not_eligible"));

    // The security auditor (review.manage at Acme) can.
    const QString auditorId = userIdOf(kAuditor);
    const HttpResult moved =
        postJson(m_northwindToken, path,
                 {{QStringLiteral("itemIds"), QJsonArray{a, b}}, {QStringLiteral("reviewerId"), auditorId}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.items().size(), 2);
    for (const auto& item : moved.items())
        QCOMPARE(reviewerIdsOf(item.toObject()), QSet<QString>{auditorId});
    QSet<QString> auditorItems;
    for (const auto& item : myItems(m_auditorToken))
        auditorItems.insert(str(item.toObject().value(QStringLiteral("id"))));
    QVERIFY(auditorItems.contains(a) && auditorItems.contains(b));
    QCOMPARE(auditCount(QStringLiteral("review.item.reassign"), QStringLiteral("success"), a), 1);
    // Only the owner or a review.manage holder reassigns: not the reader, not the outsider (who cannot even see it).
    QCOMPARE(postJson(m_readerToken, path,
                      {{QStringLiteral("itemIds"), QJsonArray{a}}, {QStringLiteral("reviewerId"), auditorId}})
                 .status,
             403);
    QCOMPARE(postJson(m_outsiderToken, path,
                      {{QStringLiteral("itemIds"), QJsonArray{a}}, {QStringLiteral("reviewerId"), auditorId}})
                 .status,
             404);
    // The auditor decides it now.
    const HttpResult kept = postJson(m_auditorToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(a),
                                     {{QStringLiteral("decision"), QStringLiteral("keep")},
                                      {QStringLiteral("comment"), QStringLiteral("Checked with HR")}});
    QCOMPARE(kept.status, 200);
}

void AccessReviewsTest::resultsCsvHoldsEveryDecision()
{
    const HttpResult csv =
        client(m_northwindToken).get(QStringLiteral("/api/v1/access-reviews/%1/results.csv").arg(m_campaignId));
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.header("Content-Type").startsWith("text/csv"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.body));
    const QJsonArray items = campaignItems(m_northwindToken, m_campaignId);
    QCOMPARE(rows.size(), items.size() + 1);
    const QStringList header = rows.first();
    const int idColumn = header.indexOf(QStringLiteral("item_id"));
    const int statusColumn = header.indexOf(QStringLiteral("status"));
    const int commentColumn = header.indexOf(QStringLiteral("comment"));
    const int decidedByColumn = header.indexOf(QStringLiteral("decided_by"));
    QVERIFY(idColumn >= 0 && statusColumn >= 0 && commentColumn >= 0 && decidedByColumn >= 0);
    QHash<QString, QJsonObject> byId;
    for (const auto& item : items)
        byId.insert(str(item.toObject().value(QStringLiteral("id"))), item.toObject());
    int revoked = 0;
    for (int i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        QCOMPARE(row.size(), header.size());
        const QJsonObject item = byId.value(row.at(idColumn));
        QVERIFY(!item.isEmpty());
        QCOMPARE(row.at(statusColumn), str(item.value(QStringLiteral("status"))));
        QCOMPARE(row.at(commentColumn), str(item.value(QStringLiteral("comment"))));
        if (row.at(statusColumn) == QLatin1String("revoked")) {
            ++revoked;
            QCOMPARE(row.at(decidedByColumn), kNorthwindAdmin);
        }
    }
    QCOMPARE(revoked, 2);
    QVERIFY(auditCount(QStringLiteral("review.results.export"), QStringLiteral("success"), m_campaignId) >= 1);
}

void AccessReviewsTest::dueDateRevokesUndecidedItems()
{
    // A Northwind customer without admins of its own: the Northwind admin reviews it; nobody decides in time.
    const QString orgId = northwindChild(false);
    QVERIFY(!orgId.isEmpty());
    const QJsonObject campaign = createCampaign(m_northwindToken, orgId, QStringLiteral("revoke"));
    QVERIFY(!campaign.isEmpty());
    const QString id = str(campaign.value(QStringLiteral("id")));
    const QJsonArray items = campaignItems(m_northwindToken, id);
    QVERIFY(!items.isEmpty());
    // Keep one in time; the rest stays undecided.
    const QString keptId = str(items.at(0).toObject().value(QStringLiteral("id")));
    QCOMPARE(postJson(m_northwindToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(keptId),
                      {{QStringLiteral("decision"), QStringLiteral("keep")}})
                 .status,
             200);

    // Not due yet: processing changes nothing.
    const QString processPath = QStringLiteral("/api/v1/access-reviews/%1/process-due").arg(id);
    const HttpResult early = postJson(m_northwindToken, processPath, {});
    QCOMPARE(early.status, 200);
    QCOMPARE(early.object().value(QStringLiteral("handledItems")).toInt(), 0);

    // The due date passes (moved into the past in the database, as time would), and the next request handles it.
    QVERIFY(execSql(QStringLiteral("UPDATE access_review_campaigns SET due_at = ? WHERE id = ?"),
                    {QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate), id}));
    const HttpResult done = postJson(m_northwindToken, processPath, {});
    QCOMPARE(done.status, 200);
    QVERIFY(!done.object().value(QStringLiteral("dueProcessedAt")).isNull());
    const QJsonObject progress = done.object().value(QStringLiteral("progress")).toObject();
    // Everything undecided is revoked, except what would remove an organisation's last admin (the customer's
    // subsidiaries have one each): that goes to the campaign's owner instead.
    int lastAdmins = 0;
    for (const auto& value : campaignItems(m_northwindToken, id)) {
        const QJsonObject item = value.toObject();
        const QString itemId = str(item.value(QStringLiteral("id")));
        if (itemId == keptId)
            continue;
        if (isLastAdmin(str(item.value(QStringLiteral("org")).toObject().value(QStringLiteral("id"))), userOf(item))) {
            ++lastAdmins;
            QCOMPARE(str(item.value(QStringLiteral("status"))), QStringLiteral("open"));
            QCOMPARE(item.value(QStringLiteral("escalations")).toInt(), 1);
            QCOMPARE(reviewerIdsOf(item), QSet<QString>{m_northwindAdminId}); // the campaign's owner
            QCOMPARE(auditCount(QStringLiteral("review.item.escalate"), QStringLiteral("success"), itemId), 1);
            continue;
        }
        QCOMPARE(str(item.value(QStringLiteral("status"))), QStringLiteral("revoked"));
        QCOMPARE(str(item.value(QStringLiteral("reason"))), QStringLiteral("not reviewed by the due date"));
        QVERIFY(item.value(QStringLiteral("decidedBy")).isNull());
        QCOMPARE(auditCount(QStringLiteral("review.item.expire-revoke"), QStringLiteral("success"), itemId), 1);
        const QString subject = str(item.value(QStringLiteral("subjectId")));
        if (str(item.value(QStringLiteral("kind"))) == QLatin1String("membership"))
            QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE id = ?"), {subject}).value(0),
                     QStringLiteral("ended"));
        else
            QVERIFY(!sqlColumn(QStringLiteral("SELECT revoked_at FROM role_assignments WHERE id = ?"), {subject})
                         .value(0)
                         .isEmpty());
    }
    QCOMPARE(progress.value(QStringLiteral("open")).toInt(), lastAdmins);
    QCOMPARE(progress.value(QStringLiteral("kept")).toInt(), 1);
    QCOMPARE(progress.value(QStringLiteral("revoked")).toInt(), items.size() - 1 - lastAdmins);
    // Once only.
    const HttpResult again = postJson(m_northwindToken, processPath, {});
    QCOMPARE(again.object().value(QStringLiteral("handledItems")).toInt(), 0);
}

void AccessReviewsTest::dueDateEscalatesWithMovedClock()
{
    // A Northwind child with an admin of its own: that admin reviews its staff; at the due date the items go up to
    // the Northwind admin. Time moves in this process: a Database on the server's data with a clock 15 days ahead.
    const QString orgId = northwindChild(true);
    QVERIFY(!orgId.isEmpty());
    const QJsonObject campaign = createCampaign(m_northwindToken, orgId, QStringLiteral("escalate"));
    QVERIFY(!campaign.isEmpty());
    const QString id = str(campaign.value(QStringLiteral("id")));
    const QJsonArray before = campaignItems(m_northwindToken, id);
    QVERIFY(!before.isEmpty());
    const QString childAdmin =
        sqlColumn(QStringLiteral("SELECT user_id FROM role_assignments WHERE org_id = ? AND role_id = 'org-admin' AND "
                                 "revoked_at IS NULL"),
                  {orgId})
            .value(0);
    int byChildAdmin = 0;
    for (const auto& value : before)
        byChildAdmin += reviewerIdsOf(value.toObject()).contains(childAdmin) ? 1 : 0;
    QVERIFY(byChildAdmin > 0);

    QString error;
    const auto config = server::DatabaseOptions::config(m_server.dataDirectory(), m_server.databaseUrl(), &error);
    QVERIFY2(config, qPrintable(error));
    server::Database db(*config);
    db.open();
    core::ManualClock clock(std::chrono::system_clock::now() + std::chrono::hours(24 * 15));
    db.setClock(clock);
    server::ApiContext context{db};
    server::HttpRequest request;
    request.requestId = QStringLiteral("moved-clock").toStdString();
    const int handled = server::AccessReviewApi(context).processDueCampaigns(request);
    QVERIFY(handled >= before.size());
    db.closeThreadConnection();

    QHash<QString, QSet<QString>> reviewersBefore;
    for (const auto& value : before)
        reviewersBefore.insert(str(value.toObject().value(QStringLiteral("id"))), reviewerIdsOf(value.toObject()));
    const QJsonArray after = campaignItems(m_northwindToken, id);
    QCOMPARE(after.size(), before.size());
    for (const auto& value : after) {
        const QJsonObject item = value.toObject();
        const QString itemId = str(item.value(QStringLiteral("id")));
        QCOMPARE(str(item.value(QStringLiteral("status"))), QStringLiteral("open"));
        QCOMPARE(item.value(QStringLiteral("escalations")).toInt(), 1);
        QCOMPARE(auditCount(QStringLiteral("review.item.escalate"), QStringLiteral("success"), itemId), 1);
        const QString userId = str(item.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")));
        const QSet<QString> now = reviewerIdsOf(item);
        QVERIFY(!now.isEmpty());
        QVERIFY(!now.contains(userId));
        QVERIFY(!now.intersects(reviewersBefore.value(itemId))); // handed to someone further up
        // What the child's admin had goes to the Northwind admin, one level up.
        if (reviewersBefore.value(itemId).contains(childAdmin))
            QCOMPARE(now, QSet<QString>{m_northwindAdminId});
    }
    QCOMPARE(str(sqlColumn(QStringLiteral("SELECT actor_type FROM audit_events WHERE action = 'review.item.escalate' "
                                          "AND request_id = 'moved-clock'"))
                     .value(0)),
             QStringLiteral("system"));
    // Escalated items reach the Northwind admin's list.
    QSet<QString> mine;
    for (const auto& value : myItems(m_northwindToken))
        mine.insert(str(value.toObject().value(QStringLiteral("id"))));
    int escalatedToHer = 0;
    for (const auto& value : after)
        escalatedToHer += mine.contains(str(value.toObject().value(QStringLiteral("id")))) ? 1 : 0;
    QVERIFY(escalatedToHer >= byChildAdmin);
}

void AccessReviewsTest::closeEndsTheCampaign()
{
    const QString path = QStringLiteral("/api/v1/access-reviews/%1/close").arg(m_campaignId);
    QCOMPARE(postJson(m_readerToken, path, {}).status, 403);
    QCOMPARE(postJson(m_outsiderToken, path, {}).status, 404);
    const HttpResult closed = postJson(m_northwindToken, path, {});
    QCOMPARE(closed.status, 200);
    QCOMPARE(str(closed.object().value(QStringLiteral("status"))), QStringLiteral("closed"));
    QCOMPARE(postJson(m_northwindToken, path, {}).status, 409);
    QCOMPARE(auditCount(QStringLiteral("review.campaign.close"), QStringLiteral("success"), m_campaignId), 1);
    for (const auto& value : myItems(m_northwindToken))
        QVERIFY(str(value.toObject().value(QStringLiteral("campaign")).toObject().value(QStringLiteral("id"))) !=
                m_campaignId);
}

void AccessReviewsTest::auditorRunsAReviewOfTheReseller()
{
    // The security team reviews Northwind: the auditor starts the campaign; the items still go to Northwind's admins.
    const QJsonObject campaign = createCampaign(m_auditorToken, m_northwindId, QStringLiteral("escalate"));
    QVERIFY(!campaign.isEmpty());
    const QString id = str(campaign.value(QStringLiteral("id")));
    QCOMPARE(str(campaign.value(QStringLiteral("createdBy")).toObject().value(QStringLiteral("id"))), m_auditorId);
    const QJsonArray items = campaignItems(m_auditorToken, id, QStringLiteral("open"));
    QVERIFY(items.size() > 10);
    QJsonObject target;
    for (const auto& value : items) {
        const QJsonObject item = value.toObject();
        QVERIFY(!reviewerIdsOf(item).contains(m_auditorId));
        const QString userId = userOf(item);
        const QStringList roles = sqlColumn(
            QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND revoked_at IS NULL"), {userId});
        if (target.isEmpty() && str(item.value(QStringLiteral("kind"))) == QLatin1String("membership") &&
            roles.value(0) == QLatin1String("0"))
            target = item;
    }
    QVERIFY(!target.isEmpty());

    // Not the item's reviewer, but review.manage at its org decides it: the revocation bites at once.
    const QString itemId = str(target.value(QStringLiteral("id")));
    const QString membershipId = str(target.value(QStringLiteral("subjectId")));
    const HttpResult revoked =
        postJson(m_auditorToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId),
                 {{QStringLiteral("decision"), QStringLiteral("revoke")},
                  {QStringLiteral("comment"), QStringLiteral("No badge access since spring")}});
    QVERIFY2(revoked.status == 200, revoked.describe().constData());
    QCOMPARE(str(revoked.object().value(QStringLiteral("decidedBy")).toObject().value(QStringLiteral("id"))),
             m_auditorId);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE id = ?"), {membershipId}).value(0),
             QStringLiteral("ended"));
    // Both events name the auditor, acting for Acme by the security-auditor assignment.
    const QString delegation =
        sqlColumn(QStringLiteral("SELECT id FROM role_assignments WHERE user_id = ? AND role_id = 'security-auditor' "
                                 "AND revoked_at IS NULL"),
                  {m_auditorId})
            .value(0);
    QVERIFY(!delegation.isEmpty());
    for (const auto& [action, targetId] : {std::pair{QStringLiteral("review.item.revoke"), itemId},
                                           std::pair{QStringLiteral("membership.offboard"), membershipId}}) {
        QCOMPARE(sqlColumn(QStringLiteral("SELECT actor_id || '|' || acting_org_id || '|' || delegation_id FROM "
                                          "audit_events WHERE action = ? AND outcome = 'success' AND target_id = ?"),
                           {action, targetId})
                     .value(0),
                 m_auditorId + u'|' + m_acmeId + u'|' + delegation);
    }
    // Running it: reassign and close are the auditor's too.
    QString other;
    for (const auto& value : items) {
        if (other.isEmpty() && str(value.toObject().value(QStringLiteral("id"))) != itemId &&
            userOf(value) != m_northwindAdminId)
            other = str(value.toObject().value(QStringLiteral("id")));
    }
    const HttpResult moved =
        postJson(m_auditorToken, QStringLiteral("/api/v1/access-reviews/%1/reassign").arg(id),
                 {{QStringLiteral("itemIds"), QJsonArray{other}}, {QStringLiteral("reviewerId"), m_northwindAdminId}});
    QVERIFY2(moved.status == 200, moved.describe().constData());
    QCOMPARE(reviewerIdsOf(moved.items().at(0).toObject()), QSet<QString>{m_northwindAdminId});
    QCOMPARE(postJson(m_auditorToken, QStringLiteral("/api/v1/access-reviews/%1/close").arg(id), {}).status, 200);
}

void AccessReviewsTest::reviewNeverRemovesTheLastAdmin()
{
    // A Northwind child whose only admin is one person.
    m_lastAdminOrg = northwindChild(true);
    QVERIFY(!m_lastAdminOrg.isEmpty());
    const QStringList admins = sqlColumn(QStringLiteral("SELECT DISTINCT user_id FROM role_assignments WHERE org_id = "
                                                        "? AND role_id = 'org-admin' AND revoked_at IS NULL"),
                                         {m_lastAdminOrg});
    QCOMPARE(admins.size(), 1);
    m_lastAdminId = admins.first();
    const QJsonObject campaign = createCampaign(m_auditorToken, m_lastAdminOrg, QStringLiteral("escalate"));
    QVERIFY(!campaign.isEmpty());
    const QString campaignId = str(campaign.value(QStringLiteral("id")));
    QString adminRole, adminMembership, plain;
    for (const auto& value : campaignItems(m_auditorToken, campaignId)) {
        const QJsonObject item = value.toObject();
        const QString org = str(item.value(QStringLiteral("org")).toObject().value(QStringLiteral("id")));
        if (org != m_lastAdminOrg)
            continue;
        const bool membership = str(item.value(QStringLiteral("kind"))) == QLatin1String("membership");
        if (userOf(item) == m_lastAdminId) {
            if (membership)
                adminMembership = str(item.value(QStringLiteral("id")));
            else if (str(item.value(QStringLiteral("role")).toObject().value(QStringLiteral("key"))) ==
                     QLatin1String("org-admin"))
                adminRole = str(item.value(QStringLiteral("id")));
        } else if (membership && plain.isEmpty()) {
            plain = str(item.value(QStringLiteral("id")));
        }
    }
    QVERIFY(!adminRole.isEmpty() && !adminMembership.isEmpty() && !plain.isEmpty());
    const QString assignmentId =
        sqlColumn(QStringLiteral("SELECT subject_id FROM access_review_items WHERE id = ?"), {adminRole}).value(0);
    const QString plainMembership =
        sqlColumn(QStringLiteral("SELECT subject_id FROM access_review_items WHERE id = ?"), {plain}).value(0);

    // One by one: the role and the membership both refused, naming the item; the comment is not lost on the server.
    for (const QString& itemId : {adminRole, adminMembership}) {
        const int deniedBefore = auditCount(QStringLiteral("review.item.revoke"), QStringLiteral("denied"), itemId);
        const HttpResult refused =
            postJson(m_auditorToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId),
                     {{QStringLiteral("decision"), QStringLiteral("revoke")},
                      {QStringLiteral("comment"), QStringLiteral("Moved to sales")}});
        QCOMPARE(refused.status, 409);
        QCOMPARE(str(refused.object().value(QStringLiteral("code"))), QStringLiteral("last_admin"));
        QCOMPARE(str(refused.object().value(QStringLiteral("field"))), itemId);
        QVERIFY(str(refused.object().value(QStringLiteral("message"))).contains(QStringLiteral("last admin")));
        QCOMPARE(auditCount(QStringLiteral("review.item.revoke"), QStringLiteral("denied"), itemId), deniedBefore + 1);
        QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {itemId}).value(0),
                 QStringLiteral("open"));
    }
    QVERIFY(sqlColumn(QStringLiteral("SELECT revoked_at FROM role_assignments WHERE id = ?"), {assignmentId})
                .value(0)
                .isEmpty());

    // In bulk: all or nothing, so the ordinary membership listed first is not ended either.
    const HttpResult bulk = postJson(m_auditorToken, QStringLiteral("/api/v1/access-review-items/decisions"),
                                     {{QStringLiteral("itemIds"), QJsonArray{plain, adminRole}},
                                      {QStringLiteral("decision"), QStringLiteral("revoke")},
                                      {QStringLiteral("comment"), QStringLiteral("Clean-up")}});
    QCOMPARE(bulk.status, 409);
    QCOMPARE(str(bulk.object().value(QStringLiteral("code"))), QStringLiteral("last_admin"));
    QCOMPARE(str(bulk.object().value(QStringLiteral("field"))), adminRole);
    QCOMPARE(
        str(bulk.object().value(QStringLiteral("items")).toArray().at(0).toObject().value(QStringLiteral("itemId"))),
        adminRole);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {plain}).value(0),
             QStringLiteral("open"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE id = ?"), {plainMembership}).value(0),
             QStringLiteral("active"));
    QVERIFY(auditCount(QStringLiteral("review.item.revoke"), QStringLiteral("success"), plain) == 0);
    // Keeping is always fine, and the ordinary revocation alone goes through.
    QCOMPARE(postJson(m_auditorToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(plain),
                      {{QStringLiteral("decision"), QStringLiteral("revoke")},
                       {QStringLiteral("comment"), QStringLiteral("Clean-up")}})
                 .status,
             200);
    QCOMPARE(postJson(m_auditorToken, QStringLiteral("/api/v1/access-reviews/%1/close").arg(campaignId), {}).status,
             200);
}

void AccessReviewsTest::dueDateRevokeEscalatesTheLastAdmin()
{
    // Same org, a campaign whose due date revokes: everything goes except the last admin's access, which is handed
    // to the campaign's owner (the auditor) with an event saying why.
    QVERIFY(!m_lastAdminOrg.isEmpty());
    const QJsonObject campaign = createCampaign(m_auditorToken, m_lastAdminOrg, QStringLiteral("revoke"));
    QVERIFY(!campaign.isEmpty());
    const QString id = str(campaign.value(QStringLiteral("id")));
    QVERIFY(execSql(QStringLiteral("UPDATE access_review_campaigns SET due_at = ? WHERE id = ?"),
                    {QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate), id}));
    const HttpResult done =
        postJson(m_auditorToken, QStringLiteral("/api/v1/access-reviews/%1/process-due").arg(id), {});
    QCOMPARE(done.status, 200);
    QString adminRole;
    int escalated = 0;
    for (const auto& value : campaignItems(m_auditorToken, id)) {
        const QJsonObject item = value.toObject();
        const QString itemId = str(item.value(QStringLiteral("id")));
        const QString org = str(item.value(QStringLiteral("org")).toObject().value(QStringLiteral("id")));
        const bool lastAdmin = isLastAdmin(org, userOf(item));
        if (str(item.value(QStringLiteral("status"))) == QLatin1String("open")) {
            QVERIFY2(lastAdmin, qPrintable(itemId));
            ++escalated;
            QCOMPARE(item.value(QStringLiteral("escalations")).toInt(), 1);
            QCOMPARE(reviewerIdsOf(item), QSet<QString>{m_auditorId});
            QVERIFY(sqlColumn(QStringLiteral("SELECT reason FROM audit_events WHERE action = 'review.item.escalate' "
                                             "AND target_id = ?"),
                              {itemId})
                        .value(0)
                        .contains(QStringLiteral("last admin")));
            if (userOf(item) == m_lastAdminId &&
                str(item.value(QStringLiteral("kind"))) == QLatin1String("role_assignment"))
                adminRole = itemId;
        } else {
            QCOMPARE(str(item.value(QStringLiteral("status"))), QStringLiteral("revoked"));
        }
    }
    QVERIFY(escalated >= 2 && !adminRole.isEmpty()); // at least the admin's role and membership
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM memberships WHERE user_id = ? AND org_id = ?"),
                       {m_lastAdminId, m_lastAdminOrg})
                 .value(0),
             QStringLiteral("active"));

    // The owner decides now; as elsewhere, only an admin from above (the Northwind admin) may remove the last admin.
    const QString path = QStringLiteral("/api/v1/access-review-items/%1/decision").arg(adminRole);
    const QJsonObject body{{QStringLiteral("decision"), QStringLiteral("revoke")},
                           {QStringLiteral("comment"), QStringLiteral("Left; Northwind takes over")}};
    QCOMPARE(postJson(m_auditorToken, path, body).status, 409);
    const HttpResult fromAbove = postJson(m_northwindToken, path, body);
    QVERIFY2(fromAbove.status == 200, fromAbove.describe().constData());
    QCOMPARE(sqlColumn(QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE org_id = ? AND user_id = ? AND "
                                      "role_id = 'org-admin' AND revoked_at IS NULL"),
                       {m_lastAdminOrg, m_lastAdminId})
                 .value(0),
             QStringLiteral("0"));
}

void AccessReviewsTest::readingTheAuditTrailDoesNotDecide()
{
    // An item handed to the reader before reviewers had to be able to decide (written directly, as an older server
    // would have allowed): reading the trail is still not enough to decide it.
    const QJsonObject campaign = createCampaign(m_northwindToken, m_northwindId, QStringLiteral("escalate"));
    QVERIFY(!campaign.isEmpty());
    const QString id = str(campaign.value(QStringLiteral("id")));
    QString itemId;
    for (const auto& value : campaignItems(m_northwindToken, id, QStringLiteral("open"))) {
        if (userOf(value) != m_readerId) {
            itemId = str(value.toObject().value(QStringLiteral("id")));
            break;
        }
    }
    QVERIFY(!itemId.isEmpty());
    QVERIFY(execSql(QStringLiteral("DELETE FROM access_review_reviewers WHERE item_id = ?"), {itemId}));
    QVERIFY(execSql(QStringLiteral("INSERT INTO access_review_reviewers (item_id, user_id) VALUES (?, ?)"),
                    {itemId, m_readerId}));
    bool listed = false;
    for (const auto& value : myItems(m_readerToken))
        listed = listed || str(value.toObject().value(QStringLiteral("id"))) == itemId;
    QVERIFY(listed);
    const int deniedBefore = auditCount(QStringLiteral("review.item.keep"), QStringLiteral("denied"), itemId);
    const HttpResult refused =
        postJson(m_readerToken, QStringLiteral("/api/v1/access-review-items/%1/decision").arg(itemId),
                 {{QStringLiteral("decision"), QStringLiteral("keep")}});
    QCOMPARE(refused.status, 403);
    QCOMPARE(str(refused.object().value(QStringLiteral("code"))), QStringLiteral("forbidden"));
    QCOMPARE(auditCount(QStringLiteral("review.item.keep"), QStringLiteral("denied"), itemId), deniedBefore + 1);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {itemId}).value(0),
             QStringLiteral("open"));
    QCOMPARE(postJson(m_northwindToken, QStringLiteral("/api/v1/access-reviews/%1/close").arg(id), {}).status, 200);
}

QTEST_GUILESS_MAIN(AccessReviewsTest)
#include "tst_accessreviews.moc"
