// The console's sign-in against a real trellisd (--demo) with the browser step done by headless Chromium: the URL the
// console opens through QDesktopServices goes to tests/browser/console-browser-step.mjs (playwright-core), which signs
// in with the README's demo account on the hosted pages and follows the redirect to the console's loopback listener.
// The console catches the code and exchanges it itself; the access token it got is a JWT the admin API accepts.
// Skipped (with the reason) without node, Chromium or playwright-core, like browser_login.
#include "client/ApiClient.h"
#include "client/SignInClient.h"
#include "client/UnavailableCredentialStore.h"
#include "models/ConsoleSession.h"
#include "models/ProfileStore.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using trellis::models::ConsoleSession;
using trellis::models::ProfileStore;

namespace {

const QString demoEmail = QStringLiteral("owner@acme.example");

// Stands in for the desktop's URL handler: QDesktopServices calls a slot by name, so this has to be a QObject.
class BrowserStep : public QObject
{
    Q_OBJECT

public:
    QString node;
    QString script;
    QList<QUrl> opened;
    QProcess process;

    ~BrowserStep() override { stop(); }

    /// Kills Chromium's driver if it still runs (a failed or timed-out test must not leave it behind).
    void stop()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

    /// Everything the script printed so far; kept, since failure messages are built even when a check passes.
    QByteArray output()
    {
        m_out += process.readAllStandardOutput();
        return m_out;
    }

    QString describe()
    {
        m_err += process.readAllStandardError();
        return QStringLiteral("node exit %1 (%2)\nstdout: %3\nstderr: %4\n")
            .arg(process.exitCode())
            .arg(process.state() != QProcess::NotRunning      ? QStringLiteral("still running")
                 : process.error() == QProcess::FailedToStart ? process.errorString()
                                                              : QStringLiteral("finished"))
            .arg(QString::fromUtf8(output()), QString::fromUtf8(m_err));
    }

public Q_SLOTS:
    void openUrl(const QUrl& url)
    {
        opened.append(url);
        // Like xdg-open: the browser starts now and does its work later, outside the console's call.
        process.start(node, {script, url.toString(QUrl::FullyEncoded)});
    }

private:
    QByteArray m_out;
    QByteArray m_err;
};

} // namespace

class ConsoleSignInChromiumTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_browser.node = qEnvironmentVariable("TRELLIS_NODE");
        m_browser.script = qEnvironmentVariable("TRELLIS_BROWSER_STEP");
        if (m_browser.node.isEmpty() || !QFileInfo(m_browser.node).isExecutable())
            QSKIP("node not found (install the Debian package \"nodejs\", or run scripts/deps)");
        QVERIFY2(QFileInfo::exists(m_browser.script), "TRELLIS_BROWSER_STEP does not name console-browser-step.mjs");
        const QString chromium = qEnvironmentVariable("TRELLIS_CHROMIUM", QStringLiteral("/usr/bin/chromium"));
        if (!QFileInfo(chromium).isExecutable())
            QSKIP("no Chromium found (install the Debian package \"chromium\" or set TRELLIS_CHROMIUM)");
        if (!QFileInfo(QFileInfo(m_browser.script).dir().filePath(QStringLiteral("node_modules/playwright-core")))
                 .isDir())
            QSKIP("playwright-core is not installed (run \"npm ci\" in tests/browser, or scripts/deps)");

        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        m_server.setDemo(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        // The console's default opener; "http" because trellisd on loopback serves its login pages over plain HTTP.
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "openUrl");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_browser.stop();
    }

    void signInThroughChromium()
    {
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/trellis.conf")));
        trellis::client::ConnectionProfile profile;
        profile.name = QStringLiteral("Test server");
        profile.serverUrl = m_server.baseUrl();
        profile = profiles.save(profile);

        // No keychain here (test_console_sign_in covers the real one): the session lasts as long as the console.
        ConsoleSession session;
        session.setCredentialStore(new trellis::client::UnavailableCredentialStore(QStringLiteral("no keychain")));
        session.setProfileStore(&profiles);
        QByteArray accessToken;
        connect(session.signInClient(), &trellis::client::SignInClient::signInFinished, this,
                [&](const trellis::client::ApiResult<trellis::client::TokenSet>& result) {
                    if (result.ok())
                        accessToken = result.value->accessToken;
                });

        session.connectToProfile(*profiles.profile(profile.id));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::SignedOut, 15000);
        session.signIn();
        QCOMPARE(session.state(), ConsoleSession::State::SigningIn);

        // The console asked the desktop to open trellisd's authorize endpoint, returning to its loopback listener.
        QTRY_COMPARE_WITH_TIMEOUT(m_browser.opened.size(), 1, 5000);
        const QUrl authorize = m_browser.opened.first();
        QCOMPARE(authorize.adjusted(QUrl::RemoveQuery),
                 m_server.baseUrl().resolved(QUrl(QStringLiteral("/oauth2/authorize"))));
        const QUrl redirect(QUrlQuery(authorize).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));

        // Chromium signs in and lands on the listener; the console then exchanges the code on its own.
        // A failed browser step ends the wait at once instead of at the time-out.
        QTRY_VERIFY2_WITH_TIMEOUT(session.state() == ConsoleSession::State::Connected ||
                                      m_browser.process.state() == QProcess::NotRunning,
                                  qPrintable(QStringLiteral("no sign-in after 45 s: ") + session.stateText() +
                                             QLatin1Char('\n') + m_browser.describe()),
                                  45000);
        if (m_browser.process.state() == QProcess::NotRunning && m_browser.process.exitCode() != 0)
            QFAIL(qPrintable(QStringLiteral("the browser step failed: ") + m_browser.describe()));
        // Chromium may be done a moment before the console has exchanged the code.
        QTRY_VERIFY2_WITH_TIMEOUT(session.state() == ConsoleSession::State::Connected,
                                  qPrintable(session.stateText() + QLatin1Char('\n') + m_browser.describe()), 5000);
        QVERIFY2(m_browser.process.waitForFinished(15000), qPrintable(m_browser.describe()));
        QVERIFY2(m_browser.process.exitStatus() == QProcess::NormalExit && m_browser.process.exitCode() == 0,
                 qPrintable(m_browser.describe()));

        // What Chromium showed at the end: the console listener's own page.
        const QByteArray out = m_browser.output().trimmed();
        QJsonParseError error;
        const QJsonObject page = QJsonDocument::fromJson(out.split('\n').last(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, out.constData());
        QCOMPARE(page.value(QStringLiteral("url")).toString(), redirect.toString(QUrl::RemoveQuery));
        QCOMPARE(page.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY2(page.value(QStringLiteral("text")).toString().contains(QStringLiteral("You can close this tab")),
                 out.constData());

        // Signed in as the demo owner, by the console's own API client...
        QVERIFY2(session.signedInSummary().endsWith(QStringLiteral(" @ Test server")),
                 qPrintable(session.signedInSummary()));
        QCOMPARE(profiles.profile(profile.id)->account, demoEmail);
        std::optional<trellis::client::ApiResult<trellis::client::CallerInfo>> me;
        session.client()->me(this, [&](auto result) { me = result; });
        QTRY_VERIFY_WITH_TIMEOUT(me.has_value(), 15000);
        QVERIFY2(me->ok(), qPrintable(me->failure.message));
        QCOMPARE(QString::fromStdString(me->value->user.email), demoEmail);

        // ...and the access token it got is a JWT the admin API takes from anyone who holds it.
        QCOMPARE(accessToken.count('.'), 2);
        QVERIFY(accessToken.startsWith("eyJ"));
        trellis::test::TestHttpClient http(m_server.baseUrl());
        http.setBearerToken(accessToken);
        const auto answer = http.get(QStringLiteral("/api/v1/me"));
        QVERIFY2(answer.status == 200, answer.describe().constData());
        QCOMPARE(answer.object().value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(),
                 demoEmail);

        // No keychain: it works for this session and says why it cannot remember.
        QTRY_VERIFY(!session.rememberProblem().isEmpty());
    }

private:
    QTemporaryDir m_home;
    trellis::test::TrellisdProcess m_server;
    BrowserStep m_browser;
};

QTEST_GUILESS_MAIN(ConsoleSignInChromiumTest)
#include "ConsoleSignInChromiumTest.moc"
