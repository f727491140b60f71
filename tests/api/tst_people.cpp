// The People part of the admin API against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES)
// PostgreSQL: filtered and subtree member listings, the CSV export, the person view, account-wide and per-membership
// lifecycle actions with their delegation rules, and their effect on real sessions (a refresh token obtained through
// the hosted login fails at /oauth2/token afterwards) and on the hosted login (MFA reset forces enrolment).
#include "core/crypto/Base32.h"
#include "core/crypto/Pkce.h"
#include "core/crypto/Totp.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/login/ConsoleTokenGrant.h"
#include "tests/login/LoginBrowser.h"

#include <chrono>
#include <functional>
#include <memory>

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrlQuery>
#include <QtTest>

using namespace trellis::test;
namespace crypto = trellis::core::crypto;

namespace {

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kPassword = QStringLiteral("test-demo-password");
const QString kRedirect = QStringLiteral("http://127.0.0.1:45679/callback");

QString str(const QJsonValue& value)
{
    return value.toString();
}

QSet<QString> idSet(const QJsonArray& items)
{
    QSet<QString> ids;
    for (const auto& item : items)
        ids.insert(item.toObject().value(QStringLiteral("id")).toString());
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

std::string totpNow(const QString& base32, std::chrono::seconds offset = std::chrono::seconds(0))
{
    const auto secret = crypto::base32Decode(base32.toStdString());
    return secret ? crypto::Totp::code(*secret, std::chrono::system_clock::now() + offset) : std::string();
}

} // namespace

class PeopleTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void subtreeListingCoversEveryMemberOnce();
    void filtersReturnExactlyTheMatchingMembers();
    void sortOrdersEveryPageAndCoversEveryMemberOnce_data();
    void sortOrdersEveryPageAndCoversEveryMemberOnce();
    void badFilterParameters_data();
    void badFilterParameters();
    void csvExportMatchesListingAndDefusesFormulas();
    void personViewHidesOutOfScopeMemberships();
    void partnerAdminLifecycleOfOwnStaff();
    void accountActionsOutsideScopeAreRefused();
    void selfActionsAreRefused();
    void lastAdminRule();
    void membershipUpdateAndEndDateRemovesAdminRights();
    void membershipOffboard();
    void revokeSessionsKillsRefreshToken();
    void disableKillsRefreshTokenForGood();
    void offboardKillsRefreshToken();
    void resetMfaForcesEnrolmentAtNextSignIn();

private:
    TestHttpClient client(const QByteArray& token) const;
    QString rootOf(const QByteArray& token);
    /// Every item of a member listing, page by page; fails the test (empty list) on a bad page.
    QJsonArray allMembers(const QByteArray& token, const QString& orgId, const QString& query, int limit = 50);
    /// Rows of a query on the server's database (first column of each row when `column` is 0).
    QStringList sqlColumn(const QString& sql, const QVariantList& values = {});
    bool execSql(const QString& sql, const QVariantList& values = {});
    int auditCount(const QString& action, const QString& outcome, const QString& targetId = {});
    QString orgPath(const QString& orgId);
    QString userIdOf(const QString& email);
    /// People whose every membership lies inside (or, with `inside` false, one of them outside) `path`.
    QStringList peopleInside(const QString& path, bool allInside);
    /// A person with only memberships inside Northwind, no role, not used by another test function.
    QString freshNorthwindStaff();
    /// Signs `email` in through the hosted login and redeems the code; the refresh token, or empty.
    QString refreshTokenFor(const QString& email);
    HttpResult refresh(const QString& refreshToken);
    void givePassword(const QString& userId);
    HttpResult post(const QByteArray& token, const QString& path);
    HttpResult patch(const QByteArray& token, const QString& path, const QJsonObject& body);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QSqlDatabase m_db;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QString m_northwindPath;
    QSet<QString> m_used; ///< people one test function changed, so others pick someone else
};

void PeopleTest::initTestCase()
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
    m_db = m_server.openDatabase(QStringLiteral("people-test"));
    QVERIFY(m_db.isOpen());

    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin, QStringLiteral("1h"));
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    m_acmeId = rootOf(m_ownerToken);
    m_northwindId = rootOf(m_northwindToken);
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty());
    m_northwindPath = orgPath(m_northwindId);
    QVERIFY(m_northwindPath.endsWith(m_northwindId + u'/'));
    m_used.insert(userIdOf(kNorthwindAdmin));
}

void PeopleTest::cleanupTestCase()
{
    for (const QByteArray& line : m_server.logLines()) {
        if (line.contains("\"level\":\"error\""))
            qWarning("trellisd: %s", line.constData());
    }
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("people-test"));
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient PeopleTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

QString PeopleTest::rootOf(const QByteArray& token)
{
    const HttpResult me = client(token).get(QStringLiteral("/api/v1/me"));
    const QJsonArray roots = me.object().value(QStringLiteral("rootOrgIds")).toArray();
    return roots.size() == 1 ? roots.first().toString() : QString();
}

HttpResult PeopleTest::post(const QByteArray& token, const QString& path)
{
    return client(token).send("POST", path);
}

