#include "core/flow/ConfigField.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace trellis::core::flow {

std::string_view toString(ConfigFieldType type)
{
    switch (type) {
    case ConfigFieldType::Boolean:
        return "boolean";
    case ConfigFieldType::Integer:
        return "integer";
    case ConfigFieldType::Number:
        return "number";
    case ConfigFieldType::String:
        return "string";
    case ConfigFieldType::Choice:
        return "choice";
    case ConfigFieldType::StringList:
        return "string-list";
    }
    return "string";
}

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value; // 5 rather than 5.000000
    return out.str();
}

bool typeMatches(ConfigFieldType type, const nlohmann::json& value)
{
    switch (type) {
    case ConfigFieldType::Boolean:
        return value.is_boolean();
    case ConfigFieldType::Integer:
        return value.is_number_integer();
    case ConfigFieldType::Number:
        return value.is_number();
    case ConfigFieldType::String:
    case ConfigFieldType::Choice:
        return value.is_string();
    case ConfigFieldType::StringList:
        return value.is_array() &&
               std::all_of(value.begin(), value.end(), [](const nlohmann::json& v) { return v.is_string(); });
    }
    return false;
}

std::string expected(ConfigFieldType type)
{
    switch (type) {
    case ConfigFieldType::Boolean:
        return "true or false";
    case ConfigFieldType::Integer:
        return "a whole number";
    case ConfigFieldType::Number:
        return "a number";
    case ConfigFieldType::String:
    case ConfigFieldType::Choice:
        return "a string";
    case ConfigFieldType::StringList:
        return "a list of strings";
    }
    return "a value";
}

} // namespace

void ConfigField::check(const nlohmann::json& value, const std::string& nodeId,
                        std::vector<FlowProblem>& problems) const
{
    const auto add = [&](const std::string& code, const std::string& message) {
        problems.push_back(FlowProblem{
            code, nodeId, {}, "config." + name, "Node \"" + nodeId + "\": setting \"" + name + "\" " + message});
    };
    if (!typeMatches(type, value)) {
        add("invalid_config_type", "must be " + expected(type) + ", not " + value.type_name() + ".");
        return;
    }
    if (type == ConfigFieldType::Integer || type == ConfigFieldType::Number) {
        const double v = value.get<double>();
        if ((minimum && v < *minimum) || (maximum && v > *maximum)) {
            std::string range = minimum && maximum
                                    ? "between " + formatNumber(*minimum) + " and " + formatNumber(*maximum)
                                : minimum ? "at least " + formatNumber(*minimum)
                                          : "at most " + formatNumber(*maximum);
            add("config_out_of_range", "must be " + range + ", not " + value.dump() + ".");
        }
    } else if (type == ConfigFieldType::String) {
        if (maxLength && value.get_ref<const std::string&>().size() > *maxLength)
            add("config_out_of_range", "must be at most " + std::to_string(*maxLength) + " characters long.");
    } else if (type == ConfigFieldType::Choice) {
        const auto& s = value.get_ref<const std::string&>();
        if (std::find(choices.begin(), choices.end(), s) == choices.end()) {
            std::string list;
            for (const auto& c : choices)
                list += (list.empty() ? "\"" : ", \"") + c + "\"";
            add("invalid_config_value", "must be one of " + list + ", not \"" + s + "\".");
        }
    }
}

void to_json(nlohmann::json& j, const ConfigField& f)
{
    j = nlohmann::json{{"name", f.name},
                       {"displayName", f.displayName},
                       {"description", f.description},
                       {"type", std::string(toString(f.type))},
                       {"required", f.required}};
    if (!f.defaultValue.is_null())
        j["default"] = f.defaultValue;
    if (f.minimum)
        j["minimum"] = *f.minimum;
    if (f.maximum)
        j["maximum"] = *f.maximum;
    if (f.maxLength)
        j["maxLength"] = *f.maxLength;
    if (!f.choices.empty())
        j["choices"] = f.choices;
}

} // namespace trellis::core::flow
