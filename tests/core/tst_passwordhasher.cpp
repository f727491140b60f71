#include "core/PasswordHasher.h"

#include <QRegularExpression>
#include <QTest>

using namespace trellis::core;

/// Argon2id password hashing with OWASP parameters, stored as PHC strings.
class TestPasswordHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verifiesRightAndRefusesWrong()
    {
        const std::string phc = PasswordHasher::hash("correct horse battery staple");
        QVERIFY(PasswordHasher::verify("correct horse battery staple", phc));
        QVERIFY(!PasswordHasher::verify("correct horse battery stapl", phc));
        QVERIFY(!PasswordHasher::verify("Correct horse battery staple", phc));
        QVERIFY(!PasswordHasher::verify("", phc));
    }

    void phcFormatAndParameters()
    {
        const std::string phc = PasswordHasher::hash("pässwörd");
        static const QRegularExpression format(
            QStringLiteral("^\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$"));
        const auto match = format.match(QString::fromStdString(phc));
        QVERIFY2(match.hasMatch(), phc.c_str());
        // 16-byte salt and 32-byte hash, unpadded base64.
        QCOMPARE(match.captured(1).size(), 22);
        QCOMPARE(match.captured(2).size(), 43);
        QVERIFY(PasswordHasher::verify("pässwörd", phc));
    }

    void saltsDiffer()
    {
        const std::string a = PasswordHasher::hash("same");
        const std::string b = PasswordHasher::hash("same");
        QVERIFY(a != b);
        QVERIFY(PasswordHasher::verify("same", a));
        QVERIFY(PasswordHasher::verify("same", b));
    }

    void refusesMalformedOrForeignStrings_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << QStringLiteral("secret");
        QTest::newRow("argon2i") << QStringLiteral(
            "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QTest::newRow("truncated") << QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ");
        QTest::newRow("absurd memory") << QStringLiteral(
            "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    void refusesMalformedOrForeignStrings()
    {
        QFETCH(QString, stored);
        QVERIFY(!PasswordHasher::verify("secret", stored.toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
