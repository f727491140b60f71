#pragma once

#include "core/flow/FlowDocument.h"

namespace trellis::bench {

/// A flow of about `nodeCount` nodes that passes the validator, shaped like a real journey grown large: identify,
/// then blocks of (condition -> password screen -> retry limit) chained one after the other, each with its own
/// failure wiring, ending in success. Every outcome is wired, every loop passes a screen, every node is reachable.
/// Laid out in columns 240 px apart, three rows per block, as the designer would show it.
core::flow::FlowDocument largeFlow(int nodeCount);

} // namespace trellis::bench
