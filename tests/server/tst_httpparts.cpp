// The small parts of the HTTP layer: target decoding, request ids, the rate limiter, the JSON log, messages.
#include "JsonCompare.h"
#include "LogCapture.h"
#include "server/http/FormBody.h"
#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"
#include "server/http/JsonLog.h"
#include "server/http/RateLimiter.h"
#include "server/http/RequestId.h"
#include "server/http/RequestTarget.h"

#include <nlohmann/json.hpp>
#include <set>

#include <QTest>

using namespace std::chrono_literals;
using trellis::server::FormBody;
using trellis::server::HttpRequest;
using trellis::server::HttpResponse;
using trellis::server::JsonLog;
using trellis::server::RateLimiter;
using trellis::server::RequestId;
using trellis::server::RequestTarget;

class TestHttpParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void targetDecoding_data();
    void targetDecoding();
    void targetQueryKeepsRepeatsAndEmptyValues();
    void requestIdAcceptance();
    void requestIdGeneration();
    void rateLimiterBucket();
    void rateLimiterIsPerClientAndBounded();
    void rateLimiterDisabled();
    void jsonLogLineShape();
    void jsonLogSurvivesInvalidUtf8();
    void requestAccessors();
    void responseHelpers();
    void formBody();
};

void TestHttpParts::targetDecoding_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("plain") << QByteArray("/a/b") << true << QByteArray("/a/b");
    QTest::newRow("space") << QByteArray("/a%20b") << true << QByteArray("/a b");
    QTest::newRow("plus stays in path") << QByteArray("/a+b") << true << QByteArray("/a+b");
    QTest::newRow("utf-8") << QByteArray("/%C3%A9") << true << QByteArray("/\xC3\xA9");
    QTest::newRow("lower-case hex") << QByteArray("/%2f") << true << QByteArray("//");
    QTest::newRow("query stripped") << QByteArray("/a?x=1") << true << QByteArray("/a");
    QTest::newRow("bad hex") << QByteArray("/%zz") << false << QByteArray();
    QTest::newRow("short escape") << QByteArray("/%4") << false << QByteArray();
    QTest::newRow("escape at end") << QByteArray("/%") << false << QByteArray();
    QTest::newRow("NUL") << QByteArray("/a%00") << false << QByteArray();
    QTest::newRow("not origin form") << QByteArray("a/b") << false << QByteArray();
    QTest::newRow("asterisk") << QByteArray("*") << false << QByteArray();
    QTest::newRow("empty") << QByteArray() << false << QByteArray();
    QTest::newRow("fragment") << QByteArray("/a#b") << false << QByteArray();
    QTest::newRow("bad query escape") << QByteArray("/a?x=%x1") << false << QByteArray();
}

void TestHttpParts::targetDecoding()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, valid);
    QFETCH(QByteArray, path);
    const auto parsed = RequestTarget::parse(target.toStdString());
    QCOMPARE(parsed.has_value(), valid);
    if (valid) {
        QCOMPARE(QByteArray::fromStdString(parsed->path), path);
    }
}

void TestHttpParts::targetQueryKeepsRepeatsAndEmptyValues()
{
    const auto parsed = RequestTarget::parse("/orgs?q=a+b&q=c%26d&flag&empty=&&limit=%32%30");
    QVERIFY(parsed);
    QCOMPARE(parsed->query.count("q"), std::size_t(2));
    auto range = parsed->query.equal_range("q");
    QCOMPARE(range.first->second, "a b");
    QCOMPARE(std::next(range.first)->second, "c&d");
    QCOMPARE(parsed->query.find("flag")->second, "");
    QCOMPARE(parsed->query.find("empty")->second, "");
    QCOMPARE(parsed->query.find("limit")->second, "20");
    QCOMPARE(parsed->query.size(), std::size_t(5));
}

void TestHttpParts::requestIdAcceptance()
{
    QVERIFY(RequestId::isAcceptable("a"));
    QVERIFY(RequestId::isAcceptable("Az09._-"));
    QVERIFY(RequestId::isAcceptable(std::string(64, 'x')));
    QVERIFY(!RequestId::isAcceptable(""));
    QVERIFY(!RequestId::isAcceptable(std::string(65, 'x')));
    QVERIFY(!RequestId::isAcceptable("a b"));
    QVERIFY(!RequestId::isAcceptable("a\r\nb"));
    QVERIFY(!RequestId::isAcceptable("\xC3\xA9"));
    QCOMPARE(RequestId::acceptOrGenerate("keep-me"), "keep-me");
    QVERIFY(RequestId::acceptOrGenerate("not ok") != "not ok");
}

void TestHttpParts::requestIdGeneration()
{
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string id = RequestId::generate();
        QCOMPARE(id.size(), std::size_t(16));
        QVERIFY(id.find_first_not_of("0123456789abcdef") == std::string::npos);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), std::size_t(200));
}

void TestHttpParts::rateLimiterBucket()
{
    RateLimiter limiter(60); // one per second, burst 60
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    for (int i = 0; i < 60; ++i) {
        QVERIFY(limiter.acquire("1.2.3.4", t0).allowed);
    }
    const auto denied = limiter.acquire("1.2.3.4", t0);
    QVERIFY(!denied.allowed);
    QCOMPARE(denied.retryAfter, 1s);
    QVERIFY(!limiter.acquire("1.2.3.4", t0 + 500ms).allowed);
    QVERIFY(limiter.acquire("1.2.3.4", t0 + 1000ms).allowed); // refilled one token
    QVERIFY(!limiter.acquire("1.2.3.4", t0 + 1000ms).allowed);
    // Refill is capped at the burst size.
    for (int i = 0; i < 60; ++i) {
        QVERIFY(limiter.acquire("1.2.3.4", t0 + 3600s).allowed);
    }
    QVERIFY(!limiter.acquire("1.2.3.4", t0 + 3600s).allowed);

    RateLimiter slow(2); // one token per 30 s
    QVERIFY(slow.acquire("a", t0).allowed);
    QVERIFY(slow.acquire("a", t0).allowed);
    QCOMPARE(slow.acquire("a", t0).retryAfter, 30s);
    QCOMPARE(slow.acquire("a", t0 + 10s).retryAfter, 20s);
}

