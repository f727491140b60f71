// The keychain credential store against a real Secret Service (gnome-keyring-daemon in a private D-Bus session,
// see tests/with-keyring.sh), and the same store on a machine without one (TRELLIS_EXPECT_NO_KEYRING=1).
#include "client/CredentialStore.h"

#include "client/KeychainCredentialStore.h"
#include "client/UnavailableCredentialStore.h"

#include <optional>

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using trellis::client::CredentialStore;
using trellis::client::KeychainCredentialStore;

namespace {

CredentialStore::Result wait(std::function<void(CredentialStore::Callback)> call)
{
    std::optional<CredentialStore::Result> out;
    call([&out](CredentialStore::Result r) { out = std::move(r); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, 20000))
        return CredentialStore::Result{CredentialStore::Status::Failed, {}, QStringLiteral("test timeout")};
    return *out;
}

// Every file under `folder` whose bytes contain `secret`.
QStringList filesContaining(const QString& folder, const QByteArray& secret)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret))
            hits.append(file.fileName());
    }
    return hits;
}

} // namespace

class CredentialStoreTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Whatever QtKeychain or Qt might write (settings, fallbacks) lands in this folder, which the tests search.
        qputenv("HOME", m_home.path().toUtf8());
        if (!m_expectNoKeyring)
            return;
        qputenv("XDG_CONFIG_HOME", (m_home.path() + QStringLiteral("/.config")).toUtf8());
        qputenv("XDG_DATA_HOME", (m_home.path() + QStringLiteral("/.local/share")).toUtf8());
    }

    void storeReadDelete()
    {
        if (m_expectNoKeyring)
            QSKIP("no Secret Service in this run");
        KeychainCredentialStore store(QStringLiteral("Trellis test ") + QUuid::createUuid().toString());
        const QString key = CredentialStore::keyFor(QStringLiteral("profile-1"), QStringLiteral("owner@acme.example"));
        QCOMPARE(key, QStringLiteral("profile-1/owner@acme.example"));
        const QByteArray token = "refresh-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);

        auto missing = wait([&](auto cb) { store.read(key, this, cb); });
        QCOMPARE(missing.status, CredentialStore::Status::NotFound);

        auto written = wait([&](auto cb) { store.write(key, token, this, cb); });
        QVERIFY2(written.ok(), qPrintable(written.message));
        auto read = wait([&](auto cb) { store.read(key, this, cb); });
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, token);

        // A rotated token replaces the old one under the same key.
        const QByteArray rotated = token + "-rotated";
        QVERIFY(wait([&](auto cb) { store.write(key, rotated, this, cb); }).ok());
        QCOMPARE(wait([&](auto cb) { store.read(key, this, cb); }).secret, rotated);

        // A second store object (the console after a restart) finds it.
        KeychainCredentialStore again(store.service());
        QCOMPARE(wait([&](auto cb) { again.read(key, this, cb); }).secret, rotated);

        QVERIFY(wait([&](auto cb) { store.remove(key, this, cb); }).ok());
        QCOMPARE(wait([&](auto cb) { store.read(key, this, cb); }).status, CredentialStore::Status::NotFound);
        // Deleting what is not there is fine (sign-out after the entry was removed elsewhere).
        QVERIFY(wait([&](auto cb) { store.remove(key, this, cb); }).ok());

        QVERIFY(store.isAvailable());
        QCOMPARE(filesContaining(m_home.path(), token), QStringList());
    }

    void noSecretService()
    {
        if (!m_expectNoKeyring)
            QSKIP("a Secret Service is running in this run");
        KeychainCredentialStore store(QStringLiteral("Trellis test"));
        store.setRetryDelay(50);
        const QByteArray token = "refresh-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        auto written = wait([&](auto cb) { store.write(QStringLiteral("p/a"), token, this, cb); });
        QCOMPARE(written.status, CredentialStore::Status::Unavailable);
        QVERIFY(!written.message.isEmpty());
        QVERIFY(!store.isAvailable());
        QCOMPARE(store.unavailableReason(), written.message);
        // Nothing on disk: no insecure fallback file anywhere under HOME.
        QCOMPARE(filesContaining(m_home.path(), token), QStringList());
        // After a permanent failure the store stops asking and answers at once.
        auto read = wait([&](auto cb) { store.read(QStringLiteral("p/a"), this, cb); });
        QCOMPARE(read.status, CredentialStore::Status::Unavailable);
    }

    void unavailableStoreSaysWhy()
    {
        trellis::client::UnavailableCredentialStore store(QStringLiteral("no keychain"));
        QVERIFY(!store.isAvailable());
        auto result = wait([&](auto cb) { store.write(QStringLiteral("p/a"), "x", this, cb); });
        QCOMPARE(result.status, CredentialStore::Status::Unavailable);
        QCOMPARE(result.message, QStringLiteral("no keychain"));
    }

private:
    QTemporaryDir m_home;
    const bool m_expectNoKeyring = qEnvironmentVariableIntValue("TRELLIS_EXPECT_NO_KEYRING") == 1;
};

QTEST_GUILESS_MAIN(CredentialStoreTest)
#include "CredentialStoreTest.moc"
