// HttpServer over real loopback sockets: keep-alive, limits, timeouts, TLS, request ids, logging, graceful stop.
#include "JsonCompare.h"
#include "LogCapture.h"
#include "RawHttpConnection.h"
#include "RunningHttpServer.h"
#include "SelfSignedCertificate.h"
#include "server/http/HttpError.h"

#include <atomic>
#include <csignal>
#include <future>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using trellis::server::HttpError;
using trellis::server::HttpRequest;
using trellis::server::HttpResponse;
using trellis::server::HttpServer;
using trellis::server::HttpServerOptions;
using trellis::server::Router;
using trellis::tests::LogCapture;
using trellis::tests::RawHttpConnection;
using trellis::tests::RawHttpResponse;
using trellis::tests::RunningHttpServer;

namespace {

nlohmann::json bodyJson(const RawHttpResponse& response)
{
    return nlohmann::json::parse(response.body.toStdString(), nullptr, false);
}

QByteArray repeat(char c, qsizetype count)
{
    return QByteArray(count, c);
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

public:
    TestHttpServer()
    {
        m_router.add("GET", "/hello", [](HttpRequest&) { return HttpResponse::json(200, {{"hello", "world"}}); });
        m_router.add("POST", "/echo", [](HttpRequest& request) {
            return HttpResponse::json(200, {{"size", request.body.size()}});
        });
        m_router.add("GET", "/items/{id}", [](HttpRequest& request) {
            nlohmann::json q = nlohmann::json::array();
            const auto [begin, end] = request.query.equal_range("q");
            for (auto it = begin; it != end; ++it) {
                q.push_back(it->second);
            }
            return HttpResponse::json(200, {{"id", request.pathParams.at("id")},
                                            {"q", q},
                                            {"secure", request.secure},
                                            {"remote", request.remoteAddress},
                                            {"requestId", request.requestId}});
        });
        m_router.add("DELETE", "/items/{id}", [](HttpRequest&) { return HttpResponse{204, {}, {}}; });
        m_router.add("GET", "/conflict", [](HttpRequest&) -> HttpResponse {
            throw HttpError(409, "conflict", "That slug is taken.", "slug");
        });
        m_router.add("GET", "/boom", [](HttpRequest&) -> HttpResponse {
            throw std::runtime_error("database password=hunter2 rejected");
        });
        m_router.add("GET", "/cached", [](HttpRequest&) {
            HttpResponse response = HttpResponse::json(200, {{"cached", true}});
            response.setHeader("Cache-Control", "max-age=60");
            return response;
        });
        m_router.add("GET", "/slow", [this](HttpRequest&) {
            m_slowStarted = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(m_slowMillis.load()));
            return HttpResponse::json(200, {{"slow", true}});
        });
    }

private Q_SLOTS:
    void keepAliveServesTwoRequestsOnOneConnection();
    void standardHeaders();
    void oversizedBodyGets413BeforeItIsRead();
    void oversizedChunkedBodyGets413();
    void bodyAtTheLimitIsAccepted();
    void expectContinueIsAnswered();
    void hugeHeaderGets431();
    void unknownPathGets404();
    void wrongMethodGets405WithAllow();
    void httpErrorBecomesJson();
    void unexpectedExceptionGets500WithoutInternals();
    void malformedRequestGets400AndClose();
    void badTargetGets400_data();
    void badTargetGets400();
    void percentDecodingOfPathAndQuery();
    void slowClientIsDisconnected();
    void silentClientIsDisconnected();
    void idleKeepAliveConnectionIsClosed();
    void rateLimitGives429WithRetryAfter();
    void connectionsBeyondTheCapAreClosed();
    void forwardedForCountsOnlyFromTrustedProxies();
    void requestIdIsEchoedOrGenerated_data();
    void requestIdIsEchoedOrGenerated();
    void requestLogLineHasFieldsButNoSecrets();
    void tlsRoundTrip();
    void plainHttpOnTlsPortGetsNoAnswer();
    void tlsNeedsBothFiles();
    void listenFailureIsAPlainMessage();
    void gracefulStopFinishesInFlightRequest();
    void stopForcesSlowClientsAfterGracePeriod();
    void stopBeforeRunReturnsImmediately();
    void sigtermStopsGracefully();
    void workerExitHookRunsOnEveryWorker();

private:
    Router m_router;
    std::atomic<bool> m_slowStarted{false};
    std::atomic<int> m_slowMillis{1500};
};

