#pragma once

#include "core/flow/FlowNode.h"
#include "core/flow/FlowProblem.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core::flow {

/// A login journey as stored and exchanged: nodes, wiring and the start node.
/// Parsing only checks the document's shape (types of fields, ids); whether the journey makes sense
/// is the FlowValidator's job, so that drafts with loose ends still load into the designer.
class FlowDocument
{
public:
    static constexpr int currentFormat = 1;

    int format = currentFormat;
    std::string name;
    std::string start;                               ///< id of the first node; empty in an unfinished draft
    std::vector<FlowNode> nodes;                     ///< in document order (the validator reports in this order)
    nlohmann::json extra = nlohmann::json::object(); ///< unknown top-level keys, kept for round-trips

    /// Parses a JSON value. On failure returns nullopt and appends every shape problem found to `problems`.
    static std::optional<FlowDocument> fromJson(const nlohmann::json& json, std::vector<FlowProblem>& problems);
    /// Parses JSON text; a syntax error becomes a "json_syntax" problem naming the byte offset.
    static std::optional<FlowDocument> parse(std::string_view text, std::vector<FlowProblem>& problems);

    nlohmann::json toJson() const;

    const FlowNode* node(std::string_view id) const;
    FlowNode* node(std::string_view id);

    bool operator==(const FlowDocument&) const = default;
};

} // namespace trellis::core::flow
