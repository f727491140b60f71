#include "core/crypto/TokenHash.h"

#include <QTest>

using namespace trellis::core::crypto;

/// Stored-token hashing and the OpenID Connect at_hash / c_hash.
class TestTokenHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenHashIsHexSha256()
    {
        // FIPS 180-2 "abc"; the stored format must never change under existing databases.
        QCOMPARE(tokenHash("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(tokenHash("").size(), std::size_t(64));
        QVERIFY(tokenHash("a") != tokenHash("b"));
    }

    void oidcCoreExampleHashes()
    {
        // OpenID Connect Core 1.0, Appendix A.4 examples (checked with `openssl dgst -sha256 | head -c16`).
        QCOMPARE(oidcHalfHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"), std::string("77QmUPtjPfzWtF2AnpK9RQ"));
        QCOMPARE(oidcHalfHash("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"),
                 std::string("LDktKdoQak3Pk0cnXxCltA"));
    }
};

QTEST_APPLESS_MAIN(TestTokenHash)
#include "tst_tokenhash.moc"