void TestHttpServer::keepAliveServesTwoRequestsOnOneConnection()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.isConnected());
    const quint16 localPort = connection.socket()->localPort();

    auto first = connection.get("/hello");
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE_JSON(bodyJson(*first)["hello"], "world");
    QVERIFY(first->header("connection") != "close");
    QVERIFY(connection.isConnected());

    auto second = connection.get("/items/42");
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE_JSON(bodyJson(*second)["id"], "42");
    QCOMPARE(connection.socket()->localPort(), localPort);

    // Pipelined: two requests in one write, two responses in order.
    QVERIFY(connection.send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto third = connection.readResponse();
    auto fourth = connection.readResponse();
    QVERIFY(third && fourth);
    QCOMPARE_JSON(bodyJson(*third)["id"], "1");
    QCOMPARE_JSON(bodyJson(*fourth)["id"], "2");

    // HTTP/1.0 keep-alive is answered in kind.
    QVERIFY(connection.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto old = connection.readResponse();
    QVERIFY(old);
    QCOMPARE(old->status, 200);
    QCOMPARE(old->header("connection").toLower(), "keep-alive");
    QVERIFY(connection.isConnected());

    // The client asks to close: the server answers and closes.
    auto last = connection.get("/hello", "Connection: close\r\n");
    QVERIFY(last);
    QCOMPARE(last->header("connection"), "close");
    QVERIFY(connection.waitForClosed(3000));
}

void TestHttpServer::standardHeaders()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/hello");
    QVERIFY(response);
    QCOMPARE(response->header("server"), "trellisd");
    QCOMPARE(response->header("x-content-type-options"), "nosniff");
    QCOMPARE(response->header("cache-control"), "no-store");
    QCOMPARE(response->header("content-type"), "application/json");
    QCOMPARE(response->header("content-length").toInt(), response->body.size());

    auto cached = connection.get("/cached");
    QVERIFY(cached);
    QCOMPARE(cached->header("cache-control"), "max-age=60");
    QCOMPARE(cached->header("x-content-type-options"), "nosniff");

    QVERIFY(connection.send("DELETE /items/7 HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto deleted = connection.readResponse();
    QVERIFY(deleted);
    QCOMPARE(deleted->status, 204);
    QVERIFY(deleted->body.isEmpty());
}

void TestHttpServer::oversizedBodyGets413BeforeItIsRead()
{
    RunningHttpServer server({}, m_router); // default limit: 1 MiB
    RawHttpConnection connection(server.port());
    const qsizetype size = 2 * 1024 * 1024;
    QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                            "Content-Length: " +
                            QByteArray::number(size) + "\r\n\r\n"));
    // The answer comes from the header alone, before any of the body is sent.
    auto early = connection.readResponse(5000);
    QVERIFY(early);
    QCOMPARE(early->status, 413);
    QCOMPARE(early->header("content-type"), "application/json");
    QCOMPARE_JSON(bodyJson(*early)["code"], "payload_too_large");
    QVERIFY(bodyJson(*early)["message"].get<std::string>().find("1048576") != std::string::npos);
    QCOMPARE(early->header("connection"), "close");
    QVERIFY(!early->header("x-request-id").isEmpty());
    QVERIFY(connection.waitForClosed(5000));

    // A client that sends everything at once still gets to read the answer (lingering close, no reset).
    RawHttpConnection eager(server.port());
    eager.socket()->write("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n" +
                          repeat('a', size));
    auto response = eager.readResponse(10000);
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE_JSON(bodyJson(*response)["code"], "payload_too_large");
}

void TestHttpServer::oversizedChunkedBodyGets413()
{
    HttpServerOptions options;
    options.bodyLimit = 1000;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    QByteArray request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        request += "1f4\r\n" + repeat('b', 500) + "\r\n";
    }
    request += "0\r\n\r\n";
    QVERIFY(connection.send(request));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE_JSON(bodyJson(*response)["code"], "payload_too_large");
    QVERIFY(connection.waitForClosed(5000));
}

