#include "OpenSslCli.h"
#include "core/Encoding.h"
#include "core/crypto/EcdsaSignature.h"
#include "core/crypto/Jwk.h"
#include "core/crypto/SigningKey.h"
#include "core/crypto/VerificationKey.h"

#include <QTest>

using namespace trellis::core;
using namespace trellis::core::crypto;
using nlohmann::json;

namespace {
QByteArray cliKey(const QStringList& arguments)
{
    const auto result = OpenSslCli::run(arguments);
    return result.exitCode == 0 ? result.out : QByteArray();
}

// The public point as the CLI sees it in a PEM private key: SPKI DER, last 65 bytes.
QByteArray cliPublicPoint(const std::string& privatePem)
{
    const auto result = OpenSslCli::run(
        {QStringLiteral("pkey"), QStringLiteral("-pubout"), QStringLiteral("-outform"), QStringLiteral("DER")},
        OpenSslCli::bytes(privatePem));
    return result.exitCode == 0 ? OpenSslCli::uncompressedPoint(result.out) : QByteArray();
}

QByteArray jwkPoint(const json& jwk)
{
    return "\x04" + OpenSslCli::bytes(*base64UrlDecode(jwk["x"].get<std::string>())) +
           OpenSslCli::bytes(*base64UrlDecode(jwk["y"].get<std::string>()));
}
} // namespace

