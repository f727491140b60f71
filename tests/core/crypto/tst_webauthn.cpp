#include "SoftAuthenticator.h"
#include "core/Encoding.h"
#include "core/crypto/Cbor.h"
#include "core/crypto/CoseKey.h"
#include "core/crypto/WebAuthn.h"

#include <QTest>

using namespace trellis::core;
using namespace trellis::core::crypto;

Q_DECLARE_METATYPE(trellis::core::crypto::CoseAlgorithm)

namespace {

const std::string rpId = "login.example.com";
const std::string origin = "https://login.example.com";
const std::uint8_t UP = AuthenticatorData::flagUserPresent;
const std::uint8_t UV = AuthenticatorData::flagUserVerified;

WebAuthnExpectation expectation(const std::string& challenge, bool requireUv = false)
{
    return WebAuthnExpectation{rpId, {origin, "https://other.example.com"}, challenge, requireUv};
}

QString name(CoseAlgorithm alg)
{
    return alg == CoseAlgorithm::ES256   ? QStringLiteral("ES256")
           : alg == CoseAlgorithm::RS256 ? QStringLiteral("RS256")
                                         : QStringLiteral("EdDSA");
}

const CoseAlgorithm algorithms[] = {CoseAlgorithm::ES256, CoseAlgorithm::RS256, CoseAlgorithm::EdDSA};

std::string hex(const std::string& h)
{
    std::string out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2)
        out += char(std::stoi(h.substr(i, 2), nullptr, 16));
    return out;
}

} // namespace

