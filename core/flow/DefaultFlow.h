#pragma once

#include "core/flow/FlowDocument.h"

namespace trellis::core::flow {

/// Policy knobs of the built-in sign-in journey.
struct DefaultFlowOptions
{
    bool requireTotp = false;    ///< users without TOTP must enrol before they are signed in
    int maxPasswordAttempts = 5; ///< per sign-in; account-wide lock-out is the server's throttling
    int maxTotpAttempts = 5;
};

/// The journey used when no flow is bound: identify -> password (with a retry limit) -> TOTP verify for
/// users who have it, TOTP enrolment for those who do not when the policy requires it, else success.
FlowDocument defaultFlow(const DefaultFlowOptions& options = {});

} // namespace trellis::core::flow
