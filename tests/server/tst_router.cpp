// Router: placeholders, 404/405, error mapping, route listing.
#include "JsonCompare.h"
#include "LogCapture.h"
#include "server/http/HttpError.h"
#include "server/http/Router.h"

#include <nlohmann/json.hpp>

#include <QTest>

using trellis::server::HttpError;
using trellis::server::HttpRequest;
using trellis::server::HttpResponse;
using trellis::server::Router;

namespace {

HttpRequest request(std::string method, std::string path)
{
    HttpRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.target = r.path;
    r.requestId = "rid-1";
    return r;
}

std::string headerOf(const HttpResponse& response, const std::string& name)
{
    for (const auto& [key, value] : response.headers) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

HttpResponse named(const std::string& name)
{
    return HttpResponse::json(200, {{"route", name}});
}

nlohmann::json body(const HttpResponse& response)
{
    return nlohmann::json::parse(response.body);
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void matchesLiteralAndPlaceholderSegments();
    void literalSegmentsWinOverPlaceholders();
    void unknownPathIs404();
    void knownPathWrongMethodIs405WithAllow();
    void httpErrorIsMappedToJson();
    void otherExceptionsBecome500WithoutInternals();
    void routesAreListedInOrder();
    void duplicateRoutesAreRejected();

private:
    Router m_router;
};

void TestRouter::init()
{
    m_router = Router();
    m_router.add("GET", "/api/v1/orgs/{id}", [](HttpRequest& r) {
        return HttpResponse::json(200, {{"route", "org"}, {"id", r.pathParams.at("id")}});
    });
    m_router.add("GET", "/api/v1/orgs/{id}/children", [](HttpRequest& r) {
        return HttpResponse::json(200, {{"route", "children"}, {"id", r.pathParams.at("id")}});
    });
    m_router.add("GET", "/api/v1/orgs/search", [](HttpRequest&) { return named("search"); });
    m_router.add("post", "/api/v1/orgs", [](HttpRequest&) { return named("create"); });
    m_router.add("GET", "/api/v1/orgs", [](HttpRequest&) { return named("list"); });
    m_router.add("GET", "/conflict",
                 [](HttpRequest&) -> HttpResponse { throw HttpError(409, "conflict", "Slug is taken.", "slug"); });
    m_router.add("GET", "/crash", [](HttpRequest&) -> HttpResponse { throw std::logic_error("secret internals"); });
    m_router.add("GET", "/crash-weird", [](HttpRequest&) -> HttpResponse { throw 42; });
}

void TestRouter::matchesLiteralAndPlaceholderSegments()
{
    auto r = request("GET", "/api/v1/orgs/abc-123");
    auto response = m_router.dispatch(r);
    QCOMPARE(response.status, 200);
    QCOMPARE_JSON(body(response)["route"], "org");
    QCOMPARE_JSON(body(response)["id"], "abc-123");
    QCOMPARE(r.pathParams.at("id"), "abc-123");

    auto children = request("GET", "/api/v1/orgs/x/children");
    QCOMPARE_JSON(body(m_router.dispatch(children))["route"], "children");

    auto created = request("POST", "/api/v1/orgs");
    QCOMPARE_JSON(body(m_router.dispatch(created))["route"], "create"); // method names are upper-cased on add
}

void TestRouter::literalSegmentsWinOverPlaceholders()
{
    auto r = request("GET", "/api/v1/orgs/search");
    QCOMPARE_JSON(body(m_router.dispatch(r))["route"], "search");
}

void TestRouter::unknownPathIs404()
{
    for (const char* path : {"/api/v1/nothing", "/api/v1/orgs/", "/api/v1/orgs//children", "/", "/api/v1/orgs/a/b"}) {
        auto r = request("GET", path);
        auto response = m_router.dispatch(r);
        QVERIFY2(response.status == 404, path);
        QCOMPARE_JSON(body(response)["code"], "not_found");
    }
}

void TestRouter::knownPathWrongMethodIs405WithAllow()
{
    auto r = request("DELETE", "/api/v1/orgs");
    auto response = m_router.dispatch(r);
    QCOMPARE(response.status, 405);
    QCOMPARE_JSON(body(response)["code"], "method_not_allowed");
    QCOMPARE(headerOf(response, "Allow"), "GET, POST");

    auto single = request("PATCH", "/api/v1/orgs/1/children");
    auto singleResponse = m_router.dispatch(single);
    QCOMPARE(singleResponse.status, 405);
    QCOMPARE(headerOf(singleResponse, "Allow"), "GET");
}

void TestRouter::httpErrorIsMappedToJson()
{
    auto r = request("GET", "/conflict");
    auto response = m_router.dispatch(r);
    QCOMPARE(response.status, 409);
    QCOMPARE_JSON(body(response),
                  (nlohmann::json{{"code", "conflict"}, {"message", "Slug is taken."}, {"field", "slug"}}));
    QCOMPARE(headerOf(response, "Content-Type"), "application/json");
}

void TestRouter::otherExceptionsBecome500WithoutInternals()
{
    trellis::tests::LogCapture log;
    for (const char* path : {"/crash", "/crash-weird"}) {
        auto r = request("GET", path);
        auto response = m_router.dispatch(r);
        QCOMPARE(response.status, 500);
        QCOMPARE_JSON(body(response)["code"], "internal_error");
        QCOMPARE_JSON(body(response)["message"], "Something went wrong on the server; the request id is rid-1.");
        QVERIFY(response.body.find("secret") == std::string::npos);
    }
    const auto lines = log.find("handler failed", "rid-1");
    QCOMPARE(lines.size(), std::size_t(2));
    QCOMPARE_JSON(lines[0]["exception"], "secret internals");
    QCOMPARE_JSON(lines[0]["route"], "GET /crash");
}

void TestRouter::routesAreListedInOrder()
{
    const auto routes = m_router.routes();
    QCOMPARE(routes.size(), std::size_t(8));
    QCOMPARE(routes[0].method, "GET");
    QCOMPARE(routes[0].pattern, "/api/v1/orgs/{id}");
    QCOMPARE(routes[3].method, "POST");
    QCOMPARE(routes[3].pattern, "/api/v1/orgs");
}

void TestRouter::duplicateRoutesAreRejected()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_router.add("GET", "/api/v1/orgs/{other}", {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, m_router.add("GET", "no-slash", {}));
    m_router.add("PUT", "/api/v1/orgs/{id}", [](HttpRequest&) { return named("put"); }); // other method: fine
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