/// ES256 keys: generation, PKCS#8 PEM, public JWK and its RFC 7638 thumbprint, JWK import, raw signatures.
class TestSigningKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedKeyHasPublicJwk()
    {
        const SigningKey key = SigningKey::generate();
        const json& jwk = key.publicJwk();
        QCOMPARE(json(jwk["kty"]).dump(), json("EC").dump());
        QCOMPARE(json(jwk["crv"]).dump(), json("P-256").dump());
        QCOMPARE(json(jwk["use"]).dump(), json("sig").dump());
        QCOMPARE(json(jwk["alg"]).dump(), json("ES256").dump());
        QCOMPARE(base64UrlDecode(jwk["x"].get<std::string>())->size(), std::size_t(32));
        QCOMPARE(base64UrlDecode(jwk["y"].get<std::string>())->size(), std::size_t(32));
        QVERIFY(!jwk.contains("d"));
        QCOMPARE(json(jwk["kid"]).dump(), json(key.kid()).dump());
        QCOMPARE(Jwk::thumbprint(jwk), std::optional<std::string>(key.kid()));
        QVERIFY(SigningKey::generate().kid() != key.kid());
    }

    void pemRoundTrip()
    {
        const SigningKey key = SigningKey::generate();
        const std::string pem = key.toPkcs8Pem();
        QVERIFY(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0) == 0);
        const auto again = SigningKey::fromPkcs8Pem(pem);
        QVERIFY(again);
        QCOMPARE(again->kid(), key.kid());
        QCOMPARE(json(again->publicJwk()).dump(), json(key.publicJwk()).dump());
        QCOMPARE(again->toPkcs8Pem(), pem);
        // Same private key: what the reloaded key signs, the original's public key verifies.
        QVERIFY(key.verificationKey().verify("payload", again->sign("payload")));
    }

    void ourPemIsReadByTheCli()
    {
        const SigningKey key = SigningKey::generate();
        const QByteArray point = cliPublicPoint(key.toPkcs8Pem());
        QCOMPARE(point.size(), 65);
        QCOMPARE(point, jwkPoint(key.publicJwk()));
    }

    void cliPemIsReadByUs()
    {
        const QByteArray pem = cliKey({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")});
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----"));
        const auto key = SigningKey::fromPkcs8Pem(OpenSslCli::str(pem));
        QVERIFY(key);
        QCOMPARE(jwkPoint(key->publicJwk()), cliPublicPoint(OpenSslCli::str(pem)));
    }

    void pemImportRefusesOtherKeys_data()
    {
        QTest::addColumn<QByteArray>("pem");
        QTest::newRow("garbage") << QByteArray("-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("P-384") << cliKey({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384")});
        QTest::newRow("Ed25519") << cliKey(
            {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519")});
        // SEC1 ("BEGIN EC PRIVATE KEY") is a P-256 key, but not the PKCS#8 we store.
        QTest::newRow("SEC1") << cliKey({QStringLiteral("ecparam"), QStringLiteral("-name"),
                                         QStringLiteral("prime256v1"), QStringLiteral("-genkey"),
                                         QStringLiteral("-noout")});
        QTest::newRow("public key") << OpenSslCli::run({QStringLiteral("pkey"), QStringLiteral("-pubout")},
                                                       OpenSslCli::bytes(SigningKey::generate().toPkcs8Pem()))
                                           .out;
    }
    void pemImportRefusesOtherKeys()
    {
        QFETCH(QByteArray, pem);
        QVERIFY(!SigningKey::fromPkcs8Pem(OpenSslCli::str(pem)));
    }

    void encryptedPemIsRefusedWithoutPrompting()
    {
        const auto encrypted =
            OpenSslCli::run({QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
                             QStringLiteral("aes-256-cbc"), QStringLiteral("-passout"), QStringLiteral("pass:secret")},
                            OpenSslCli::bytes(SigningKey::generate().toPkcs8Pem()));
        QCOMPARE(encrypted.exitCode, 0);
        QVERIFY(encrypted.out.contains("ENCRYPTED PRIVATE KEY"));
        QVERIFY(!SigningKey::fromPkcs8Pem(OpenSslCli::str(encrypted.out)));
    }

    void thumbprintRfc7638Example()
    {
        // RFC 7638 §3.1 (RSA; the thumbprint code is key-type generic).
        const json jwk = {
            {"kty", "RSA"},
            {"n",
             "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZC"
             "iFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJ"
             "ZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBn"
             "iIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"},
            {"e", "AQAB"},
            {"alg", "RS256"},
            {"kid", "2011-04-29"}};
        QCOMPARE(Jwk::thumbprint(jwk), std::optional<std::string>("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));
        QCOMPARE(Jwk::thumbprint({{"kty", "RSA"}, {"e", "AQAB"}}), std::nullopt);
        QCOMPARE(Jwk::thumbprint({{"kty", "XYZ"}}), std::nullopt);
        QCOMPARE(Jwk::thumbprint(json::array()), std::nullopt);
    }

    void ecThumbprintMatchesCli()
    {
        // The canonical form written out by hand, hashed by the CLI: independent of our JSON library.
        const SigningKey key = SigningKey::generate();
        const std::string canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" +
                                      key.publicJwk()["x"].get<std::string>() + "\",\"y\":\"" +
                                      key.publicJwk()["y"].get<std::string>() + "\"}";
        const auto digest =
            OpenSslCli::run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-binary")},
                            OpenSslCli::bytes(canonical));
        QCOMPARE(digest.exitCode, 0);
        QCOMPARE(key.kid(), base64UrlEncode(OpenSslCli::str(digest.out)));
    }

    void jwkImport()
    {
        const SigningKey key = SigningKey::generate();
        const auto pub = VerificationKey::fromJwk(key.publicJwk());
        QVERIFY(pub);
        QCOMPARE(pub->kid(), key.kid());
        QCOMPARE(json(pub->jwk()).dump(), json(key.publicJwk()).dump());
        QVERIFY(pub->verify("data", key.sign("data")));
        QVERIFY(!pub->verify("datA", key.sign("data")));
        QVERIFY(!pub->verify("data", ""));
        QVERIFY(!SigningKey::generate().verificationKey().verify("data", key.sign("data")));

        // Without kid the thumbprint names it; an explicit kid wins.
        json bare = {{"kty", "EC"}, {"crv", "P-256"}, {"x", key.publicJwk()["x"]}, {"y", key.publicJwk()["y"]}};
        QCOMPARE(VerificationKey::fromJwk(bare)->kid(), key.kid());
        bare["kid"] = "2024-rotation";
        QCOMPARE(VerificationKey::fromJwk(bare)->kid(), std::string("2024-rotation"));
    }

    void jwkImportRefuses_data()
    {
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QByteArray>("value"); // JSON; "" removes the member
        QTest::newRow("kty RSA") << QByteArray("kty") << QByteArray("\"RSA\"");
        QTest::newRow("crv P-384") << QByteArray("crv") << QByteArray("\"P-384\"");
        QTest::newRow("no x") << QByteArray("x") << QByteArray();
        QTest::newRow("no y") << QByteArray("y") << QByteArray();
        QTest::newRow("short x") << QByteArray("x") << QByteArray("\"AAEC\"");
        QTest::newRow("x not a string") << QByteArray("x") << QByteArray("42");
        QTest::newRow("alg RS256") << QByteArray("alg") << QByteArray("\"RS256\"");
        QTest::newRow("alg none") << QByteArray("alg") << QByteArray("\"none\"");
        QTest::newRow("use enc") << QByteArray("use") << QByteArray("\"enc\"");
        QTest::newRow("private d") << QByteArray("d") << QByteArray("\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"");
        QTest::newRow("kid number") << QByteArray("kid") << QByteArray("7");
        QTest::newRow("kid empty") << QByteArray("kid") << QByteArray("\"\"");
    }
    void jwkImportRefuses()
    {
        QFETCH(QByteArray, member);
        QFETCH(QByteArray, value);
        json jwk = SigningKey::generate().publicJwk();
        QVERIFY(VerificationKey::fromJwk(jwk));
        if (value.isEmpty())
            jwk.erase(member.toStdString());
        else
            jwk[member.toStdString()] = json::parse(value.toStdString());
        QVERIFY(!VerificationKey::fromJwk(jwk));
    }

    void jwkImportRefusesPointsOffTheCurve()
    {
        json jwk = SigningKey::generate().publicJwk();
        std::string y = *base64UrlDecode(jwk["y"].get<std::string>());
        y.back() = char(y.back() ^ 1);
        jwk["y"] = base64UrlEncode(y);
        QVERIFY(!VerificationKey::fromJwk(jwk));
    }

    void derRawConversionPadsAndStrips()
    {
        // SEQUENCE { INTEGER 1, INTEGER 0x80 (needs a leading zero in DER) }
        const std::string der("\x30\x07\x02\x01\x01\x02\x02\x00\x80", 9);
        const auto raw = EcdsaSignature::derToRaw(der);
        QVERIFY(raw);
        std::string expected(64, '\0');
        expected[31] = '\x01';
        expected[63] = '\x80';
        QCOMPARE(*raw, expected);
        QCOMPARE(EcdsaSignature::rawToDer(expected), std::optional<std::string>(der));
        QCOMPARE(EcdsaSignature::derToRaw(der + "x"), std::nullopt);
        QCOMPARE(EcdsaSignature::derToRaw("\x30\x00"), std::nullopt);
        QCOMPARE(EcdsaSignature::rawToDer(std::string(63, '\x01')), std::nullopt);
        // An r of 33 significant bytes does not fit P-256's 32.
        const std::string big = "\x30\x26\x02\x21\x01" + std::string(32, '\x11') + std::string("\x02\x01\x01", 3);
        QCOMPARE(EcdsaSignature::derToRaw(big), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestSigningKey)
#include "tst_signingkey.moc"
