#pragma once

#include "core/flow/FlowDocument.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace trellis::core::flow {

class NodeCatalog;

/// Finds the flows a subflow node refers to by id: the validator asks for their exported outcomes, the
/// interpreter runs them. The server implements it over its flow store (the live version of each flow).
class FlowResolver
{
public:
    virtual ~FlowResolver() = default;
    /// nullptr when there is no such flow (or it has no live version).
    virtual std::shared_ptr<const FlowDocument> resolve(const std::string& flowId) const = 0;
};

/// A resolver over flows held in memory (tests, the simulator).
class MapFlowResolver : public FlowResolver
{
public:
    void add(const std::string& flowId, FlowDocument document);
    std::shared_ptr<const FlowDocument> resolve(const std::string& flowId) const override;

private:
    std::map<std::string, std::shared_ptr<const FlowDocument>> m_flows;
};

/// The outcomes a flow exports when it runs as a subflow, in document order without repeats: each success and
/// failure node exports its "outcome" setting, or "success" / "failure" when that is empty.
std::vector<std::string> exportedOutcomes(const FlowDocument& flow, const NodeCatalog& catalog);
/// The outcome one terminal node exports (see exportedOutcomes); empty for a node that does not end the flow.
std::string exportedOutcome(const FlowNode& node, const NodeCatalog& catalog);

} // namespace trellis::core::flow
