#include "client/LocalWorkspace.h"

#include "client/ApiClient.h"
#include "tests/client/ApiTestSupport.h"
#include "tests/common/TrellisdProcess.h"

#include <csignal>
#include <sys/stat.h>

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using trellis::client::ApiClient;
using trellis::client::LocalWorkspace;
using trellis::test::callAndWait;
using namespace trellis;

namespace {
constexpr int kStartTimeoutMs = 120000;

bool processExists(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}
} // namespace

/// LocalWorkspace runs a real trellisd child from the build tree in a temporary data folder.
class LocalWorkspaceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void defaultDataDirectoryIsAppLocalData();
    void startGivesReadyWithWorkingTokenAndDemoTree();
    void secretNeverInArgvOrEnvironment();
    void stopEndsTheChild();
    void killedChildEmitsCrashedAndRestartWorks();
    void missingExecutableFailsInPlainWords();

private:
    QString workspaceDir() const { return m_dir.path() + QStringLiteral("/workspace"); }
    bool startAndWait(LocalWorkspace& workspace, QUrl* url, QByteArray* token);

    QTemporaryDir m_dir;
};

void LocalWorkspaceTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    QVERIFY(m_dir.isValid());
}

bool LocalWorkspaceTest::startAndWait(LocalWorkspace& workspace, QUrl* url, QByteArray* token)
{
    QSignalSpy ready(&workspace, &LocalWorkspace::ready);
    QSignalSpy failed(&workspace, &LocalWorkspace::failed);
    workspace.start();
    if (!QTest::qWaitFor([&] { return ready.count() > 0 || failed.count() > 0; }, kStartTimeoutMs)) {
        qWarning("the workspace did not become ready in time");
        return false;
    }
    if (!failed.isEmpty()) {
        qWarning("workspace failed: %s", qPrintable(failed.at(0).at(0).toString()));
        return false;
    }
    *url = ready.at(0).at(0).toUrl();
    *token = ready.at(0).at(1).toByteArray();
    return true;
}

void LocalWorkspaceTest::defaultDataDirectoryIsAppLocalData()
{
    LocalWorkspace workspace;
    const QString expected =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/workspace");
    QCOMPARE(workspace.dataDirectory(), expected);
    workspace.setDataDirectory(workspaceDir());
    QCOMPARE(workspace.dataDirectory(), workspaceDir());
}

void LocalWorkspaceTest::startGivesReadyWithWorkingTokenAndDemoTree()
{
    LocalWorkspace workspace;
    workspace.setDataDirectory(workspaceDir());
    QUrl url;
    QByteArray token;
    QVERIFY(startAndWait(workspace, &url, &token));
    QCOMPARE(workspace.state(), LocalWorkspace::State::Ready);
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(url.port() > 0);
    QVERIFY(!token.isEmpty());

    // Only the owner may enter the folder that holds the database.
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(workspaceDir()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0700));

    ApiClient client;
    client.setBaseUrl(url);
    client.setAccessToken(token);
    const auto me = callAndWait<client::CallerInfo>([&client](QObject* ctx, auto cb) { client.me(ctx, cb); });
    QVERIFY2(me.ok(), qPrintable(me.failure.message));
    QVERIFY(!me.value->rootOrgIds.isEmpty());
    const auto roots = callAndWait<core::Page<core::Org>>(
        [&client](QObject* ctx, auto cb) { client.listRootOrgs(QString(), 50, ctx, cb); });
    QVERIFY2(roots.ok(), qPrintable(roots.failure.message));
    QVERIFY(!roots.value->items.empty());
    QVERIFY(roots.value->items.front().childCount > 0); // the demo world, not an empty database
}

