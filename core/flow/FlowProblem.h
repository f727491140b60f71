#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core::flow {

/// One thing wrong with a flow document, found by the parser or the validator.
/// `code` is stable (tests, API clients and translations key on it); `message` is English for people.
struct FlowProblem
{
    std::string code;    ///< e.g. "missing_field", "unwired_outcome", "screenless_cycle"
    std::string nodeId;  ///< the node concerned; empty for document-level problems
    std::string outcome; ///< the outcome concerned, if any
    std::string field;   ///< JSON path of the offending field, e.g. "config.maxAttempts"; empty when none
    std::string message;

    bool operator==(const FlowProblem&) const = default;
};

void to_json(nlohmann::json& j, const FlowProblem& p);
void from_json(const nlohmann::json& j, FlowProblem& p);

} // namespace trellis::core::flow
