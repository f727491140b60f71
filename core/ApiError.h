#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace trellis::core {

/// An error as the admin API reports it: a stable machine code, a human message and the offending field.
struct ApiError
{
    std::string code;    ///< stable, e.g. "invalid_field", "not_found", "payload_too_large"
    std::string message; ///< for people; never contains secrets or internals
    std::string field;   ///< JSON pointer-ish name of the offending field or parameter; empty when none
};

void to_json(nlohmann::json& j, const ApiError& e);
void from_json(const nlohmann::json& j, ApiError& e);

} // namespace trellis::core
