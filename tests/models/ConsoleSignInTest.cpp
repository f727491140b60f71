// The console's sign-in against a real trellisd (--demo): the browser step over HTTP with the demo account, the
// loopback redirect caught by the console, the refresh token in a real Secret Service (gnome-keyring-daemon, see
// tests/with-keyring.sh), silent sign-in after a restart, sign-out; no token in any file the console wrote.
// Built twice: with the keyring, and without any Secret Service (TRELLIS_EXPECT_NO_KEYRING=1), where the session
// must still work and say why it cannot be remembered.
#include "HttpBrowser.h"
#include "client/ApiClient.h"
#include "client/CredentialStore.h"
#include "client/KeychainCredentialStore.h"
#include "client/SignInClient.h"
#include "models/ConsoleSession.h"
#include "models/ProfileStore.h"
#include "tests/common/TrellisdProcess.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using trellis::client::CredentialStore;
using trellis::models::ConsoleSession;
using trellis::models::ProfileStore;

namespace {

QStringList filesContaining(const QString& folder, const QList<QByteArray>& needles)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QByteArray& needle : needles) {
            if (!needle.isEmpty() && bytes.contains(needle))
                hits.append(file.fileName());
        }
    }
    return hits;
}

} // namespace

class ConsoleSignInTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", m_home.path().toUtf8());
        m_server.setDemo(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        // Sign-in needs the server's OpenID Connect provider and hosted login.
        trellis::client::SignInClient probe;
        probe.setServerUrl(m_server.baseUrl());
        std::optional<bool> discovered;
        probe.discover(this, [&](auto result) { discovered = result.ok(); });
        QVERIFY(QTest::qWaitFor([&] { return discovered.has_value(); }, 15000));
        if (!*discovered)
            QSKIP("this trellisd has no OpenID Connect discovery yet");
    }

    void signInRestartSignOut()
    {
        const QString settingsFile = m_home.filePath(QStringLiteral("config/trellis.conf"));
        ProfileStore profiles(settingsFile);
        trellis::client::ConnectionProfile profile;
        profile.name = QStringLiteral("Test server");
        profile.serverUrl = m_server.baseUrl();
        profile = profiles.save(profile);
        const QString service = QStringLiteral("Trellis test ") + QUuid::createUuid().toString();

        auto makeSession = [&](ConsoleSession& session) {
            session.setCredentialStore(new trellis::client::KeychainCredentialStore(service));
            session.setProfileStore(&profiles);
        };

        // First run: signed out, sign in through the "browser".
        QByteArray refreshToken;
        QString account;
        {
            ConsoleSession session;
            makeSession(session);
            trellis::test::HttpBrowser browser;
            bool browserOk = false;
            session.setBrowserOpener([&](const QUrl& url) {
                // Like a real browser: later, not inside the console's call.
                QTimer::singleShot(0, this, [&, url] { browserOk = browser.signIn(url); });
            });
            session.connectToProfile(*profiles.profile(profile.id));
            QTRY_COMPARE(session.state(), ConsoleSession::State::SignedOut);
            session.signIn();
            QCOMPARE(session.state(), ConsoleSession::State::SigningIn);
            QTRY_VERIFY2_WITH_TIMEOUT(session.state() == ConsoleSession::State::Connected,
                                      qPrintable(browser.log + session.stateText()), 30000);
            QVERIFY2(browserOk, qPrintable(browser.log));
            QVERIFY(browser.finalPage.contains("You can close this tab"));
            QVERIFY2(session.signedInSummary().endsWith(QStringLiteral(" @ Test server")),
                     qPrintable(session.signedInSummary()));
            account = profiles.profile(profile.id)->account;
            QCOMPARE(account, QStringLiteral("owner@acme.example"));

            if (m_expectNoKeyring) {
                QTRY_VERIFY(!session.rememberProblem().isEmpty());
                QVERIFY(session.rememberProblem().contains(QStringLiteral("keychain")));
                QCOMPARE(filesContaining(m_home.path(), {QByteArray("eyJ")}), QStringList());
                return; // nothing to restart with: the session ends with the console
            }
            QTRY_VERIFY(session.rememberProblem().isEmpty());
            std::optional<CredentialStore::Result> stored;
            session.credentialStore()->read(CredentialStore::keyFor(profile.id, account), this,
                                            [&](auto r) { stored = r; });
            QTRY_VERIFY(stored.has_value());
            QVERIFY2(stored->ok(), qPrintable(stored->message));
            refreshToken = stored->secret;
            QVERIFY(!refreshToken.isEmpty());
        }

        // Nothing the console wrote holds a token: not the settings, not anything else under HOME.
        QCOMPARE(filesContaining(m_home.path(), {refreshToken, QByteArray("eyJ")}), QStringList());

        // Second run: signed in silently from the keychain, no browser.
        ConsoleSession session;
        makeSession(session);
        session.setBrowserOpener([](const QUrl&) { QFAIL("the browser must not open for a remembered sign-in"); });
        session.setRefreshMargin(24 * 3600);
        session.connectToProfile(*profiles.profile(profile.id));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Connected, 20000);
        // The refresh token rotated, and the keychain holds the new one.
        std::optional<CredentialStore::Result> rotated;
        session.credentialStore()->read(CredentialStore::keyFor(profile.id, account), this,
                                        [&](auto r) { rotated = r; });
        QTRY_VERIFY(rotated.has_value() && rotated->ok());
        QTRY_VERIFY(rotated->secret != refreshToken);

        // Silent refresh before expiry (the margin above makes it every 5 s): the session stays connected and
        // the keychain gets each next rotated token.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                std::optional<CredentialStore::Result> now;
                session.credentialStore()->read(CredentialStore::keyFor(profile.id, account), this,
                                                [&](auto r) { now = r; });
                return QTest::qWaitFor([&] { return now.has_value(); }, 5000) && now->ok() &&
                       now->secret != rotated->secret;
            }(),
            20000);
        QCOMPARE(session.state(), ConsoleSession::State::Connected);
        session.setRefreshMargin(60);

        // Sign out: back to signed out, the entry is gone, the server no longer accepts the token.
        QByteArray current = rotated->secret;
        QTest::qWait(300);
        std::optional<CredentialStore::Result> latest;
        session.credentialStore()->read(CredentialStore::keyFor(profile.id, account), this,
                                        [&](auto r) { latest = r; });
        QTRY_VERIFY(latest.has_value());
        current = latest->secret;
        session.signOut();
        QCOMPARE(session.state(), ConsoleSession::State::SignedOut);
        QVERIFY(session.signedInSummary().isEmpty());
        std::optional<CredentialStore::Result> gone;
        QTest::qWait(500);
        session.credentialStore()->read(CredentialStore::keyFor(profile.id, account), this, [&](auto r) { gone = r; });
        QTRY_VERIFY(gone.has_value());
        QCOMPARE(gone->status, CredentialStore::Status::NotFound);
        trellis::client::SignInClient client;
        client.setServerUrl(m_server.baseUrl());
        // The revocation is sent as the console signs out; give it a moment, then the token must be dead.
        QTest::qWait(1000);
        std::optional<trellis::client::ApiResult<trellis::client::TokenSet>> refreshed;
        client.refresh(current, this, [&](auto r) { refreshed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.has_value(), 15000);
        QVERIFY(!refreshed->ok());
        QCOMPARE(refreshed->failure.code, QStringLiteral("invalid_grant"));
    }

private:
    QTemporaryDir m_home;
    trellis::test::TrellisdProcess m_server;
    const bool m_expectNoKeyring = qEnvironmentVariableIntValue("TRELLIS_EXPECT_NO_KEYRING") == 1;
};

QTEST_GUILESS_MAIN(ConsoleSignInTest)
#include "ConsoleSignInTest.moc"
