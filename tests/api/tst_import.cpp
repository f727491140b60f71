// Bulk CSV import (POST /api/v1/orgs/{id}/imports) against a real trellisd --demo, on SQLite or
// (TRELLIS_TEST_POSTGRES) PostgreSQL: per-row results of a dry run that writes nothing, a commit that writes exactly
// the valid rows, RFC 4180 edge cases, limits and scope.
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/LoginBrowser.h"

#include <memory>

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");

QJsonObject rowNumber(const HttpResult& result, int row)
{
    for (const auto& item : result.object().value(QStringLiteral("rows")).toArray()) {
        if (item.toObject().value(QStringLiteral("row")).toInt() == row)
            return item.toObject();
    }
    return {};
}

QString errorCode(const QJsonObject& row)
{
    return row.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString errorField(const QJsonObject& row)
{
    return row.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

} // namespace

class ImportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void dryRunReportsEveryRowAndWritesNothing();
    void commitWithErrorsWritesNothing();
    void commitWritesExactlyTheValidRows();
    void createdPersonSetsPasswordThroughLink();
    void csvEdgeCases();
    void malformedCsvIsRefused();
    void limits();
    void scopeAndPermissions();

private:
    HttpResult import(const QByteArray& token, const QString& orgId, const QByteArray& csv, const QString& query);
    QJsonObject memberOf(const QString& orgId, const QString& email);
    int sqlCount(const QString& sql, const QVariantList& values = {});

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QString m_createUrl;
};

void ImportTest::initTestCase()
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
    const auto rootOf = [this](const QByteArray& token) {
        TestHttpClient http(m_server.baseUrl());
        http.setBearerToken(token);
        const QJsonArray roots =
            http.get(QStringLiteral("/api/v1/me")).object().value(QStringLiteral("rootOrgIds")).toArray();
        return roots.size() == 1 ? roots.first().toString() : QString();
    };
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty());
}

void ImportTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

HttpResult ImportTest::import(const QByteArray& token, const QString& orgId, const QByteArray& csv,
                              const QString& query)
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http.send("POST", QStringLiteral("/api/v1/orgs/%1/imports?%2").arg(orgId, query), csv,
                     "text/csv; charset=utf-8");
}