HttpResult PeopleTest::patch(const QByteArray& token, const QString& path, const QJsonObject& body)
{
    return client(token).send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

QJsonArray PeopleTest::allMembers(const QByteArray& token, const QString& orgId, const QString& query, int limit)
{
    QJsonArray all;
    QString cursor;
    TestHttpClient http = client(token);
    for (int guard = 0; guard < 1000; ++guard) {
        QString path = QStringLiteral("/api/v1/orgs/%1/members?limit=%2").arg(orgId).arg(limit);
        if (!query.isEmpty())
            path += u'&' + query;
        if (!cursor.isEmpty())
            path += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpResult page = http.get(path);
        if (page.status != 200 || page.items().size() > limit) {
            qWarning("member page failed: %s", page.describe().left(300).constData());
            return {};
        }
        for (const auto& item : page.items())
            all.append(item);
        const QJsonValue next = page.object().value(QStringLiteral("nextCursor"));
        if (next.isNull())
            return all;
        cursor = next.toString();
    }
    return {};
}

QStringList PeopleTest::sqlColumn(const QString& sql, const QVariantList& values)
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

bool PeopleTest::execSql(const QString& sql, const QVariantList& values)
{
    QSqlQuery q(m_db);
    bool ok = false;
    if (values.isEmpty()) {
        ok = q.exec(sql); // PostgreSQL prepares no DDL (CREATE TABLE ... AS), so plain statements run directly
    } else if (q.prepare(sql)) {
        for (const QVariant& value : values)
            q.addBindValue(value);
        ok = q.exec();
    }
    if (!ok)
        qWarning("statement failed: %s", qPrintable(q.lastError().text()));
    return ok;
}

int PeopleTest::auditCount(const QString& action, const QString& outcome, const QString& targetId)
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

QString PeopleTest::orgPath(const QString& orgId)
{
    return sqlColumn(QStringLiteral("SELECT path FROM orgs WHERE id = ?"), {orgId}).value(0);
}

QString PeopleTest::userIdOf(const QString& email)
{
    return sqlColumn(QStringLiteral("SELECT id FROM users WHERE email = ?"), {email}).value(0);
}

QStringList PeopleTest::peopleInside(const QString& path, bool allInside)
{
    // Byte-wise prefix test on both databases: substr(path, 1, len) = prefix.
    const QString inside = QStringLiteral("substr(o.path, 1, %1) = ?").arg(path.size());
    const QString sql =
        allInside
            ? QStringLiteral("SELECT DISTINCT m.user_id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE %1 "
                             "AND NOT EXISTS (SELECT 1 FROM memberships m2 JOIN orgs o2 ON o2.id = m2.org_id "
                             "WHERE m2.user_id = m.user_id AND substr(o2.path, 1, %2) <> ?) ORDER BY m.user_id")
                  .arg(inside)
                  .arg(path.size())
            : QStringLiteral("SELECT DISTINCT m.user_id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE %1 "
                             "AND EXISTS (SELECT 1 FROM memberships m2 JOIN orgs o2 ON o2.id = m2.org_id "
                             "WHERE m2.user_id = m.user_id AND substr(o2.path, 1, %2) <> ?) ORDER BY m.user_id")
                  .arg(inside)
                  .arg(path.size());
    return sqlColumn(sql, {path, path});
}

QString PeopleTest::freshNorthwindStaff()
{
    const QStringList candidates = peopleInside(m_northwindPath, true);
    for (const QString& id : candidates) {
        if (m_used.contains(id))
            continue;
        const QStringList roles = sqlColumn(
            QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND revoked_at IS NULL"), {id});
        const QStringList status = sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {id});
        const QStringList ended =
            sqlColumn(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE user_id = ? AND (status <> 'active' "
                                     "OR expires_at IS NOT NULL)"),
                      {id});
        if (roles.value(0) == QLatin1String("0") && status.value(0) == QLatin1String("active") &&
            ended.value(0) == QLatin1String("0")) {
            m_used.insert(id);
            return id;
        }
    }
    return {};
}

void PeopleTest::givePassword(const QString& userId)
{
    // The demo gives passwords to its three documented accounts only; borrow the partner admin's hash.
    QVERIFY(execSql(QStringLiteral("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = ?) "
                                   "WHERE id = ?"),
                    {kNorthwindAdmin, userId}));
}

QString PeopleTest::refreshTokenFor(const QString& email)
{
    return consoleRefreshToken(m_server.baseUrl(), email, kPassword);
}

HttpResult PeopleTest::refresh(const QString& refreshToken)
{
    return refreshConsoleToken(m_server.baseUrl(), refreshToken);
}

void PeopleTest::subtreeListingCoversEveryMemberOnce()
{
    // The whole world from the root, in small pages: every membership exactly once, each with its org's name.
    const QJsonArray all = allMembers(m_ownerToken, m_acmeId, QStringLiteral("subtree=true"), 13);
    const QStringList expected = sqlColumn(QStringLiteral("SELECT id FROM memberships"));
    QVERIFY(expected.size() > 200);
    QCOMPARE(all.size(), expected.size());
    QCOMPARE(idSet(all), QSet<QString>(expected.begin(), expected.end()));
    for (const auto& item : all) {
        const QJsonObject m = item.toObject();
        const QString orgName =
            sqlColumn(QStringLiteral("SELECT name FROM orgs WHERE id = ?"), {str(m.value(QStringLiteral("orgId")))})
                .value(0);
        QVERIFY(!orgName.isEmpty());
        QCOMPARE(str(m.value(QStringLiteral("orgName"))), orgName);
    }
    // Without subtree only the org's own members.
    const QJsonArray own = allMembers(m_ownerToken, m_acmeId, {}, 50);
    QCOMPARE(own.size(), sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE org_id = ?"), {m_acmeId}).size());

    // The partner admin's subtree: exactly the memberships of orgs under Northwind.
    const QJsonArray northwind = allMembers(m_northwindToken, m_northwindId, QStringLiteral("subtree=true"), 7);
    const QStringList inside = sqlColumn(
        QStringLiteral("SELECT m.id FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE substr(o.path, 1, %1) = ?")
            .arg(m_northwindPath.size()),
        {m_northwindPath});
    QVERIFY(inside.size() > 20);
    QCOMPARE(northwind.size(), inside.size());
    QCOMPARE(idSet(northwind), QSet<QString>(inside.begin(), inside.end()));
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/members?subtree=true").arg(m_acmeId)).status,
             404);
}

void PeopleTest::filtersReturnExactlyTheMatchingMembers()
{
    // Give the demo (all "import", all active) some variety through the database the test owns, on people who work
    // only inside Northwind (the people other test functions pick for out-of-scope checks stay untouched).
    QStringList northwindMembers;
    for (int i = 0; i < 6; ++i) {
        const QString person = freshNorthwindStaff();
        QVERIFY(!person.isEmpty());
        northwindMembers
            << sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE user_id = ?"), {person}).value(0);
    }
    QVERIFY(execSql(QStringLiteral("UPDATE memberships SET source = 'manual' WHERE id IN (?, ?)"),
                    {northwindMembers[0], northwindMembers[1]}));
    QVERIFY(execSql(QStringLiteral("UPDATE memberships SET source = 'scim' WHERE id = ?"), {northwindMembers[2]}));
    QVERIFY(execSql(QStringLiteral("UPDATE memberships SET status = 'suspended' WHERE id = ?"), {northwindMembers[3]}));
    QVERIFY(execSql(QStringLiteral("UPDATE memberships SET status = 'ended' WHERE id = ?"), {northwindMembers[4]}));
    // Past its end date but still stored as active: it must read as ended (expired).
    QVERIFY(execSql(QStringLiteral("UPDATE memberships SET expires_at = '2020-01-01T00:00:00Z' WHERE id = ?"),
                    {northwindMembers[5]}));

    const QJsonArray all = allMembers(m_ownerToken, m_acmeId, QStringLiteral("subtree=true"), 200);
    QVERIFY(!all.isEmpty());
    bool sawExpired = false;
    for (const auto& item : all) {
        const QJsonObject m = item.toObject();
        if (str(m.value(QStringLiteral("id"))) == northwindMembers[5]) {
            QCOMPARE(str(m.value(QStringLiteral("status"))), QStringLiteral("ended"));
            QVERIFY(m.value(QStringLiteral("expired")).toBool());
            sawExpired = true;
        } else {
            QCOMPARE(m.value(QStringLiteral("expired")).toBool(),
                     !m.value(QStringLiteral("expiresAt")).isNull() &&
                         QDateTime::fromString(str(m.value(QStringLiteral("expiresAt"))), Qt::ISODate) <=
                             QDateTime::currentDateTimeUtc());
        }
    }
    QVERIFY(sawExpired);

    const auto expectFilter = [&](const QString& query, const std::function<bool(const QJsonObject&)>& matches,
                                  int minimum) {
        QSet<QString> expected;
        for (const auto& item : all) {
            if (matches(item.toObject()))
                expected.insert(str(item.toObject().value(QStringLiteral("id"))));
        }
        const QJsonArray got = allMembers(m_ownerToken, m_acmeId, QStringLiteral("subtree=true&") + query, 50);
        QVERIFY2(expected.size() >= minimum, qPrintable(query));
        QVERIFY2(idSet(got) == expected,
                 qPrintable(query + QStringLiteral(": got %1, expected %2").arg(got.size()).arg(expected.size())));
        QCOMPARE(got.size(), expected.size()); // no duplicates across pages
    };
    const auto status = [](const QJsonObject& m) { return str(m.value(QStringLiteral("status"))); };
    expectFilter(
        QStringLiteral("status=active"), [&](const QJsonObject& m) { return status(m) == u"active"; }, 100);
    expectFilter(
        QStringLiteral("status=suspended"), [&](const QJsonObject& m) { return status(m) == u"suspended"; }, 1);
    expectFilter(
        QStringLiteral("status=ended"), [&](const QJsonObject& m) { return status(m) == u"ended"; }, 2);
    expectFilter(
        QStringLiteral("source=manual"),
        [](const QJsonObject& m) { return str(m.value(QStringLiteral("source"))) == u"manual"; }, 2);
    expectFilter(
        QStringLiteral("source=scim"),
        [](const QJsonObject& m) { return str(m.value(QStringLiteral("source"))) == u"scim"; }, 1);
    expectFilter(
        QStringLiteral("source=import"),
        [](const QJsonObject& m) { return str(m.value(QStringLiteral("source"))) == u"import"; }, 100);
    expectFilter(
        QStringLiteral("role=org-admin"),
        [](const QJsonObject& m) {
            return m.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("org-admin"));
        },
        5);
    expectFilter(
        QStringLiteral("role=user-manager"),
        [](const QJsonObject& m) {
            return m.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("user-manager"));
        },
        3);
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-90);
    const auto inactive = [&](const QJsonObject& m) {
        const QJsonValue last = m.value(QStringLiteral("user")).toObject().value(QStringLiteral("lastSignInAt"));
        return last.isNull() || QDateTime::fromString(last.toString(), Qt::ISODate) <= cutoff;
    };
    expectFilter(QStringLiteral("inactiveDays=90"), inactive, 20);
    // q: a case-insensitive substring of the name or the e-mail.
    const auto contains = [](const QString& needle) {
        return [needle](const QJsonObject& m) {
            const QJsonObject user = m.value(QStringLiteral("user")).toObject();
            return str(user.value(QStringLiteral("displayName"))).contains(needle, Qt::CaseInsensitive) ||
                   str(user.value(QStringLiteral("email"))).contains(needle, Qt::CaseInsensitive);
        };
    };
    expectFilter(QStringLiteral("q=AN"), contains(QStringLiteral("an")), 20);
    expectFilter(QStringLiteral("q=northwind.example"), contains(QStringLiteral("northwind.example")), 5);
    expectFilter(QStringLiteral("q=%25"), contains(QStringLiteral("%")), 0);       // LIKE wildcards are literal
    expectFilter(QStringLiteral("q=LINDQ"), contains(QStringLiteral("lindq")), 1); // through the search index
    expectFilter(QStringLiteral("q=a%22b"), contains(QStringLiteral("a\"b")), 0);  // a quote is no query syntax
    // Combined, and the inactive people of the partner's subtree as the partner admin sees them.
    expectFilter(
        QStringLiteral("status=active&role=org-admin&inactiveDays=90"),
        [&](const QJsonObject& m) {
            return status(m) == u"active" && inactive(m) &&
                   m.value(QStringLiteral("roles")).toArray().contains(QStringLiteral("org-admin"));
        },
        0);
    const QJsonArray partnerInactive =
        allMembers(m_northwindToken, m_northwindId, QStringLiteral("subtree=true&inactiveDays=90"), 5);
    QSet<QString> expectedInactive;
    for (const auto& item : all) {
        const QJsonObject m = item.toObject();
        if (inactive(m) && orgPath(str(m.value(QStringLiteral("orgId")))).startsWith(m_northwindPath))
            expectedInactive.insert(str(m.value(QStringLiteral("id"))));
    }
    QVERIFY(!expectedInactive.isEmpty());
    QCOMPARE(idSet(partnerInactive), expectedInactive);
}

