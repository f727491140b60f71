// The audit trail against a real trellisd with the demo world, on SQLite or (TRELLIS_TEST_POSTGRES) PostgreSQL:
// every filter of GET /api/v1/audit/events against a brute-force filter over the whole trail, keyset pages stable
// while events are appended, delegated admins confined to their subtree, streamed exports, and tamper evidence:
// changing, deleting or reordering one event directly in the database is named by `trellisd audit verify` and by
// POST /api/v1/audit/verify; an untouched trail and one purged under retention (from its signed anchor) verify.
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <atomic>
#include <functional>
#include <memory>
#include <random>
#include <thread>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
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

qint64 seq(const QJsonObject& e)
{
    return e.value(QStringLiteral("sequence")).toInteger();
}

} // namespace

class AuditTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void everyFilterMatchesABruteForceFilter();
    void pagesStayStableWhileEventsAreAppended();
    void delegatedAdminsSeeOnlyTheirSubtree();
    void badFiltersAreNamed();
    void actionCatalogIsDocumented();
    void exportsStreamAndVerifyOffline();
    void histogramCountsPerOutcome();
    void delegationChainFollowsTheGrants();
    void tamperingIsNamed();
    void purgeKeepsTheChainVerifiable();

private:
    TestHttpClient client(const QByteArray& token) const;
    QList<QJsonObject> allEvents(const QByteArray& token, const QString& query, int pageSize);
    void makeEvents(int rounds);
    QJsonObject verifyByApi();
    TrellisdRun verifyByCli(const QStringList& extra = {});
    void dropGuards();
    bool rawExec(const QString& sql);

    std::unique_ptr<PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    QByteArray m_ownerToken;
    QByteArray m_auditorToken;
    QByteArray m_northwindToken;
    QString m_acmeId;
    QString m_northwindId;
    QString m_northwindPath;
    QString m_siblingId;
    int m_counter = 0;
};

void AuditTest::initTestCase()
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
    // One-row pages below make more requests than the default limit per client address allows.
    m_server.setExtraArguments({QStringLiteral("--rate-limit"), QStringLiteral("0")});
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_ownerToken = m_server.adminToken(kOwner);
    m_auditorToken = m_server.adminToken(kAuditor);
    m_northwindToken = m_server.adminToken(kNorthwindAdmin);
    QVERIFY(!m_ownerToken.isEmpty() && !m_auditorToken.isEmpty() && !m_northwindToken.isEmpty());
    const QJsonObject me = client(m_northwindToken).get(QStringLiteral("/api/v1/me")).object();
    m_northwindId = me.value(QStringLiteral("rootOrgIds")).toArray().first().toString();
    m_acmeId = client(m_ownerToken)
                   .get(QStringLiteral("/api/v1/me"))
                   .object()
                   .value(QStringLiteral("rootOrgIds"))
                   .toArray()
                   .first()
                   .toString();
    QVERIFY(!m_acmeId.isEmpty() && !m_northwindId.isEmpty() && m_acmeId != m_northwindId);
    m_northwindPath = QStringLiteral("/%1/%2/").arg(m_acmeId, m_northwindId);
    for (const auto& child :
         client(m_ownerToken).get(QStringLiteral("/api/v1/orgs/%1/children").arg(m_acmeId)).items()) {
        const QJsonObject org = child.toObject();
        if (str(org, "kind") == QStringLiteral("reseller") && str(org, "id") != m_northwindId)
            m_siblingId = str(org, "id");
    }
    QVERIFY(!m_siblingId.isEmpty());
    // Enough events that one-row pages take the query's probe of the newest window (200 sequences per row).
    makeEvents(60);
}

void AuditTest::cleanupTestCase()
{
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

TestHttpClient AuditTest::client(const QByteArray& token) const
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(token);
    return http;
}

