#include "server/http/Router.h"

#include "server/http/HttpError.h"
#include "server/http/JsonLog.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace trellis::server {

namespace {

// "/a/b/" -> {"a", "b", ""}: a trailing slash is a distinct (empty) segment, so "/orgs/" does not match "/orgs".
std::vector<std::string_view> splitPath(std::string_view path)
{
    std::vector<std::string_view> segments;
    if (path.empty() || path.front() != '/') {
        return segments;
    }
    path.remove_prefix(1);
    while (true) {
        const auto slash = path.find('/');
        segments.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) {
            break;
        }
        path.remove_prefix(slash + 1);
    }
    return segments;
}

bool isPlaceholder(std::string_view segment)
{
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

} // namespace

void Router::add(std::string method, std::string pattern, Handler handler)
{
    if (pattern.empty() || pattern.front() != '/') {
        throw std::invalid_argument("route pattern must start with '/': " + pattern);
    }
    std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    Entry entry;
    for (const auto segment : splitPath(pattern)) {
        entry.segments.emplace_back(segment);
    }
    for (const Entry& existing : m_entries) {
        if (existing.route.method == method && existing.segments.size() == entry.segments.size() &&
            std::equal(existing.segments.begin(), existing.segments.end(), entry.segments.begin(),
                       [](const std::string& a, const std::string& b) {
                           return a == b || (isPlaceholder(a) && isPlaceholder(b));
                       })) {
            throw std::invalid_argument("duplicate route: " + method + " " + pattern);
        }
    }
    entry.route = Route{std::move(method), std::move(pattern)};
    entry.handler = std::move(handler);
    m_entries.push_back(std::move(entry));
}

HttpResponse Router::dispatch(HttpRequest& request) const
{
    const auto segments = splitPath(request.path);
    std::set<std::string> allowed;
    // Literal segments win over placeholders: the best match has the most literal segments.
    const Entry* best = nullptr;
    std::size_t bestLiterals = 0;
    std::map<std::string, std::string> bestParams;
    for (const Entry& entry : m_entries) {
        if (entry.segments.size() != segments.size()) {
            continue;
        }
        std::map<std::string, std::string> params;
        std::size_t literals = 0;
        bool matches = true;
        for (std::size_t i = 0; i < segments.size() && matches; ++i) {
            const std::string& expected = entry.segments[i];
            if (isPlaceholder(expected)) {
                // A placeholder needs a value: "/orgs//children" is not "/orgs/{id}/children".
                matches = !segments[i].empty();
                params[expected.substr(1, expected.size() - 2)] = std::string(segments[i]);
            } else {
                matches = expected == segments[i];
                ++literals;
            }
        }
        if (!matches) {
            continue;
        }
        allowed.insert(entry.route.method);
        if (entry.route.method == request.method && (!best || literals > bestLiterals)) {
            best = &entry;
            bestLiterals = literals;
            bestParams = std::move(params);
        }
    }

    if (!best) {
        if (allowed.empty()) {
            return HttpResponse::error(404, "not_found", "No such resource.");
        }
        std::string allow;
        for (const auto& method : allowed) {
            allow += (allow.empty() ? "" : ", ") + method;
        }
        HttpResponse response = HttpResponse::error(
            405, "method_not_allowed", "Method " + request.method + " is not allowed here; use " + allow + ".");
        response.setHeader("Allow", allow);
        return response;
    }

    request.pathParams = std::move(bestParams);
    try {
        return best->handler(request);
    } catch (const HttpError& e) {
        return HttpResponse::json(e.status(), nlohmann::json(e.error()));
    } catch (const std::exception& e) {
        JsonLog::error("handler failed", {{"requestId", request.requestId},
                                          {"route", best->route.method + " " + best->route.pattern},
                                          {"exception", e.what()}});
    } catch (...) {
        JsonLog::error("handler failed", {{"requestId", request.requestId},
                                          {"route", best->route.method + " " + best->route.pattern},
                                          {"exception", "unknown exception"}});
    }
    return HttpResponse::error(500, "internal_error",
                               "Something went wrong on the server; the request id is " + request.requestId + ".");
}

std::vector<Router::Route> Router::routes() const
{
    std::vector<Route> result;
    result.reserve(m_entries.size());
    for (const Entry& entry : m_entries) {
        result.push_back(entry.route);
    }
    return result;
}

} // namespace trellis::server
