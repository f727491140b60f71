// trellisd's command line: help, bad options, the admin-token subcommand, the listening line and stopping.
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <csignal>

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace trellis::test;

class CliTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpMentionsEveryOption();
    void adminTokenHelp();
    void version();
    void badOptionsExitTwo_data();
    void badOptionsExitTwo();
    void unreachableDatabaseExitsOne();
    void listeningLineIsExact();
    void adminTokenWorksAndIsAudited();
    void adminTokenUnknownUser();
    void sigtermStopsGracefully();
    void sigintStopsGracefully();
    void closingStdinStopsBootstrappedServer();

private:
    QTemporaryDir m_dir;
};

void CliTest::initTestCase()
{
    QVERIFY2(!TrellisdProcess::executable().isEmpty(), "TRELLIS_TRELLISD is not set");
    QVERIFY(m_dir.isValid());
}

void CliTest::helpMentionsEveryOption()
{
    const TrellisdRun help = TrellisdProcess::run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString text = QString::fromUtf8(help.stdOut);
    for (const char* option :
         {"--listen", "--data-dir", "--database", "--demo", "--threads", "--body-limit", "--read-timeout",
          "--idle-timeout", "--rate-limit", "--tls-cert", "--tls-key", "--bootstrap-secret-stdin", "--version",
          "--help", "admin-token", "TRELLIS_DATABASE_PASSWORD", "TRELLIS_DEMO_PASSWORD"})
        QVERIFY2(text.contains(QLatin1String(option)), option);
}

void CliTest::adminTokenHelp()
{
    const TrellisdRun help = TrellisdProcess::run({QStringLiteral("admin-token"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    for (const char* option : {"--data-dir", "--database", "--user", "--ttl"})
        QVERIFY2(help.stdOut.contains(option), option);
}

void CliTest::version()
{
    const TrellisdRun version = TrellisdProcess::run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.stdOut.startsWith("trellisd " TRELLIS_VERSION));
}

void CliTest::badOptionsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString dir = m_dir.filePath(QStringLiteral("bad"));
    const QString dataDir = QStringLiteral("--data-dir");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--bogus"), dataDir, dir};
    QTest::newRow("no database") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    QTest::newRow("both databases") << QStringList{dataDir, dir, QStringLiteral("--database"),
                                                   QStringLiteral("postgres://x@127.0.0.1/db")};
    QTest::newRow("listen without port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                                                        dataDir, dir};
    QTest::newRow("listen bad port") << QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:70000"),
                                                    dataDir, dir};
    QTest::newRow("listen host name") << QStringList{QStringLiteral("--listen"), QStringLiteral("example:80"), dataDir,
                                                     dir};
    QTest::newRow("threads 0") << QStringList{QStringLiteral("--threads"), QStringLiteral("0"), dataDir, dir};
    QTest::newRow("body limit text") << QStringList{QStringLiteral("--body-limit"), QStringLiteral("lots"), dataDir,
                                                    dir};
    QTest::newRow("read timeout negative")
        << QStringList{QStringLiteral("--read-timeout"), QStringLiteral("-5"), dataDir, dir};
    QTest::newRow("tls cert without key")
        << QStringList{QStringLiteral("--tls-cert"), QStringLiteral("/etc/hostname"), dataDir, dir};
    QTest::newRow("not a postgres url") << QStringList{QStringLiteral("--database"), QStringLiteral("mysql://x/y")};
    QTest::newRow("stray argument") << QStringList{dataDir, dir, QStringLiteral("serve")};
    QTest::newRow("admin-token without user") << QStringList{QStringLiteral("admin-token"), dataDir, dir};
    QTest::newRow("admin-token ttl too long") << QStringList{QStringLiteral("admin-token"),
                                                             dataDir,
                                                             dir,
                                                             QStringLiteral("--user"),
                                                             QStringLiteral("owner@acme.example"),
                                                             QStringLiteral("--ttl"),
                                                             QStringLiteral("25h")};
    QTest::newRow("admin-token ttl unit") << QStringList{QStringLiteral("admin-token"),
                                                         dataDir,
                                                         dir,
                                                         QStringLiteral("--user"),
                                                         QStringLiteral("owner@acme.example"),
                                                         QStringLiteral("--ttl"),
                                                         QStringLiteral("10d")};
}

void CliTest::badOptionsExitTwo()
{
    QFETCH(QStringList, arguments);
    const TrellisdRun result = TrellisdProcess::run(arguments, {}, QProcessEnvironment::systemEnvironment(), 20000);
    QVERIFY2(result.exitCode == 2, result.stdErr.constData());
    QVERIFY(!result.stdErr.trimmed().isEmpty());
    QVERIFY(result.stdOut.isEmpty());
}

void CliTest::unreachableDatabaseExitsOne()
{
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const TrellisdRun result =
        TrellisdProcess::run({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"),
                              QStringLiteral("postgres://trellis:s3cret-pw@127.0.0.1:1/trellis")},
                             {}, QProcessEnvironment::systemEnvironment(), 60000);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.stdErr.contains("database"), result.stdErr.constData());
    QVERIFY2(!result.stdErr.contains("s3cret-pw"), "the database password must not be printed");
    QVERIFY(result.stdOut.isEmpty());
}