QJsonObject ImportTest::memberOf(const QString& orgId, const QString& email)
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(m_ownerToken);
    QString cursor;
    for (int guard = 0; guard < 50; ++guard) {
        QString path = QStringLiteral("/api/v1/orgs/%1/members?limit=200").arg(orgId);
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = http.get(path);
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

int ImportTest::sqlCount(const QString& sql, const QVariantList& values)
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

namespace {

// Row 1 invite (ok), 2 create (ok), 3 bad email, 4 unknown role, 5 duplicate of row 1, 6 already a member,
// 7 create without a name, 8 bad mode, 9 membership end in the past, 10 role beyond what the importer may grant.
const QByteArray kMixed = "email,displayName,title,roles,expiresAt,mode\n"
                          "ivy.invite@example.com,Ivy Invite,Buyer,member,,invite\n"
                          "carl.create@example.com,Carl Create,Driver,user-manager;member,2099-01-01T00:00:00Z,create\n"
                          "not-an-address,Bad Email,,,,\n"
                          "una.role@example.com,Una Role,,member;no-such-role,,invite\n"
                          "IVY.INVITE@example.com,Ivy Again,,,,invite\n"
                          "superadmin@northwind.example,Sofia,,,,invite\n"
                          "nameless@example.com,,,,,create\n"
                          "mode@example.com,Mo De,,,,replace\n"
                          "past@example.com,Pa St,,,2001-01-01T00:00:00Z,invite\n"
                          "climb@example.com,Cli Mb,,platform-owner,,invite\n";

} // namespace

void ImportTest::dryRunReportsEveryRowAndWritesNothing()
{
    const int usersBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM users"));
    const int invitationsBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations"));
    const int membershipsBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM memberships"));
    const HttpResult result = import(m_northwindToken, m_northwindId, kMixed, QStringLiteral("dryRun=true"));
    QVERIFY2(result.status == 200, result.describe().constData());
    QCOMPARE(result.object().value(QStringLiteral("dryRun")).toBool(), true);
    QCOMPARE(result.object().value(QStringLiteral("committed")).toBool(), false);
    QCOMPARE(result.object().value(QStringLiteral("rows")).toArray().size(), 10);

    QCOMPARE(rowNumber(result, 1).value(QStringLiteral("action")).toString(), QStringLiteral("invite"));
    QCOMPARE(rowNumber(result, 1).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(rowNumber(result, 1).value(QStringLiteral("error")).isNull());
    QVERIFY(!rowNumber(result, 1).contains(QStringLiteral("acceptUrl")));
    QCOMPARE(rowNumber(result, 2).value(QStringLiteral("action")).toString(), QStringLiteral("create"));
    QCOMPARE(rowNumber(result, 2).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(errorCode(rowNumber(result, 3)), QStringLiteral("invalid_email"));
    QCOMPARE(errorField(rowNumber(result, 3)), QStringLiteral("email"));
    QCOMPARE(rowNumber(result, 3).value(QStringLiteral("action")).toString(), QStringLiteral("skip"));
    QCOMPARE(errorCode(rowNumber(result, 4)), QStringLiteral("unknown_role"));
    QCOMPARE(errorField(rowNumber(result, 4)), QStringLiteral("roles"));
    QVERIFY(rowNumber(result, 4)
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("no-such-role")));
    QCOMPARE(errorCode(rowNumber(result, 5)), QStringLiteral("duplicate_email"));
    QCOMPARE(errorCode(rowNumber(result, 6)), QStringLiteral("already_member"));
    QCOMPARE(errorCode(rowNumber(result, 7)), QStringLiteral("required"));
    QCOMPARE(errorField(rowNumber(result, 7)), QStringLiteral("displayName"));
    QCOMPARE(errorField(rowNumber(result, 8)), QStringLiteral("mode"));
    QCOMPARE(errorField(rowNumber(result, 9)), QStringLiteral("expiresAt"));
    QCOMPARE(errorCode(rowNumber(result, 10)), QStringLiteral("role_not_allowed"));
    const QJsonObject totals = result.object().value(QStringLiteral("totals")).toObject();
    QCOMPARE(totals.value(QStringLiteral("rows")).toInt(), 10);
    QCOMPARE(totals.value(QStringLiteral("ok")).toInt(), 2);
    QCOMPARE(totals.value(QStringLiteral("errors")).toInt(), 8);
    QCOMPARE(totals.value(QStringLiteral("invite")).toInt(), 1);
    QCOMPARE(totals.value(QStringLiteral("create")).toInt(), 1);

    // Nothing written: not in the tables, not in the lists.
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations")), invitationsBefore);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM memberships")), membershipsBefore);
    QVERIFY(memberOf(m_northwindId, QStringLiteral("carl.create@example.com")).isEmpty());
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(m_northwindToken);
    const HttpResult pending =
        http.get(QStringLiteral("/api/v1/orgs/%1/invitations?status=pending").arg(m_northwindId));
    for (const auto& item : pending.items())
        QVERIFY(item.toObject().value(QStringLiteral("email")).toString() != QStringLiteral("ivy.invite@example.com"));
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'import.dry_run'")), 1);
}

void ImportTest::commitWithErrorsWritesNothing()
{
    const int invitationsBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations"));
    const HttpResult result = import(m_northwindToken, m_northwindId, kMixed, QStringLiteral("dryRun=false"));
    QCOMPARE(result.status, 422);
    QCOMPARE(result.object().value(QStringLiteral("committed")).toBool(), false);
    QCOMPARE(result.object().value(QStringLiteral("rows")).toArray().size(), 10);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations")), invitationsBefore);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'carl.create@example.com'")), 0);
}