void TestHttpServer::bodyAtTheLimitIsAccepted()
{
    HttpServerOptions options;
    options.bodyLimit = 1000;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + repeat('c', 1000)));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE_JSON(bodyJson(*response)["size"], 1000);

    QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + repeat('c', 1001)));
    auto tooBig = connection.readResponse();
    QVERIFY(tooBig);
    QCOMPARE(tooBig->status, 413);
}

void TestHttpServer::expectContinueIsAnswered()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
    auto goAhead = connection.readResponse();
    QVERIFY(goAhead);
    QCOMPARE(goAhead->status, 100);
    QVERIFY(connection.send("hello"));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE_JSON(bodyJson(*response)["size"], 5);
}

void TestHttpServer::hugeHeaderGets431()
{
    RunningHttpServer server({}, m_router); // default header limit: 16 KiB
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + repeat('h', 64 * 1024) + "\r\n\r\n"));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE_JSON(bodyJson(*response)["code"], "headers_too_large");
    QVERIFY(connection.waitForClosed(5000));

    // Just under the limit is fine.
    RawHttpConnection fine(server.port());
    auto ok = fine.get("/hello", "X-Big: " + repeat('h', 8 * 1024) + "\r\n");
    QVERIFY(ok);
    QCOMPARE(ok->status, 200);
}

void TestHttpServer::unknownPathGets404()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/nope");
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE_JSON(bodyJson(*response)["code"], "not_found");
    QVERIFY(connection.isConnected()); // an application error keeps the connection
}

void TestHttpServer::wrongMethodGets405WithAllow()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("PUT /items/3 HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 405);
    QCOMPARE_JSON(bodyJson(*response)["code"], "method_not_allowed");
    QCOMPARE(response->header("allow"), "DELETE, GET");
}

void TestHttpServer::httpErrorBecomesJson()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/conflict");
    QVERIFY(response);
    QCOMPARE(response->status, 409);
    const auto json = bodyJson(*response);
    QCOMPARE_JSON(json["code"], "conflict");
    QCOMPARE_JSON(json["message"], "That slug is taken.");
    QCOMPARE_JSON(json["field"], "slug");
}

void TestHttpServer::unexpectedExceptionGets500WithoutInternals()
{
    LogCapture log;
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/boom", "X-Request-Id: boom-1\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 500);
    QVERIFY(!response->body.contains("hunter2"));
    QVERIFY(!response->body.contains("password"));
    const auto json = bodyJson(*response);
    QCOMPARE_JSON(json["code"], "internal_error");
    QCOMPARE_JSON(json["message"], "Something went wrong on the server; the request id is boom-1.");
    // The exception text goes to the log only, tied to the request id.
    const auto failures = log.find("handler failed", "boom-1");
    QCOMPARE(failures.size(), std::size_t(1));
    QVERIFY(failures[0]["exception"].get<std::string>().find("hunter2") != std::string::npos);
}

void TestHttpServer::malformedRequestGets400AndClose()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("THIS IS NOT HTTP\r\n\r\n"));
    auto response = connection.readResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE_JSON(bodyJson(*response)["code"], "bad_request");
    QCOMPARE(response->header("connection"), "close");
    QVERIFY(connection.waitForClosed(5000));

    // Framing that a proxy in front might read differently (request smuggling) is refused.
    for (const QByteArray& framing :
         {QByteArray("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n"), QByteArray("Transfer-Encoding: gzip\r\n"),
          QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n")}) {
        RawHttpConnection smuggler(server.port());
        QVERIFY(smuggler.send("POST /echo HTTP/1.1\r\nHost: x\r\n" + framing + "\r\nhello"));
        auto refused = smuggler.readResponse();
        QVERIFY2(refused, framing.constData());
        QCOMPARE(refused->status, 400);
        QVERIFY(smuggler.waitForClosed(5000));
    }

    RawHttpConnection badLength(server.port());
    QVERIFY(badLength.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n"));
    auto second = badLength.readResponse();
    QVERIFY(second);
    QCOMPARE(second->status, 400);
    QVERIFY(badLength.waitForClosed(5000));
}

void TestHttpServer::badTargetGets400_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("bad escape") << QByteArray("/items/%zz");
    QTest::newRow("truncated escape") << QByteArray("/items/abc%4");
    QTest::newRow("NUL in path") << QByteArray("/items/a%00b");
    QTest::newRow("NUL in query") << QByteArray("/items/a?q=%00");
    QTest::newRow("bad escape in query") << QByteArray("/items/a?q=%G1");
    QTest::newRow("absolute form") << QByteArray("http://example.org/items/a");
}

