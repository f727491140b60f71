#pragma once

#include "core/flow/FlowDocument.h"
#include "core/flow/FlowProblem.h"
#include "core/flow/FlowResolver.h"
#include "core/flow/NodeCatalog.h"

#include <vector>

namespace trellis::core::flow {

/// Finds what would stop a flow from running as drawn. Problems come in a stable order: the start, then
/// per node in document order (type, config, outcomes), then unreachable nodes, the path to success, and
/// loops without a screen. Codes:
/// missing_start, start_not_found, unknown_node_type, missing_config_field, unknown_config_field,
/// invalid_config_type, invalid_config_value, config_out_of_range, unknown_outcome, unwired_outcome,
/// outcome_target_missing, unreachable_node, no_path_to_success, screenless_cycle, subflow_not_found,
/// subflow_recursion.
///
/// Subflow nodes take their outcomes from the flow they run, which the validator finds through `resolver`.
/// Without a resolver their wired outcomes are taken as they are (nothing to check them against).
class FlowValidator
{
public:
    explicit FlowValidator(const NodeCatalog& catalog = NodeCatalog::builtin(), const FlowResolver* resolver = nullptr);

    std::vector<FlowProblem> validate(const FlowDocument& flow) const;

private:
    const NodeCatalog& m_catalog;
    const FlowResolver* m_resolver;
};

} // namespace trellis::core::flow
