#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

/// The profile attributes the collect-profile node may ask for (OIDC standard claim names where one exists).
class ProfileAttributes
{
public:
    struct Attribute
    {
        std::string name;         ///< e.g. "given_name"
        std::string inputKind;    ///< ScreenField kind: "text", "tel"
        std::string autocomplete; ///< HTML autocomplete token
    };
    static constexpr std::size_t maxLength = 200; ///< bytes per value

    static const std::vector<Attribute>& all();
    static const Attribute* find(std::string_view name);
    /// "given_name, family_name, ..." for messages.
    static std::string namesText();
};

} // namespace trellis::core::flow
