#pragma once

#include "core/OrgKind.h"

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::server {

/// Field checks shared by creating and changing an organisation, so both refuse the same input the same way.
class OrgInput
{
public:
    /// The kind named by `text`; otherwise 400 invalid_field "kind" listing the kinds there are.
    static core::OrgKind kind(const std::string& text);
    /// A flat map of short strings (country, domain, customer number...); otherwise 400 invalid_field naming
    /// "attributes" or "attributes.<name>".
    static nlohmann::json attributes(const nlohmann::json& attributes);
};

} // namespace trellis::server
