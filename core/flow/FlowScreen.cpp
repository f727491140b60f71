#include "core/flow/FlowScreen.h"

namespace trellis::core::flow {

void to_json(nlohmann::json& j, const ScreenField& f)
{
    j = nlohmann::json{{"name", f.name}, {"kind", f.kind}, {"autocomplete", f.autocomplete}, {"required", f.required}};
    if (!f.value.empty())
        j["value"] = f.value;
}

void to_json(nlohmann::json& j, const FlowScreen& s)
{
    j = nlohmann::json{{"kind", s.kind}, {"nodeId", s.nodeId}, {"fields", s.fields}, {"data", s.data}};
    if (!s.error.empty())
        j["error"] = s.error;
}

} // namespace trellis::core::flow
