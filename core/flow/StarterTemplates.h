#pragma once

#include "core/flow/FlowDocument.h"

#include <string>
#include <vector>

namespace trellis::core::flow {

/// A ready-made journey the designer offers when a flow is created (`POST /api/v1/orgs/{id}/flows` with
/// `template`). Documents are laid out for the canvas (columns 240 px apart, rows 160 px).
struct StarterTemplate
{
    std::string
        key; ///< passwordless-first, passkey-password, partner-sso, password-risk-step-up, invitation-acceptance
    std::string displayName;
    std::string description;
    FlowDocument document;
};

/// All starter templates, in the order the designer lists them.
std::vector<StarterTemplate> starterTemplates();
/// The template with that key, or nullptr.
const StarterTemplate* findStarterTemplate(const std::string& key);

} // namespace trellis::core::flow