void PeopleTest::sortOrdersEveryPageAndCoversEveryMemberOnce_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("userField"); // what the order is by
    QTest::addColumn<bool>("descending");
    QTest::newRow("lastSignIn") << QStringLiteral("lastSignIn") << QStringLiteral("lastSignInAt") << false;
    QTest::newRow("-lastSignIn") << QStringLiteral("-lastSignIn") << QStringLiteral("lastSignInAt") << true;
    QTest::newRow("email") << QStringLiteral("email") << QStringLiteral("email") << false;
    QTest::newRow("-email") << QStringLiteral("-email") << QStringLiteral("email") << true;
    QTest::newRow("-name") << QStringLiteral("-name") << QString() << true;
}

void PeopleTest::sortOrdersEveryPageAndCoversEveryMemberOnce()
{
    QFETCH(QString, sort);
    QFETCH(QString, userField);
    QFETCH(bool, descending);
    // Some people signed in, at distinct and at equal times (ties across page boundaries), the rest never; the demo's
    // own times are put back at the end.
    QVERIFY(execSql(QStringLiteral("CREATE TABLE sort_backup AS SELECT id, last_sign_in_at FROM users")));
    QVERIFY(execSql(QStringLiteral(
        "UPDATE users SET last_sign_in_at = CASE WHEN substr(email, 1, 1) < 'h' THEN '2026-01-15T08:00:00Z' "
        "WHEN substr(email, 1, 1) < 'p' THEN '2026-02-1' || (length(email) % 10) || 'T08:00:00Z' ELSE NULL END")));
    const QJsonArray sorted = allMembers(m_ownerToken, m_acmeId, QStringLiteral("subtree=true&sort=") + sort, 11);
    const QStringList expected = sqlColumn(QStringLiteral("SELECT id FROM memberships"));
    QCOMPARE(sorted.size(), expected.size());
    QCOMPARE(idSet(sorted), QSet<QString>(expected.begin(), expected.end()));
    // Each membership's key (the user's field, or the folded name) then id, in the asked direction.
    const auto keyOf = [&](const QJsonObject& m) {
        const QJsonObject user = m.value(QStringLiteral("user")).toObject();
        const QString key = userField.isEmpty() ? sqlColumn(QStringLiteral("SELECT name_key FROM users WHERE id = ?"),
                                                            {str(user.value(QStringLiteral("id")))})
                                                      .value(0)
                                                : user.value(userField).toString(); // null last sign-in reads as ""
        return qMakePair(key.toUtf8(), str(m.value(QStringLiteral("id"))).toUtf8());
    };
    for (int i = 1; i < sorted.size(); ++i) {
        const auto previous = keyOf(sorted.at(i - 1).toObject());
        const auto current = keyOf(sorted.at(i).toObject());
        QVERIFY2(descending ? previous > current : previous < current,
                 qPrintable(QStringLiteral("row %1: %2/%3 then %4/%5")
                                .arg(i)
                                .arg(QString::fromUtf8(previous.first), QString::fromUtf8(previous.second),
                                     QString::fromUtf8(current.first), QString::fromUtf8(current.second))));
    }
    if (userField == u"lastSignInAt") {
        // Never signed in comes first in ascending order (the longest inactive), last in descending order.
        const QJsonObject first = sorted.first().toObject().value(QStringLiteral("user")).toObject();
        QCOMPARE(first.value(QStringLiteral("lastSignInAt")).isNull(), !descending);
    }
    QVERIFY(execSql(QStringLiteral("UPDATE users SET last_sign_in_at = (SELECT b.last_sign_in_at FROM sort_backup b "
                                   "WHERE b.id = users.id)")));
    QVERIFY(execSql(QStringLiteral("DROP TABLE sort_backup")));
}

