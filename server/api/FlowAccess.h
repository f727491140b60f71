#pragma once

#include "core/AdminScope.h"
#include "core/flow/FlowDocument.h"
#include "core/flow/FlowProblem.h"
#include "server/api/AccessCheck.h"
#include "server/store/FlowRepository.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::server {

class Database;

/// What FlowApi and FlowBindingApi share: who may see or change a flow, and its JSON shapes.
class FlowAccess
{
public:
    /// Reading a flow (or an org's flows and bindings) needs flow.design or flow.publish there.
    static bool mayRead(const core::AdminScope& scope, std::string_view orgPath);

    /// The grant for `permission` at the flow's owning org; otherwise records a denied `action` event and throws
    /// 404 when the caller may not even read the flow, else 403.
    static const core::ScopeGrant& require(const AccessCheck& access, std::string_view permission,
                                           std::string_view action, const FlowRecord& flow,
                                           const nlohmann::json& attempted = nullptr);
    static AccessTarget target(const FlowRecord& flow);

    /// FlowSummary JSON (docs/api/openapi.yaml).
    static nlohmann::json summary(const FlowRecord& flow);
    static nlohmann::json version(const FlowVersionRecord& version, const std::optional<int>& liveVersion);
    /// The validator's problems for a stored draft of `flow` (shape problems when it no longer parses).
    static std::vector<core::flow::FlowProblem> problemsOf(const Database& db, const FlowRecord& flow,
                                                           const nlohmann::json& document);
    /// The validator's problems; subflow nodes may name live flows usable where `flow`'s owner is.
    static std::vector<core::flow::FlowProblem> validate(const Database& db, const FlowRecord& flow,
                                                         const core::flow::FlowDocument& document);
    /// A document from a request; throws nothing, answers nullopt with `problems` filled for a broken shape.
    static std::optional<core::flow::FlowDocument> parse(const nlohmann::json& document,
                                                         std::vector<core::flow::FlowProblem>& problems);
};

} // namespace trellis::server
