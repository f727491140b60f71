#include "core/flow/FlowDocument.h"

#include <set>

namespace trellis::core::flow {

namespace {

using nlohmann::json;

std::string typeName(const json& value)
{
    // nlohmann's names ("number", "object", ...) read well in messages.
    return value.type_name();
}

// Collects problems for one scope (the document or one node), so every message names where it is.
class ProblemSink
{
public:
    ProblemSink(std::vector<FlowProblem>& out, std::string nodeId, std::string fieldPrefix)
        : m_out(out)
        , m_nodeId(std::move(nodeId))
        , m_prefix(std::move(fieldPrefix))
    {
    }

    void add(const std::string& code, const std::string& field, const std::string& message)
    {
        FlowProblem p;
        p.code = code;
        p.nodeId = m_nodeId;
        p.field = m_prefix + field;
        p.message = (m_nodeId.empty() ? std::string() : "Node \"" + m_nodeId + "\": ") + message;
        m_out.push_back(std::move(p));
        ++m_count;
    }
    void missing(const std::string& field) { add("missing_field", field, "the field \"" + field + "\" is missing."); }
    void wrongType(const std::string& field, const std::string& expected, const json& got)
    {
        add("wrong_type", field, "\"" + field + "\" must be " + expected + ", not " + typeName(got) + ".");
    }
    int count() const { return m_count; }

private:
    std::vector<FlowProblem>& m_out;
    std::string m_nodeId;
    std::string m_prefix;
    int m_count = 0;
};

std::optional<FlowNode> parseNode(const json& j, std::size_t index, std::vector<FlowProblem>& problems)
{
    const std::string where = "nodes[" + std::to_string(index) + "]";
    if (!j.is_object()) {
        ProblemSink(problems, {}, {}).wrongType(where, "an object", j);
        return std::nullopt;
    }
    FlowNode node;
    // Until the node's id is known, problems are located by array index.
    std::string nodeId;
    if (const auto it = j.find("id"); it == j.end()) {
        ProblemSink(problems, {}, where + ".").missing("id");
    } else if (!it->is_string()) {
        ProblemSink(problems, {}, where + ".").wrongType("id", "a string", *it);
    } else if (it->get_ref<const std::string&>().empty()) {
        ProblemSink(problems, {}, where + ".").add("invalid_value", "id", "a node id must not be empty.");
    } else {
        nodeId = it->get<std::string>();
    }
    ProblemSink sink = nodeId.empty() ? ProblemSink(problems, {}, where + ".") : ProblemSink(problems, nodeId, {});
    node.id = nodeId;

    // Known keys in a fixed order so problems come out in reading order, not nlohmann's sorted key order.
    if (const auto value = j.find("type"); value == j.end())
        sink.missing("type");
    else if (!value->is_string())
        sink.wrongType("type", "a string", *value);
    else if (value->get_ref<const std::string&>().empty())
        sink.add("invalid_value", "type", "the node type must not be empty.");
    else
        node.type = value->get<std::string>();
    if (const auto value = j.find("label"); value != j.end()) {
        if (value->is_string())
            node.label = value->get<std::string>();
        else
            sink.wrongType("label", "a string", *value);
    }
    if (const auto value = j.find("config"); value != j.end()) {
        if (value->is_object())
            node.config = *value;
        else
            sink.wrongType("config", "an object", *value);
    }
    if (const auto value = j.find("position"); value != j.end()) {
        if (!value->is_object()) {
            sink.wrongType("position", "an object with x and y", *value);
        } else {
            for (const char* axis : {"x", "y"}) {
                const std::string field = std::string("position.") + axis;
                const auto a = value->find(axis);
                if (a == value->end())
                    sink.missing(field);
                else if (!a->is_number())
                    sink.wrongType(field, "a number", *a);
                else
                    (axis[0] == 'x' ? node.position.x : node.position.y) = a->get<double>();
            }
        }
    }
    if (const auto value = j.find("outcomes"); value != j.end()) {
        if (!value->is_object()) {
            sink.wrongType("outcomes", "an object mapping outcome names to node ids", *value);
        } else {
            for (const auto& [outcome, target] : value->items()) {
                const std::string field = "outcomes." + outcome;
                if (!target.is_string())
                    sink.wrongType(field, "a node id (string)", target);
                else if (target.get_ref<const std::string&>().empty())
                    sink.add("invalid_value", field,
                             "outcome \"" + outcome + "\" names an empty node id; leave it out when it is not wired.");
                else
                    node.outcomes[outcome] = target.get<std::string>();
            }
        }
    }
    for (const auto& [key, value] : j.items()) {
        if (key != "id" && key != "type" && key != "label" && key != "config" && key != "position" && key != "outcomes")
            node.extra[key] = value;
    }
    if (nodeId.empty() || sink.count() > 0)
        return std::nullopt;
    return node;
}

} // namespace

std::optional<FlowDocument> FlowDocument::fromJson(const json& j, std::vector<FlowProblem>& problems)
{
    const std::size_t before = problems.size();
    ProblemSink sink(problems, {}, {});
    if (!j.is_object()) {
        sink.add("wrong_type", {}, "A flow document must be a JSON object, not " + typeName(j) + ".");
        return std::nullopt;
    }
    FlowDocument doc;
    // Known keys in a fixed order (see parseNode); nodes last, as they come last in a written document.
    if (const auto value = j.find("format"); value != j.end()) {
        if (!value->is_number_integer())
            sink.wrongType("format", "an integer", *value);
        else if (value->get<long long>() < 1 || value->get<long long>() > currentFormat)
            sink.add("unsupported_format", "format",
                     "format " + value->dump() + " is not supported (this version reads format " +
                         std::to_string(currentFormat) + ").");
        else
            doc.format = value->get<int>();
    }
    if (const auto value = j.find("name"); value != j.end()) {
        if (value->is_string())
            doc.name = value->get<std::string>();
        else
            sink.wrongType("name", "a string", *value);
    }
    // A missing or empty start is a validation problem, not a parse error: drafts may lack one.
    if (const auto value = j.find("start"); value != j.end()) {
        if (value->is_string())
            doc.start = value->get<std::string>();
        else if (!value->is_null())
            sink.wrongType("start", "a node id (string)", *value);
    }
    if (const auto value = j.find("nodes"); value == j.end()) {
        sink.missing("nodes");
    } else if (!value->is_array()) {
        sink.wrongType("nodes", "an array", *value);
    } else {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < value->size(); ++i) {
            auto node = parseNode((*value)[i], i, problems);
            if (!node)
                continue;
            if (!seen.insert(node->id).second) {
                FlowProblem p;
                p.code = "duplicate_node_id";
                p.nodeId = node->id;
                p.field = "nodes[" + std::to_string(i) + "].id";
                p.message = "Node id \"" + node->id + "\" is used by more than one node.";
                problems.push_back(std::move(p));
                continue;
            }
            doc.nodes.push_back(std::move(*node));
        }
    }
    for (const auto& [key, value] : j.items()) {
        if (key != "format" && key != "name" && key != "start" && key != "nodes")
            doc.extra[key] = value;
    }
    if (problems.size() != before)
        return std::nullopt;
    return doc;
}