void PeopleTest::badFilterParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("status") << QStringLiteral("status=gone") << QStringLiteral("status");
    QTest::newRow("source") << QStringLiteral("source=fax") << QStringLiteral("source");
    QTest::newRow("subtree") << QStringLiteral("subtree=maybe") << QStringLiteral("subtree");
    QTest::newRow("inactiveDays negative") << QStringLiteral("inactiveDays=-1") << QStringLiteral("inactiveDays");
    QTest::newRow("inactiveDays text") << QStringLiteral("inactiveDays=ninety") << QStringLiteral("inactiveDays");
    QTest::newRow("limit") << QStringLiteral("limit=0") << QStringLiteral("limit");
    QTest::newRow("sort") << QStringLiteral("sort=status") << QStringLiteral("sort");
    QTest::newRow("sort dash only") << QStringLiteral("sort=-") << QStringLiteral("sort");
}

void PeopleTest::badFilterParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    for (const char* endpoint : {"members", "members.csv"}) {
        if (field == u"limit" && QLatin1String(endpoint) == QLatin1String("members.csv"))
            continue;
        const HttpResult r =
            client(m_ownerToken)
                .get(QStringLiteral("/api/v1/orgs/%1/%2?%3").arg(m_acmeId, QLatin1String(endpoint), query));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_parameter"));
        QCOMPARE(r.errorField(), field);
    }
}

void PeopleTest::csvExportMatchesListingAndDefusesFormulas()
{
    const QString formula = freshNorthwindStaff();
    const QString quoted = freshNorthwindStaff();
    QVERIFY(!formula.isEmpty() && !quoted.isEmpty());
    const QString evil = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
    const QString tricky = QStringLiteral("Doe, \"Jay\"\nJunior");
    HttpResult r =
        patch(m_northwindToken, QStringLiteral("/api/v1/users/") + formula, {{QStringLiteral("displayName"), evil}});
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("displayName"))), evil);
    // A line break is a control character: refused; a comma and quotes are fine.
    r = patch(m_northwindToken, QStringLiteral("/api/v1/users/") + quoted, {{QStringLiteral("displayName"), tricky}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("displayName"));
    const QString commaName = QStringLiteral("Doe, \"Jay\" @home");
    r = patch(m_northwindToken, QStringLiteral("/api/v1/users/") + quoted,
              {{QStringLiteral("displayName"), commaName}});
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(auditCount(QStringLiteral("user.update"), QStringLiteral("success"), formula), 1);
    // The search finds people by their new name at once.
    const QJsonArray found = allMembers(m_northwindToken, m_northwindId, QStringLiteral("subtree=true&q=hyperlink"));
    QCOMPARE(found.size(), 1);
    QCOMPARE(str(found.first().toObject().value(QStringLiteral("user")).toObject().value(QStringLiteral("id"))),
             formula);

    const QJsonArray listed = allMembers(m_northwindToken, m_northwindId, QStringLiteral("subtree=true"), 200);
    const HttpResult csv =
        client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/members.csv?subtree=true").arg(m_northwindId));
    QVERIFY2(csv.status == 200, csv.describe().left(300));
    QCOMPARE(csv.header("Content-Type"), QByteArray("text/csv; charset=utf-8"));
    QVERIFY2(csv.header("Content-Disposition").startsWith("attachment; filename=\"members-northwind"),
             csv.header("Content-Disposition").constData());
    QVERIFY(csv.body.contains("\r\n"));
    const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.body));
    QVERIFY(rows.size() > 2);
    const QStringList header = rows.first();
    QCOMPARE(header.value(0), QStringLiteral("membershipId"));
    const int nameColumn = header.indexOf(QStringLiteral("displayName"));
    const int orgNameColumn = header.indexOf(QStringLiteral("orgName"));
    const int emailColumn = header.indexOf(QStringLiteral("email"));
    QVERIFY(nameColumn > 0 && orgNameColumn > 0 && emailColumn > 0);
    QCOMPARE(rows.size() - 1, listed.size());
    bool sawEvil = false;
    bool sawComma = false;
    for (int i = 0; i < listed.size(); ++i) {
        const QJsonObject m = listed.at(i).toObject();
        const QStringList& row = rows.at(i + 1);
        QCOMPARE(row.size(), header.size());
        QCOMPARE(row.value(0), str(m.value(QStringLiteral("id")))); // same order as the listing
        QCOMPARE(row.value(orgNameColumn), str(m.value(QStringLiteral("orgName"))));
        QCOMPARE(row.value(emailColumn),
                 str(m.value(QStringLiteral("user")).toObject().value(QStringLiteral("email"))));
        const QString name = str(m.value(QStringLiteral("user")).toObject().value(QStringLiteral("displayName")));
        if (name == evil) {
            QCOMPARE(row.value(nameColumn), QLatin1Char('\'') + evil); // defused: a spreadsheet shows it as text
            sawEvil = true;
        } else {
            QCOMPARE(row.value(nameColumn), name);
            sawComma = sawComma || name == commaName;
        }
    }
    QVERIFY(sawEvil);
    QVERIFY(sawComma);
    QVERIFY(!csv.body.contains("\n=HYPERLINK") && !csv.body.contains(",=HYPERLINK"));

    // Filters apply to the export too; outside the scope it is a 404 like the listing.
    const HttpResult filtered =
        client(m_ownerToken)
            .get(QStringLiteral("/api/v1/orgs/%1/members.csv?subtree=true&role=org-admin").arg(m_acmeId));
    QCOMPARE(filtered.status, 200);
    QCOMPARE(parseCsv(QString::fromUtf8(filtered.body)).size() - 1,
             allMembers(m_ownerToken, m_acmeId, QStringLiteral("subtree=true&role=org-admin")).size());
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/orgs/%1/members.csv").arg(m_acmeId)).status, 404);
    QVERIFY(auditCount(QStringLiteral("members.export"), QStringLiteral("success")) >= 2);
}