void CliTest::listeningLineIsExact()
{
    QProcess process;
    process.start(TrellisdProcess::executable(),
                  {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
                   m_dir.filePath(QStringLiteral("line"))});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || (process.waitForReadyRead(100) && process.canReadLine()), 60000);
    const QByteArray line = process.readLine();
    static const QRegularExpression exact(
        QStringLiteral("^\\{\"event\":\"listening\",\"address\":\"127\\.0\\.0\\.1\",\"port\":[1-9][0-9]*\\}\n$"));
    QVERIFY2(exact.match(QString::fromUtf8(line)).hasMatch(), line.constData());
    process.terminate();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void CliTest::adminTokenWorksAndIsAudited()
{
    TrellisdProcess server;
    server.setDemo(true);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    QStringList arguments{QStringLiteral("admin-token")};
    arguments << server.databaseArguments() << QStringLiteral("--user") << QStringLiteral("  Owner@ACME.example ")
              << QStringLiteral("--ttl") << QStringLiteral("5m");
    const TrellisdRun run = TrellisdProcess::run(arguments);
    QVERIFY2(run.exitCode == 0, run.stdErr.constData());
    // Only the token, on one line.
    QVERIFY(run.stdOut.endsWith('\n'));
    const QByteArray token = run.stdOut.trimmed();
    QVERIFY(!token.contains('\n') && !token.contains(' '));
    QVERIFY(token.size() >= 32);

    TestHttpClient http(server.baseUrl());
    http.setBearerToken(token);
    const HttpResult me = http.get(QStringLiteral("/api/v1/me"));
    QVERIFY2(me.status == 200, me.describe());
    const QJsonObject user = me.object().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("email")).toString(), QStringLiteral("owner@acme.example"));

    {
        QSqlDatabase db = server.openDatabase(QStringLiteral("cli-audit"));
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT actor_type, actor_id, target_type, target_id, outcome, after_state"
                                          " FROM audit_events WHERE action = 'token.issue' ORDER BY sequence DESC")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("system"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("cli"));
        QCOMPARE(query.value(2).toString(), QStringLiteral("user"));
        QCOMPARE(query.value(3).toString(), user.value(QStringLiteral("id")).toString());
        QCOMPARE(query.value(4).toString(), QStringLiteral("success"));
        const QByteArray after = query.value(5).toByteArray();
        QVERIFY(after.contains("admin-token"));
        QVERIFY(!after.contains(token));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("cli-audit"));

    QCOMPARE(server.stop(), 0);
    QVERIFY(!server.stderrOutput().contains(token));
    QVERIFY(!run.stdErr.contains(token));
}

void CliTest::adminTokenUnknownUser()
{
    TrellisdProcess server;
    server.setDemo(true);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QStringList arguments{QStringLiteral("admin-token")};
    arguments << server.databaseArguments() << QStringLiteral("--user") << QStringLiteral("nobody@nowhere.example");
    const TrellisdRun run = TrellisdProcess::run(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.stdOut.isEmpty());
    QVERIFY2(run.stdErr.contains("nobody@nowhere.example"), run.stdErr.constData());
    QCOMPARE(server.stop(), 0);
}

void CliTest::sigtermStopsGracefully()
{
    TrellisdProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    TestHttpClient http(server.baseUrl());
    QCOMPARE(http.get(QStringLiteral("/healthz")).status, 200);
    QCOMPARE(server.stop(), 0); // SIGTERM
}

void CliTest::sigintStopsGracefully()
{
    TrellisdProcess server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(::kill(pid_t(server.processId()), SIGINT), 0);
    QCOMPARE(server.waitForExit(30000), 0);
}

void CliTest::closingStdinStopsBootstrappedServer()
{
    TrellisdProcess server;
    server.setBootstrapSecret("a-long-enough-bootstrap-secret-0123456789");
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    QCOMPARE(TestHttpClient(server.baseUrl()).get(QStringLiteral("/healthz")).status, 200);
    server.closeStdin(); // as when the console dies
    QCOMPARE(server.waitForExit(30000), 0);
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
