// trellisd's outbound HTTP client (federated sign-in: discovery, JWKS, token endpoint) against a real Python HTTP(S)
// server on loopback: plain and TLS answers, certificate verification (a self-signed certificate is refused unless
// its CA file is given), the response size cap, the deadline, and the URL rules.
#include "../server/SelfSignedCertificate.h"
#include "server/login/OutboundHttpClient.h"
#include "server/login/OutboundUrl.h"

#include <chrono>
#include <memory>

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace trellis::server;

namespace {

struct TestServer
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    int port = 0;

    bool start(const QStringList& tlsFiles)
    {
        process->start(QStringLiteral("python3"), QStringList{QStringLiteral(TRELLIS_HTTP_TEST_SERVER)} + tlsFiles);
        if (!process->waitForStarted(5000) || !process->waitForReadyRead(10000))
            return false;
        port = process->readLine().trimmed().toInt();
        return port > 0;
    }
    ~TestServer()
    {
        process->kill();
        process->waitForFinished(5000);
    }
};

} // namespace

class OutboundHttpTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urls()
    {
        const auto a = OutboundUrl::parse("https://Login.Example.com/tenant/v2.0?x=1");
        QVERIFY(a);
        QVERIFY(a->https);
        QCOMPARE(a->host, std::string("login.example.com"));
        QCOMPARE(a->port, std::string("443"));
        QCOMPARE(a->target, std::string("/tenant/v2.0?x=1"));
        QCOMPARE(a->hostHeader(), std::string("login.example.com"));
        const auto b = OutboundUrl::parse("http://[::1]:8080");
        QVERIFY(b && !b->https && b->loopback());
        QCOMPARE(b->host, std::string("::1"));
        QCOMPARE(b->target, std::string("/"));
        QCOMPARE(b->hostHeader(), std::string("[::1]:8080"));
        QVERIFY(OutboundUrl::parse("http://localhost:9")->loopback());
        QVERIFY(OutboundUrl::parse("http://127.0.0.5/")->loopback());
        // A name that merely starts like a loopback address is not one.
        QVERIFY(!OutboundUrl::parse("http://127.example.com/")->loopback());
        QVERIFY(!OutboundUrl::parse("http://login.example.com/")->loopback());
        for (const char* bad : {"ftp://x.example", "https://", "https://user@x.example/", "https://x.example/#f",
                                "https://x.example:99999/", "https://x.example:ab/", "https://x.example /",
                                "//x.example/", "https://[::1/"})
            QVERIFY2(!OutboundUrl::parse(bad), bad);
    }

    void plainHttp()
    {
        TestServer server;
        QVERIFY(server.start({}));
        const std::string base = "http://127.0.0.1:" + std::to_string(server.port);
        const OutboundResponse ok = OutboundHttpClient().send({"GET", base + "/ok", {}, {}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, std::string(R"({"ok": true})"));
        QCOMPARE(ok.contentType, std::string("application/json"));
        QCOMPARE(OutboundHttpClient().send({"GET", base + "/missing", {}, {}}).status, 404);
        const OutboundResponse echo = OutboundHttpClient().send(
            {"POST",
             base + "/echo",
             {{"Authorization", "Basic abc"}, {"Content-Type", "application/x-www-form-urlencoded"}},
             "grant_type=authorization_code"});
        QVERIFY2(echo.body.find(R"("authorization": "Basic abc")") != std::string::npos, echo.body.c_str());
        QVERIFY(echo.body.find("grant_type=authorization_code") != std::string::npos);
    }

    void sizeCapAndDeadline()
    {
        TestServer server;
        QVERIFY(server.start({}));
        const std::string base = "http://127.0.0.1:" + std::to_string(server.port);
        try {
            const OutboundResponse r = OutboundHttpClient().send({"GET", base + "/big", {}, {}});
            QFAIL(qPrintable(QStringLiteral("no size error: status %1, %2 bytes").arg(r.status).arg(r.body.size())));
        } catch (const OutboundHttpError& e) {
            QVERIFY2(std::string(e.what()).find("larger than allowed") != std::string::npos, e.what());
        }
        OutboundHttpClient::Options roomy;
        roomy.maxResponseBytes = 4 * 1024 * 1024;
        QCOMPARE(OutboundHttpClient(roomy).send({"GET", base + "/big", {}, {}}).body.size(),
                 std::size_t(2 * 1024 * 1024));

        OutboundHttpClient::Options quick;
        quick.timeout = std::chrono::milliseconds(800);
        QElapsedTimer timer;
        timer.start();
        try {
            OutboundHttpClient(quick).send({"GET", base + "/slow", {}, {}});
            QFAIL("a server that never answers must time out");
        } catch (const OutboundHttpError& e) {
            QVERIFY2(std::string(e.what()).find("timed out") != std::string::npos, e.what());
        }
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        // Nobody listening.
        QVERIFY_THROWS_EXCEPTION(OutboundHttpError, OutboundHttpClient().send({"GET", "http://127.0.0.1:1/", {}, {}}));
    }

    void tlsIsVerified()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(trellis::tests::writeSelfSignedCertificate(cert, key), QString());
        TestServer server;
        QVERIFY(server.start({cert, key}));
        const std::string url = "https://localhost:" + std::to_string(server.port) + "/ok";
        // The system's trust store does not know this certificate.
        try {
            OutboundHttpClient().send({"GET", url, {}, {}});
            QFAIL("an untrusted certificate must be refused");
        } catch (const OutboundHttpError& e) {
            QVERIFY2(std::string(e.what()).find("TLS") != std::string::npos, e.what());
        }
        OutboundHttpClient::Options trusted;
        trusted.caFile = cert.toStdString();
        const OutboundResponse ok = OutboundHttpClient(trusted).send({"GET", url, {}, {}});
        QCOMPARE(ok.status, 200);
    }
};

QTEST_GUILESS_MAIN(OutboundHttpTest)
#include "tst_outboundhttp.moc"