void PeopleTest::personViewHidesOutOfScopeMemberships()
{
    // Someone working inside Northwind and elsewhere (an Acme engineer liaising with a Northwind service partner).
    const QStringList mixed = peopleInside(m_northwindPath, false);
    QVERIFY(!mixed.isEmpty());
    const QString person = mixed.first();
    const QStringList allOrgs = sqlColumn(QStringLiteral("SELECT org_id FROM memberships WHERE user_id = ?"), {person});
    QStringList insideOrgs;
    QStringList outsideOrgs;
    for (const QString& org : allOrgs)
        (orgPath(org).startsWith(m_northwindPath) ? insideOrgs : outsideOrgs) << org;
    QVERIFY(!insideOrgs.isEmpty() && !outsideOrgs.isEmpty());

    const HttpResult byOwner = client(m_ownerToken).get(QStringLiteral("/api/v1/users/") + person);
    QVERIFY2(byOwner.status == 200, byOwner.describe());
    QCOMPARE(byOwner.object().value(QStringLiteral("memberships")).toArray().size(), allOrgs.size());
    QVERIFY(byOwner.object().value(QStringLiteral("mfa")).toObject().contains(QStringLiteral("totpEnrolled")));
    QVERIFY(byOwner.object().value(QStringLiteral("activeSessions")).toObject().contains(QStringLiteral("total")));

    const HttpResult byPartner = client(m_northwindToken).get(QStringLiteral("/api/v1/users/") + person);
    QVERIFY2(byPartner.status == 200, byPartner.describe());
    const QJsonArray seen = byPartner.object().value(QStringLiteral("memberships")).toArray();
    QCOMPARE(seen.size(), insideOrgs.size());
    for (const auto& m : seen)
        QVERIFY(insideOrgs.contains(str(m.toObject().value(QStringLiteral("orgId")))));
    for (const QString& org : outsideOrgs)
        QVERIFY2(!byPartner.body.contains(org.toUtf8()), "an out-of-scope org leaked into the person view");

    // Someone with no membership inside Northwind does not exist for the partner admin.
    const QString stranger = userIdOf(kAuditor);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/users/") + stranger).status, 404);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/users/no-such-person")).status, 404);
    QCOMPARE(client(m_ownerToken).get(QStringLiteral("/api/v1/users/") + stranger).status, 200);

    // The partner admin's own view: the org-admin assignment, granted by someone they cannot see (left out).
    const HttpResult self = client(m_northwindToken).get(QStringLiteral("/api/v1/users/") + userIdOf(kNorthwindAdmin));
    QCOMPARE(self.status, 200);
    const QJsonArray assignments = self.object()
                                       .value(QStringLiteral("memberships"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("roleAssignments"))
                                       .toArray();
    QCOMPARE(assignments.size(), 1);
    QCOMPARE(str(assignments.first().toObject().value(QStringLiteral("roleKey"))), QStringLiteral("org-admin"));
    QVERIFY(assignments.first().toObject().value(QStringLiteral("grantedBy")).isNull());
    QVERIFY(!self.body.contains(kOwner.toUtf8()));
    // The owner sees who granted it.
    const HttpResult ownerView = client(m_ownerToken).get(QStringLiteral("/api/v1/users/") + userIdOf(kNorthwindAdmin));
    QVERIFY(ownerView.body.contains(kOwner.toUtf8()));
}

void PeopleTest::partnerAdminLifecycleOfOwnStaff()
{
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    const int disabledBefore = auditCount(QStringLiteral("user.disable"), QStringLiteral("success"), person);
    HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/disable").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("status"))), QStringLiteral("disabled"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {person}).value(0),
             QStringLiteral("disabled"));
    QCOMPARE(auditCount(QStringLiteral("user.disable"), QStringLiteral("success"), person), disabledBefore + 1);
    const QStringList acting = sqlColumn(QStringLiteral("SELECT acting_org_id FROM audit_events WHERE action = ? "
                                                        "AND target_id = ? AND outcome = 'success'"),
                                         {QStringLiteral("user.disable"), person});
    QCOMPARE(acting.value(0), m_northwindId);

    r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/enable").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("status"))), QStringLiteral("active"));
    QCOMPARE(auditCount(QStringLiteral("user.enable"), QStringLiteral("success"), person), 1);

    // Offboard everywhere: memberships ended, roles revoked, account disabled.
    const QString leaver = freshNorthwindStaff();
    QVERIFY(!leaver.isEmpty());
    const QString leaverOrg =
        sqlColumn(QStringLiteral("SELECT org_id FROM memberships WHERE user_id = ?"), {leaver}).value(0);
    QVERIFY(execSql(QStringLiteral("INSERT INTO role_assignments (id, user_id, role_id, org_id, justification, "
                                   "created_at) VALUES (?, ?, 'member', ?, 'test', '2026-01-01T00:00:00Z')"),
                    {QStringLiteral("ra-leaver"), leaver, leaverOrg}));
    r = client(m_northwindToken)
            .send("POST", QStringLiteral("/api/v1/users/%1/offboard").arg(leaver), R"({"reason": "left the company"})",
                  "application/json");
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("status"))), QStringLiteral("disabled"));
    for (const auto& m : r.object().value(QStringLiteral("memberships")).toArray()) {
        QCOMPARE(str(m.toObject().value(QStringLiteral("status"))), QStringLiteral("ended"));
        QVERIFY(m.toObject().value(QStringLiteral("roleAssignments")).toArray().isEmpty());
    }
    QCOMPARE(
        sqlColumn(QStringLiteral("SELECT COUNT(*) FROM memberships WHERE user_id = ? AND status <> 'ended'"), {leaver})
            .value(0),
        QStringLiteral("0"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT COUNT(*) FROM role_assignments WHERE user_id = ? AND revoked_at IS NULL"),
                       {leaver})
                 .value(0),
             QStringLiteral("0"));
    QCOMPARE(
        sqlColumn(QStringLiteral("SELECT reason FROM audit_events WHERE action = 'user.offboard' AND target_id = ?"),
                  {leaver})
            .value(0),
        QStringLiteral("left the company"));
    // Still visible (records are kept), and the auditor may look but not touch.
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/users/") + leaver).status, 200);
    const int denied = auditCount(QStringLiteral("user.enable"), QStringLiteral("denied"), leaver);
    r = post(m_auditorToken, QStringLiteral("/api/v1/users/%1/enable").arg(leaver));
    QCOMPARE(r.status, 403);
    QCOMPARE(auditCount(QStringLiteral("user.enable"), QStringLiteral("denied"), leaver), denied + 1);
}

