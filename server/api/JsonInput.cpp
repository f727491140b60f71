#include "server/api/JsonInput.h"

#include "server/api/ApiErrors.h"
#include "server/http/HttpRequest.h"

#include <algorithm>
#include <cctype>

namespace trellis::server {

namespace {

constexpr int kMaxDepth = 32;

std::string lowerTrimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return result;
}

// application/json, optionally with charset=utf-8 (the only charset JSON has, RFC 8259).
bool isJsonContentType(const std::string& header)
{
    const auto semicolon = header.find(';');
    if (lowerTrimmed(std::string_view(header).substr(0, semicolon)) != "application/json")
        return false;
    if (semicolon == std::string::npos)
        return true;
    const std::string parameter = lowerTrimmed(std::string_view(header).substr(semicolon + 1));
    return parameter.empty() || parameter == "charset=utf-8" || parameter == "charset=\"utf-8\"";
}

const char* typeName(const nlohmann::json& value)
{
    return value.type_name();
}

} // namespace

JsonInput::JsonInput(nlohmann::json object, std::string prefix)
    : m_object(std::move(object))
    , m_prefix(std::move(prefix))
{
}

JsonInput JsonInput::parse(const HttpRequest& request, std::initializer_list<std::string_view> allowedFields)
{
    const std::string contentType = request.header("content-type");
    if (!isJsonContentType(contentType))
        throw HttpError(415, "unsupported_media_type",
                        contentType.empty() ? "The request body must be JSON, sent with Content-Type: application/json."
                                            : "The request body must be sent with Content-Type: application/json.");
    if (request.body.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ApiErrors::malformedJson("The request body is empty; a JSON object is expected.");
    if (nestingDepth(request.body) > kMaxDepth)
        throw ApiErrors::malformedJson("The request body is nested more than " + std::to_string(kMaxDepth) +
                                       " levels deep.");
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(request.body);
    } catch (const nlohmann::json::parse_error& e) {
        throw ApiErrors::malformedJson(describeParseError(e.what(), e.byte));
    }
    if (!document.is_object())
        throw HttpError(400, "invalid_body",
                        std::string("The request body must be a JSON object, not ") + typeName(document) + ".");
    for (const auto& [key, value] : document.items()) {
        if (std::find(allowedFields.begin(), allowedFields.end(), key) == allowedFields.end())
            throw ApiErrors::unknownField(key);
    }
    return JsonInput(std::move(document));
}

std::string JsonInput::fieldName(std::string_view field) const
{
    return m_prefix.empty() ? std::string(field) : m_prefix + "." + std::string(field);
}

bool JsonInput::has(std::string_view field) const
{
    const auto it = m_object.find(field);
    return it != m_object.end() && !it->is_null();
}

std::string JsonInput::requiredString(std::string_view field, std::size_t maxCharacters) const
{
    auto value = optionalString(field, maxCharacters);
    if (!value)
        throw ApiErrors::invalidField(fieldName(field), "The field \"" + fieldName(field) + "\" is required.");
    return *value;
}

std::optional<std::string> JsonInput::optionalString(std::string_view field, std::size_t maxCharacters) const
{
    const auto it = m_object.find(field);
    if (it == m_object.end() || it->is_null())
        return std::nullopt;
    const std::string name = fieldName(field);
    if (!it->is_string())
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" must be a string, not " + typeName(*it) + ".");
    std::string text = it->get<std::string>();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" must not be empty.");
    if (characterCount(text) > maxCharacters)
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" is longer than " +
                                                std::to_string(maxCharacters) + " characters.");
    for (unsigned char c : text) {
        if (c < 0x20 || c == 0x7f)
            throw ApiErrors::invalidField(name, "The field \"" + name + "\" contains a control character.");
    }
    return text;
}

std::optional<nlohmann::json> JsonInput::optionalObject(std::string_view field) const
{
    const auto it = m_object.find(field);
    if (it == m_object.end() || it->is_null())
        return std::nullopt;
    if (!it->is_object()) {
        const std::string name = fieldName(field);
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" must be an object, not " + typeName(*it) + ".");
    }
    return *it;
}

std::size_t JsonInput::characterCount(std::string_view utf8)
{
    return std::size_t(std::count_if(utf8.begin(), utf8.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

int JsonInput::nestingDepth(std::string_view text)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

std::string JsonInput::describeParseError(const std::string& what, std::size_t byte)
{
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 18: syntax error while
    // parsing object key - unexpected '}'; expected string literal". Keep the part after " - ", drop any
    // "last read: ..." (it quotes the input, which may hold a secret).
    std::string detail;
    const auto dash = what.find(" - ");
    if (dash != std::string::npos) {
        detail = what.substr(dash + 3);
    } else {
        const auto colon = what.rfind(": ");
        detail = colon == std::string::npos ? std::string("syntax error") : what.substr(colon + 2);
    }
    std::string expected;
    const auto semicolon = detail.find("; ");
    if (semicolon != std::string::npos) {
        expected = detail.substr(semicolon + 2);
        detail.resize(semicolon);
        if (expected.rfind("last read", 0) == 0)
            expected.clear();
    }
    std::string message = "The request body is not valid JSON: " + detail + " at byte " + std::to_string(byte);
    if (!expected.empty())
        message += "; " + expected;
    return message;
}

} // namespace trellis::server