void TestHttpParts::rateLimiterIsPerClientAndBounded()
{
    RateLimiter limiter(1, 100);
    const auto t0 = RateLimiter::Clock::time_point{} + 1000s;
    QVERIFY(limiter.acquire("a", t0).allowed);
    QVERIFY(!limiter.acquire("a", t0).allowed);
    QVERIFY(limiter.acquire("b", t0).allowed);
    for (int i = 0; i < 1000; ++i) {
        limiter.acquire("client-" + std::to_string(i), t0 + std::chrono::seconds(i));
    }
    QVERIFY(limiter.trackedClients() <= 100);
}

void TestHttpParts::rateLimiterDisabled()
{
    RateLimiter limiter(0);
    for (int i = 0; i < 10000; ++i) {
        QVERIFY(limiter.acquire("a").allowed);
    }
    QCOMPARE(limiter.trackedClients(), std::size_t(0));
}

void TestHttpParts::jsonLogLineShape()
{
    const std::string line = JsonLog::format("info", "request", {{"status", 200}, {"msg", "overridden?"}});
    QVERIFY(line.find('\n') == std::string::npos);
    QVERIFY(line.rfind("{\"time\":\"", 0) == 0); // time, level and msg come first, in that order
    const auto json = nlohmann::json::parse(line);
    QCOMPARE_JSON(json["msg"], "request");
    QCOMPARE_JSON(json["level"], "info");
    QCOMPARE_JSON(json["status"], 200);
    const std::string time = json["time"];
    QCOMPARE(time.size(), std::size_t(24));
    QCOMPARE(time.back(), 'Z');

    trellis::tests::LogCapture capture;
    JsonLog::warn("disk nearly full", {{"freeBytes", 12}});
    JsonLog::error("boom");
    QCOMPARE_JSON(capture.find("disk nearly full").front()["level"], "warn");
    QCOMPARE_JSON(capture.find("boom").front()["level"], "error");
}

void TestHttpParts::jsonLogSurvivesInvalidUtf8()
{
    const std::string line = JsonLog::format("info", "request", {{"path", std::string("/a\xFF\xFE")}});
    const auto json = nlohmann::json::parse(line);
    QVERIFY(json["path"].get<std::string>().rfind("/a", 0) == 0);
}

void TestHttpParts::requestAccessors()
{
    HttpRequest request;
    request.headers = {{"content-type", "application/json"}, {"x-many", "1"}, {"x-many", "2"}};
    request.query = {{"limit", "10"}, {"q", ""}};
    QCOMPARE(request.header("Content-Type"), "application/json");
    QCOMPARE(request.header("X-MANY"), "1");
    QCOMPARE(request.header("absent"), "");
    QCOMPARE(request.queryValue("limit"), "10");
    QCOMPARE(request.queryValue("cursor", "start"), "start");
    QVERIFY(request.hasQuery("q"));
    QVERIFY(!request.hasQuery("cursor"));
}

void TestHttpParts::responseHelpers()
{
    auto error = HttpResponse::error(400, "invalid_field", "Limit must be 1..100.", "limit");
    QCOMPARE(error.status, 400);
    QCOMPARE_JSON(
        nlohmann::json::parse(error.body),
        (nlohmann::json{{"code", "invalid_field"}, {"message", "Limit must be 1..100."}, {"field", "limit"}}));
    auto noField = HttpResponse::error(404, "not_found", "Nope.");
    QVERIFY(!nlohmann::json::parse(noField.body).contains("field"));

    HttpResponse response;
    response.setHeader("Content-Type", "text/plain");
    response.setHeader("content-type", "application/json"); // replaces, case-insensitively
    QCOMPARE(response.headers.size(), std::size_t(1));
    QCOMPARE(response.headers[0].second, "application/json");
}

QTEST_GUILESS_MAIN(TestHttpParts)
void TestHttpParts::formBody()
{
    HttpRequest request;
    request.headers = {{"content-type", "application/x-www-form-urlencoded; charset=UTF-8"}};
    request.body = "grant_type=authorization_code&code=a%2Bb&redirect_uri=http%3A%2F%2F127.0.0.1%3A5%2Fcb&scope=openid+"
                   "email&empty=&flag&&scope=again";
    const auto form = FormBody::parse(request);
    QVERIFY(form);
    QCOMPARE(form->value("grant_type"), std::string("authorization_code"));
    QCOMPARE(form->value("code"), std::string("a+b"));
    QCOMPARE(form->value("redirect_uri"), std::string("http://127.0.0.1:5/cb"));
    QCOMPARE(form->value("scope"), std::string("openid email"));
    QCOMPARE(form->count("scope"), std::size_t(2));
    QVERIFY(form->has("empty") && form->value("empty", "x").empty());
    QVERIFY(form->has("flag"));
    QCOMPARE(form->value("missing", "fallback"), std::string("fallback"));

    request.body = "code=%zz";
    QVERIFY(!FormBody::parse(request));
    request.body = "code=%00";
    QVERIFY(!FormBody::parse(request));
    request.body = "code=1";
    request.headers = {{"content-type", "application/json"}};
    QVERIFY(!FormBody::parse(request));
    request.headers.clear();
    QVERIFY(!FormBody::parse(request));
}

#include "tst_httpparts.moc"
