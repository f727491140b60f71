#pragma once

#include "core/flow/FlowDocument.h"

#include <string>
#include <vector>

#include <QString>

namespace trellis::models {

/// One difference between two versions of a login journey, as the versions panel lists it.
struct FlowChange
{
    enum class Kind
    {
        StartChanged,    ///< `from` -> `to` are node ids
        NodeAdded,       ///< `nodeId` exists only in the newer document
        NodeRemoved,     ///< `nodeId` exists only in the older document
        NodeTypeChanged, ///< `from` -> `to` are type names
        LabelChanged,    ///< `from` -> `to` are labels
        ConfigChanged,   ///< `field` is the config key; `from`/`to` its JSON (empty when absent)
        NodeMoved,       ///< only the canvas position changed
        EdgeAdded,       ///< `nodeId`.`outcome` -> `to`
        EdgeRemoved,     ///< `nodeId`.`outcome` -> `from` no longer
        EdgeRetargeted,  ///< `nodeId`.`outcome` from `from` to `to`
        NameChanged      ///< the document's name: `from` -> `to`
    };

    Kind kind = Kind::NodeAdded;
    std::string nodeId;
    std::string outcome;
    std::string field;
    std::string from;
    std::string to;

    bool operator==(const FlowChange&) const = default;
};

/// Every difference from `older` to `newer`: the document's name and start first, then per node in the newer
/// document's order (removed nodes in the older's order after them), outcomes and config keys sorted by name.
/// Pure function: no I/O, no Qt objects.
std::vector<FlowChange> diffFlows(const core::flow::FlowDocument& older, const core::flow::FlowDocument& newer);

/// The same without canvas moves (what a reviewer of versions cares about).
std::vector<FlowChange> diffFlowsIgnoringLayout(const core::flow::FlowDocument& older,
                                                const core::flow::FlowDocument& newer);

/// One change in plain, translated words, e.g. "Node “password” added".
QString describeChange(const FlowChange& change);

} // namespace trellis::models
