#include "core/ApiError.h"

namespace trellis::core {

void to_json(nlohmann::json& j, const ApiError& e)
{
    j = nlohmann::json{{"code", e.code}, {"message", e.message}};
    if (!e.field.empty()) {
        j["field"] = e.field;
    }
}

void from_json(const nlohmann::json& j, ApiError& e)
{
    e.code = j.value("code", std::string());
    e.message = j.value("message", std::string());
    e.field = j.value("field", std::string());
}

} // namespace trellis::core
