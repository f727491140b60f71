#include "core/Encoding.h"
#include "core/PageCursor.h"

#include <QTest>

using namespace trellis::core;

/// base64url, hex, SHA-256, constant-time comparison and the page cursor built on them.
class TestEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void base64UrlKnownVectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded");
        // RFC 4648 §10, without padding and in the URL alphabet.
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("f") << QByteArray("f") << QByteArray("Zg");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("Zm8");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("Zm9v");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("Zm9vYg");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("Zm9vYmE");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
        QTest::newRow("url alphabet") << QByteArray("\xfb\xff\xbf", 3) << QByteArray("-_-_");
    }
    void base64UrlKnownVectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        const std::string p(plain.constData(), std::size_t(plain.size()));
        QCOMPARE(QByteArray::fromStdString(base64UrlEncode(p)), encoded);
        const auto decoded = base64UrlDecode(encoded.toStdString());
        QVERIFY(decoded);
        QCOMPARE(*decoded, p);
    }

    void base64UrlRoundTripsEveryLength()
    {
        std::string bytes;
        for (int length = 0; length < 70; ++length) {
            const auto decoded = base64UrlDecode(base64UrlEncode(bytes));
            QVERIFY2(decoded && *decoded == bytes, qPrintable(QStringLiteral("length %1").arg(length)));
            bytes += char((length * 37 + 11) & 0xFF);
        }
    }

    void base64UrlRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("impossible length") << QByteArray("Zm9vY");
        QTest::newRow("padding") << QByteArray("Zg==");
        QTest::newRow("standard alphabet plus") << QByteArray("ab+c");
        QTest::newRow("standard alphabet slash") << QByteArray("ab/c");
        QTest::newRow("space") << QByteArray("Zm 9");
        QTest::newRow("non-canonical trailing bits") << QByteArray("Zh");
    }
    void base64UrlRejects()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!base64UrlDecode(text.toStdString()));
    }

    void base64StandardKnownVectors()
    {
        // RFC 4648 §10, and the two characters base64url replaces.
        QCOMPARE(trellis::core::base64Encode(""), std::string(""));
        QCOMPARE(trellis::core::base64Encode("f"), std::string("Zg=="));
        QCOMPARE(trellis::core::base64Encode("fo"), std::string("Zm8="));
        QCOMPARE(trellis::core::base64Encode("foobar"), std::string("Zm9vYmFy"));
        QCOMPARE(trellis::core::base64Encode("\xfb\xff"), std::string("+/8="));
    }

    void percentEncodeKeepsOnlyUnreserved()
    {
        QCOMPARE(trellis::core::percentEncode("AZaz09-._~"), std::string("AZaz09-._~"));
        QCOMPARE(trellis::core::percentEncode("a b&c=d/e?f#g+h"), std::string("a%20b%26c%3Dd%2Fe%3Ff%23g%2Bh"));
        QCOMPARE(trellis::core::percentEncode("\xc3\xa4"), std::string("%C3%A4")); // "ä" in UTF-8
    }

    void hexAndSha256()
    {
        QCOMPARE(toHex(std::string("\x00\x01\xab\xff", 4)), std::string("0001abff"));
        QCOMPARE(toHex(sha256("abc")), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(sha256("").size(), std::size_t(32));
    }

    void constantTimeEqualsCompares()
    {
        QVERIFY(constantTimeEquals("secret", "secret"));
        QVERIFY(!constantTimeEquals("secret", "secreT"));
        QVERIFY(!constantTimeEquals("secret", "secret2"));
        QVERIFY(constantTimeEquals("", ""));
    }

    void cursorRoundTrip()
    {
        const PageCursor cursor{"northwind trading ünïcode \"quoted\"", "0b7c2c1e-6f1a-4c51-9a57-4a8f6a1c2b3d"};
        const std::string encoded = cursor.encode();
        // Opaque and URL-safe: no characters that need escaping in a query string.
        QVERIFY(encoded.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
                std::string::npos);
        const auto decoded = PageCursor::decode(encoded);
        QVERIFY(decoded);
        QCOMPARE(decoded->sortKey, cursor.sortKey);
        QCOMPARE(decoded->id, cursor.id);
        const auto empty = PageCursor::decode(PageCursor{"", ""}.encode());
        QVERIFY(empty);
        QCOMPARE(empty->sortKey, std::string());
    }

    void cursorRejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("not base64url") << QByteArray("!!!");
        QTest::newRow("not json") << QByteArray::fromStdString(base64UrlEncode("hello"));
        QTest::newRow("json array") << QByteArray::fromStdString(base64UrlEncode("[\"a\",\"b\"]"));
        QTest::newRow("missing id") << QByteArray::fromStdString(base64UrlEncode("{\"k\":\"a\"}"));
        QTest::newRow("number id") << QByteArray::fromStdString(base64UrlEncode("{\"k\":\"a\",\"i\":3}"));
        QTest::newRow("extra field") << QByteArray::fromStdString(base64UrlEncode("{\"k\":\"a\",\"i\":\"b\",\"x\":1}"));
        QTest::newRow("too long") << QByteArray::fromStdString(PageCursor{std::string(3000, 'a'), "id"}.encode());
    }
    void cursorRejects()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!PageCursor::decode(text.toStdString()));
    }
};

QTEST_APPLESS_MAIN(TestEncoding)
#include "tst_encoding.moc"