std::optional<FlowDocument> FlowDocument::parse(std::string_view text, std::vector<FlowProblem>& problems)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        FlowProblem p;
        p.code = "json_syntax";
        p.message = "The flow document is not valid JSON (at byte " + std::to_string(e.byte) + ").";
        problems.push_back(std::move(p));
        return std::nullopt;
    }
    return fromJson(j, problems);
}

json FlowDocument::toJson() const
{
    json out = extra;
    out["format"] = format;
    if (!name.empty())
        out["name"] = name;
    out["start"] = start;
    json list = json::array();
    for (const FlowNode& n : nodes) {
        json node = n.extra;
        node["id"] = n.id;
        node["type"] = n.type;
        if (!n.label.empty())
            node["label"] = n.label;
        node["config"] = n.config;
        node["position"] = {{"x", n.position.x}, {"y", n.position.y}};
        node["outcomes"] = json::object();
        for (const auto& [outcome, target] : n.outcomes)
            node["outcomes"][outcome] = target;
        list.push_back(std::move(node));
    }
    out["nodes"] = std::move(list);
    return out;
}

const FlowNode* FlowDocument::node(std::string_view id) const
{
    for (const FlowNode& n : nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

FlowNode* FlowDocument::node(std::string_view id)
{
    return const_cast<FlowNode*>(std::as_const(*this).node(id));
}

} // namespace trellis::core::flow
