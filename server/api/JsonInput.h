#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::server {

struct HttpRequest;

/// A request's JSON object body, checked the same way by every endpoint: Content-Type application/json
/// (415), well-formed JSON with a message that says what and where (400 malformed_json), an object (400),
/// no unknown fields (400 unknown_field), typed field access (400 invalid_field naming the field).
class JsonInput
{
public:
    /// Reads the body; throws HttpError as above. `allowedFields` is the complete list of accepted fields.
    static JsonInput parse(const HttpRequest& request, std::initializer_list<std::string_view> allowedFields);
    /// Checks an already parsed value (for nested objects); `prefix` names it in errors, e.g. "attributes".
    JsonInput(nlohmann::json object, std::string prefix = {});

    bool has(std::string_view field) const;
    /// Required string; `maxCharacters` counts Unicode code points; blank strings are rejected.
    std::string requiredString(std::string_view field, std::size_t maxCharacters = 1000) const;
    std::optional<std::string> optionalString(std::string_view field, std::size_t maxCharacters = 1000) const;
    /// Optional object (null counts as absent); nullopt when absent.
    std::optional<nlohmann::json> optionalObject(std::string_view field) const;

    const nlohmann::json& value() const { return m_object; }

    /// The name errors use for a field of this object ("attributes.country").
    std::string fieldName(std::string_view field) const;

    /// Number of Unicode code points in valid UTF-8.
    static std::size_t characterCount(std::string_view utf8);
    /// Deepest nesting of arrays/objects in a JSON text (strings are skipped), without parsing it.
    static int nestingDepth(std::string_view text);
    /// The malformed_json message for a parse failure: "The request body is not valid JSON: unexpected '}'
    /// at byte 17; expected ...". Never echoes the input.
    static std::string describeParseError(const std::string& what, std::size_t byte);

private:
    nlohmann::json m_object;
    std::string m_prefix;
};

} // namespace trellis::server
