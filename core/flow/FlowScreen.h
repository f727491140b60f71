#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core::flow {

/// One input of a screen. The server turns it into a labelled form control.
struct ScreenField
{
    std::string name;         ///< form field name, echoed back in FlowInput::values
    std::string kind;         ///< "email", "password", "otp"
    std::string autocomplete; ///< HTML autocomplete token, e.g. "username", "current-password", "one-time-code"
    bool required = true;
    std::string value; ///< prefilled value (never a secret)

    bool operator==(const ScreenField&) const = default;
};

/// A screen to show: what kind of page, its inputs, the error to show and the data it needs.
/// A description only; the server renders it (HTML, translations), the simulator prints it.
struct FlowScreen
{
    std::string kind; ///< the node type that shows it: "identify", "password", "totp-verify", "totp-enrol"
    std::string nodeId;
    std::vector<ScreenField> fields;
    std::string error;                              ///< stable error code, e.g. "invalid_credentials"; empty when none
    nlohmann::json data = nlohmann::json::object(); ///< e.g. {"email": ...}; for enrolment secret and otpauthUri

    bool operator==(const FlowScreen&) const = default;
};

void to_json(nlohmann::json& j, const ScreenField& f);
void to_json(nlohmann::json& j, const FlowScreen& s);

} // namespace trellis::core::flow
