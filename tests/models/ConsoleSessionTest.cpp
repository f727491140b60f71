#include "models/ConsoleSession.h"

#include "client/ApiClient.h"
#include "client/LocalWorkspace.h"
#include "tests/common/TrellisdProcess.h"

#include <csignal>

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using trellis::models::ConsoleSession;
using namespace trellis;

namespace {
constexpr int kStartTimeoutMs = 120000;
}

/// ConsoleSession over a real local workspace (trellisd child) and over an unreachable server.
class ConsoleSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void localWorkspaceConnectsAndSurvivesACrash();
    void unreachableServerSaysSo();
};

void ConsoleSessionTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
}

void ConsoleSessionTest::localWorkspaceConnectsAndSurvivesACrash()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ConsoleSession session;
    session.setWorkspaceDataDirectory(dir.path() + QStringLiteral("/workspace"));
    QSignalSpy connected(&session, &ConsoleSession::connected);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.startLocalWorkspace();
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, kStartTimeoutMs);
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QCOMPARE(session.stateText(), QStringLiteral("Connected"));
    QVERIFY2(session.serverDescription().startsWith(QStringLiteral("Local workspace · 127.0.0.1:")),
             qPrintable(session.serverDescription()));
    QVERIFY(!session.userDisplayName().isEmpty());
    QVERIFY(session.caller().has_value());
    QVERIFY(!session.caller()->rootOrgIds.isEmpty());
    QVERIFY(session.localWorkspace());

    // The child dies: the session says so in plain words, and a restart reconnects.
    const qint64 pid = session.localWorkspace()->processId();
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::ServerStopped, 10000);
    QVERIFY2(session.stateText().startsWith(QStringLiteral("The local server has stopped")),
             qPrintable(session.stateText()));
    session.restartServer();
    QCOMPARE(session.state(), ConsoleSession::State::Starting);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 2, kStartTimeoutMs);
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QVERIFY(session.localWorkspace()->processId() != pid);
}

void ConsoleSessionTest::unreachableServerSaysSo()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    ConsoleSession session;
    session.connectToServer(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), "token");
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Unreachable, 20000);
    QCOMPARE(session.stateText(), QStringLiteral("The server cannot be reached."));
    QCOMPARE(session.serverDescription(), QStringLiteral("Server · 127.0.0.1:%1").arg(port));
    QVERIFY(session.userDisplayName().isEmpty());

    // Still nothing there: retry keeps saying so, without blocking.
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.retry();
    QTest::qWait(500);
    QCOMPARE(session.state(), ConsoleSession::State::Unreachable);
}

QTEST_GUILESS_MAIN(ConsoleSessionTest)
#include "ConsoleSessionTest.moc"