void PeopleTest::accountActionsOutsideScopeAreRefused()
{
    const QString mixed = peopleInside(m_northwindPath, false).value(0);
    QVERIFY(!mixed.isEmpty());
    const QStringList paths = {QStringLiteral("disable"), QStringLiteral("offboard"), QStringLiteral("reset-mfa"),
                               QStringLiteral("revoke-sessions"), QStringLiteral("enable")};
    for (const QString& action : paths) {
        const HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/%2").arg(mixed, action));
        QVERIFY2(r.status == 403, qPrintable(action + u' ' + QString::fromUtf8(r.describe())));
        QVERIFY2(r.object().value(QStringLiteral("message")).toString().contains(QStringLiteral("Offboard")),
                 r.describe());
    }
    QCOMPARE(patch(m_northwindToken, QStringLiteral("/api/v1/users/") + mixed,
                   {{QStringLiteral("displayName"), QStringLiteral("Renamed")}})
                 .status,
             403);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {mixed}).value(0),
             QStringLiteral("active"));
    QVERIFY(auditCount(QStringLiteral("user.disable"), QStringLiteral("denied"), mixed) >= 1);
    // The refusal is filed under the partner's own organisation, where their audit view shows it.
    const QString deniedPath = sqlColumn(QStringLiteral("SELECT target_org_path FROM audit_events WHERE action = "
                                                        "'user.disable' AND outcome = 'denied' AND target_id = ?"),
                                         {mixed})
                                   .value(0);
    QVERIFY2(deniedPath.startsWith(m_northwindPath), qPrintable(deniedPath));

    // A stranger: 404, exactly like nobody.
    const QString stranger = userIdOf(kAuditor);
    for (const QString& action : paths) {
        const HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/%2").arg(stranger, action));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
    }
    QCOMPARE(post(m_northwindToken, QStringLiteral("/api/v1/users/nobody/disable")).status, 404);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {stranger}).value(0),
             QStringLiteral("active"));
}

void PeopleTest::selfActionsAreRefused()
{
    const QString self = userIdOf(kNorthwindAdmin);
    for (const QString& action : {QStringLiteral("disable"), QStringLiteral("offboard"), QStringLiteral("reset-mfa")}) {
        const HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/%2").arg(self, action));
        QVERIFY2(r.status == 403, qPrintable(action + u' ' + QString::fromUtf8(r.describe())));
    }
    const QString membership =
        sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE user_id = ?"), {self}).value(0);
    QCOMPARE(post(m_northwindToken, QStringLiteral("/api/v1/memberships/%1/offboard").arg(membership)).status, 403);
    QCOMPARE(patch(m_northwindToken, QStringLiteral("/api/v1/memberships/") + membership,
                   {{QStringLiteral("expiresAt"), QJsonValue::Null}})
                 .status,
             403);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {self}).value(0),
             QStringLiteral("active"));
    QVERIFY(auditCount(QStringLiteral("user.disable"), QStringLiteral("denied"), self) >= 1);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/me")).status, 200);
}

void PeopleTest::lastAdminRule()
{
    // Northwind's only admin is the partner superadmin; its user manager holds user.manage at Northwind itself.
    const QString superadmin = userIdOf(kNorthwindAdmin);
    const QString managerEmail =
        sqlColumn(QStringLiteral("SELECT u.email FROM users u JOIN role_assignments ra ON ra.user_id = u.id "
                                 "JOIN roles r ON r.id = ra.role_id WHERE ra.org_id = ? AND r.key = 'user-manager'"),
                  {m_northwindId})
            .value(0);
    QVERIFY(!managerEmail.isEmpty());
    m_used.insert(userIdOf(managerEmail));
    const QByteArray managerToken = m_server.adminToken(managerEmail);
    QVERIFY(!managerToken.isEmpty());
    for (const QString& action : {QStringLiteral("disable"), QStringLiteral("offboard")}) {
        const HttpResult r = post(managerToken, QStringLiteral("/api/v1/users/%1/%2").arg(superadmin, action));
        QVERIFY2(r.status == 409, r.describe());
        QCOMPARE(r.errorCode(), QStringLiteral("last_admin"));
    }
    const QString membership = sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE user_id = ? AND org_id = ?"),
                                         {superadmin, m_northwindId})
                                   .value(0);
    const HttpResult endIt = post(managerToken, QStringLiteral("/api/v1/memberships/%1/offboard").arg(membership));
    QCOMPARE(endIt.status, 409);
    QCOMPARE(endIt.errorCode(), QStringLiteral("last_admin"));
    QVERIFY(auditCount(QStringLiteral("user.disable"), QStringLiteral("denied"), superadmin) >= 1);
    QCOMPARE(client(m_northwindToken).get(QStringLiteral("/api/v1/me")).status, 200);
    // Resetting MFA takes no admin away: allowed for the manager (and not the superadmin's own doing).
    // (Not done here: it would sign the superadmin out of this test.)

    // The sole admin of a customer below Northwind: the partner admin's grant comes from above, so it is allowed.
    const QString customerAdmin =
        sqlColumn(QStringLiteral("SELECT ra.user_id FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                 "JOIN orgs o ON o.id = ra.org_id JOIN memberships m ON m.user_id = ra.user_id "
                                 "AND m.org_id = ra.org_id WHERE r.key = 'org-admin' AND o.parent_id = ? "
                                 "AND o.kind = 'customer' AND m.expires_at IS NULL AND m.status = 'active' "
                                 "AND (SELECT COUNT(*) FROM memberships m2 WHERE m2.user_id = ra.user_id) = 1"),
                  {m_northwindId})
            .value(0);
    QVERIFY(!customerAdmin.isEmpty());
    m_used.insert(customerAdmin);
    HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/disable").arg(customerAdmin));
    QVERIFY2(r.status == 200, r.describe());
    r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/enable").arg(customerAdmin));
    QVERIFY2(r.status == 200, r.describe());
}