// Varied events: two actors, two subtrees, successes and denied attempts, creations and changes.
void AuditTest::makeEvents(int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        const int n = ++m_counter;
        const auto create = [&](const QByteArray& token, const QString& parent, const QString& name) {
            return client(token).postJson(
                QStringLiteral("/api/v1/orgs"),
                {{QStringLiteral("parentId"), parent},
                 {QStringLiteral("kind"), QStringLiteral("customer")},
                 {QStringLiteral("name"), name},
                 {QStringLiteral("slug"), name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'))}});
        };
        const HttpResult acme = create(m_ownerToken, m_acmeId, QStringLiteral("Audit Acme %1").arg(n));
        QVERIFY2(acme.status == 201, acme.describe());
        const HttpResult northwind = create(m_northwindToken, m_northwindId, QStringLiteral("Audit North %1").arg(n));
        QVERIFY2(northwind.status == 201, northwind.describe());
        const HttpResult outside = create(m_northwindToken, m_siblingId, QStringLiteral("Audit Outside %1").arg(n));
        QVERIFY2(outside.status == 404 || outside.status == 403, outside.describe());
        const HttpResult renamed =
            client(m_ownerToken)
                .send("PATCH", QStringLiteral("/api/v1/orgs/") + str(northwind.object(), "id"),
                      QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Audit North %1b").arg(n)}})
                          .toJson(QJsonDocument::Compact),
                      "application/json");
        QVERIFY2(renamed.status == 200, renamed.describe());
    }
}

QList<QJsonObject> AuditTest::allEvents(const QByteArray& token, const QString& query, int pageSize)
{
    QList<QJsonObject> events;
    QString before;
    for (int guard = 0; guard < 10000; ++guard) {
        QString path = QStringLiteral("/api/v1/audit/events?limit=%1").arg(pageSize);
        if (!query.isEmpty())
            path += QLatin1Char('&') + query;
        if (!before.isEmpty())
            path += QStringLiteral("&before=") + before;
        const HttpResult page = client(token).get(path);
        if (page.status != 200) {
            qWarning("%s", page.describe().constData());
            return {};
        }
        for (const auto& e : page.object().value(QStringLiteral("events")).toArray())
            events.append(e.toObject());
        const QJsonValue next = page.object().value(QStringLiteral("nextBefore"));
        if (next.isNull() || next.isUndefined())
            break;
        before = QString::number(next.toInteger());
    }
    return events;
}

void AuditTest::everyFilterMatchesABruteForceFilter()
{
    const QList<QJsonObject> everything = allEvents(m_auditorToken, {}, 500);
    QVERIFY2(everything.size() > 20, qPrintable(QString::number(everything.size())));
    for (int i = 1; i < everything.size(); ++i)
        QVERIFY(seq(everything[i]) < seq(everything[i - 1]));

    const QJsonObject sample = [&] {
        for (const QJsonObject& e : everything)
            if (str(e, "action") == QStringLiteral("org.update") && !str(e, "requestId").isEmpty())
                return e;
        return QJsonObject();
    }();
    QVERIFY(!sample.isEmpty());
    const QString middleTime = str(everything[everything.size() / 2], "occurredAt");

    struct Case
    {
        QString query;
        std::function<bool(const QJsonObject&)> matches;
    };
    const auto in = [](const QString& path, const QString& prefix) { return path.startsWith(prefix); };
    const auto textCase = [](const QString& text) {
        return Case{QStringLiteral("q=") + QString::fromUtf8(QUrl::toPercentEncoding(text)),
                    [text](const QJsonObject& e) {
                        for (const char* key : {"actorDisplay", "targetDisplay", "action", "reason", "targetId",
                                                "actorId", "clientAddress", "requestId"})
                            if (str(e, key).toLower().contains(text.toLower()))
                                return true;
                        return false;
                    }};
    };
    const QList<Case> cases{
        {QStringLiteral("actor=") + kNorthwindAdmin,
         [](const QJsonObject& e) { return str(e, "actorDisplay") == kNorthwindAdmin; }},
        {QStringLiteral("org=") + m_northwindId,
         [&](const QJsonObject& e) { return in(str(e, "targetOrgPath"), m_northwindPath); }},
        // A small subtree, and rarer matches within subtrees: the probe misses and the subtree is walked path by
        // path (a few paths) or read through the path index (many).
        {QStringLiteral("org=") + str(sample, "targetId"),
         [&](const QJsonObject& e) { return in(str(e, "targetOrgPath"), str(sample, "targetOrgPath")); }},
        {QStringLiteral("org=") + str(sample, "targetId") + QStringLiteral("&group=org&outcome=success"),
         [&](const QJsonObject& e) {
             return in(str(e, "targetOrgPath"), str(sample, "targetOrgPath")) &&
                    str(e, "action").startsWith(QLatin1String("org.")) &&
                    str(e, "outcome") == QStringLiteral("success");
         }},
        {QStringLiteral("org=") + m_northwindId + QStringLiteral("&group=role"),
         [&](const QJsonObject& e) {
             return in(str(e, "targetOrgPath"), m_northwindPath) && str(e, "action").startsWith(QLatin1String("role."));
         }},
        {QStringLiteral("org=") + m_northwindId + QStringLiteral("&outcome=denied,failure"),
         [&](const QJsonObject& e) {
             return in(str(e, "targetOrgPath"), m_northwindPath) && str(e, "outcome") != QStringLiteral("success");
         }},
        {QStringLiteral("action=org.create,org.update"),
         [](const QJsonObject& e) {
             return str(e, "action") == QStringLiteral("org.create") ||
                    str(e, "action") == QStringLiteral("org.update");
         }},
        {QStringLiteral("group=org"),
         [](const QJsonObject& e) { return str(e, "action").startsWith(QLatin1String("org.")); }},
        {QStringLiteral("outcome=denied"),
         [](const QJsonObject& e) { return str(e, "outcome") == QStringLiteral("denied"); }},
        {QStringLiteral("outcome=denied&actor=") + kNorthwindAdmin,
         [](const QJsonObject& e) {
             return str(e, "outcome") == QStringLiteral("denied") && str(e, "actorDisplay") == kNorthwindAdmin;
         }},
        {QStringLiteral("targetType=org&targetId=") + str(sample, "targetId"),
         [&](const QJsonObject& e) {
             return str(e, "targetType") == QStringLiteral("org") && str(e, "targetId") == str(sample, "targetId");
         }},
        {QStringLiteral("target=") + QString::fromUtf8(QUrl::toPercentEncoding(str(sample, "targetDisplay").toUpper())),
         [&](const QJsonObject& e) {
             return str(e, "targetId") == str(sample, "targetDisplay") ||
                    str(e, "targetDisplay").toLower() == str(sample, "targetDisplay").toLower();
         }},
        {QStringLiteral("requestId=") + str(sample, "requestId"),
         [&](const QJsonObject& e) { return str(e, "requestId") == str(sample, "requestId"); }},
        {QStringLiteral("clientAddress=127.0.0.1"),
         [](const QJsonObject& e) { return str(e, "clientAddress") == QStringLiteral("127.0.0.1"); }},
        // Free text: short (no trigram index), common, mixed case, an id fragment, a rare name, LIKE's own signs.
        textCase(QStringLiteral("north 3")),
        textCase(QStringLiteral("no")),
        textCase(QStringLiteral("org.upd")),
        textCase(QStringLiteral("AUDIT NORTH 1")),
        textCase(str(sample, "targetId").mid(4, 8)),
        textCase(QStringLiteral("audit acme 2b")),
        textCase(QStringLiteral("\"%_x")),
        {QStringLiteral("from=") + middleTime,
         [&](const QJsonObject& e) { return str(e, "occurredAt") >= middleTime; }},
        {QStringLiteral("to=") + middleTime, [&](const QJsonObject& e) { return str(e, "occurredAt") < middleTime; }},
    };
    for (const Case& c : cases) {
        QList<qint64> expected;
        for (const QJsonObject& e : everything)
            if (c.matches(e))
                expected.append(seq(e));
        // Free text and a time bound may rightly match nothing (all events can share one second).
        QVERIFY2(!expected.isEmpty() || c.query.startsWith(QStringLiteral("q=")) ||
                     c.query.startsWith(QStringLiteral("to=")),
                 qPrintable(c.query));
        // One-row pages and pages of seven: keyset pagination, the probe of the newest window and its fallbacks for
        // rarer matches (an index, or a subtree's paths merged) are part of what is checked.
        for (const int pageSize : {1, 7}) {
            QList<qint64> actual;
            for (const QJsonObject& e : allEvents(m_auditorToken, c.query, pageSize))
                actual.append(seq(e));
            // Events written since (the audit.query denials are none; exports add some): only compare what existed.
            actual.erase(
                std::remove_if(actual.begin(), actual.end(), [&](qint64 s) { return s > seq(everything.first()); }),
                actual.end());
            QVERIFY2(actual == expected, qPrintable(c.query + QStringLiteral(" (pages of %3): %1 events, expected %2")
                                                                  .arg(actual.size())
                                                                  .arg(expected.size())
                                                                  .arg(pageSize)));
        }
    }
}

void AuditTest::pagesStayStableWhileEventsAreAppended()
{
    const qint64 newest = seq(allEvents(m_auditorToken, QStringLiteral("limit=1"), 1).value(0));
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    // Another writer appends events the whole time (its own HTTP client on its own thread).
    std::thread writer([&] {
        TestHttpClient http(m_server.baseUrl());
        http.setBearerToken(m_ownerToken);
        for (int i = 0; !stop && i < 200; ++i) {
            const HttpResult r = http.send(
                "PATCH", QStringLiteral("/api/v1/orgs/") + m_northwindId,
                QJsonDocument(QJsonObject{{QStringLiteral("name"), i % 2 ? QStringLiteral("Northwind Trading")
                                                                         : QStringLiteral("Northwind Trading Co")}})
                    .toJson(QJsonDocument::Compact),
                "application/json");
            if (r.status == 200 || r.status == 400)
                ++written;
        }
    });
    QList<qint64> seen;
    QString before = QString::number(newest + 1);
    for (;;) {
        const HttpResult page =
            client(m_auditorToken).get(QStringLiteral("/api/v1/audit/events?limit=4&before=") + before);
        QCOMPARE(page.status, 200);
        for (const auto& e : page.object().value(QStringLiteral("events")).toArray())
            seen.append(seq(e.toObject()));
        const QJsonValue next = page.object().value(QStringLiteral("nextBefore"));
        if (next.isNull())
            break;
        before = QString::number(next.toInteger());
    }
    stop = true;
    writer.join();
    QVERIFY(written > 0);
    // Every event up to the starting point exactly once, in order: no gaps, no duplicates.
    QCOMPARE(seen.size(), int(newest));
    for (int i = 0; i < seen.size(); ++i)
        QCOMPARE(seen[i], newest - i);
}

void AuditTest::delegatedAdminsSeeOnlyTheirSubtree()
{
    const QList<QJsonObject> northwind = allEvents(m_northwindToken, {}, 200);
    QVERIFY(!northwind.isEmpty());
    for (const QJsonObject& e : northwind)
        QVERIFY2(str(e, "targetOrgPath").startsWith(m_northwindPath), qPrintable(str(e, "targetOrgPath")));
    int expected = 0;
    for (const QJsonObject& e : allEvents(m_auditorToken, {}, 500))
        if (str(e, "targetOrgPath").startsWith(m_northwindPath))
            ++expected;
    QCOMPARE(northwind.size(), expected);
    // Their own denied attempts outside: not theirs to read (the demo history has denied attempts inside).
    for (const QJsonObject& e : allEvents(m_northwindToken, QStringLiteral("outcome=denied"), 50))
        QVERIFY2(str(e, "targetOrgPath").startsWith(m_northwindPath), qPrintable(str(e, "targetOrgPath")));
    int deniedOutside = 0;
    for (const QJsonObject& e : allEvents(m_auditorToken, QStringLiteral("outcome=denied"), 500))
        if (str(e, "actorDisplay") == kNorthwindAdmin && !str(e, "targetOrgPath").startsWith(m_northwindPath))
            ++deniedOutside;
    QVERIFY(deniedOutside > 0);
    const HttpResult outside = client(m_northwindToken).get(QStringLiteral("/api/v1/audit/events?org=") + m_acmeId);
    QCOMPARE(outside.status, 404);
    QCOMPARE(outside.errorField(), QStringLiteral("org"));
    QCOMPARE(client(m_northwindToken).send("POST", QStringLiteral("/api/v1/audit/verify")).status, 403);
    // Someone without audit.read at all.
    const QByteArray member = m_server.adminToken(QStringLiteral("auditor@acme.example"));
    QCOMPARE(client(member).get(QStringLiteral("/api/v1/audit/events")).status, 200);
}

void AuditTest::badFiltersAreNamed()
{
    const QList<QPair<QString, QString>> bad{
        {QStringLiteral("from=yesterday"), QStringLiteral("from")},
        {QStringLiteral("action=org.explode"), QStringLiteral("action")},
        {QStringLiteral("group=nope"), QStringLiteral("group")},
        {QStringLiteral("outcome=maybe"), QStringLiteral("outcome")},
        {QStringLiteral("limit=0"), QStringLiteral("limit")},
        {QStringLiteral("before=x"), QStringLiteral("before")},
        {QStringLiteral("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), QStringLiteral("to")}};
    for (const auto& [query, field] : bad) {
        const HttpResult r = client(m_auditorToken).get(QStringLiteral("/api/v1/audit/events?") + query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), field);
        QVERIFY(!r.object().value(QStringLiteral("message")).toString().isEmpty());
    }
}

void AuditTest::actionCatalogIsDocumented()
{
    const HttpResult r = client(m_northwindToken).get(QStringLiteral("/api/v1/audit/actions"));
    QCOMPARE(r.status, 200);
    QSet<QString> served;
    for (const auto& a : r.object().value(QStringLiteral("actions")).toArray())
        served.insert(str(a.toObject(), "name"));
    QVERIFY(served.contains(QStringLiteral("role.assign")));
    QFile doc(qEnvironmentVariable("TRELLIS_SOURCE_DIR") + QStringLiteral("/docs/audit.md"));
    QVERIFY2(doc.open(QIODevice::ReadOnly), qPrintable(doc.fileName()));
    QSet<QString> documented;
    const QRegularExpression row(QStringLiteral("^\\| `([a-z_.-]+)` \\|"), QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(QString::fromUtf8(doc.readAll())); it.hasNext();)
        documented.insert(it.next().captured(1));
    // Field names share the table syntax; only compare action-like names.
    documented.removeIf([](const QString& name) { return !name.contains(QLatin1Char('.')); });
    QCOMPARE(documented, served);
}

void AuditTest::exportsStreamAndVerifyOffline()
{
    const HttpResult ndjson = client(m_auditorToken).get(QStringLiteral("/api/v1/audit/export?format=ndjson"));
    QCOMPARE(ndjson.status, 200);
    QCOMPARE(ndjson.header("transfer-encoding"), QByteArray("chunked"));
    const QList<QByteArray> lines = ndjson.body.trimmed().split('\n');
    QVERIFY(lines.size() > 20);
    QCOMPARE(QJsonDocument::fromJson(lines.first()).object().value(QStringLiteral("sequence")).toInteger(), 1);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("export.ndjson"));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(ndjson.body);
    }
    TrellisdRun run =
        TrellisdProcess::run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--file"), file});
    QVERIFY2(run.exitCode == 0, run.stdOut + run.stdErr);
    QVERIFY(run.stdOut.startsWith("Intact"));

    // One changed line in the file is named.
    QByteArray changed = ndjson.body;
    const QByteArray line = lines.at(9);
    QByteArray edited = line;
    edited.replace("\"outcome\":\"success\"", "\"outcome\":\"failure\"");
    edited.replace("\"outcome\":\"denied\"", "\"outcome\":\"success\"");
    QVERIFY(edited != line);
    changed.replace(line, edited);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(changed);
    }
    run = TrellisdProcess::run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--file"), file});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.stdOut.contains("Event 10 was changed"), run.stdOut);

    const HttpResult csv = client(m_auditorToken).get(QStringLiteral("/api/v1/audit/export?format=csv&group=org"));
    QCOMPARE(csv.status, 200);
    QVERIFY(csv.body.startsWith("sequence,occurredAt,actorType"));
    const int orgEvents = allEvents(m_auditorToken, QStringLiteral("group=org"), 500).size();
    QVERIFY(orgEvents > 0);
    // Quoted cells may hold line breaks only in JSON text, which is compact: one line per event.
    QCOMPARE(csv.body.trimmed().split('\n').size(), orgEvents + 1);
    // The export itself is on record.
    QVERIFY(!allEvents(m_auditorToken, QStringLiteral("action=audit.export"), 50).isEmpty());
}

void AuditTest::histogramCountsPerOutcome()
{
    const HttpResult r = client(m_auditorToken).get(QStringLiteral("/api/v1/audit/histogram?bucket=minute&group=org"));
    QCOMPARE(r.status, 200);
    qint64 success = 0, denied = 0;
    for (const auto& b : r.object().value(QStringLiteral("buckets")).toArray()) {
        success += b.toObject().value(QStringLiteral("success")).toInteger();
        denied += b.toObject().value(QStringLiteral("denied")).toInteger();
    }
    qint64 expectedSuccess = 0, expectedDenied = 0;
    for (const QJsonObject& e : allEvents(m_auditorToken, QStringLiteral("group=org"), 500)) {
        expectedSuccess += str(e, "outcome") == QStringLiteral("success");
        expectedDenied += str(e, "outcome") == QStringLiteral("denied");
    }
    QCOMPARE(success, expectedSuccess);
    QCOMPARE(denied, expectedDenied);
    QVERIFY(denied > 0);
}

void AuditTest::delegationChainFollowsTheGrants()
{
    // The Northwind admin's org.create events name the assignment that allowed them.
    const QList<QJsonObject> created =
        allEvents(m_auditorToken, QStringLiteral("action=org.create&outcome=success&actor=") + kNorthwindAdmin, 5);
    QVERIFY(!created.isEmpty());
    const QString delegation = str(created.first(), "delegationId");
    QVERIFY(!delegation.isEmpty());
    const HttpResult chain =
        client(m_auditorToken).get(QStringLiteral("/api/v1/audit/delegations/%1/chain").arg(delegation));
    QVERIFY2(chain.status == 200, chain.describe());
    const QJsonObject first = chain.object().value(QStringLiteral("links")).toArray().first().toObject();
    QCOMPARE(str(first, "assignmentId"), delegation);
    QCOMPARE(str(first, "userDisplay"), kNorthwindAdmin);
    QCOMPARE(str(first, "orgId"), m_northwindId);
    QCOMPARE(client(m_auditorToken).get(QStringLiteral("/api/v1/audit/delegations/nope/chain")).status, 404);
}

QJsonObject AuditTest::verifyByApi()
{
    const HttpResult r = client(m_auditorToken).send("POST", QStringLiteral("/api/v1/audit/verify"));
    if (r.status != 200)
        qWarning("%s", r.describe().constData());
    return r.object();
}

TrellisdRun AuditTest::verifyByCli(const QStringList& extra)
{
    return TrellisdProcess::run(QStringList{QStringLiteral("audit"), QStringLiteral("verify")} +
                                m_server.databaseArguments() + extra);
}

// Statements the drivers cannot prepare (DDL on PostgreSQL), as a database owner would type them.
bool AuditTest::rawExec(const QString& sql)
{
    bool ok = false;
    {
        QSqlDatabase db = m_server.openDatabase(QStringLiteral("tamper"));
        QSqlQuery q(db);
        ok = q.exec(sql);
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    return ok;
}

void AuditTest::dropGuards()
{
    // What someone with the database's owner rights could do first: switch the append-only guard off.
#ifdef TRELLIS_TEST_POSTGRES
    QVERIFY(rawExec(QStringLiteral("ALTER TABLE audit_events DISABLE TRIGGER USER")));
#else
    QVERIFY(rawExec(QStringLiteral("DROP TRIGGER IF EXISTS audit_events_no_update")));
    QVERIFY(rawExec(QStringLiteral("DROP TRIGGER IF EXISTS audit_events_no_delete")));
#endif
}

void AuditTest::tamperingIsNamed()
{
    QJsonObject result = verifyByApi();
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), QJsonDocument(result).toJson());
    TrellisdRun cli = verifyByCli();
    QVERIFY2(cli.exitCode == 0, cli.stdOut + cli.stdErr);

    // The guard: a plain UPDATE or DELETE is refused.
    QVERIFY(m_server.execute(QStringLiteral("UPDATE audit_events SET outcome = 'success' WHERE sequence = 5")) < 0);
    dropGuards();
    const auto expectBroken = [&](qint64 at, const char* words) {
        const QJsonObject api = verifyByApi();
        QVERIFY2(!api.value(QStringLiteral("ok")).toBool(), QJsonDocument(api).toJson());
        const QJsonObject problem = api.value(QStringLiteral("problem")).toObject();
        QCOMPARE(problem.value(QStringLiteral("sequence")).toInteger(), at);
        QVERIFY2(str(problem, "message").contains(QLatin1String(words)), qPrintable(str(problem, "message")));
        const TrellisdRun run = verifyByCli();
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.stdOut.contains(QStringLiteral("event %1").arg(at).toUtf8()), run.stdOut);
    };

    // Change one event.
    const QVariantMap row =
        m_server.queryRows(QStringLiteral("SELECT reason FROM audit_events WHERE sequence = 7")).value(0);
    QVERIFY(m_server.execute(QStringLiteral("UPDATE audit_events SET reason = 'nothing to see' WHERE sequence = 7")) ==
            1);
    expectBroken(7, "was changed");
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET reason = ? WHERE sequence = 7"),
                              {row.value(QStringLiteral("reason"))}),
             1);
    QVERIFY(verifyByApi().value(QStringLiteral("ok")).toBool());

    // Delete one event (kept aside and put back).
    QVERIFY(rawExec(QStringLiteral("CREATE TABLE audit_aside AS SELECT * FROM audit_events WHERE sequence = 9")));
    QCOMPARE(m_server.execute(QStringLiteral("DELETE FROM audit_events WHERE sequence = 9")), 1);
    expectBroken(9, "missing");
    QVERIFY(rawExec(QStringLiteral("INSERT INTO audit_events SELECT * FROM audit_aside")));
    QVERIFY(rawExec(QStringLiteral("DROP TABLE audit_aside")));
    QVERIFY(verifyByApi().value(QStringLiteral("ok")).toBool());

    // Reorder two events (swap their places in the sequence).
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = -11 WHERE sequence = 11")), 1);
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = 11 WHERE sequence = 12")), 1);
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = 12 WHERE sequence = -11")), 1);
    expectBroken(11, "does not link");
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = -11 WHERE sequence = 12")), 1);
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = 12 WHERE sequence = 11")), 1);
    QCOMPARE(m_server.execute(QStringLiteral("UPDATE audit_events SET sequence = 11 WHERE sequence = -11")), 1);
    result = verifyByApi();
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(), QJsonDocument(result).toJson());
}