void TestHttpServer::badTargetGets400()
{
    QFETCH(QByteArray, target);
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get(target);
    QVERIFY(response);
    QCOMPARE(response->status, 400);
    QCOMPARE_JSON(bodyJson(*response)["code"], "bad_request");
}

void TestHttpServer::percentDecodingOfPathAndQuery()
{
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/items/a%20b%C3%A9?q=x%2By+z&q=%26&other=1");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    const auto json = bodyJson(*response);
    QCOMPARE_JSON(json["id"], "a b\xC3\xA9");
    QCOMPARE_JSON(json["q"], nlohmann::json::array({"x+y z", "&"}));
    QCOMPARE_JSON(json["secure"], false);
    QCOMPARE_JSON(json["remote"], "127.0.0.1");
}

void TestHttpServer::slowClientIsDisconnected()
{
    HttpServerOptions options;
    options.readTimeout = 1s;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    const QByteArray request = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + repeat('s', 40) + "\r\n\r\n";
    QElapsedTimer timer;
    timer.start();
    qsizetype sent = 0;
    // One byte every 100 ms would take ~8 s; the server must hang up after about one.
    for (; sent < request.size() && connection.isConnected(); ++sent) {
        connection.socket()->write(request.mid(sent, 1));
        connection.socket()->flush();
        if (connection.waitForClosed(100)) {
            break;
        }
    }
    QVERIFY2(connection.waitForClosed(3000), "the slow client was not disconnected");
    QVERIFY(sent < request.size());
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(timer.elapsed() >= 800);
    QVERIFY(!connection.readResponse(100)); // no response for a request that never arrived
}

void TestHttpServer::silentClientIsDisconnected()
{
    HttpServerOptions options;
    options.readTimeout = 1s;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.isConnected());
    QElapsedTimer timer;
    timer.start();
    QVERIFY(connection.waitForClosed(4000));
    QVERIFY(timer.elapsed() >= 800);
}

void TestHttpServer::idleKeepAliveConnectionIsClosed()
{
    HttpServerOptions options;
    options.idleTimeout = 1s;
    options.readTimeout = 10s;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/hello");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(connection.waitForClosed(4000), "idle connection stayed open");
    QVERIFY(timer.elapsed() >= 800);
}

void TestHttpServer::rateLimitGives429WithRetryAfter()
{
    HttpServerOptions options;
    options.rateLimitPerMinute = 3;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    for (int i = 0; i < 3; ++i) {
        auto response = connection.get("/hello");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }
    auto limited = connection.get("/hello");
    QVERIFY(limited);
    QCOMPARE(limited->status, 429);
    QCOMPARE_JSON(bodyJson(*limited)["code"], "rate_limited");
    const int retryAfter = limited->header("retry-after").toInt();
    QVERIFY2(retryAfter >= 1 && retryAfter <= 20, limited->header("retry-after").constData());
    // The limit is per address, not per connection.
    RawHttpConnection another(server.port());
    auto alsoLimited = another.get("/hello");
    QVERIFY(alsoLimited);
    QCOMPARE(alsoLimited->status, 429);
}

void TestHttpServer::forwardedForCountsOnlyFromTrustedProxies()
{
    {
        RunningHttpServer untrusting({}, m_router);
        RawHttpConnection connection(untrusting.port());
        auto response = connection.get("/items/1", "X-Forwarded-For: 203.0.113.7\r\n");
        QVERIFY(response);
        QCOMPARE_JSON(bodyJson(*response)["remote"], "127.0.0.1"); // anyone can write that header
    }
    LogCapture log;
    HttpServerOptions options;
    options.trustedProxies = {"127.0.0.1"};
    options.rateLimitPerMinute = 1;
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    auto first = connection.get("/items/1", "X-Forwarded-For: 203.0.113.7\r\nX-Request-Id: xff-1\r\n");
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE_JSON(bodyJson(*first)["remote"], "203.0.113.7");
    QTRY_COMPARE(log.find("request", "xff-1").size(), std::size_t(1));
    QCOMPARE_JSON(log.find("request", "xff-1").front()["remote"], "203.0.113.7");

    // The rightmost untrusted hop is the client; each client has its own bucket.
    auto second = connection.get("/items/2", "X-Forwarded-For: 10.9.9.9, 198.51.100.1, 127.0.0.1\r\n");
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    QCOMPARE_JSON(bodyJson(*second)["remote"], "198.51.100.1");

    auto again = connection.get("/items/3", "X-Forwarded-For: 203.0.113.7\r\n");
    QVERIFY(again);
    QCOMPARE(again->status, 429);

    // Garbage in the header: fall back to the proxy's own address.
    auto garbage = connection.get("/items/4", "X-Forwarded-For: not-an-address\r\n");
    QVERIFY(garbage);
    QCOMPARE(garbage->status, 200);
    QCOMPARE_JSON(bodyJson(*garbage)["remote"], "127.0.0.1");
}

