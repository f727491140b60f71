// Connection profiles in a real QSettings file: add, edit, remove, last used, URL checks; no secret in the file.
#include "models/ProfileStore.h"

#include "client/ConnectionProfile.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using trellis::client::ConnectionProfile;
using trellis::models::ProfileStore;

class ProfileStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addEditRemove()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("trellis.conf"));
        ProfileStore store(file);
        QSignalSpy changed(&store, &ProfileStore::profilesChanged);
        QCOMPARE(store.lastUsed(), ProfileStore::localWorkspaceId());

        ConnectionProfile p;
        p.name = QStringLiteral("Acme production");
        p.serverUrl = QUrl(QStringLiteral("https://id.acme.example"));
        p = store.save(p);
        QVERIFY(!p.id.isEmpty());
        ConnectionProfile b;
        b.name = QStringLiteral("Beta");
        b.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:8443"));
        b = store.save(b);
        QCOMPARE(changed.count(), 2);

        ProfileStore reopened(file);
        QCOMPARE(reopened.profiles().size(), 2);
        QCOMPARE(reopened.profiles().at(0).name, QStringLiteral("Acme production"));
        QCOMPARE(reopened.profile(b.id)->serverUrl, b.serverUrl);

        p.name = QStringLiteral("Acme (prod)");
        store.save(p);
        store.setAccount(p.id, QStringLiteral("owner@acme.example"));
        store.setLastUsed(p.id);
        ProfileStore again(file);
        QCOMPARE(again.profile(p.id)->name, QStringLiteral("Acme (prod)"));
        QCOMPARE(again.profile(p.id)->account, QStringLiteral("owner@acme.example"));
        QCOMPARE(again.lastUsed(), p.id);

        store.remove(p.id);
        QCOMPARE(store.profiles().size(), 1);
        // The last-used profile is gone: back to the local workspace.
        QCOMPARE(ProfileStore(file).lastUsed(), ProfileStore::localWorkspaceId());
    }

    void serverUrlCheck_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("https") << "https://id.acme.example/"
                               << "https://id.acme.example";
        QTest::newRow("https path") << " https://ACME.example/trellis/ "
                                    << "https://acme.example/trellis";
        QTest::newRow("loopback http") << "http://127.0.0.1:8443"
                                       << "http://127.0.0.1:8443";
        QTest::newRow("localhost http") << "http://localhost:8443"
                                        << "http://localhost:8443";
        QTest::newRow("remote http") << "http://id.acme.example"
                                     << "";
        QTest::newRow("no scheme") << "id.acme.example"
                                   << "";
        QTest::newRow("ftp") << "ftp://id.acme.example"
                             << "";
        QTest::newRow("user info") << "https://bob:pw@id.acme.example"
                                   << "";
        QTest::newRow("query") << "https://id.acme.example/?x=1"
                               << "";
        QTest::newRow("fragment") << "https://id.acme.example/#top"
                                  << "";
        QTest::newRow("empty") << "  "
                               << "";
        QTest::newRow("spaces") << "https://id acme.example"
                                << "";
    }

    void serverUrlCheck()
    {
        QFETCH(QString, typed);
        QFETCH(QString, expected);
        QString error;
        const QUrl url = ConnectionProfile::parseServerUrl(typed, &error);
        if (expected.isEmpty()) {
            QVERIFY2(!url.isValid(), qPrintable(url.toString()));
            QVERIFY(!error.isEmpty());
        } else {
            QCOMPARE(url.toString(), expected);
            QVERIFY(error.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(ProfileStoreTest)
#include "ProfileStoreTest.moc"