void ImportTest::commitWritesExactlyTheValidRows()
{
    const int usersBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM users"));
    const int invitationsBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations"));
    const int membershipsBefore = sqlCount(QStringLiteral("SELECT COUNT(*) FROM memberships"));
    const HttpResult result =
        import(m_northwindToken, m_northwindId, kMixed, QStringLiteral("dryRun=false&skipInvalid=true"));
    QVERIFY2(result.status == 200, result.describe().constData());
    QCOMPARE(result.object().value(QStringLiteral("committed")).toBool(), true);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users")), usersBefore + 1);             // Carl
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM memberships")), membershipsBefore + 1); // Carl
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations")), invitationsBefore + 2); // Ivy, Carl's link

    const QJsonObject ivy = rowNumber(result, 1);
    QVERIFY(ivy.value(QStringLiteral("acceptUrl")).toString().contains(QStringLiteral("/invite?token=")));
    QVERIFY(!ivy.value(QStringLiteral("invitationId")).toString().isEmpty());
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM invitations WHERE email = 'ivy.invite@example.com' AND "
                                     "status = 'pending' AND membership_source = 'import' AND title = 'Buyer'")),
             1);

    const QJsonObject carl = rowNumber(result, 2);
    m_createUrl = carl.value(QStringLiteral("acceptUrl")).toString();
    QVERIFY(!m_createUrl.isEmpty());
    const QJsonObject member = memberOf(m_northwindId, QStringLiteral("carl.create@example.com"));
    QVERIFY(!member.isEmpty());
    QCOMPARE(member.value(QStringLiteral("source")).toString(), QStringLiteral("import"));
    QCOMPARE(member.value(QStringLiteral("title")).toString(), QStringLiteral("Driver"));
    QCOMPARE(member.value(QStringLiteral("expiresAt")).toString(), QStringLiteral("2099-01-01T00:00:00Z"));
    QCOMPARE(member.value(QStringLiteral("roles")).toArray(),
             (QJsonArray{QStringLiteral("member"), QStringLiteral("user-manager")}));
    QCOMPARE(member.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
             carl.value(QStringLiteral("userId")).toString());
    for (int row = 3; row <= 10; ++row)
        QCOMPARE(rowNumber(result, row).value(QStringLiteral("action")).toString(), QStringLiteral("skip"));
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email IN ('una.role@example.com', "
                                     "'nameless@example.com', 'mode@example.com', 'past@example.com', "
                                     "'climb@example.com')")),
             0);

    // One event per created person, membership and invitation, plus the summary.
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'user.create' AND "
                                     "target_display = 'carl.create@example.com'")),
             1);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'membership.create' AND "
                                     "target_display = 'carl.create@example.com'")),
             1);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'invitation.create' AND "
                                     "target_display IN ('carl.create@example.com', 'ivy.invite@example.com')")),
             2);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'import.commit' AND "
                                     "outcome = 'success'")),
             1);

    // The same file again: the valid rows are now "already member" / "invitation pending".
    const HttpResult again = import(m_northwindToken, m_northwindId, kMixed, QStringLiteral("dryRun=true"));
    QCOMPARE(errorCode(rowNumber(again, 1)), QStringLiteral("invitation_pending"));
    QCOMPARE(errorCode(rowNumber(again, 2)), QStringLiteral("already_member"));
}

