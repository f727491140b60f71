#pragma once

#include "core/flow/FlowDocument.h"

namespace trellis::core::flow {

/// The built-in passwordless journey (requested with acr_values "urn:trellis:passkey" until flows are bound per
/// organisation): a passkey first; without one (or without browser support), identify and password with a retry
/// limit, then the offer to create a passkey (skippable), then success.
FlowDocument passkeyFlow();

} // namespace trellis::core::flow