void AuditTest::purgeKeepsTheChainVerifiable()
{
    QTemporaryDir dir;
    const QString archive = dir.filePath(QStringLiteral("archive.ndjson"));
    const qint64 before = seq(allEvents(m_auditorToken, {}, 1).value(0));
    const TrellisdRun purge = TrellisdProcess::run(
        QStringList{QStringLiteral("audit"), QStringLiteral("purge")} + m_server.databaseArguments() +
        QStringList{QStringLiteral("--before"), QStringLiteral("2200-01-01T00:00:00Z"), QStringLiteral("--archive"),
                    archive});
    QVERIFY2(purge.exitCode == 0, purge.stdOut + purge.stdErr);
    QVERIFY2(purge.stdOut.contains("Archived"), purge.stdOut);
    // Only the purge's own record (and what came after) is left; the chain verifies from the signed anchor.
    const QList<QJsonObject> left = allEvents(m_auditorToken, {}, 50);
    QVERIFY(!left.isEmpty());
    QVERIFY(seq(left.last()) > before);
    QVERIFY(!allEvents(m_auditorToken, QStringLiteral("action=audit.purge"), 5).isEmpty());
    const QJsonObject api = verifyByApi();
    QVERIFY2(api.value(QStringLiteral("ok")).toBool(), QJsonDocument(api).toJson());
    QCOMPARE(api.value(QStringLiteral("anchor")).toObject().value(QStringLiteral("sequence")).toInteger(), before);
    TrellisdRun run = verifyByCli();
    QVERIFY2(run.exitCode == 0, run.stdOut + run.stdErr);
    QVERIFY2(run.stdOut.contains("archived"), run.stdOut);
    // The archive verifies on its own, against the server's published keys.
    run = TrellisdProcess::run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--file"), archive});
    QVERIFY2(run.exitCode == 0, run.stdOut + run.stdErr);
    const HttpResult jwks = TestHttpClient(m_server.baseUrl()).get(QStringLiteral("/oauth2/jwks"));
    QCOMPARE(jwks.status, 200);
    const QString jwksFile = dir.filePath(QStringLiteral("jwks.json"));
    {
        QFile out(jwksFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(jwks.body);
    }
    run = TrellisdProcess::run({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--file"), archive,
                                QStringLiteral("--jwks"), jwksFile});
    QVERIFY2(run.exitCode == 0, run.stdOut + run.stdErr);
    // Removing the remaining first event breaks the link to the anchor.
    dropGuards();
    const qint64 first = seq(left.last());
    QCOMPARE(m_server.execute(QStringLiteral("DELETE FROM audit_events WHERE sequence = ?"), {first}), 1);
    const QJsonObject broken = verifyByApi();
    QVERIFY(!broken.value(QStringLiteral("ok")).toBool());
    QCOMPARE(broken.value(QStringLiteral("problem")).toObject().value(QStringLiteral("sequence")).toInteger(), first);
}

QTEST_MAIN(AuditTest)
#include "tst_audit.moc"
