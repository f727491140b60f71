#include "client/FlowRecords.h"

#include <stdexcept>

namespace trellis::client {

namespace {

QString qs(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

QDateTime timeOf(const nlohmann::json& j, const char* key)
{
    return QDateTime::fromString(qs(j, key), Qt::ISODateWithMs);
}

void person(const nlohmann::json& j, const char* key, QString& id, QString& name)
{
    const auto it = j.find(key);
    if (it == j.end() || !it->is_object())
        return;
    id = qs(*it, "id");
    name = qs(*it, "name");
}

core::flow::FlowDocument documentOf(const nlohmann::json& j)
{
    std::vector<core::flow::FlowProblem> problems;
    auto document = core::flow::FlowDocument::fromJson(j, problems);
    if (!document)
        throw std::runtime_error("the flow document is malformed");
    return std::move(*document);
}

/// The console never runs flows (the server does, and simulates them); types it only knows from the server's
/// catalog get this placeholder so that they can be listed, drawn and validated.
class RemoteOnlyBehaviour : public core::flow::NodeBehaviour
{
public:
    core::flow::NodeResult enter(const core::flow::NodeContext&) const override
    {
        return core::flow::NodeResult::fail("This node type runs on the server only.");
    }
};

core::flow::ConfigFieldType fieldType(const std::string& name)
{
    using T = core::flow::ConfigFieldType;
    for (T t : {T::Boolean, T::Integer, T::Number, T::String, T::Choice, T::StringList})
        if (core::flow::toString(t) == name)
            return t;
    return T::String;
}

} // namespace

FlowSummary FlowSummary::fromJson(const nlohmann::json& j)
{
    FlowSummary s;
    s.id = qs(j, "id");
    if (s.id.isEmpty())
        throw std::runtime_error("flow without id");
    s.orgId = qs(j, "orgId");
    s.name = qs(j, "name");
    s.description = qs(j, "description");
    if (j.contains("liveVersion") && j["liveVersion"].is_number_integer())
        s.liveVersion = j["liveVersion"].get<int>();
    s.draftRevision = j.value("draftRevision", 0);
    s.updatedAt = timeOf(j, "updatedAt");
    person(j, "updatedBy", s.updatedById, s.updatedByName);
    return s;
}

FlowRecord FlowRecord::fromJson(const nlohmann::json& j)
{
    FlowRecord r;
    r.summary = FlowSummary::fromJson(j);
    r.draft = documentOf(j.at("draft"));
    r.problems = problemsFromJson(j.value("problems", nlohmann::json::array()));
    return r;
}

FlowVersionInfo FlowVersionInfo::fromJson(const nlohmann::json& j)
{
    FlowVersionInfo v;
    v.version = j.at("version").get<int>();
    v.note = qs(j, "note");
    v.publishedAt = timeOf(j, "publishedAt");
    person(j, "publishedBy", v.publishedById, v.publishedByName);
    v.live = j.value("live", false);
    if (j.contains("document") && j["document"].is_object())
        v.document = documentOf(j["document"]);
    return v;
}

FlowBinding FlowBinding::fromJson(const nlohmann::json& j)
{
    FlowBinding b;
    b.id = qs(j, "id");
    b.orgId = qs(j, "orgId");
    b.clientId = qs(j, "clientId");
    b.flowId = qs(j, "flowId");
    b.flowName = qs(j, "flowName");
    return b;
}

FlowBindings FlowBindings::fromJson(const nlohmann::json& j)
{
    FlowBindings out;
    for (const auto& b : j.value("bindings", nlohmann::json::array()))
        out.bindings.push_back(FlowBinding::fromJson(b));
    for (const auto& e : j.value("effective", nlohmann::json::array()))
        out.effective.push_back({qs(e, "clientId"), qs(e, "flowId"), qs(e, "flowName"), qs(e, "fromOrgId")});
    return out;
}

SimulationResult SimulationResult::fromJson(const nlohmann::json& j)
{
    SimulationResult r;
    for (const auto& s : j.value("steps", nlohmann::json::array())) {
        SimulationStep step;
        step.nodeId = qs(s, "nodeId");
        step.type = qs(s, "type");
        step.outcome = qs(s, "outcome");
        step.screen = s.value("screen", nlohmann::json());
        step.facts = s.value("facts", nlohmann::json::object());
        step.events = s.value("events", nlohmann::json::array());
        r.steps.push_back(std::move(step));
    }
    r.result = qs(j, "result");
    r.message = qs(j, "message");
    return r;
}

std::vector<core::flow::FlowProblem> problemsFromJson(const nlohmann::json& j)
{
    std::vector<core::flow::FlowProblem> out;
    if (!j.is_array())
        return out;
    for (const auto& p : j)
        out.push_back(p.get<core::flow::FlowProblem>());
    return out;
}

std::shared_ptr<core::flow::NodeCatalog> catalogFromJson(const nlohmann::json& j)
{
    auto catalog = std::make_shared<core::flow::NodeCatalog>();
    const auto& builtin = core::flow::NodeCatalog::builtin();
    auto placeholder = std::make_shared<RemoteOnlyBehaviour>();
    for (const auto& t : j.at("nodeTypes")) {
        core::flow::NodeType type;
        type.name = t.at("name").get<std::string>();
        type.displayName = t.value("displayName", type.name);
        type.category = t.value("category", std::string("other"));
        type.description = t.value("description", std::string());
        for (const auto& o : t.value("outcomes", nlohmann::json::array()))
            type.outcomes.push_back({o.at("name").get<std::string>(), o.value("displayName", std::string())});
        for (const auto& f : t.value("config", nlohmann::json::array())) {
            core::flow::ConfigField field;
            field.name = f.at("name").get<std::string>();
            field.displayName = f.value("displayName", field.name);
            field.description = f.value("description", std::string());
            field.type = fieldType(f.value("type", std::string("string")));
            field.required = f.value("required", false);
            field.defaultValue = f.value("default", nlohmann::json());
            if (f.contains("minimum"))
                field.minimum = f["minimum"].get<double>();
            if (f.contains("maximum"))
                field.maximum = f["maximum"].get<double>();
            if (f.contains("maxLength"))
                field.maxLength = f["maxLength"].get<std::size_t>();
            field.choices = f.value("choices", std::vector<std::string>());
            type.fields.push_back(std::move(field));
        }
        type.showsScreen = t.value("showsScreen", false);
        type.dynamicOutcomes = t.value("dynamicOutcomes", false);
        const std::string terminal = t.value("terminal", std::string("none"));
        type.terminal = terminal == "success"   ? core::flow::NodeType::Terminal::Success
                        : terminal == "failure" ? core::flow::NodeType::Terminal::Failure
                                                : core::flow::NodeType::Terminal::None;
        const auto* local = builtin.find(type.name);
        type.behaviour = local ? local->behaviour : placeholder;
        if (local)
            type.extraCheck = local->extraCheck; // per-type checks are code: known types keep the console's own

        catalog->add(std::move(type));
    }
    return catalog;
}

} // namespace trellis::client
