#include "server/api/OrgInput.h"

#include "server/api/ApiErrors.h"
#include "server/api/JsonInput.h"

namespace trellis::server {

namespace {

constexpr std::size_t kMaxAttributes = 64;
constexpr std::size_t kMaxAttributeCharacters = 1000;

std::string kindList()
{
    std::string list;
    for (const auto kind : core::allOrgKinds())
        list += (list.empty() ? "" : ", ") + std::string(core::toString(kind));
    return list;
}

} // namespace

core::OrgKind OrgInput::kind(const std::string& text)
{
    const auto kind = core::orgKindFromString(text);
    if (!kind)
        throw ApiErrors::invalidField("kind", "kind must be one of: " + kindList() + ".");
    return *kind;
}

// Attributes are a flat map of short strings: easy to show and search.
nlohmann::json OrgInput::attributes(const nlohmann::json& attributes)
{
    if (attributes.size() > kMaxAttributes)
        throw ApiErrors::invalidField("attributes",
                                      "attributes may hold at most " + std::to_string(kMaxAttributes) + " entries.");
    for (const auto& [key, value] : attributes.items()) {
        if (key.empty() || JsonInput::characterCount(key) > 64)
            throw ApiErrors::invalidField("attributes", "Attribute names must be 1 to 64 characters.");
        if (!value.is_string() || JsonInput::characterCount(value.get<std::string>()) > kMaxAttributeCharacters)
            throw ApiErrors::invalidField("attributes." + key, "Attribute values must be strings of at most " +
                                                                   std::to_string(kMaxAttributeCharacters) +
                                                                   " characters.");
    }
    return attributes;
}

} // namespace trellis::server
