// A relying party that is not ours (Authlib, tests/oidc/independent-rp.py) signs in to a real trellisd using only
// its discovery document: code + PKCE through the hosted login, tokens verified against the JWKS by Authlib.
#include "tests/common/TrellisdProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using trellis::test::TrellisdProcess;

class IndependentRelyingPartyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signsInWithDiscoveryAlone();
    void wrongPasswordGetsNoCode();
    void cleanupTestCase();

private:
    TrellisdProcess m_server;
};

void IndependentRelyingPartyTest::initTestCase()
{
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void IndependentRelyingPartyTest::signsInWithDiscoveryAlone()
{
    QProcess rp;
    rp.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(QT_TESTCASE_SOURCEDIR "/independent-rp.py"),
              m_server.baseUrl().toString(QUrl::StripTrailingSlash), QStringLiteral("owner@acme.example"),
              QStringLiteral("trellis-demo-2026")});
    QVERIFY2(rp.waitForFinished(60000), "the relying party did not finish within a minute");
    const QByteArray errors = rp.readAllStandardError();
    if (rp.exitCode() == 77)
        QSKIP(qPrintable(QStringLiteral("Authlib is missing (scripts/deps installs python3-authlib): ") +
                         QString::fromUtf8(errors)));
    QVERIFY2(rp.exitStatus() == QProcess::NormalExit && rp.exitCode() == 0, errors.constData());
    const QJsonObject result = QJsonDocument::fromJson(rp.readAllStandardOutput()).object();
    QCOMPARE(result.value(QStringLiteral("issuer")).toString(), m_server.baseUrl().toString(QUrl::StripTrailingSlash));
    QCOMPARE(result.value(QStringLiteral("email")).toString(), QStringLiteral("owner@acme.example"));
    QCOMPARE(result.value(QStringLiteral("id_token_alg")).toString(), QStringLiteral("ES256"));
    QVERIFY(!result.value(QStringLiteral("sub")).toString().isEmpty());
    QVERIFY(result.value(QStringLiteral("refresh_token")).toBool());
}

void IndependentRelyingPartyTest::wrongPasswordGetsNoCode()
{
    QProcess rp;
    rp.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(QT_TESTCASE_SOURCEDIR "/independent-rp.py"),
              m_server.baseUrl().toString(QUrl::StripTrailingSlash), QStringLiteral("owner@acme.example"),
              QStringLiteral("not-the-demo-password")});
    QVERIFY2(rp.waitForFinished(60000), "the relying party did not finish within a minute");
    if (rp.exitCode() == 77)
        QSKIP("Authlib is missing (scripts/deps installs python3-authlib)");
    QCOMPARE(rp.exitCode(), 1);
    QVERIFY(rp.readAllStandardOutput().isEmpty()); // no tokens were obtained
}

void IndependentRelyingPartyTest::cleanupTestCase()
{
    m_server.stop();
}

QTEST_GUILESS_MAIN(IndependentRelyingPartyTest)
#include "tst_independent_rp.moc"
