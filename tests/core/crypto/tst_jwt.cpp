#include "OpenSslCli.h"
#include "core/Encoding.h"
#include "core/crypto/Jwt.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <QTemporaryDir>
#include <QTest>

using namespace trellis::core;
using namespace trellis::core::crypto;
using nlohmann::json;
using namespace std::chrono;

Q_DECLARE_METATYPE(trellis::core::crypto::JwtError)

namespace {
constexpr std::int64_t kNow = 1'700'000'000;

system_clock::time_point at(std::int64_t unixSeconds)
{
    return system_clock::time_point(seconds(unixSeconds));
}

json claims()
{
    return {{"iss", "https://id.example.com"},
            {"sub", "user-1"},
            {"aud", "trellis-console"},
            {"iat", kNow},
            {"exp", kNow + 300},
            {"name", "Jörg Müller"}};
}

std::string b64(const json& value)
{
    return base64UrlEncode(value.dump());
}

// Hand-assembled token: header and payload as given, signed by key (or unsigned).
std::string forge(const json& header, const std::string& payload, const SigningKey* key)
{
    const std::string input = base64UrlEncode(header.dump()) + "." + payload;
    return input + "." + (key ? base64UrlEncode(key->sign(input)) : std::string());
}

// Minimal DER for the test's own use, independent of the code under test.
std::string derInteger(std::string_view bigEndian)
{
    std::size_t start = 0;
    while (start + 1 < bigEndian.size() && bigEndian[start] == 0)
        ++start;
    std::string value(bigEndian.substr(start));
    if (static_cast<unsigned char>(value[0]) & 0x80)
        value.insert(0, 1, '\0');
    return std::string("\x02", 1) + char(value.size()) + value;
}

std::string derFromRaw(std::string_view raw)
{
    const std::string body = derInteger(raw.substr(0, 32)) + derInteger(raw.substr(32));
    return std::string("\x30", 1) + char(body.size()) + body;
}

// Reads SEQUENCE { INTEGER r, INTEGER s } (short lengths only, as for P-256) into 64-byte R||S.
std::optional<std::string> rawFromDer(const std::string& der)
{
    if (der.size() < 8 || der[0] != 0x30 || std::size_t(static_cast<unsigned char>(der[1])) != der.size() - 2)
        return std::nullopt;
    std::string raw;
    std::size_t pos = 2;
    for (int i = 0; i < 2; ++i) {
        if (pos + 2 > der.size() || der[pos] != 0x02)
            return std::nullopt;
        const std::size_t length = static_cast<unsigned char>(der[pos + 1]);
        std::string value = der.substr(pos + 2, length);
        pos += 2 + length;
        while (value.size() > 32 && value[0] == 0)
            value.erase(0, 1);
        if (value.size() > 32)
            return std::nullopt;
        raw += std::string(32 - value.size(), '\0') + value;
    }
    return pos == der.size() ? std::optional<std::string>(raw) : std::nullopt;
}

bool writeFile(const QString& path, const std::string& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data.data(), qint64(data.size())) == qint64(data.size());
}
} // namespace