void ImportTest::createdPersonSetsPasswordThroughLink()
{
    QVERIFY(!m_createUrl.isEmpty());
    const QUrl url(m_createUrl);
    const QString token = QUrlQuery(url).queryItemValue(QStringLiteral("token"));
    LoginBrowser browser(m_server.baseUrl());
    const HttpResult page = browser.get(url.path() + QLatin1Char('?') + url.query(QUrl::FullyEncoded));
    QCOMPARE(page.status, 200);
    // The account exists without a password: the page sets one, it asks for no name.
    QVERIFY(page.body.contains("field-newPassword"));
    QVERIFY(!page.body.contains("field-displayName"));
    QVERIFY(!page.body.contains("field-currentPassword"));
    const QString password = QStringLiteral("a long and fresh passphrase");
    const HttpResult done = browser.submitTo(QStringLiteral("/invite"), {{QStringLiteral("token"), token},
                                                                         {QStringLiteral("newPassword"), password},
                                                                         {QStringLiteral("newPassword2"), password}});
    QVERIFY2(done.status == 200, done.describe().left(500).constData());
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'carl.create@example.com' AND "
                                     "password_hash LIKE '$argon2id$%'")),
             1);
    // Still one membership, roles unchanged.
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE "
                                     "u.email = 'carl.create@example.com'")),
             1);
    QCOMPARE(
        memberOf(m_northwindId, QStringLiteral("carl.create@example.com")).value(QStringLiteral("roles")).toArray(),
        (QJsonArray{QStringLiteral("member"), QStringLiteral("user-manager")}));
}

