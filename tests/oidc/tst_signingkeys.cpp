// Signing keys in the database: created on first use, rotated when too old, retired keys published until their
// tokens have expired, and two processes' caches agreeing after a rotation. In-process, SQLite, injected clock.
#include "core/Clock.h"
#include "core/crypto/Jwt.h"
#include "server/oidc/SigningKeyRepository.h"
#include "server/oidc/SigningKeyRing.h"
#include "server/store/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace trellis;
using namespace std::chrono_literals;

class SigningKeysTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rotation();
};

void SigningKeysTest::rotation()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    core::ManualClock clock(std::chrono::system_clock::now());
    server::Database db(server::DatabaseConfig::sqliteInDataDir(dir.path()));
    db.setClock(clock);
    db.open();

    server::OidcOptions options;
    options.signingKeyMaxAge = 24h;
    options.accessTokenLifetime = 600s;
    options.idTokenLifetime = 600s;
    options.signingKeyCacheRefresh = 30s;
    server::SigningKeyRing a(db, options);
    // A second instance on the same database; it never rotates by itself, so it only follows a.
    server::OidcOptions patient = options;
    patient.signingKeyMaxAge = 1000h;
    server::SigningKeyRing b(db, patient);

    const auto first = a.keys();
    QVERIFY(first->active);
    QCOMPARE(first->verification.size(), std::size_t(1));
    QCOMPARE(first->jwks["keys"].size(), std::size_t(1));
    QCOMPARE(b.keys()->active->kid(), first->active->kid()); // b does not make a key of its own
    const std::string oldToken = core::crypto::Jwt::sign(*first->active, {{"sub", "x"}});

    clock.advance(25h);
    QCOMPARE(b.keys()->active->kid(), first->active->kid()); // reloaded, nothing due for b
    const auto rotated = a.keys();                           // due for a: rotates
    QVERIFY(rotated->active->kid() != first->active->kid());
    QCOMPARE(rotated->verification.size(), std::size_t(2)); // the old one is still published
    QVERIFY(core::crypto::Jwt::verify(oldToken, rotated->verification));

    // b keeps its copy for the refresh time, but a token with the new kid makes it reload at once.
    QCOMPARE(b.keys()->active->kid(), first->active->kid());
    // At most one such reload a second, so forged kids cannot hammer the database.
    QCOMPARE(b.reloadForUnknownKid()->active->kid(), first->active->kid());
    clock.advance(2s);
    QCOMPARE(b.reloadForUnknownKid()->active->kid(), rotated->active->kid());

    // After the old key's publication ends it leaves the JWKS, and the database.
    clock.advance(11min + 300s);
    a.refresh();
    QCOMPARE(a.keys()->verification.size(), std::size_t(1));
    QVERIFY(!core::crypto::Jwt::verify(oldToken, a.keys()->verification));
    // Only one active key ever exists, however often instances refresh.
    b.refresh();
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM signing_keys WHERE retired_at IS NULL")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    db.closeThreadConnection();
}

QTEST_GUILESS_MAIN(SigningKeysTest)
#include "tst_signingkeys.moc"