void LocalWorkspaceTest::secretNeverInArgvOrEnvironment()
{
    const QByteArray secret = "test-bootstrap-secret-0123456789abcdefghijkl";
    LocalWorkspace workspace;
    workspace.setDataDirectory(workspaceDir());
    workspace.setSecretGenerator([secret] { return secret; });
    QUrl url;
    QByteArray token;
    QVERIFY(startAndWait(workspace, &url, &token)); // so the secret did reach the child, privately
    const qint64 pid = workspace.processId();
    QVERIFY(pid > 0);

    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QByteArray argv = cmdline.readAll();
    QVERIFY(argv.contains("--bootstrap-secret-stdin"));
    QVERIFY(!argv.contains(secret));
    QVERIFY(!argv.contains(token));

    QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
    QVERIFY(environ.open(QIODevice::ReadOnly));
    QVERIFY(!environ.readAll().contains(secret));

    // Nothing in the data folder holds it either.
    const QStringList files = QDir(workspaceDir()).entryList(QDir::Files);
    for (const QString& name : files) {
        QFile f(workspaceDir() + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(secret), qPrintable(name));
    }
}

void LocalWorkspaceTest::stopEndsTheChild()
{
    LocalWorkspace workspace;
    workspace.setDataDirectory(workspaceDir());
    QSignalSpy crashed(&workspace, &LocalWorkspace::crashed);
    QSignalSpy stopped(&workspace, &LocalWorkspace::stopped);
    QUrl url;
    QByteArray token;
    QVERIFY(startAndWait(workspace, &url, &token));
    const qint64 pid = workspace.processId();
    QVERIFY(processExists(pid));
    workspace.stop();
    QVERIFY(!workspace.isRunning());
    QCOMPARE(workspace.state(), LocalWorkspace::State::Stopped);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(!processExists(pid));
    QTest::qWait(100);
    QCOMPARE(crashed.count(), 0); // stopping on purpose is not a crash

    // Destroying a running workspace stops its child too.
    qint64 pid2 = 0;
    {
        LocalWorkspace scoped;
        scoped.setDataDirectory(workspaceDir());
        QVERIFY(startAndWait(scoped, &url, &token));
        pid2 = scoped.processId();
        QVERIFY(processExists(pid2));
    }
    QVERIFY(!processExists(pid2));
}

void LocalWorkspaceTest::killedChildEmitsCrashedAndRestartWorks()
{
    LocalWorkspace workspace;
    workspace.setDataDirectory(workspaceDir());
    QUrl url;
    QByteArray token;
    QVERIFY(startAndWait(workspace, &url, &token));
    const qint64 pid = workspace.processId();

    QSignalSpy crashed(&workspace, &LocalWorkspace::crashed);
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    QTRY_COMPARE_WITH_TIMEOUT(crashed.count(), 1, 10000);
    const QString message = crashed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("stopped unexpectedly")), qPrintable(message));
    QCOMPARE(workspace.state(), LocalWorkspace::State::Stopped);
    QVERIFY(!workspace.isRunning());

    // The old token is for a server that no longer runs; restart gives a new server and a new token.
    QSignalSpy ready(&workspace, &LocalWorkspace::ready);
    workspace.restart();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kStartTimeoutMs);
    const QUrl newUrl = ready.at(0).at(0).toUrl();
    ApiClient client;
    client.setBaseUrl(newUrl);
    client.setAccessToken(ready.at(0).at(1).toByteArray());
    const auto me = callAndWait<client::CallerInfo>([&client](QObject* ctx, auto cb) { client.me(ctx, cb); });
    QVERIFY2(me.ok(), qPrintable(me.failure.message));
    QVERIFY(workspace.processId() != pid);
    QCOMPARE(crashed.count(), 1);
}

void LocalWorkspaceTest::missingExecutableFailsInPlainWords()
{
    LocalWorkspace workspace;
    workspace.setDataDirectory(workspaceDir());
    workspace.setServerExecutable(m_dir.path() + QStringLiteral("/no-such-trellisd"));
    QSignalSpy failed(&workspace, &LocalWorkspace::failed);
    QSignalSpy ready(&workspace, &LocalWorkspace::ready);
    workspace.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("The local server could not be started")), qPrintable(message));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(workspace.state(), LocalWorkspace::State::Stopped);
}

QTEST_GUILESS_MAIN(LocalWorkspaceTest)
#include "LocalWorkspaceTest.moc"