void ImportTest::csvEdgeCases()
{
    // BOM, CRLF, quoted fields with commas, doubled quotes and a line break; columns in another order; blank line.
    const QByteArray csv = "\xEF\xBB\xBFmode,Email,displayName,title\r\n"
                           "create,edge.one@example.com,\"Doe, Jane\",\"The \"\"Boss\"\"\"\r\n"
                           "\r\n"
                           "create,edge.two@example.com,\"Two\r\nLines\",Clerk\r\n"
                           "create,\"edge.three@example.com\",Three,\"Head, Sales\"\r\n";
    const HttpResult dry = import(m_ownerToken, m_northwindId, csv, QStringLiteral("dryRun=true"));
    QVERIFY2(dry.status == 200, dry.describe().constData());
    QCOMPARE(dry.object().value(QStringLiteral("rows")).toArray().size(), 3);
    QCOMPARE(rowNumber(dry, 1).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(rowNumber(dry, 1).value(QStringLiteral("line")).toInt(), 2);
    // The embedded line break is parsed as part of the field (and names are single-line).
    QCOMPARE(errorField(rowNumber(dry, 2)), QStringLiteral("displayName"));
    QCOMPARE(rowNumber(dry, 2).value(QStringLiteral("email")).toString(), QStringLiteral("edge.two@example.com"));
    QCOMPARE(rowNumber(dry, 2).value(QStringLiteral("line")).toInt(), 4);
    QCOMPARE(rowNumber(dry, 3).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(rowNumber(dry, 3).value(QStringLiteral("line")).toInt(), 6);

    const HttpResult done = import(m_ownerToken, m_northwindId, csv, QStringLiteral("dryRun=false&skipInvalid=true"));
    QVERIFY2(done.status == 200, done.describe().constData());
    const QJsonObject one = memberOf(m_northwindId, QStringLiteral("edge.one@example.com"));
    QCOMPARE(one.value(QStringLiteral("user")).toObject().value(QStringLiteral("displayName")).toString(),
             QStringLiteral("Doe, Jane"));
    QCOMPARE(one.value(QStringLiteral("title")).toString(), QStringLiteral("The \"Boss\""));
    QCOMPARE(
        memberOf(m_northwindId, QStringLiteral("edge.three@example.com")).value(QStringLiteral("title")).toString(),
        QStringLiteral("Head, Sales"));
    QVERIFY(memberOf(m_northwindId, QStringLiteral("edge.two@example.com")).isEmpty());
}

void ImportTest::malformedCsvIsRefused()
{
    const HttpResult open =
        import(m_ownerToken, m_northwindId, "email,title\nx@example.com,\"not closed\n", QStringLiteral("dryRun=true"));
    QCOMPARE(open.status, 400);
    QCOMPARE(open.errorCode(), QStringLiteral("invalid_csv"));
    QVERIFY(open.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("Line 2")));
    const HttpResult stray =
        import(m_ownerToken, m_northwindId, "email,title\nx@example.com,a\"b\n", QStringLiteral("dryRun=true"));
    QCOMPARE(stray.status, 400);
    const HttpResult unknownColumn =
        import(m_ownerToken, m_northwindId, "email,password\nx@example.com,secret\n", QStringLiteral("dryRun=true"));
    QCOMPARE(unknownColumn.status, 400);
    QCOMPARE(unknownColumn.errorField(), QStringLiteral("header"));
    const HttpResult noEmail = import(m_ownerToken, m_northwindId, "displayName\nX\n", QStringLiteral("dryRun=true"));
    QCOMPARE(noEmail.status, 400);
    QCOMPARE(noEmail.errorField(), QStringLiteral("header"));
    const HttpResult empty = import(m_ownerToken, m_northwindId, "", QStringLiteral("dryRun=true"));
    QCOMPARE(empty.status, 400);
    const HttpResult latin1 = import(m_ownerToken, m_northwindId, "email,displayName\nx@example.com,J\xF6rg\n",
                                     QStringLiteral("dryRun=true"));
    QCOMPARE(latin1.status, 400);
    QCOMPARE(latin1.errorCode(), QStringLiteral("invalid_csv"));
    const HttpResult shortRow =
        import(m_ownerToken, m_northwindId, "email,displayName,title\nrow@example.com,Only Two\n",
               QStringLiteral("dryRun=true"));
    QCOMPARE(shortRow.status, 200);
    QCOMPARE(errorCode(rowNumber(shortRow, 1)), QStringLiteral("invalid_row"));

    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(m_ownerToken);
    const HttpResult json = http.send("POST", QStringLiteral("/api/v1/orgs/%1/imports?dryRun=true").arg(m_northwindId),
                                      "{}", "application/json");
    QCOMPARE(json.status, 415);
    QCOMPARE(import(m_ownerToken, m_northwindId, "email\nx@example.com\n", QStringLiteral("dryRun=maybe")).status, 400);
}

void ImportTest::limits()
{
    QByteArray csv = "email\n";
    for (int i = 0; i <= 5000; ++i)
        csv += "bulk" + QByteArray::number(i) + "@example.com\n";
    const HttpResult tooMany = import(m_ownerToken, m_northwindId, csv, QStringLiteral("dryRun=true"));
    QCOMPARE(tooMany.status, 400);
    QCOMPARE(tooMany.errorCode(), QStringLiteral("too_many_rows"));
    QByteArray big = "email,title\n";
    while (big.size() <= 1024 * 1024)
        big += "big@example.com," + QByteArray(200, 'x') + "\n";
    QCOMPARE(import(m_ownerToken, m_northwindId, big, QStringLiteral("dryRun=true")).status, 413);
}

void ImportTest::scopeAndPermissions()
{
    const QByteArray csv = "email,displayName,mode\nscope@example.com,Sco Pe,create\n";
    QCOMPARE(import(m_northwindToken, m_acmeId, csv, QStringLiteral("dryRun=true")).status, 404);
    QCOMPARE(import(m_northwindToken, QStringLiteral("no-such-org"), csv, QStringLiteral("dryRun=true")).status, 404);
    const HttpResult auditor = import(m_auditorToken, m_northwindId, csv, QStringLiteral("dryRun=true"));
    QCOMPARE(auditor.status, 403);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'import.dry_run' AND "
                                     "outcome = 'denied'")),
             1);
    QCOMPARE(import(m_auditorToken, m_northwindId, csv, QStringLiteral("dryRun=false")).status, 403);
    QCOMPARE(sqlCount(QStringLiteral("SELECT COUNT(*) FROM users WHERE email = 'scope@example.com'")), 0);
}

QTEST_GUILESS_MAIN(ImportTest)
#include "tst_import.moc"