void PeopleTest::membershipUpdateAndEndDateRemovesAdminRights()
{
    // The sole org-admin of a service partner under Northwind, with a token of their own.
    const QString adminId =
        sqlColumn(QStringLiteral("SELECT ra.user_id FROM role_assignments ra JOIN roles r ON r.id = ra.role_id "
                                 "JOIN orgs o ON o.id = ra.org_id JOIN memberships m ON m.user_id = ra.user_id "
                                 "AND m.org_id = ra.org_id WHERE r.key = 'org-admin' AND o.parent_id = ? "
                                 "AND o.kind = 'service-partner' AND m.expires_at IS NULL AND m.status = 'active' "
                                 "AND (SELECT COUNT(*) FROM memberships m2 WHERE m2.user_id = ra.user_id) = 1"),
                  {m_northwindId})
            .value(0);
    QVERIFY(!adminId.isEmpty());
    m_used.insert(adminId);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {adminId}).value(0);
    const QString org =
        sqlColumn(QStringLiteral("SELECT org_id FROM memberships WHERE user_id = ?"), {adminId}).value(0);
    const QString membership =
        sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE user_id = ?"), {adminId}).value(0);
    const QByteArray token = m_server.adminToken(email);
    QVERIFY(!token.isEmpty());
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/orgs/%1/members").arg(org)).status, 200);

    // Input checks: unknown fields, past dates, bad formats, empty bodies.
    const QString path = QStringLiteral("/api/v1/memberships/") + membership;
    HttpResult r = patch(m_northwindToken, path, {{QStringLiteral("status"), QStringLiteral("ended")}});
    QCOMPARE(r.errorCode(), QStringLiteral("unknown_field"));
    r = patch(m_northwindToken, path, {{QStringLiteral("expiresAt"), QStringLiteral("2020-01-01T00:00:00Z")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("expiresAt"));
    r = patch(m_northwindToken, path, {{QStringLiteral("expiresAt"), QStringLiteral("tomorrow")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(patch(m_northwindToken, path, {}).status, 400);
    QCOMPARE(patch(m_northwindToken, QStringLiteral("/api/v1/memberships/nope"),
                   {{QStringLiteral("title"), QStringLiteral("x")}})
                 .status,
             404);
    QCOMPARE(patch(m_auditorToken, path, {{QStringLiteral("title"), QStringLiteral("x")}}).status, 403);

    // Title and a far end date, then cleared again.
    r = patch(m_northwindToken, path,
              {{QStringLiteral("title"), QStringLiteral("Interim Lead")},
               {QStringLiteral("expiresAt"), QStringLiteral("2099-01-01T00:00:00Z")}});
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("title"))), QStringLiteral("Interim Lead"));
    QCOMPARE(str(r.object().value(QStringLiteral("expiresAt"))), QStringLiteral("2099-01-01T00:00:00Z"));
    QCOMPARE(str(r.object().value(QStringLiteral("orgName"))),
             sqlColumn(QStringLiteral("SELECT name FROM orgs WHERE id = ?"), {org}).value(0));
    r = patch(m_northwindToken, path, {{QStringLiteral("expiresAt"), QJsonValue::Null}});
    QVERIFY2(r.status == 200, r.describe());
    QVERIFY(r.object().value(QStringLiteral("expiresAt")).isNull());
    QCOMPARE(auditCount(QStringLiteral("membership.update"), QStringLiteral("success"), membership), 2);

    // An end date a few seconds ahead: when it passes, the admin rights go with it, by themselves.
    const QString soon = QDateTime::currentDateTimeUtc().addSecs(3).toString(Qt::ISODate);
    r = patch(m_northwindToken, path, {{QStringLiteral("expiresAt"), soon}});
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("status"))), QStringLiteral("active"));
    QCOMPARE(client(token).get(QStringLiteral("/api/v1/orgs/%1/members").arg(org)).status, 200);
    QThread::msleep(4500);
    const HttpResult after = client(token).get(QStringLiteral("/api/v1/orgs/%1/members").arg(org));
    QVERIFY2(after.status == 404, after.describe());
    const QJsonArray listed = allMembers(m_northwindToken, org, QStringLiteral("status=ended"));
    QVERIFY(idSet(listed).contains(membership));
    for (const auto& item : listed) {
        if (str(item.toObject().value(QStringLiteral("id"))) == membership)
            QVERIFY(item.toObject().value(QStringLiteral("expired")).toBool());
    }
}

void PeopleTest::membershipOffboard()
{
    // A person in two Northwind orgs: ending one keeps their sessions, ending the last signs them out.
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    const QString first =
        sqlColumn(QStringLiteral("SELECT org_id FROM memberships WHERE user_id = ?"), {person}).value(0);
    const QString second = sqlColumn(QStringLiteral("SELECT id FROM orgs WHERE parent_id = ? AND id <> ? ORDER BY id"),
                                     {m_northwindId, first})
                               .value(0);
    QVERIFY(!second.isEmpty());
    QVERIFY(execSql(QStringLiteral("INSERT INTO memberships (id, user_id, org_id, status, title, source, created_at) "
                                   "VALUES ('m-second', ?, ?, 'active', 'Helper', 'manual', '2026-01-01T00:00:00Z')"),
                    {person, second}));
    QVERIFY(execSql(QStringLiteral("INSERT INTO role_assignments (id, user_id, role_id, org_id, justification, "
                                   "created_at) VALUES ('ra-second', ?, 'user-manager', ?, 'test', "
                                   "'2026-01-01T00:00:00Z')"),
                    {person, second}));
    givePassword(person);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {person}).value(0);
    const QString rt = refreshTokenFor(email);
    QVERIFY(!rt.isEmpty());

    HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/memberships/m-second/offboard"));
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(str(r.object().value(QStringLiteral("status"))), QStringLiteral("ended"));
    QVERIFY(r.object().value(QStringLiteral("roles")).toArray().isEmpty());
    QVERIFY(!sqlColumn(QStringLiteral("SELECT revoked_at FROM role_assignments WHERE id = 'ra-second'"))
                 .value(0)
                 .isEmpty());
    const HttpResult stillIn = refresh(rt);
    QVERIFY2(stillIn.status == 200, stillIn.describe()); // another membership is active: sessions stay
    QCOMPARE(post(m_northwindToken, QStringLiteral("/api/v1/memberships/m-second/offboard")).status, 409);
    QCOMPARE(auditCount(QStringLiteral("membership.offboard"), QStringLiteral("success"), QStringLiteral("m-second")),
             1);

    const QString last =
        sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE user_id = ? AND org_id = ?"), {person, first})
            .value(0);
    r = post(m_northwindToken, QStringLiteral("/api/v1/memberships/%1/offboard").arg(last));
    QVERIFY2(r.status == 200, r.describe());
    const HttpResult out = refresh(stillIn.object().value(QStringLiteral("refresh_token")).toString());
    QCOMPARE(out.status, 400);
    QCOMPARE(out.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // Outside the partner's scope: 404.
    const QString acmeMembership =
        sqlColumn(QStringLiteral("SELECT id FROM memberships WHERE org_id = ?"), {m_acmeId}).value(0);
    QCOMPARE(post(m_northwindToken, QStringLiteral("/api/v1/memberships/%1/offboard").arg(acmeMembership)).status, 404);
}