void TestHttpServer::connectionsBeyondTheCapAreClosed()
{
    HttpServerOptions options;
    options.maxConnections = 2;
    RunningHttpServer server(options, m_router);
    RawHttpConnection first(server.port());
    auto second = std::make_unique<RawHttpConnection>(server.port());
    QVERIFY(first.get("/hello"));
    QVERIFY(second->get("/hello"));
    RawHttpConnection third(server.port());
    QVERIFY(third.waitForClosed(3000));
    // The admitted connections keep working, and a slot frees up when one closes.
    auto again = first.get("/hello");
    QVERIFY(again);
    QCOMPARE(again->status, 200);
    QVERIFY(second->send("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QVERIFY(second->readResponse());
    QVERIFY(second->waitForClosed(3000));
    second.reset(); // the client closes its side too, which ends the server's lingering read at once
    bool admitted = false;
    const QDeadlineTimer deadline(10000);
    while (!admitted && !deadline.hasExpired()) {
        RawHttpConnection fourth(server.port());
        const auto response = fourth.get("/hello");
        admitted = response && response->status == 200;
        if (!admitted)
            QTest::qWait(50);
    }
    QVERIFY2(admitted, "no connection slot became free after an admitted connection closed");
}

void TestHttpServer::requestIdIsEchoedOrGenerated_data()
{
    QTest::addColumn<QByteArray>("incoming");
    QTest::addColumn<bool>("kept");
    QTest::newRow("absent") << QByteArray() << false;
    QTest::newRow("valid") << QByteArray("abc.DEF_123-x") << true;
    QTest::newRow("64 chars") << repeat('a', 64) << true;
    QTest::newRow("65 chars") << repeat('a', 65) << false;
    QTest::newRow("space") << QByteArray("abc def") << false;
    QTest::newRow("quote") << QByteArray("abc\"def") << false;
    QTest::newRow("slash") << QByteArray("a/b") << false;
}

void TestHttpServer::requestIdIsEchoedOrGenerated()
{
    QFETCH(QByteArray, incoming);
    QFETCH(bool, kept);
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response =
        connection.get("/items/1", incoming.isEmpty() ? QByteArray() : "X-Request-Id: " + incoming + "\r\n");
    QVERIFY(response);
    const QByteArray echoed = response->header("x-request-id");
    if (kept) {
        QCOMPARE(echoed, incoming);
    } else {
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(QString::fromLatin1(echoed)).hasMatch(),
                 echoed.constData());
    }
    // The handler sees the same id.
    QCOMPARE(QByteArray::fromStdString(bodyJson(*response)["requestId"].get<std::string>()), echoed);
}

void TestHttpServer::requestLogLineHasFieldsButNoSecrets()
{
    LogCapture log;
    RunningHttpServer server({}, m_router);
    RawHttpConnection connection(server.port());
    auto response = connection.get("/items/9?q=supersecret-query-token",
                                   "X-Request-Id: log-test-1\r\nAuthorization: Bearer supersecret-header-token\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QTRY_COMPARE(log.find("request", "log-test-1").size(), std::size_t(1));
    const auto line = log.find("request", "log-test-1").front();
    QCOMPARE_JSON(line["level"], "info");
    QVERIFY(line["time"].is_string());
    QCOMPARE_JSON(line["method"], "GET");
    QCOMPARE_JSON(line["path"], "/items/9");
    QCOMPARE_JSON(line["status"], 200);
    QCOMPARE_JSON(line["remote"], "127.0.0.1");
    QVERIFY(line["durationMs"].is_number());
    QVERIFY(line["bytesIn"].get<int>() > 50);
    QVERIFY(line["bytesOut"].get<qsizetype>() > qsizetype(response->body.size())); // headers count too
    for (const auto& text : log.lines()) {
        QVERIFY2(text.find("supersecret") == std::string::npos, text.c_str());
    }
    // Requests rejected by the HTTP layer are logged too, still without the query string.
    RawHttpConnection big(server.port());
    QVERIFY(big.send("GET /hello?token=supersecret-2 HTTP/1.1\r\nHost: x\r\nX-Request-Id: log-test-2\r\nX-Big: " +
                     repeat('h', 64 * 1024) + "\r\n\r\n"));
    QVERIFY(big.readResponse());
    QTRY_COMPARE(log.find("request", "log-test-2").size(), std::size_t(1));
    const auto rejected = log.find("request", "log-test-2").front();
    QCOMPARE_JSON(rejected["status"], 431);
    QCOMPARE_JSON(rejected["path"], "/hello");
    for (const auto& text : log.lines()) {
        QVERIFY2(text.find("supersecret") == std::string::npos, text.c_str());
    }
}

void TestHttpServer::tlsRoundTrip()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("Qt has no TLS backend on this machine");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certFile = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    const QString failure = trellis::tests::writeSelfSignedCertificate(certFile, keyFile);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const auto certificates = QSslCertificate::fromPath(certFile);
    QCOMPARE(certificates.size(), 1);

    HttpServerOptions options;
    options.tlsCertificateFile = certFile.toStdString();
    options.tlsPrivateKeyFile = keyFile.toStdString();
    RunningHttpServer server(options, m_router);

    RawHttpConnection connection(server.port(), certificates.front(), QStringLiteral("localhost"));
    auto* ssl = qobject_cast<QSslSocket*>(connection.socket());
    QVERIFY2(connection.isConnected(), qPrintable(ssl->errorString()));
    QVERIFY(ssl->sessionProtocol() == QSsl::TlsV1_2 || ssl->sessionProtocol() == QSsl::TlsV1_3);
    auto first = connection.get("/items/5");
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE_JSON(bodyJson(*first)["secure"], true);
    auto second = connection.get("/hello"); // keep-alive over TLS
    QVERIFY(second);
    QCOMPARE(second->status, 200);

    // Over TLS too, the body limit answers with 413 JSON.
    QVERIFY(connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\n\r\n"));
    auto tooBig = connection.readResponse();
    QVERIFY(tooBig);
    QCOMPARE(tooBig->status, 413);

    // A client that does not trust the certificate gets no connection.
    RawHttpConnection untrusted(server.port(), QSslCertificate(), QStringLiteral("localhost"), 3000);
    QVERIFY(!untrusted.isConnected());
}

void TestHttpServer::plainHttpOnTlsPortGetsNoAnswer()
{
    QTemporaryDir dir;
    const QString certFile = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    QCOMPARE(trellis::tests::writeSelfSignedCertificate(certFile, keyFile), QString());
    HttpServerOptions options;
    options.tlsCertificateFile = certFile.toStdString();
    options.tlsPrivateKeyFile = keyFile.toStdString();
    RunningHttpServer server(options, m_router);
    RawHttpConnection connection(server.port());
    QVERIFY(connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"));
    QVERIFY(!connection.readResponse(2000));
    QVERIFY(connection.waitForClosed(3000));
    // The server survives it.
    RawHttpConnection good(server.port(), QSslCertificate::fromPath(certFile).value(0), QStringLiteral("localhost"));
    QVERIFY(good.isConnected());
    auto response = good.get("/hello");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestHttpServer::tlsNeedsBothFiles()
{
    HttpServerOptions onlyCertificate;
    onlyCertificate.port = 0;
    onlyCertificate.tlsCertificateFile = "/nonexistent/cert.pem";
    HttpServer first(onlyCertificate, [](HttpRequest&) { return HttpResponse{}; });
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, first.listen());

    HttpServerOptions missingFiles;
    missingFiles.port = 0;
    missingFiles.tlsCertificateFile = "/nonexistent/cert.pem";
    missingFiles.tlsPrivateKeyFile = "/nonexistent/key.pem";
    HttpServer second(missingFiles, [](HttpRequest&) { return HttpResponse{}; });
    try {
        second.listen();
        QFAIL("listen() accepted a missing certificate");
    } catch (const std::runtime_error& e) {
        QVERIFY2(std::string(e.what()).find("/nonexistent/cert.pem") != std::string::npos, e.what());
    }
}

void TestHttpServer::listenFailureIsAPlainMessage()
{
    RunningHttpServer running({}, m_router);
    HttpServerOptions options;
    options.port = running.port();
    HttpServer clash(options, [](HttpRequest&) { return HttpResponse{}; });
    try {
        clash.listen();
        QFAIL("listening twice on one port succeeded");
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        QVERIFY2(message.find("cannot listen on 127.0.0.1:" + std::to_string(running.port())) == 0, e.what());
    }
}

void TestHttpServer::gracefulStopFinishesInFlightRequest()
{
    m_slowStarted = false;
    m_slowMillis = 1500;
    RunningHttpServer server({}, m_router);
    RawHttpConnection idle(server.port());
    QVERIFY(idle.get("/hello"));
    RawHttpConnection busy(server.port());
    QVERIFY(busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
    QTRY_VERIFY(m_slowStarted.load());

    QElapsedTimer timer;
    timer.start();
    std::thread stopper([&server] { server.server().stop(); }); // from another thread, as a signal handler would
    stopper.join();

    QVERIFY2(idle.waitForClosed(1000), "an idle keep-alive connection was not closed on stop");
    auto response = busy.readResponse(5000);
    QVERIFY2(response, "the in-flight request was cut off");
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), "close");
    QVERIFY(server.waitForFinished(4s));
    QVERIFY(timer.elapsed() < 4000);
    RawHttpConnection late(server.port(), 1000);
    QVERIFY(!late.isConnected());
}

void TestHttpServer::stopForcesSlowClientsAfterGracePeriod()
{
    HttpServerOptions options;
    options.readTimeout = 60s;
    options.stopGracePeriod = 1s;
    RunningHttpServer server(options, m_router);
    RawHttpConnection dribbling(server.port());
    QVERIFY(dribbling.send("GET /hello HTTP/1.1\r\nHost"));
    QTest::qWait(200);
    QElapsedTimer timer;
    timer.start();
    server.server().stop();
    QVERIFY(server.waitForFinished(4s));
    QVERIFY2(timer.elapsed() >= 800, "stop() did not wait for a request being read");
    QVERIFY(dribbling.waitForClosed(2000));
}

void TestHttpServer::stopBeforeRunReturnsImmediately()
{
    HttpServerOptions options;
    options.port = 0;
    HttpServer server(options, [](HttpRequest&) { return HttpResponse{}; });
    server.listen();
    server.stop();
    QElapsedTimer timer;
    timer.start();
    server.run();
    QVERIFY(timer.elapsed() < 1000);
}

void TestHttpServer::sigtermStopsGracefully()
{
    m_slowStarted = false;
    m_slowMillis = 500;
    HttpServerOptions options;
    options.port = 0;
    HttpServer server(options, [this](HttpRequest& request) { return m_router.dispatch(request); });
    server.stopOnTerminationSignals();
    const quint16 port = server.listen();
    std::promise<void> done;
    auto finished = done.get_future();
    std::thread runner([&] {
        server.run();
        done.set_value();
    });
    RawHttpConnection busy(port);
    QVERIFY(busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
    QTRY_VERIFY(m_slowStarted.load());
    std::raise(SIGTERM); // the test process survives: the server handles it
    auto response = busy.readResponse(5000);
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("connection"), "close");
    const bool stopped = finished.wait_for(4s) == std::future_status::ready;
    if (!stopped) {
        server.stop();
    }
    runner.join();
    QVERIFY2(stopped, "SIGTERM did not stop the server");
}

void TestHttpServer::workerExitHookRunsOnEveryWorker()
{
    HttpServerOptions options;
    options.port = 0;
    options.threads = 3;
    HttpServer server(options, [](HttpRequest&) { return HttpResponse{}; });
    std::mutex mutex;
    std::set<std::thread::id> exited;
    server.setWorkerExitHook([&] {
        const std::lock_guard lock(mutex);
        exited.insert(std::this_thread::get_id());
    });
    server.listen();
    std::thread runner([&server] { server.run(); });
    QTest::qWait(100);
    server.stop();
    runner.join();
    QCOMPARE(exited.size(), std::size_t(3));
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