/// JWS compact ES256: signing, verification with key selection by kid, every refusal, claim checks, and
/// interoperability with the openssl CLI in both directions.
class TestJwt : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const SigningKey key = SigningKey::generate();
        const std::string token = Jwt::sign(key, claims());
        QCOMPARE(std::count(token.begin(), token.end(), '.'), 2);
        const auto verified = Jwt::verify(token, {key.verificationKey()});
        QCOMPARE(verified.error, JwtError::None);
        QVERIFY(verified);
        QCOMPARE(json(verified.claims).dump(), json(claims()).dump());
        QCOMPARE(json(verified.header).dump(), json({{"alg", "ES256"}, {"kid", key.kid()}, {"typ", "JWT"}}).dump());
    }

    void headerExtrasCannotOverrideAlgOrKid()
    {
        const SigningKey key = SigningKey::generate();
        const std::string token = Jwt::sign(key, claims(), {{"typ", "at+jwt"}, {"alg", "none"}, {"kid", "mine"}});
        const auto verified = Jwt::verify(token, {key.verificationKey()});
        QVERIFY(verified);
        QCOMPARE(json(verified.header["typ"]).dump(), json("at+jwt").dump());
        QCOMPARE(json(verified.header["alg"]).dump(), json("ES256").dump());
        QCOMPARE(json(verified.header["kid"]).dump(), json(key.kid()).dump());
    }

    void tamperedTokensFail()
    {
        const SigningKey key = SigningKey::generate();
        const std::vector<VerificationKey> keys{key.verificationKey()};
        const std::string token = Jwt::sign(key, claims());
        const std::size_t dot1 = token.find('.');
        const std::size_t dot2 = token.rfind('.');

        json changed = claims();
        changed["sub"] = "admin";
        const std::string payloadSwapped = token.substr(0, dot1 + 1) + b64(changed) + token.substr(dot2);
        QCOMPARE(Jwt::verify(payloadSwapped, keys).error, JwtError::BadSignature);

        std::string signature = *base64UrlDecode(token.substr(dot2 + 1));
        signature[10] = char(signature[10] ^ 0x01);
        QCOMPARE(Jwt::verify(token.substr(0, dot2 + 1) + base64UrlEncode(signature), keys).error,
                 JwtError::BadSignature);
        // Wrong length (a DER signature instead of R||S), empty, and not base64url.
        QCOMPARE(Jwt::verify(token.substr(0, dot2 + 1) + base64UrlEncode(derFromRaw(signature)), keys).error,
                 JwtError::BadSignature);
        QCOMPARE(Jwt::verify(token.substr(0, dot2 + 1), keys).error, JwtError::BadSignature);
        QCOMPARE(Jwt::verify(token + "*", keys).error, JwtError::BadSignature);
        // The untouched token still passes, so the failures above are the tampering's.
        QVERIFY(Jwt::verify(token, keys));
    }

    void refusedAlgorithms_data()
    {
        QTest::addColumn<QByteArray>("alg"); // JSON value; empty = missing
        QTest::newRow("none") << QByteArray("\"none\"");
        QTest::newRow("HS256") << QByteArray("\"HS256\"");
        QTest::newRow("RS256") << QByteArray("\"RS256\"");
        QTest::newRow("ES384") << QByteArray("\"ES384\"");
        QTest::newRow("lower case") << QByteArray("\"es256\"");
        QTest::newRow("array") << QByteArray("[\"ES256\"]");
        QTest::newRow("missing") << QByteArray();
    }
    void refusedAlgorithms()
    {
        QFETCH(QByteArray, alg);
        const SigningKey key = SigningKey::generate();
        json header = {{"typ", "JWT"}, {"kid", key.kid()}};
        if (!alg.isEmpty())
            header["alg"] = json::parse(alg.toStdString());
        // Even correctly ES256-signed, a token that names another alg is refused.
        QCOMPARE(Jwt::verify(forge(header, b64(claims()), &key), {key.verificationKey()}).error, JwtError::BadAlg);
        QCOMPARE(Jwt::verify(forge(header, b64(claims()), nullptr), {key.verificationKey()}).error, JwtError::BadAlg);
    }

    void hs256WithThePublicKeyAsSecretIsRefused()
    {
        // The classic confusion attack: HMAC keyed with the published JWK.
        const SigningKey key = SigningKey::generate();
        const std::string input = b64({{"alg", "HS256"}, {"kid", key.kid()}}) + "." + b64(claims());
        const std::string secret = key.publicJwk().dump();
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        HMAC(EVP_sha256(), secret.data(), int(secret.size()), reinterpret_cast<const unsigned char*>(input.data()),
             input.size(), mac, &length);
        const std::string token = input + "." + base64UrlEncode(std::string(reinterpret_cast<char*>(mac), length));
        QCOMPARE(Jwt::verify(token, {key.verificationKey()}).error, JwtError::BadAlg);
    }

    void keySelectionByKid()
    {
        const SigningKey oldKey = SigningKey::generate();
        const SigningKey newKey = SigningKey::generate();
        const std::vector<VerificationKey> published{oldKey.verificationKey(), newKey.verificationKey()};
        // Rotation: tokens from both keys verify while both are published.
        QVERIFY(Jwt::verify(Jwt::sign(oldKey, claims()), published));
        QVERIFY(Jwt::verify(Jwt::sign(newKey, claims()), published));
        // After the old key is withdrawn, its tokens name an unknown kid.
        QCOMPARE(Jwt::verify(Jwt::sign(oldKey, claims()), {newKey.verificationKey()}).error, JwtError::UnknownKid);
        QCOMPARE(Jwt::verify(Jwt::sign(oldKey, claims()), {}).error, JwtError::UnknownKid);
        // No kid, or a kid that is not a string.
        QCOMPARE(Jwt::verify(forge({{"alg", "ES256"}}, b64(claims()), &oldKey), published).error, JwtError::UnknownKid);
        QCOMPARE(Jwt::verify(forge({{"alg", "ES256"}, {"kid", 1}}, b64(claims()), &oldKey), published).error,
                 JwtError::UnknownKid);
        // A token that claims the new key's kid but was signed by another key.
        const SigningKey attacker = SigningKey::generate();
        QCOMPARE(
            Jwt::verify(forge({{"alg", "ES256"}, {"kid", newKey.kid()}}, b64(claims()), &attacker), published).error,
            JwtError::BadSignature);
    }

    void malformedTokens()
    {
        const SigningKey key = SigningKey::generate();
        const std::vector<VerificationKey> keys{key.verificationKey()};
        const json header = {{"alg", "ES256"}, {"kid", key.kid()}};
        const std::string good = Jwt::sign(key, claims());
        for (const std::string& token :
             {std::string(), std::string("abc"), std::string("a.b"), good + ".x", std::string("..."),
              std::string("!!.") + good.substr(good.find('.') + 1), base64UrlEncode("not json") + ".e30.",
              base64UrlEncode("[1,2]") + ".e30.", std::string(Jwt::kMaxTokenLength + 1, 'a')}) {
            QCOMPARE(Jwt::verify(token, keys).error, JwtError::Malformed);
        }
        // Properly signed, yet: a critical extension we do not implement, or claims that are not an object.
        json crit = header;
        crit["crit"] = json::array({"b64"});
        crit["b64"] = false;
        QCOMPARE(Jwt::verify(forge(crit, b64(claims()), &key), keys).error, JwtError::Malformed);
        QCOMPARE(Jwt::verify(forge(header, b64(json::array({1})), &key), keys).error, JwtError::Malformed);
        QCOMPARE(Jwt::verify(forge(header, base64UrlEncode("{oops"), &key), keys).error, JwtError::Malformed);
        QCOMPARE(Jwt::verify(forge(header, "e30=", &key), keys).error, JwtError::Malformed);
        QVERIFY(!Jwt::verify(forge(header, "e30=", &key), keys));
        QVERIFY(Jwt::verify(forge(header, "e30", &key), keys)); // {} is fine structurally
    }

    void claimChecks_data()
    {
        QTest::addColumn<QByteArray>("patch"); // JSON merge patch applied to claims()
        QTest::addColumn<qint64>("now");
        QTest::addColumn<JwtError>("expected");
        const qint64 now = kNow + 10;
        QTest::newRow("valid") << QByteArray("{}") << now << JwtError::None;
        QTest::newRow("aud array") << QByteArray("{\"aud\":[\"other\",\"trellis-console\"]}") << now << JwtError::None;
        QTest::newRow("aud array without us")
            << QByteArray("{\"aud\":[\"other\",7]}") << now << JwtError::WrongAudience;
        QTest::newRow("aud other") << QByteArray("{\"aud\":\"other\"}") << now << JwtError::WrongAudience;
        QTest::newRow("aud missing") << QByteArray("{\"aud\":null}") << now << JwtError::WrongAudience;
        QTest::newRow("iss other") << QByteArray("{\"iss\":\"https://evil.example.com\"}") << now
                                   << JwtError::WrongIssuer;
        QTest::newRow("iss missing") << QByteArray("{\"iss\":null}") << now << JwtError::WrongIssuer;
        QTest::newRow("just before exp+leeway") << QByteArray("{}") << qint64(kNow + 300 + 29) << JwtError::None;
        QTest::newRow("at exp+leeway") << QByteArray("{}") << qint64(kNow + 300 + 30) << JwtError::Expired;
        QTest::newRow("long expired") << QByteArray("{}") << qint64(kNow + 86400) << JwtError::Expired;
        QTest::newRow("exp missing") << QByteArray("{\"exp\":null}") << now << JwtError::Expired;
        QTest::newRow("exp string") << QByteArray("{\"exp\":\"1700000300\"}") << now << JwtError::Malformed;
        QTest::newRow("exp fractional") << QByteArray("{\"exp\":1700000300.5}") << now << JwtError::None;
        QTest::newRow("nbf future") << QByteArray("{\"nbf\":1700000100}") << now << JwtError::NotYetValid;
        QTest::newRow("nbf within leeway") << QByteArray("{\"nbf\":1700000030}") << now << JwtError::None;
        QTest::newRow("nbf bool") << QByteArray("{\"nbf\":true}") << now << JwtError::Malformed;
        QTest::newRow("iat future") << QByteArray("{}") << qint64(kNow - 60) << JwtError::NotYetValid;
        QTest::newRow("iat within leeway") << QByteArray("{}") << qint64(kNow - 20) << JwtError::None;
    }
    void claimChecks()
    {
        QFETCH(QByteArray, patch);
        QFETCH(qint64, now);
        QFETCH(JwtError, expected);
        json c = claims();
        c.merge_patch(json::parse(patch.toStdString()));
        const Jwt::ClaimsExpectation expectation{"https://id.example.com", "trellis-console", seconds(30)};
        const JwtError actual = Jwt::checkClaims(c, expectation, at(now));
        QCOMPARE(QString::fromLatin1(jwtErrorCode(actual).data()), QString::fromLatin1(jwtErrorCode(expected).data()));
    }

    void errorCodes()
    {
        QCOMPARE(jwtErrorCode(JwtError::None), std::string_view("ok"));
        QCOMPARE(jwtErrorCode(JwtError::Malformed), std::string_view("malformed"));
        QCOMPARE(jwtErrorCode(JwtError::BadAlg), std::string_view("bad_alg"));
        QCOMPARE(jwtErrorCode(JwtError::UnknownKid), std::string_view("unknown_kid"));
        QCOMPARE(jwtErrorCode(JwtError::BadSignature), std::string_view("bad_signature"));
        QCOMPARE(jwtErrorCode(JwtError::Expired), std::string_view("expired"));
        QCOMPARE(jwtErrorCode(JwtError::NotYetValid), std::string_view("not_yet_valid"));
        QCOMPARE(jwtErrorCode(JwtError::WrongIssuer), std::string_view("wrong_issuer"));
        QCOMPARE(jwtErrorCode(JwtError::WrongAudience), std::string_view("wrong_audience"));
    }

    void cliVerifiesOurTokens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SigningKey key = SigningKey::generate();
        const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
        const QString pubFile = dir.filePath(QStringLiteral("pub.pem"));
        const QString sigFile = dir.filePath(QStringLiteral("sig.der"));
        QVERIFY(writeFile(keyFile, key.toPkcs8Pem()));
        QCOMPARE(OpenSslCli::run({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile, QStringLiteral("-pubout"),
                                  QStringLiteral("-out"), pubFile})
                     .exitCode,
                 0);
        for (int i = 0; i < 8; ++i) {
            json c = claims();
            c["n"] = i;
            const std::string token = Jwt::sign(key, c);
            const std::size_t dot = token.rfind('.');
            const std::string input = token.substr(0, dot);
            const std::string raw = *base64UrlDecode(token.substr(dot + 1));
            QCOMPARE(raw.size(), std::size_t(64));
            QVERIFY(writeFile(sigFile, derFromRaw(raw)));
            const QStringList verify{QStringLiteral("dgst"),       QStringLiteral("-sha256"),
                                     QStringLiteral("-verify"),    pubFile,
                                     QStringLiteral("-signature"), sigFile};
            const auto ok = OpenSslCli::run(verify, OpenSslCli::bytes(input));
            QCOMPARE(ok.exitCode, 0);
            QVERIFY(ok.out.contains("Verified OK"));
            // The CLI does refuse when the data differ, so the check above means something.
            QVERIFY(OpenSslCli::run(verify, OpenSslCli::bytes(input + "x")).exitCode != 0);
        }
    }

    void weVerifyCliSignedTokens()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto pem = OpenSslCli::run({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                                          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")});
        QCOMPARE(pem.exitCode, 0);
        const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
        QVERIFY(writeFile(keyFile, OpenSslCli::str(pem.out)));
        // Only the public JWK reaches the verifier, as from a JWKS.
        const auto key = SigningKey::fromPkcs8Pem(OpenSslCli::str(pem.out));
        QVERIFY(key);
        const auto pub = VerificationKey::fromJwk(key->publicJwk());
        QVERIFY(pub);
        for (int i = 0; i < 8; ++i) {
            json c = claims();
            c["n"] = i;
            const std::string input = b64({{"alg", "ES256"}, {"kid", pub->kid()}, {"typ", "JWT"}}) + "." + b64(c);
            const auto der =
                OpenSslCli::run({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-sign"), keyFile},
                                OpenSslCli::bytes(input));
            QCOMPARE(der.exitCode, 0);
            const auto raw = rawFromDer(OpenSslCli::str(der.out));
            QVERIFY(raw);
            const std::string token = input + "." + base64UrlEncode(*raw);
            const auto verified = Jwt::verify(token, {*pub});
            QCOMPARE(verified.error, JwtError::None);
            QCOMPARE(json(verified.claims).dump(), json(c).dump());
            // The DER form itself is not a JWS signature.
            QCOMPARE(Jwt::verify(input + "." + base64UrlEncode(OpenSslCli::str(der.out)), {*pub}).error,
                     JwtError::BadSignature);
        }
    }
};

QTEST_APPLESS_MAIN(TestJwt)
#include "tst_jwt.moc"