void PeopleTest::revokeSessionsKillsRefreshToken()
{
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    givePassword(person);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {person}).value(0);
    const QString rt1 = refreshTokenFor(email);
    QVERIFY(!rt1.isEmpty());
    const HttpResult rotated = refresh(rt1); // alive before
    QVERIFY2(rotated.status == 200, rotated.describe());
    const QString rt2 = rotated.object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(client(m_northwindToken)
                .get(QStringLiteral("/api/v1/users/") + person)
                .object()
                .value(QStringLiteral("activeSessions"))
                .toObject()
                .value(QStringLiteral("refreshTokens"))
                .toInt() >= 1);

    const HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/revoke-sessions").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    QCOMPARE(r.object().value(QStringLiteral("activeSessions")).toObject().value(QStringLiteral("total")).toInt(), 0);
    const HttpResult dead = refresh(rt2);
    QCOMPARE(dead.status, 400);
    QCOMPARE(dead.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(auditCount(QStringLiteral("user.sessions_revoke"), QStringLiteral("success"), person), 1);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT status FROM users WHERE id = ?"), {person}).value(0),
             QStringLiteral("active"));
    // A new sign-in works again.
    QVERIFY(!refreshTokenFor(email).isEmpty());
}

void PeopleTest::disableKillsRefreshTokenForGood()
{
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    givePassword(person);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {person}).value(0);
    const QString rt = refreshTokenFor(email);
    QVERIFY(!rt.isEmpty());
    HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/disable").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    // Revoked in the database (not merely refused while the account is disabled)...
    QCOMPARE(
        sqlColumn(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NOT NULL "
                                 "AND revoke_reason = 'user disabled'"),
                  {person})
            .value(0),
        QStringLiteral("1"));
    r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/enable").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    // ...so enabled again, the old refresh token stays dead (it was never presented while disabled).
    const HttpResult stillDead = refresh(rt);
    QCOMPARE(stillDead.status, 400);
    QCOMPARE(stillDead.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // A fresh sign-in works: the account itself is fine.
    QVERIFY(!refreshTokenFor(email).isEmpty());
}

void PeopleTest::offboardKillsRefreshToken()
{
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    givePassword(person);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {person}).value(0);
    const QString rt = refreshTokenFor(email);
    QVERIFY(!rt.isEmpty());
    const HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/offboard").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    const HttpResult dead = refresh(rt);
    QCOMPARE(dead.status, 400);
    QCOMPARE(dead.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    QCOMPARE(sqlColumn(QStringLiteral("SELECT COUNT(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL"),
                       {person})
                 .value(0),
             QStringLiteral("0"));
    QCOMPARE(auditCount(QStringLiteral("user.offboard"), QStringLiteral("success"), person), 1);
}

void PeopleTest::resetMfaForcesEnrolmentAtNextSignIn()
{
    const QString person = freshNorthwindStaff();
    QVERIFY(!person.isEmpty());
    givePassword(person);
    const QString email = sqlColumn(QStringLiteral("SELECT email FROM users WHERE id = ?"), {person}).value(0);
    // A confirmed factor to lose.
    QVERIFY(execSql(QStringLiteral("INSERT INTO totp_factors (user_id, secret, confirmed_at, created_at) "
                                   "VALUES (?, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', '2026-01-01T00:00:00Z', "
                                   "'2026-01-01T00:00:00Z')"),
                    {person}));
    QVERIFY(client(m_northwindToken)
                .get(QStringLiteral("/api/v1/users/") + person)
                .object()
                .value(QStringLiteral("mfa"))
                .toObject()
                .value(QStringLiteral("totpEnrolled"))
                .toBool());

    HttpResult r = post(m_northwindToken, QStringLiteral("/api/v1/users/%1/reset-mfa").arg(person));
    QVERIFY2(r.status == 200, r.describe());
    QJsonObject mfa = r.object().value(QStringLiteral("mfa")).toObject();
    QCOMPARE(mfa.value(QStringLiteral("totpEnrolled")).toBool(), false);
    QCOMPARE(mfa.value(QStringLiteral("resetPending")).toBool(), true);
    QCOMPARE(sqlColumn(QStringLiteral("SELECT COUNT(*) FROM totp_factors WHERE user_id = ?"), {person}).value(0),
             QStringLiteral("0"));
    QCOMPARE(auditCount(QStringLiteral("user.mfa_reset"), QStringLiteral("success"), person), 1);
    QVERIFY(!sqlColumn(QStringLiteral("SELECT after_state FROM audit_events WHERE action = 'user.mfa_reset' "
                                      "AND target_id = ?"),
                       {person})
                 .value(0)
                 .contains(QStringLiteral("JBSWY3DP")));

    // The plain journey (no MFA asked for by the application) now makes the person enrol after the password.
    const std::string verifier = crypto::Pkce::newVerifier();
    QUrlQuery query;
    for (const auto& [name, value] : QList<QPair<QString, QString>>{
             {QStringLiteral("client_id"), QStringLiteral("trellis-console")},
             {QStringLiteral("redirect_uri"), kRedirect},
             {QStringLiteral("response_type"), QStringLiteral("code")},
             {QStringLiteral("scope"), QStringLiteral("openid")},
             {QStringLiteral("state"), QStringLiteral("mfa")},
             {QStringLiteral("code_challenge"), QString::fromStdString(crypto::Pkce::s256Challenge(verifier))},
             {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}})
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    LoginBrowser browser(m_server.baseUrl());
    QCOMPARE(browser.open(QStringLiteral("/oauth2/authorize?") + query.query(QUrl::FullyEncoded)).status, 200);
    browser.submit({{QStringLiteral("node"), QStringLiteral("identify")}, {QStringLiteral("email"), email}});
    const HttpResult enrol =
        browser.submit({{QStringLiteral("node"), QStringLiteral("password")}, {QStringLiteral("password"), kPassword}});
    QVERIFY2(enrol.status == 200, enrol.describe().left(300));
    const QString secret = LoginBrowser::attribute(enrol.body, QStringLiteral("secret"));
    QVERIFY2(secret.size() >= 32, "no TOTP enrolment screen after an MFA reset");
    QVERIFY(!secret.startsWith(QStringLiteral("JBSWY3DP")));
    // A reload keeps the enrolment screen.
    QCOMPARE(LoginBrowser::attribute(browser.get(QStringLiteral("/login/flow")).body, QStringLiteral("secret")),
             secret);
    const HttpResult done = browser.submit({{QStringLiteral("node"), QStringLiteral("totp-enrol")},
                                            {QStringLiteral("code"), QString::fromStdString(totpNow(secret))}});
    QVERIFY2(done.status == 303, done.describe().left(300));
    QVERIFY(done.header("Location").startsWith(kRedirect.toUtf8() + "?code="));

    mfa = client(m_northwindToken)
              .get(QStringLiteral("/api/v1/users/") + person)
              .object()
              .value(QStringLiteral("mfa"))
              .toObject();
    QCOMPARE(mfa.value(QStringLiteral("totpEnrolled")).toBool(), true);
    QCOMPARE(mfa.value(QStringLiteral("resetPending")).toBool(), false);
}

QTEST_GUILESS_MAIN(PeopleTest)
#include "tst_people.moc"
