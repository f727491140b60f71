// ForeignJwks: ID tokens of an upstream identity provider, RS256 (signed here with OpenSSL directly) and ES256 (our
// SigningKey); refused algorithms, keys and signatures.
#include "core/Encoding.h"
#include "core/crypto/ForeignJwks.h"
#include "core/crypto/SigningKey.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <QtTest>

using namespace trellis::core;
using namespace trellis::core::crypto;
using nlohmann::json;

namespace {

struct RsaKey
{
    std::shared_ptr<EVP_PKEY> key;
    json jwk;
};

std::string bnBytes(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    std::string out(std::size_t(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
    BN_free(bn);
    return out;
}

RsaKey rsaKey(unsigned bits, const std::string& kid)
{
    RsaKey k;
    k.key = std::shared_ptr<EVP_PKEY>(EVP_RSA_gen(bits), EVP_PKEY_free);
    k.jwk = {{"kty", "RSA"},
             {"n", base64UrlEncode(bnBytes(k.key.get(), OSSL_PKEY_PARAM_RSA_N))},
             {"e", base64UrlEncode(bnBytes(k.key.get(), OSSL_PKEY_PARAM_RSA_E))}};
    if (!kid.empty())
        k.jwk["kid"] = kid;
    return k;
}

std::string rsaSign(const RsaKey& k, const json& header, const json& claims)
{
    const std::string input = base64UrlEncode(header.dump()) + "." + base64UrlEncode(claims.dump());
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, k.key.get());
    EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char*>(input.data()), input.size());
    std::string signature(length, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    EVP_MD_CTX_free(ctx);
    signature.resize(length);
    return input + "." + base64UrlEncode(signature);
}

const json claims{{"iss", "https://idp.example"}, {"sub", "upstream-1"}, {"aud", "trellis"}, {"nonce", "n-1"}};

} // namespace

class ForeignJwksTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rs256Verifies()
    {
        const RsaKey k = rsaKey(2048, "r1");
        const ForeignJwks keys(json{{"keys", {k.jwk}}});
        QCOMPARE(keys.usableKeys(), std::size_t(1));
        const auto verified = keys.verify(rsaSign(k, {{"alg", "RS256"}, {"kid", "r1"}}, claims));
        QVERIFY(verified);
        QCOMPARE(verified.claims, claims);
        // Without a kid, the only RSA key will do.
        QVERIFY(keys.verify(rsaSign(k, {{"alg", "RS256"}}, claims)));
    }

    void es256Verifies()
    {
        const SigningKey key = SigningKey::generate();
        const RsaKey other = rsaKey(2048, "r1");
        const ForeignJwks keys(json{{"keys", {other.jwk, key.publicJwk()}}});
        QCOMPARE(keys.usableKeys(), std::size_t(2));
        const auto verified = keys.verify(Jwt::sign(key, claims));
        QVERIFY2(verified, std::string(jwtErrorCode(verified.error)).c_str());
        QCOMPARE(verified.claims.value("sub", std::string()), std::string("upstream-1"));
    }

    void refusals()
    {
        const RsaKey k = rsaKey(2048, "r1");
        const RsaKey second = rsaKey(2048, "r2");
        const ForeignJwks keys(json{{"keys", {k.jwk, second.jwk}}});
        const std::string good = rsaSign(k, {{"alg", "RS256"}, {"kid", "r1"}}, claims);
        QVERIFY(keys.verify(good));

        // Another payload under the same signature.
        const auto dot1 = good.find('.');
        const auto dot2 = good.rfind('.');
        json changed = claims;
        changed["sub"] = "someone-else";
        const std::string tampered = good.substr(0, dot1 + 1) + base64UrlEncode(changed.dump()) + good.substr(dot2);
        QCOMPARE(keys.verify(tampered).error, JwtError::BadSignature);
        // Signed by r1, claiming r2.
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "RS256"}, {"kid", "r2"}}, claims)).error, JwtError::BadSignature);
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "RS256"}, {"kid", "nope"}}, claims)).error, JwtError::UnknownKid);
        // Two RSA keys and no kid: ambiguous.
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "RS256"}}, claims)).error, JwtError::UnknownKid);
        // The algorithm comes from the key type, never from the token alone.
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "ES256"}, {"kid", "r1"}}, claims)).error, JwtError::UnknownKid);
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "HS256"}, {"kid", "r1"}}, claims)).error, JwtError::BadAlg);
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "PS256"}, {"kid", "r1"}}, claims)).error, JwtError::BadAlg);
        const std::string none =
            base64UrlEncode(json{{"alg", "none"}}.dump()) + "." + base64UrlEncode(claims.dump()) + ".";
        QCOMPARE(keys.verify(none).error, JwtError::BadAlg);
        QCOMPARE(keys.verify(rsaSign(k, {{"alg", "RS256"}, {"kid", "r1"}, {"crit", {"exp"}}}, claims)).error,
                 JwtError::Malformed);
        QCOMPARE(keys.verify("not.a-token").error, JwtError::Malformed);
    }

    void unusableKeysAreLeftOut()
    {
        const RsaKey small = rsaKey(1024, "small");
        json privateKey = rsaKey(2048, "private").jwk;
        privateKey["d"] = "AQAB";
        json encryption = rsaKey(2048, "enc").jwk;
        encryption["use"] = "enc";
        json wrongAlg = rsaKey(2048, "ps").jwk;
        wrongAlg["alg"] = "PS256";
        const ForeignJwks keys(
            json{{"keys", {small.jwk, privateKey, encryption, wrongAlg, {{"kty", "oct"}, {"k", "AA"}}}}});
        QCOMPARE(keys.usableKeys(), std::size_t(0));
        QCOMPARE(keys.verify(rsaSign(small, {{"alg", "RS256"}, {"kid", "small"}}, claims)).error, JwtError::UnknownKid);
        QCOMPARE(ForeignJwks(json::array()).usableKeys(), std::size_t(0));
        QCOMPARE(ForeignJwks(json{{"keys", "x"}}).usableKeys(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(ForeignJwksTest)
#include "tst_foreignjwks.moc"
