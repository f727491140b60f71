#pragma once

#include "core/flow/FlowDocument.h"
#include "core/flow/FlowProblem.h"
#include "core/flow/NodeCatalog.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include <QDateTime>
#include <QString>

namespace trellis::client {

/// The admin API's login-journey records (see docs/api/openapi.yaml, "flows"), decoded from JSON.

/// A flow as listed: FlowSummary.
struct FlowSummary
{
    QString id;
    QString orgId;
    QString name;
    QString description;
    std::optional<int> liveVersion;
    int draftRevision = 0;
    QDateTime updatedAt;
    QString updatedById;
    QString updatedByName;

    static FlowSummary fromJson(const nlohmann::json& j);
};

/// One flow with its draft document and the validator's problems in it.
struct FlowRecord
{
    FlowSummary summary;
    core::flow::FlowDocument draft;
    std::vector<core::flow::FlowProblem> problems;

    static FlowRecord fromJson(const nlohmann::json& j);
};

/// The answer to saving a draft. `saved` is false when the server refused the document's shape (422
/// invalid_document): `problems` then say why.
struct DraftSaveResult
{
    bool saved = false;
    int draftRevision = 0;
    QDateTime updatedAt;
    std::vector<core::flow::FlowProblem> problems;
};

/// One published version of a flow (with its document when fetched singly).
struct FlowVersionInfo
{
    int version = 0;
    QString note;
    QDateTime publishedAt;
    QString publishedById;
    QString publishedByName;
    bool live = false;
    std::optional<core::flow::FlowDocument> document;

    static FlowVersionInfo fromJson(const nlohmann::json& j);
};

/// The answer to publishing: `published` false with the validator's per-node `problems` when the server refused
/// (422 flow_invalid).
struct PublishResult
{
    bool published = false;
    FlowVersionInfo version;
    std::vector<core::flow::FlowProblem> problems;
};

/// A flow bound at an organisation, for one application (clientId) or for all (empty clientId).
struct FlowBinding
{
    QString id;
    QString orgId;
    QString clientId; ///< empty: every application
    QString flowId;
    QString flowName;

    static FlowBinding fromJson(const nlohmann::json& j);
};

/// What applies at an organisation for one application, and where it was bound.
struct EffectiveFlowBinding
{
    QString clientId;
    QString flowId;
    QString flowName;
    QString fromOrgId;
};

struct FlowBindings
{
    std::vector<FlowBinding> bindings;
    std::vector<EffectiveFlowBinding> effective;

    static FlowBindings fromJson(const nlohmann::json& j);
};

/// An OIDC client, as the bindings editor lists it.
struct ApplicationInfo
{
    QString id;
    QString name;
};

/// One step of a simulated sign-in.
struct SimulationStep
{
    QString nodeId;
    QString type;
    QString outcome;
    nlohmann::json screen; ///< null when the step shows no screen
    nlohmann::json facts = nlohmann::json::object();
    nlohmann::json events = nlohmann::json::array();
};

struct SimulationResult
{
    std::vector<SimulationStep> steps;
    QString result; ///< "success", "failure" or "stopped"
    QString message;

    static SimulationResult fromJson(const nlohmann::json& j);
};

std::vector<core::flow::FlowProblem> problemsFromJson(const nlohmann::json& j);

/// Builds a catalog from the server's GET /flow-catalog answer. Types without local behaviour still show in the
/// palette and validate; the server is the source of truth for what exists.
std::shared_ptr<core::flow::NodeCatalog> catalogFromJson(const nlohmann::json& j);

} // namespace trellis::client
