#include "core/crypto/Pkce.h"

#include <QTest>

using namespace trellis::core::crypto;

/// PKCE S256 (RFC 7636): challenge, verifier syntax, and the server-side check.
class TestPkce : public QObject
{
    Q_OBJECT

    static constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static constexpr const char* kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

private Q_SLOTS:
    void rfc7636AppendixB()
    {
        QCOMPARE(Pkce::s256Challenge(kVerifier), std::string(kChallenge));
        QVERIFY(Pkce::verify("S256", kChallenge, kVerifier));
    }

    void refusesOtherMethodsAndWrongVerifiers()
    {
        // plain: the challenge is the verifier itself; it must still be refused.
        QVERIFY(!Pkce::verify("plain", kVerifier, kVerifier));
        QVERIFY(!Pkce::verify("s256", kChallenge, kVerifier));
        QVERIFY(!Pkce::verify("", kChallenge, kVerifier));
        std::string other = kVerifier;
        other.back() = 'j';
        QVERIFY(!Pkce::verify("S256", kChallenge, other));
        std::string challenge = kChallenge;
        challenge.back() = 'N';
        QVERIFY(!Pkce::verify("S256", challenge, kVerifier));
        QVERIFY(!Pkce::verify("S256", "", kVerifier));
    }

    void verifierSyntax_data()
    {
        QTest::addColumn<QByteArray>("verifier");
        QTest::addColumn<bool>("valid");
        QTest::newRow("42 chars") << QByteArray(42, 'a') << false;
        QTest::newRow("43 chars") << QByteArray(43, 'a') << true;
        QTest::newRow("128 chars") << QByteArray(128, 'Z') << true;
        QTest::newRow("129 chars") << QByteArray(129, 'Z') << false;
        QTest::newRow("unreserved") << (QByteArray(39, '0') + "-._~") << true;
        QTest::newRow("plus") << (QByteArray(42, 'a') + "+") << false;
        QTest::newRow("slash") << (QByteArray(42, 'a') + "/") << false;
        QTest::newRow("padding") << (QByteArray(42, 'a') + "=") << false;
        QTest::newRow("space") << (QByteArray(42, 'a') + " ") << false;
        QTest::newRow("non-ascii") << (QByteArray(41, 'a') + "\xc3\xa4") << false;
    }
    void verifierSyntax()
    {
        QFETCH(QByteArray, verifier);
        QFETCH(bool, valid);
        const std::string v = verifier.toStdString();
        QCOMPARE(Pkce::isValidVerifier(v), valid);
        // A verifier with bad syntax never passes, even with its own correct challenge.
        QCOMPARE(Pkce::verify("S256", Pkce::s256Challenge(v), v), valid);
    }

    void newVerifiersAreValidAndDistinct()
    {
        const std::string a = Pkce::newVerifier();
        const std::string b = Pkce::newVerifier();
        QVERIFY(Pkce::isValidVerifier(a));
        QCOMPARE(a.size(), std::size_t(43));
        QVERIFY(a != b);
        QVERIFY(Pkce::verify("S256", Pkce::s256Challenge(a), a));
        QVERIFY(!Pkce::verify("S256", Pkce::s256Challenge(a), b));
    }
};

QTEST_APPLESS_MAIN(TestPkce)
#include "tst_pkce.moc"