/// WebAuthn verification with real signatures: keys are generated with OpenSSL for ES256, RS256 and EdDSA, and
/// authenticator data, attestation objects and clientDataJSON are built and signed the way an authenticator and a
/// browser build them. Each negative case changes exactly one thing.
class TestWebAuthn : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cborDecodesWhatWebAuthnUses()
    {
        // RFC 8949 Appendix A examples.
        QCOMPARE(Cbor::decode(hex("00"))->integer, std::int64_t(0));
        QCOMPARE(Cbor::decode(hex("1903e8"))->integer, std::int64_t(1000));
        QCOMPARE(Cbor::decode(hex("3903e7"))->integer, std::int64_t(-1000));
        QCOMPARE(Cbor::decode(hex("3bffffffffffffffff")), std::optional<CborValue>()); // -2^64 does not fit
        QCOMPARE(Cbor::decode(hex("4401020304"))->string, hex("01020304"));
        QCOMPARE(Cbor::decode(hex("6449455446"))->string, std::string("IETF"));
        QCOMPARE(Cbor::decode(hex("f5"))->boolean, true);
        QVERIFY(Cbor::decode(hex("f6"))->type == CborValue::Type::Null);
        const auto map = Cbor::decode(hex("a201020304"));
        QVERIFY(map && map->isMap());
        QCOMPARE(map->find(1)->integer, std::int64_t(2));
        QCOMPARE(map->find(3)->integer, std::int64_t(4));
        const auto nested = Cbor::decode(hex("a26161016162820203"));
        QCOMPARE(nested->find("b")->items.size(), std::size_t(2));
        // Round trip through the encoder.
        QCOMPARE(Cbor::encode(*nested), hex("a26161016162820203"));
        QCOMPARE(Cbor::encode(CborValue::fromInt(-257)), hex("390100"));
    }

    void cborRefuses_data()
    {
        QTest::addColumn<QString>("hexBytes");
        QTest::newRow("empty") << QString();
        QTest::newRow("trailing byte") << QStringLiteral("0000");
        QTest::newRow("truncated argument") << QStringLiteral("19 03");
        QTest::newRow("truncated string") << QStringLiteral("4401 02");
        QTest::newRow("truncated map") << QStringLiteral("a2 0102 03");
        QTest::newRow("indefinite bytes") << QStringLiteral("5f 42 0102 ff");
        QTest::newRow("indefinite array") << QStringLiteral("9f 01 ff");
        QTest::newRow("indefinite map") << QStringLiteral("bf 01 02 ff");
        QTest::newRow("reserved info") << QStringLiteral("1c");
        QTest::newRow("tag") << QStringLiteral("c1 1a514b67b0");
        QTest::newRow("float") << QStringLiteral("f9 3c00");
        QTest::newRow("undefined") << QStringLiteral("f7");
        QTest::newRow("break alone") << QStringLiteral("ff");
        QTest::newRow("duplicate key") << QStringLiteral("a2 01 02 01 03");
        QTest::newRow("array key") << QStringLiteral("a1 80 01");
        QTest::newRow("bad utf-8") << QStringLiteral("62 c328");
        QTest::newRow("overlong utf-8") << QStringLiteral("62 c0af");
        QTest::newRow("uint beyond int64") << QStringLiteral("1b ffffffffffffffff");
        QTest::newRow("huge length") << QStringLiteral("5a ffffffff 00");
        QTest::newRow("huge array") << QStringLiteral("9b 00000000ffffffff");
        QTest::newRow("too deep") << QStringLiteral("81 81 81 81 81 81 81 81 81 00");
    }
    void cborRefuses()
    {
        QFETCH(QString, hexBytes);
        const std::string bytes = hex(hexBytes.remove(QLatin1Char(' ')).toStdString());
        QVERIFY(!Cbor::decode(bytes));
    }

    void cborLimits()
    {
        CborLimits limits;
        limits.maxStringLength = 3;
        QVERIFY(Cbor::decode(hex("43010203"), limits));
        QVERIFY(!Cbor::decode(hex("4401020304"), limits));
        std::size_t consumed = 0;
        const auto prefix = Cbor::decodePrefix(hex("0102"), consumed);
        QVERIFY(prefix);
        QCOMPARE(consumed, std::size_t(1));
    }

    void coseKeys_data()
    {
        QTest::addColumn<CoseAlgorithm>("alg");
        for (const CoseAlgorithm alg : algorithms)
            QTest::newRow(qPrintable(name(alg))) << alg;
    }
    void coseKeys()
    {
        QFETCH(CoseAlgorithm, alg);
        const SoftAuthenticator authenticator(alg);
        const auto key = CoseKey::fromCbor(authenticator.coseKey());
        QVERIFY(key);
        QVERIFY(key->algorithm() == alg);
        QVERIFY(!key->spkiDer().empty());
        const std::string signature = authenticator.sign("hello");
        QVERIFY(key->verify("hello", signature));
        QVERIFY(!key->verify("hellO", signature));
        std::string flipped = signature;
        flipped[flipped.size() / 2] ^= 0x01;
        QVERIFY(!key->verify("hello", flipped));
        QVERIFY(!key->verify("hello", {}));
        // Another key of the same kind does not verify it.
        QVERIFY(!CoseKey::fromCbor(SoftAuthenticator(alg).coseKey())->verify("hello", signature));
        // The stored form (CBOR bytes) gives the same key.
        QVERIFY(CoseKey::fromBytes(Cbor::encode(authenticator.coseKey()))->verify("hello", signature));

        // Wrong or missing alg, private members, wrong kty are refused.
        CborValue noAlg = authenticator.coseKey();
        noAlg.entries.erase(noAlg.entries.begin() + 1);
        QVERIFY(!CoseKey::fromCbor(noAlg));
        CborValue otherAlg = authenticator.coseKey();
        otherAlg.entries[1].second = CborValue::fromInt(alg == CoseAlgorithm::ES256 ? -35 : -7);
        QVERIFY(!CoseKey::fromCbor(otherAlg));
        CborValue withPrivate = authenticator.coseKey();
        withPrivate.entries.emplace_back(CborValue::fromInt(-4), CborValue::fromBytes(std::string(32, 'x')));
        QVERIFY(!CoseKey::fromCbor(withPrivate)); // -4 is d for EC2/OKP and p for RSA
    }

    void coseKeyRefusals()
    {
        // P-256 point not on the curve.
        const CborValue offCurve =
            CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(2)},
                            {CborValue::fromInt(3), CborValue::fromInt(-7)},
                            {CborValue::fromInt(-1), CborValue::fromInt(1)},
                            {CborValue::fromInt(-2), CborValue::fromBytes(std::string(32, '\x01'))},
                            {CborValue::fromInt(-3), CborValue::fromBytes(std::string(32, '\x02'))}});
        std::string error;
        QVERIFY(!CoseKey::fromCbor(offCurve, &error));
        QVERIFY(!error.empty());
        // P-384 curve id with ES256.
        CborValue p384 = offCurve;
        p384.entries[2].second = CborValue::fromInt(2);
        QVERIFY(!CoseKey::fromCbor(p384));
        // RSA with a 1024-bit modulus.
        std::string n(128, '\xC3');
        n.back() = '\x01';
        const CborValue small = CborValue::map({{CborValue::fromInt(1), CborValue::fromInt(3)},
                                                {CborValue::fromInt(3), CborValue::fromInt(-257)},
                                                {CborValue::fromInt(-1), CborValue::fromBytes(n)},
                                                {CborValue::fromInt(-2), CborValue::fromBytes(hex("010001"))}});
        QVERIFY(!CoseKey::fromCbor(small));
        QVERIFY(!CoseKey::fromBytes(hex("a1")));
        QVERIFY(!CoseKey::fromCbor(CborValue::fromInt(1)));
    }

    void registration_data()
    {
        QTest::addColumn<CoseAlgorithm>("alg");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("error");
        const QList<QPair<QString, QString>> cases = {
            {QStringLiteral("none"), QString()},
            {QStringLiteral("packed-self"), QString()},
            {QStringLiteral("uv-required-and-given"), QString()},
            {QStringLiteral("second-allowed-origin"), QString()},
            {QStringLiteral("wrong-origin"), QStringLiteral("wrong_origin")},
            {QStringLiteral("wrong-rp-id-hash"), QStringLiteral("wrong_rp")},
            {QStringLiteral("wrong-challenge"), QStringLiteral("wrong_challenge")},
            {QStringLiteral("wrong-type"), QStringLiteral("wrong_type")},
            {QStringLiteral("cross-origin"), QStringLiteral("cross_origin")},
            {QStringLiteral("up-missing"), QStringLiteral("user_not_present")},
            {QStringLiteral("uv-required-but-missing"), QStringLiteral("user_not_verified")},
            {QStringLiteral("fmt-fido-u2f"), QStringLiteral("unsupported_attestation")},
            {QStringLiteral("packed-with-x5c"), QStringLiteral("unsupported_attestation")},
            {QStringLiteral("packed-bad-signature"), QStringLiteral("bad_attestation")},
            {QStringLiteral("packed-alg-mismatch"), QStringLiteral("bad_attestation")},
            {QStringLiteral("none-with-statement"), QStringLiteral("bad_attestation")},
            {QStringLiteral("no-attested-data"), QStringLiteral("malformed")},
            {QStringLiteral("truncated-auth-data"), QStringLiteral("malformed")},
            {QStringLiteral("trailing-bytes-in-auth-data"), QStringLiteral("malformed")},
            {QStringLiteral("backup-state-without-eligible"), QStringLiteral("malformed")},
            {QStringLiteral("malformed-attestation-cbor"), QStringLiteral("malformed")},
            {QStringLiteral("truncated-attestation"), QStringLiteral("malformed")},
            {QStringLiteral("client-data-not-json"), QStringLiteral("malformed")},
        };
        for (const CoseAlgorithm alg : algorithms) {
            for (const auto& [change, error] : cases)
                QTest::newRow(qPrintable(name(alg) + QLatin1Char(' ') + change)) << alg << change << error;
        }
    }
    void registration()
    {
        QFETCH(CoseAlgorithm, alg);
        QFETCH(QString, change);
        QFETCH(QString, error);
        const std::string c = change.toStdString();
        SoftAuthenticator authenticator(alg);
        const std::string challenge = secureChallenge();

        std::string type = "webauthn.create";
        std::string clientOrigin = origin;
        nlohmann::json extra = nlohmann::json::object();
        std::string signedChallenge = challenge;
        if (c == "wrong-type")
            type = "webauthn.get";
        if (c == "wrong-origin")
            clientOrigin = "https://login.example.com.evil.test";
        if (c == "second-allowed-origin")
            clientOrigin = "https://other.example.com";
        if (c == "wrong-challenge")
            signedChallenge[0] ^= 0x01;
        if (c == "cross-origin")
            extra = {{"crossOrigin", true}};
        std::string clientData = SoftAuthenticator::clientData(type, signedChallenge, clientOrigin, extra);
        if (c == "client-data-not-json")
            clientData = "{\"type\": \"webauthn.create\", ";

        std::uint8_t flags = UP | AuthenticatorData::flagBackupEligible;
        if (c == "up-missing")
            flags = 0;
        if (c == "uv-required-and-given")
            flags |= UV;
        if (c == "backup-state-without-eligible")
            flags = UP | AuthenticatorData::flagBackupState;
        std::string authData = authenticator.authenticatorData(c == "wrong-rp-id-hash" ? "example.com" : rpId, flags, 0,
                                                               c != "no-attested-data");
        if (c == "truncated-auth-data")
            authData.resize(authData.size() - 3);
        if (c == "trailing-bytes-in-auth-data")
            authData += '\0';

        std::string fmt = c.rfind("packed", 0) == 0 ? "packed" : "none";
        if (c == "fmt-fido-u2f")
            fmt = "fido-u2f";
        std::string attestation = authenticator.attestationObject(fmt, authData, clientData);
        if (c == "packed-bad-signature" || c == "packed-alg-mismatch" || c == "packed-with-x5c" ||
            c == "none-with-statement") {
            auto decoded = *Cbor::decode(attestation);
            CborValue& statement = decoded.entries[1].second;
            if (c == "packed-bad-signature")
                statement.entries[1].second.string[4] ^= 0x01;
            if (c == "packed-alg-mismatch")
                statement.entries[0].second = CborValue::fromInt(alg == CoseAlgorithm::ES256 ? -8 : -7);
            if (c == "packed-with-x5c")
                statement.entries.emplace_back(CborValue::fromText("x5c"),
                                               CborValue::array({CborValue::fromBytes("cert")}));
            if (c == "none-with-statement")
                statement.entries.emplace_back(CborValue::fromText("sig"), CborValue::fromBytes("x"));
            attestation = Cbor::encode(decoded);
        }
        if (c == "malformed-attestation-cbor")
            attestation[0] = char(0xBF); // indefinite-length map
        if (c == "truncated-attestation")
            attestation.resize(attestation.size() - 1);

        std::string got;
        const auto credential = WebAuthn::verifyRegistration(expectation(challenge, c.rfind("uv-required", 0) == 0),
                                                             clientData, attestation, got);
        QCOMPARE(QString::fromStdString(got), error);
        QCOMPARE(bool(credential), error.isEmpty());
        if (!credential)
            return;
        QCOMPARE(credential->credentialId, authenticator.credentialId);
        QVERIFY(credential->algorithm == alg);
        QCOMPARE(credential->attestationFormat, fmt);
        QCOMPARE(credential->aaguid, std::string(16, '\0'));
        QVERIFY(credential->backupEligible);
        QVERIFY(!credential->backupState);
        QCOMPARE(credential->userVerified, c == "uv-required-and-given");
        // The stored key verifies the authenticator's signatures.
        QVERIFY(CoseKey::fromBytes(credential->publicKey)->verify("later", authenticator.sign("later")));
    }

    void assertion_data()
    {
        QTest::addColumn<CoseAlgorithm>("alg");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("error");
        const QList<QPair<QString, QString>> cases = {
            {QStringLiteral("ok"), QString()},
            {QStringLiteral("counter-increases"), QString()},
            {QStringLiteral("uv-required-and-given"), QString()},
            {QStringLiteral("wrong-origin"), QStringLiteral("wrong_origin")},
            {QStringLiteral("http-origin"), QStringLiteral("wrong_origin")},
            {QStringLiteral("wrong-rp-id-hash"), QStringLiteral("wrong_rp")},
            {QStringLiteral("wrong-challenge"), QStringLiteral("wrong_challenge")},
            {QStringLiteral("empty-challenge"), QStringLiteral("wrong_challenge")},
            {QStringLiteral("wrong-type"), QStringLiteral("wrong_type")},
            {QStringLiteral("up-missing"), QStringLiteral("user_not_present")},
            {QStringLiteral("uv-required-but-missing"), QStringLiteral("user_not_verified")},
            {QStringLiteral("bad-signature"), QStringLiteral("bad_signature")},
            {QStringLiteral("signed-other-client-data"), QStringLiteral("bad_signature")},
            {QStringLiteral("other-key"), QStringLiteral("bad_signature")},
            {QStringLiteral("counter-regression"), QStringLiteral("counter_regression")},
            {QStringLiteral("counter-repeated"), QStringLiteral("counter_regression")},
            {QStringLiteral("counter-reset-to-zero"), QStringLiteral("counter_regression")},
            {QStringLiteral("truncated-auth-data"), QStringLiteral("malformed")},
            {QStringLiteral("attested-data-in-assertion"), QStringLiteral("malformed")},
        };
        for (const CoseAlgorithm alg : algorithms) {
            for (const auto& [change, error] : cases)
                QTest::newRow(qPrintable(name(alg) + QLatin1Char(' ') + change)) << alg << change << error;
        }
    }
    void assertion()
    {
        QFETCH(CoseAlgorithm, alg);
        QFETCH(QString, change);
        QFETCH(QString, error);
        const std::string c = change.toStdString();
        SoftAuthenticator authenticator(alg);
        const auto key = CoseKey::fromCbor(authenticator.coseKey());
        QVERIFY(key);
        const std::string challenge = secureChallenge();

        std::uint32_t stored = 0;
        std::uint32_t counter = 0;
        if (c == "counter-increases") {
            stored = 41;
            counter = 42;
        } else if (c == "counter-regression") {
            stored = 42;
            counter = 7;
        } else if (c == "counter-repeated") {
            stored = 42;
            counter = 42;
        } else if (c == "counter-reset-to-zero") {
            stored = 42;
            counter = 0;
        }
        std::string clientOrigin = origin;
        if (c == "wrong-origin")
            clientOrigin = "https://evil.example.com";
        if (c == "http-origin")
            clientOrigin = "http://login.example.com";
        std::string signedChallenge = challenge;
        if (c == "wrong-challenge")
            signedChallenge = challenge.substr(0, 31);
        if (c == "empty-challenge")
            signedChallenge.clear();
        const std::string clientData = SoftAuthenticator::clientData(
            c == "wrong-type" ? "webauthn.create" : "webauthn.get", signedChallenge, clientOrigin);
        std::uint8_t flags = UP;
        if (c == "up-missing")
            flags = UV;
        if (c == "uv-required-and-given")
            flags = UP | UV;
        std::string authData = authenticator.authenticatorData(c == "wrong-rp-id-hash" ? "evil.example.com" : rpId,
                                                               flags, counter, c == "attested-data-in-assertion");
        std::string signature =
            authenticator.sign(authData + sha256(c == "signed-other-client-data" ? clientData + " " : clientData));
        if (c == "bad-signature")
            signature[signature.size() - 5] ^= 0x40;
        if (c == "other-key")
            signature = SoftAuthenticator(alg).sign(authData + sha256(clientData));
        if (c == "truncated-auth-data")
            authData.resize(36);

        std::string got;
        const auto outcome = WebAuthn::verifyAssertion(expectation(challenge, c.rfind("uv-required", 0) == 0), *key,
                                                       stored, clientData, authData, signature, got);
        QCOMPARE(QString::fromStdString(got), error);
        QCOMPARE(bool(outcome), error.isEmpty());
        if (outcome) {
            QCOMPARE(outcome->signCount, counter);
            QCOMPARE(outcome->userVerified, bool(flags & UV));
        }
    }

    void signCounterRule()
    {
        QVERIFY(WebAuthn::signCountAcceptable(0, 0));
        QVERIFY(WebAuthn::signCountAcceptable(0, 1));
        QVERIFY(WebAuthn::signCountAcceptable(5, 6));
        QVERIFY(!WebAuthn::signCountAcceptable(5, 5));
        QVERIFY(!WebAuthn::signCountAcceptable(5, 4));
        QVERIFY(!WebAuthn::signCountAcceptable(5, 0));
    }

    void authenticatorDataFlagsAndExtensions()
    {
        SoftAuthenticator authenticator(CoseAlgorithm::ES256);
        std::string data = authenticator.authenticatorData(
            rpId, UP | UV | AuthenticatorData::flagBackupEligible | AuthenticatorData::flagBackupState, 7, true);
        auto parsed = AuthenticatorData::parse(data);
        QVERIFY(parsed);
        QVERIFY(parsed->userPresent() && parsed->userVerified() && parsed->backupEligible() && parsed->backupState());
        QCOMPARE(parsed->signCount, 7u);
        QCOMPARE(parsed->rpIdHash, sha256(rpId));
        QCOMPARE(parsed->credentialPublicKey, Cbor::encode(authenticator.coseKey()));
        // Extension data must be announced by the ED flag, and must be a map.
        const std::string extensions =
            Cbor::encode(CborValue::map({{CborValue::fromText("credProtect"), CborValue::fromInt(2)}}));
        QVERIFY(!AuthenticatorData::parse(data + extensions));
        std::string withEd = data;
        withEd[32] = char(withEd[32] | AuthenticatorData::flagExtensionData);
        QVERIFY(AuthenticatorData::parse(withEd + extensions));
        QVERIFY(!AuthenticatorData::parse(withEd));
        QVERIFY(!AuthenticatorData::parse(withEd + Cbor::encode(CborValue::fromInt(1))));
        // Credential id length zero or beyond 1023 bytes.
        std::string zeroId = data.substr(0, 37 + 16) + std::string(2, '\0') + data.substr(37 + 18);
        QVERIFY(!AuthenticatorData::parse(zeroId));
        for (std::size_t cut = 0; cut < 37; ++cut)
            QVERIFY(!AuthenticatorData::parse(data.substr(0, cut)));
        for (std::size_t cut = 38; cut < data.size(); ++cut)
            QVERIFY2(!AuthenticatorData::parse(data.substr(0, cut)), qPrintable(QString::number(cut)));
    }

private:
    static std::string secureChallenge() { return sha256(std::to_string(++s_counter) + "challenge"); }
    static inline int s_counter = 0;
};

QTEST_APPLESS_MAIN(TestWebAuthn)
#include "tst_webauthn.moc"
