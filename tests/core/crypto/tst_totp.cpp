#include "core/crypto/Base32.h"
#include "core/crypto/Totp.h"

#include <stdexcept>

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace trellis::core::crypto;
using namespace std::chrono;

namespace {
// The secret of RFC 4226 Appendix D and RFC 6238 Appendix B (SHA-1).
const std::string kRfcSecret = "12345678901234567890";

system_clock::time_point at(std::int64_t unixSeconds)
{
    return system_clock::time_point(seconds(unixSeconds));
}
} // namespace

/// HOTP/TOTP against the RFC vectors, the verification window and replay guard, base32 and the key URI.
class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hotpRfc4226AppendixD()
    {
        const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                                  "254676", "287922", "162583", "399871", "520489"};
        for (std::uint64_t counter = 0; counter < 10; ++counter)
            QCOMPARE(Totp::hotp(kRfcSecret, counter), std::string(expected[counter]));
    }

    void totpRfc6238AppendixB_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QByteArray>("code");
        QTest::newRow("59") << qint64(59) << qint64(0x1) << QByteArray("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << qint64(0x23523EC) << QByteArray("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << qint64(0x23523ED) << QByteArray("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << qint64(0x273EF07) << QByteArray("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << qint64(0x3F940AA) << QByteArray("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << qint64(0x27BC86AA) << QByteArray("65353130");
    }
    void totpRfc6238AppendixB()
    {
        QFETCH(qint64, time);
        QFETCH(qint64, step);
        QFETCH(QByteArray, code);
        const Totp::Options eightDigits{8, seconds(30), 1};
        QCOMPARE(Totp::hotp(kRfcSecret, std::uint64_t(step), 8), code.toStdString());
        // system_clock counts nanoseconds in 64 bits and ends in 2262; the year-2603 vector is HOTP-only.
        if (time > 9'000'000'000)
            return;
        QCOMPARE(Totp::timeStep(at(time)), std::int64_t(step));
        QCOMPARE(Totp::code(kRfcSecret, at(time), eightDigits), code.toStdString());
        QCOMPARE(Totp::verify(kRfcSecret, code.toStdString(), at(time), eightDigits),
                 std::optional<std::int64_t>(step));
    }

    void defaultsAreSixDigitsThirtySeconds()
    {
        // The six-digit code is the low digits of the eight-digit one (same truncated value, modulo 10^6).
        QCOMPARE(Totp::code(kRfcSecret, at(59)), std::string("287082"));
        QCOMPARE(Totp::code(kRfcSecret, at(30)), Totp::code(kRfcSecret, at(59)));
        QVERIFY(Totp::code(kRfcSecret, at(29)) != Totp::code(kRfcSecret, at(30)));
    }

    void windowAcceptsOneStepEitherSide()
    {
        const auto now = at(1'700'000'015); // step 56666667
        const std::int64_t step = Totp::timeStep(now);
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now), now), std::optional<std::int64_t>(step));
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now - seconds(30)), now),
                 std::optional<std::int64_t>(step - 1));
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now + seconds(30)), now),
                 std::optional<std::int64_t>(step + 1));
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now - seconds(60)), now), std::nullopt);
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now + seconds(60)), now), std::nullopt);
        // A narrower window is honoured.
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now - seconds(30)), now, {6, seconds(30), 0}),
                 std::nullopt);
    }

    void usedStepsAreRefused()
    {
        const auto now = at(1'700'000'015);
        const std::string code = Totp::code(kRfcSecret, now);
        const auto first = Totp::verify(kRfcSecret, code, now);
        QVERIFY(first);
        // The same code again, even a few seconds later, is a replay.
        QCOMPARE(Totp::verify(kRfcSecret, code, now + seconds(5), {}, first), std::nullopt);
        // An older code from the window is refused too once a later step was used.
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now - seconds(30)), now, {}, first), std::nullopt);
        // The next step's code is still fine.
        QCOMPARE(Totp::verify(kRfcSecret, Totp::code(kRfcSecret, now + seconds(30)), now + seconds(30), {}, first),
                 std::optional<std::int64_t>(*first + 1));
    }

    void malformedCodesAndWrongSecretsFail()
    {
        const auto now = at(1'700'000'015);
        const std::string code = Totp::code(kRfcSecret, now);
        QCOMPARE(Totp::verify(kRfcSecret, "", now), std::nullopt);
        QCOMPARE(Totp::verify(kRfcSecret, code.substr(0, 5), now), std::nullopt);
        QCOMPARE(Totp::verify(kRfcSecret, code + "0", now), std::nullopt);
        QCOMPARE(Totp::verify(kRfcSecret, " " + code.substr(1), now), std::nullopt);
        QCOMPARE(Totp::verify("another secret of 20", code, now), std::nullopt);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Totp::hotp(kRfcSecret, 0, 5));
    }

    void newSecretIsTwentyRandomBytes()
    {
        const std::string a = Totp::newSecret();
        QCOMPARE(a.size(), std::size_t(20));
        QVERIFY(a != Totp::newSecret());
        QCOMPARE(base32Encode(a).size(), std::size_t(32));
    }

    void base32Rfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        // RFC 4648 §10, padding removed.
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("f") << QByteArray("f") << QByteArray("MY");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("MZXQ");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("MZXW6");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("MZXW6YQ");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("MZXW6YTB");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("MZXW6YTBOI");
        QTest::newRow("rfc secret") << QByteArray("12345678901234567890")
                                    << QByteArray("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
    void base32Rfc4648Vectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(QByteArray::fromStdString(base32Encode(plain.toStdString())), encoded);
        QCOMPARE(base32Decode(encoded.toStdString()), std::optional<std::string>(plain.toStdString()));
        QCOMPARE(base32Decode(encoded.toLower().toStdString()), std::optional<std::string>(plain.toStdString()));
    }

    void base32RoundTripsEveryLength()
    {
        std::string bytes;
        for (int i = 0; i < 40; ++i) {
            QCOMPARE(base32Decode(base32Encode(bytes)), std::optional<std::string>(bytes));
            bytes += char(0xFF - i * 7);
        }
    }

    void base32RefusesMalformed()
    {
        QCOMPARE(base32Decode("M"), std::nullopt);        // impossible length
        QCOMPARE(base32Decode("MZX"), std::nullopt);      // impossible length
        QCOMPARE(base32Decode("MZXW6Y"), std::nullopt);   // impossible length
        QCOMPARE(base32Decode("MY======"), std::nullopt); // padding is not ours
        QCOMPARE(base32Decode("MZ"), std::nullopt);       // stray low bits
        QCOMPARE(base32Decode("M1"), std::nullopt);       // not in the alphabet
        QCOMPARE(base32Decode("MZXW 6"), std::nullopt);
    }

    void keyUriForEnrolment()
    {
        const std::string uri = Totp::keyUri("Acme Co", "alice@example.com", kRfcSecret);
        QCOMPARE(uri, std::string("otpauth://totp/Acme%20Co:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                                  "&issuer=Acme%20Co&algorithm=SHA1&digits=6&period=30"));
        // An independent URI parser reads back what an authenticator app would show.
        const QUrl url(QString::fromStdString(uri), QUrl::StrictMode);
        QVERIFY(url.isValid());
        QCOMPARE(url.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(url.host(), QStringLiteral("totp"));
        QCOMPARE(url.path(QUrl::FullyDecoded), QStringLiteral("/Acme Co:alice@example.com"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer"), QUrl::FullyDecoded), QStringLiteral("Acme Co"));
        const auto secret = base32Decode(query.queryItemValue(QStringLiteral("secret")).toStdString());
        QCOMPARE(secret, std::optional<std::string>(kRfcSecret));

        const std::string german =
            Totp::keyUri("Müller & Söhne", "jörg+test@example.com", kRfcSecret, {8, seconds(60), 1});
        const QUrl germanUrl(QString::fromStdString(german), QUrl::StrictMode);
        QCOMPARE(germanUrl.path(QUrl::FullyDecoded), QStringLiteral("/Müller & Söhne:jörg+test@example.com"));
        QCOMPARE(QUrlQuery(germanUrl).queryItemValue(QStringLiteral("issuer"), QUrl::FullyDecoded),
                 QStringLiteral("Müller & Söhne"));
        QCOMPARE(QUrlQuery(germanUrl).queryItemValue(QStringLiteral("digits")), QStringLiteral("8"));
        QCOMPARE(QUrlQuery(germanUrl).queryItemValue(QStringLiteral("period")), QStringLiteral("60"));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Totp::keyUri("Acme:Co", "alice", kRfcSecret));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Totp::keyUri("Acme", "a:lice", kRfcSecret));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Totp::keyUri("", "alice", kRfcSecret));
    }
};

QTEST_APPLESS_MAIN(TestTotp)
#include "tst_totp.moc"
