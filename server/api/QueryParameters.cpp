#include "server/api/QueryParameters.h"

#include "server/api/ApiErrors.h"
#include "server/api/JsonInput.h"
#include "server/http/HttpRequest.h"

namespace trellis::server {

int QueryParameters::limit(const HttpRequest& request)
{
    if (!request.hasQuery("limit"))
        return kDefaultLimit;
    const std::string text = request.queryValue("limit");
    const bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    const int value = digits ? std::stoi(text) : 0;
    if (value < 1 || value > kMaxLimit)
        throw ApiErrors::invalidParameter("limit",
                                          "limit must be a whole number from 1 to " + std::to_string(kMaxLimit) + ".");
    return value;
}

std::optional<core::PageCursor> QueryParameters::cursor(const HttpRequest& request)
{
    if (!request.hasQuery("cursor"))
        return std::nullopt;
    auto cursor = core::PageCursor::decode(request.queryValue("cursor"));
    if (!cursor)
        throw HttpError(400, "invalid_cursor",
                        "cursor is not a cursor from this list; pass nextCursor from the previous page unchanged.",
                        "cursor");
    return cursor;
}

std::optional<std::string> QueryParameters::text(const HttpRequest& request, const char* name,
                                                 std::size_t maxCharacters)
{
    if (!request.hasQuery(name))
        return std::nullopt;
    std::string value = request.queryValue(name);
    if (value.empty())
        return std::nullopt;
    try {
        // Validates the UTF-8 (percent-decoding can produce anything).
        (void)nlohmann::json(value).dump();
    } catch (const nlohmann::json::exception&) {
        throw ApiErrors::invalidParameter(name, std::string(name) + " must be UTF-8 text.");
    }
    if (JsonInput::characterCount(value) > maxCharacters)
        throw ApiErrors::invalidParameter(name, std::string(name) + " must be at most " +
                                                    std::to_string(maxCharacters) + " characters.");
    return value;
}

} // namespace trellis::server
