#pragma once

#include "server/http/HttpError.h"

#include <string>

namespace trellis::server {

/// The admin API's error vocabulary in one place, so codes and statuses stay consistent across handlers.
class ApiErrors
{
public:
    static HttpError unauthorized(std::string message) { return HttpError(401, "unauthorized", std::move(message)); }
    static HttpError forbidden(std::string message) { return HttpError(403, "forbidden", std::move(message)); }
    /// Also for things outside the caller's scope: they must not learn that it exists.
    static HttpError notFound(std::string message = "No such resource.", std::string field = {})
    {
        return HttpError(404, "not_found", std::move(message), std::move(field));
    }
    static HttpError invalidField(std::string field, std::string message)
    {
        return HttpError(400, "invalid_field", std::move(message), std::move(field));
    }
    static HttpError unknownField(std::string field)
    {
        std::string message = "Unknown field \"" + field + "\".";
        return HttpError(400, "unknown_field", std::move(message), std::move(field));
    }
    static HttpError invalidParameter(std::string parameter, std::string message)
    {
        return HttpError(400, "invalid_parameter", std::move(message), std::move(parameter));
    }
    static HttpError malformedJson(std::string message) { return HttpError(400, "malformed_json", std::move(message)); }
    static HttpError conflict(std::string field, std::string message)
    {
        return HttpError(409, "conflict", std::move(message), std::move(field));
    }
    static HttpError unavailable()
    {
        return HttpError(503, "unavailable", "The database is unavailable; try again shortly.");
    }
};

} // namespace trellis::server
