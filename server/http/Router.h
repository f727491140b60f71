#pragma once

#include "server/http/HttpRequest.h"
#include "server/http/HttpResponse.h"

#include <functional>
#include <string>
#include <vector>

namespace trellis::server {

/// Maps (method, path pattern) to handlers. Patterns are literal segments and "{name}" placeholders,
/// e.g. "/api/v1/orgs/{id}/children" — the same spelling as docs/api/openapi.yaml, which a test compares.
class Router
{
public:
    using Handler = std::function<HttpResponse(HttpRequest&)>;

    struct Route
    {
        std::string method;
        std::string pattern;
    };

    void add(std::string method, std::string pattern, Handler handler);

    /// Runs the matching handler. No matching path: 404 not_found. Path matches but not the method:
    /// 405 method_not_allowed with an Allow header. HttpError thrown by a handler becomes its JSON error;
    /// any other exception becomes 500 internal_error without internals (logged with the request id).
    HttpResponse dispatch(HttpRequest& request) const;

    std::vector<Route> routes() const;

private:
    struct Entry
    {
        Route route;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Entry> m_entries;
};

} // namespace trellis::server
