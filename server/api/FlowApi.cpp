#include "server/api/FlowApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/flow/DefaultFlow.h"
#include "core/flow/FlowSimulator.h"
#include "core/flow/FlowValidator.h"
#include "core/flow/NodeCatalog.h"
#include "core/flow/StarterTemplates.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/FlowAccess.h"
#include "server/api/JsonInput.h"
#include "server/http/HttpRequest.h"
#include "server/login/PublishedFlowResolver.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/FlowRepository.h"
#include "server/store/OrgRepository.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace trellis::server {

namespace flow = core::flow;

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxDescription = 1000;
constexpr std::size_t kMaxNote = 1000;

// Free text that may be empty (clears it): at most `max` characters, no control characters except line breaks.
std::optional<std::string> freeText(const JsonInput& input, const char* field, std::size_t max)
{
    const auto& body = input.value();
    const auto it = body.find(field);
    if (it == body.end() || it->is_null())
        return std::nullopt;
    const std::string name(field);
    if (!it->is_string())
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" must be a string.");
    std::string text = it->get<std::string>();
    if (JsonInput::characterCount(text) > max)
        throw ApiErrors::invalidField(name, "The field \"" + name + "\" is longer than " + std::to_string(max) +
                                                " characters.");
    for (unsigned char c : text) {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            throw ApiErrors::invalidField(name, "The field \"" + name + "\" contains a control character.");
    }
    return text;
}

std::optional<int> intField(const JsonInput& input, const char* field, bool required)
{
    const auto& body = input.value();
    const auto it = body.find(field);
    if (it == body.end() || it->is_null()) {
        if (required)
            throw ApiErrors::invalidField(field, "The field \"" + std::string(field) + "\" is required.");
        return std::nullopt;
    }
    if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 2000000000)
        throw ApiErrors::invalidField(field, "The field \"" + std::string(field) + "\" must be a whole number.");
    return int(it->get<long long>());
}

HttpResponse problemResponse(int status, const std::string& code, const std::string& message,
                             const std::vector<flow::FlowProblem>& problems)
{
    return HttpResponse::json(status,
                              {{"code", code}, {"message", message}, {"field", "document"}, {"problems", problems}});
}

// The request's "document": a FlowDocument, or a 422 invalid_document answer naming every shape problem.
std::variant<flow::FlowDocument, HttpResponse> documentField(const JsonInput& input, bool required)
{
    const auto& body = input.value();
    const auto it = body.find("document");
    if (it == body.end() || it->is_null()) {
        if (required)
            throw ApiErrors::invalidField("document", "The field \"document\" is required.");
        return flow::defaultFlow();
    }
    std::vector<flow::FlowProblem> problems;
    if (auto document = FlowAccess::parse(*it, problems))
        return std::move(*document);
    return problemResponse(422, "invalid_document", "The flow document is malformed; see problems.", problems);
}

FlowRecord visibleFlow(const ApiContext& context, const Caller& caller, const HttpRequest& request)
{
    auto found = FlowRepository(context.db).find(request.pathParams.at("id"));
    if (!found || !FlowAccess::mayRead(caller.scope, found->orgPath))
        throw ApiErrors::notFound("No flow with this id.");
    return std::move(*found);
}

// A flow that may not even be seen answers 404 for changes too, but the attempt is on record when it exists.
FlowRecord existingFlow(const ApiContext& context, const HttpRequest& request)
{
    auto found = FlowRepository(context.db).find(request.pathParams.at("id"));
    if (!found)
        throw ApiErrors::notFound("No flow with this id.");
    return std::move(*found);
}

// For endpoints whose fields are all optional: no body at all counts as an empty object.
JsonInput optionalBody(const HttpRequest& request, std::initializer_list<std::string_view> allowedFields)
{
    return request.body.empty() ? JsonInput(nlohmann::json::object()) : JsonInput::parse(request, allowedFields);
}

int versionParameter(const HttpRequest& request)
{
    const std::string& text = request.pathParams.at("n");
    int n = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (error != std::errc() || end != text.data() + text.size() || n < 1)
        throw ApiErrors::notFound("No such version of this flow.");
    return n;
}

nlohmann::json fullFlow(const ApiContext& context, const FlowRecord& flow)
{
    nlohmann::json j = FlowAccess::summary(flow);
    j["draft"] = flow.draft;
    j["problems"] = FlowAccess::problemsOf(context.db, flow, flow.draft);
    return j;
}

[[noreturn]] void revisionConflict(int current)
{
    throw HttpError(409, "revision_conflict",
                    "Someone saved this flow since you opened it (it is now at revision " + std::to_string(current) +
                        "); reload it and apply your changes again.",
                    "revision");
}

} // namespace

HttpResponse FlowApi::catalog(const Caller&, HttpRequest&) const
{
    nlohmann::json types = nlohmann::json::array();
    for (const auto& type : flow::NodeCatalog::builtin().types())
        types.push_back(type);
    return HttpResponse::json(200, {{"nodeTypes", types}});
}

HttpResponse FlowApi::list(const Caller& caller, HttpRequest& request) const
{
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    const std::string path = org ? core::OrgPath::make(org->path) : std::string();
    if (!org || !(caller.scope.allows(core::Permission::OrgRead, path) || FlowAccess::mayRead(caller.scope, path)))
        throw ApiErrors::notFound("No organisation with this id.");
    if (!FlowAccess::mayRead(caller.scope, path))
        throw ApiErrors::forbidden("Seeing login journeys needs flow.design or flow.publish at this organisation.");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& flow : FlowRepository(m_context.db).usableAt(path))
        items.push_back(FlowAccess::summary(flow));
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse FlowApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"name", "description", "document", "template"});
    const std::string name = input.requiredString("name", kMaxName);
    const std::string description = freeText(input, "description", kMaxDescription).value_or(std::string());
    const auto templateKey = input.optionalString("template", 100);
    if (templateKey && input.has("document") && !input.value().at("document").is_null())
        throw ApiErrors::invalidField("template", "Give either a document or a template, not both.");
    const flow::StarterTemplate* starter = templateKey ? flow::findStarterTemplate(*templateKey) : nullptr;
    if (templateKey && !starter)
        throw ApiErrors::invalidField("template", "\"" + templateKey->substr(0, 64) +
                                                      "\" is not a starter template; the templates are "
                                                      "passwordless-first, passkey-password, partner-sso, "
                                                      "password-risk-step-up and "
                                                      "invitation-acceptance.");
    auto parsed = documentField(input, false);
    if (std::holds_alternative<HttpResponse>(parsed))
        return std::get<HttpResponse>(std::move(parsed));
    flow::FlowDocument document = starter ? starter->document : std::get<flow::FlowDocument>(std::move(parsed));
    if (document.name.empty() || !input.has("document"))
        document.name = name;

    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.");
    const std::string path = core::OrgPath::make(org->path);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"flow", {}, name, org->id, path};
    const nlohmann::json attempted{{"name", name}, {"description", description}};
    const core::ScopeGrant& grant =
        access.require(core::Permission::FlowDesign, "flow.create", target, core::Permission::OrgRead,
                       "No organisation with this id.", {}, attempted);
    FlowRecord created;
    m_context.db.transaction([&] {
        created = FlowRepository(m_context.db).create(org->id, name, description, document.toJson(), caller.user.id);
        target.id = created.id;
        core::AuditEvent event = access.successEvent("flow.create", target, grant);
        event.after = {{"name", name}, {"description", description}, {"draftRevision", created.draftRevision}};
        if (templateKey)
            event.after["template"] = *templateKey;
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(201, fullFlow(m_context, created));
}

HttpResponse FlowApi::get(const Caller& caller, HttpRequest& request) const
{
    return HttpResponse::json(200, fullFlow(m_context, visibleFlow(m_context, caller, request)));
}

HttpResponse FlowApi::update(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"name", "description"});
    const auto name = input.optionalString("name", kMaxName);
    const auto description = freeText(input, "description", kMaxDescription);
    const FlowRecord flow = existingFlow(m_context, request);
    nlohmann::json attempted = nlohmann::json::object();
    if (name)
        attempted["name"] = *name;
    if (description)
        attempted["description"] = *description;
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant =
        FlowAccess::require(access, core::Permission::FlowDesign, "flow.update", flow, attempted);
    const FlowRepository flows(m_context.db);
    FlowRecord updated;
    m_context.db.transaction([&] {
        flows.rename(flow.id, name, description, caller.user.id);
        updated = *flows.find(flow.id);
        core::AuditEvent event = access.successEvent("flow.update", FlowAccess::target(updated), grant);
        event.before = {{"name", flow.name}, {"description", flow.description}};
        event.after = {{"name", updated.name}, {"description", updated.description}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, fullFlow(m_context, updated));
}

HttpResponse FlowApi::remove(const Caller& caller, HttpRequest& request) const
{
    const FlowRecord flow = existingFlow(m_context, request);
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant = FlowAccess::require(access, core::Permission::FlowDesign, "flow.delete", flow);
    const FlowRepository flows(m_context.db);
    int bound = 0;
    m_context.db.transaction([&] {
        flows.lock(flow.id);
        bound = flows.bindingCount(flow.id);
        if (bound > 0)
            return;
        flows.remove(flow.id);
        core::AuditEvent event = access.successEvent("flow.delete", FlowAccess::target(flow), grant);
        event.before = FlowAccess::summary(flow);
        AuditLog(m_context.db).append(event);
    });
    if (bound > 0) {
        access.recordDenied("flow.delete", FlowAccess::target(flow),
                            "bound at " + std::to_string(bound) + " organisation(s)", nullptr, &grant);
        throw HttpError(409, "flow_bound",
                        "This flow is bound " + std::to_string(bound) +
                            " time(s); bind another flow there (or remove those bindings) first.");
    }
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse FlowApi::saveDraft(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"document", "revision"});
    const int revision = *intField(input, "revision", true);
    const FlowRecord flow = existingFlow(m_context, request);
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant =
        FlowAccess::require(access, core::Permission::FlowDesign, "flow.draft.save", flow, {{"revision", revision}});
    auto parsed = documentField(input, true);
    if (std::holds_alternative<HttpResponse>(parsed))
        return std::get<HttpResponse>(std::move(parsed));
    const flow::FlowDocument document = std::get<flow::FlowDocument>(std::move(parsed));
    const auto problems = FlowAccess::validate(m_context.db, flow, document);

    const FlowRepository flows(m_context.db);
    std::optional<int> saved;
    FlowRecord after;
    m_context.db.transaction([&] {
        saved = flows.saveDraft(flow.id, document.toJson(), revision, caller.user.id);
        if (!saved)
            return;
        after = *flows.find(flow.id);
        core::AuditEvent event = access.successEvent("flow.draft.save", FlowAccess::target(flow), grant);
        event.before = {{"draftRevision", revision}};
        event.after = {{"draftRevision", *saved}, {"nodes", document.nodes.size()}, {"problems", problems.size()}};
        AuditLog(m_context.db).append(event);
    });
    if (!saved) {
        const auto current = flows.find(flow.id);
        if (!current)
            throw ApiErrors::notFound("No flow with this id.");
        revisionConflict(current->draftRevision);
    }
    return HttpResponse::json(
        200, {{"draftRevision", after.draftRevision}, {"updatedAt", after.updatedAt}, {"problems", problems}});
}

HttpResponse FlowApi::validate(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"document"});
    const FlowRecord flow = visibleFlow(m_context, caller, request);
    auto parsed = documentField(input, true);
    if (std::holds_alternative<HttpResponse>(parsed))
        return std::get<HttpResponse>(std::move(parsed));
    return HttpResponse::json(
        200, {{"problems", FlowAccess::validate(m_context.db, flow, std::get<flow::FlowDocument>(parsed))}});
}

HttpResponse FlowApi::simulate(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"document", "scenario"});
    const FlowRecord flow = visibleFlow(m_context, caller, request);
    const auto scenario = input.value().find("scenario");
    if (scenario == input.value().end() || !scenario->is_object())
        throw ApiErrors::invalidField("scenario", "The field \"scenario\" must be an object describing who signs in.");
    flow::FlowDocument document;
    if (input.has("document") && !input.value().at("document").is_null()) {
        auto parsed = documentField(input, true);
        if (std::holds_alternative<HttpResponse>(parsed))
            return std::get<HttpResponse>(std::move(parsed));
        document = std::get<flow::FlowDocument>(std::move(parsed));
    } else {
        std::vector<flow::FlowProblem> problems;
        auto draft = FlowAccess::parse(flow.draft, problems);
        if (!draft)
            return problemResponse(422, "invalid_document", "The stored draft is malformed; see problems.", problems);
        document = std::move(*draft);
    }
    // A read: the simulator answers from the scenario and touches neither sessions, tokens, emails nor the audit log.
    const PublishedFlowResolver subflows(m_context.db, flow.orgPath);
    return HttpResponse::json(200,
                              flow::FlowSimulator(flow::NodeCatalog::builtin(), &subflows).run(document, *scenario));
}

HttpResponse FlowApi::versions(const Caller& caller, HttpRequest& request) const
{
    const FlowRecord flow = visibleFlow(m_context, caller, request);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& v : FlowRepository(m_context.db).versions(flow.id))
        items.push_back(FlowAccess::version(v, flow.liveVersion));
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse FlowApi::version(const Caller& caller, HttpRequest& request) const
{
    const FlowRecord flow = visibleFlow(m_context, caller, request);
    const auto v = FlowRepository(m_context.db).version(flow.id, versionParameter(request));
    if (!v)
        throw ApiErrors::notFound("No such version of this flow.");
    nlohmann::json j = FlowAccess::version(*v, flow.liveVersion);
    j["document"] = v->document;
    return HttpResponse::json(200, j);
}

HttpResponse FlowApi::publish(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = optionalBody(request, {"note", "revision"});
    const std::string note = freeText(input, "note", kMaxNote).value_or(std::string());
    const auto revision = intField(input, "revision", false);
    const FlowRecord flow = existingFlow(m_context, request);
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant =
        FlowAccess::require(access, core::Permission::FlowPublish, "flow.publish", flow, {{"note", note}});

    const FlowRepository flows(m_context.db);
    std::optional<HttpResponse> refusal;
    FlowVersionRecord published;
    m_context.db.transaction([&] {
        flows.lock(flow.id);
        const auto current = flows.find(flow.id);
        if (!current)
            throw ApiErrors::notFound("No flow with this id.");
        if (revision && *revision != current->draftRevision)
            revisionConflict(current->draftRevision);
        std::vector<flow::FlowProblem> problems;
        const auto document = FlowAccess::parse(current->draft, problems);
        if (document)
            problems = FlowAccess::validate(m_context.db, *current, *document);
        if (!problems.empty()) {
            refusal = problemResponse(422, "flow_invalid",
                                      "This flow cannot be published: the validator found " +
                                          std::to_string(problems.size()) + " problem(s); see problems.",
                                      problems);
            return;
        }
        const int number = flows.publish(flow.id, document->toJson(), note, caller.user.id);
        published = *flows.version(flow.id, number);
        core::AuditEvent event = access.successEvent("flow.publish", FlowAccess::target(*current), grant);
        event.before = {{"liveVersion", current->liveVersion ? nlohmann::json(*current->liveVersion) : nullptr}};
        event.after = {{"liveVersion", number}, {"note", note}, {"draftRevision", current->draftRevision}};
        AuditLog(m_context.db).append(event);
    });
    if (refusal)
        return std::move(*refusal);
    return HttpResponse::json(201, FlowAccess::version(published, published.version));
}

HttpResponse FlowApi::restore(const Caller& caller, HttpRequest& request) const
{
    const FlowRecord flow = existingFlow(m_context, request);
    const int number = versionParameter(request);
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant =
        FlowAccess::require(access, core::Permission::FlowDesign, "flow.restore", flow, {{"version", number}});
    const FlowRepository flows(m_context.db);
    FlowRecord after;
    m_context.db.transaction([&] {
        flows.lock(flow.id);
        const auto v = flows.version(flow.id, number);
        const auto current = flows.find(flow.id);
        if (!v || !current)
            throw ApiErrors::notFound("No such version of this flow.");
        if (!flows.saveDraft(flow.id, v->document, current->draftRevision, caller.user.id))
            revisionConflict(current->draftRevision);
        after = *flows.find(flow.id);
        core::AuditEvent event = access.successEvent("flow.restore", FlowAccess::target(flow), grant);
        event.before = {{"draftRevision", current->draftRevision}};
        event.after = {{"draftRevision", after.draftRevision}, {"fromVersion", number}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, fullFlow(m_context, after));
}

HttpResponse FlowApi::rollback(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = optionalBody(request, {"note"});
    const std::string note = freeText(input, "note", kMaxNote).value_or(std::string());
    const FlowRecord flow = existingFlow(m_context, request);
    const int number = versionParameter(request);
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant = FlowAccess::require(access, core::Permission::FlowPublish, "flow.rollback", flow,
                                                        {{"version", number}, {"note", note}});
    const FlowRepository flows(m_context.db);
    FlowVersionRecord live;
    m_context.db.transaction([&] {
        flows.lock(flow.id);
        const auto v = flows.version(flow.id, number);
        const auto current = flows.find(flow.id);
        if (!v || !current)
            throw ApiErrors::notFound("No such version of this flow.");
        flows.setLive(flow.id, number, caller.user.id);
        live = *v;
        core::AuditEvent event = access.successEvent("flow.rollback", FlowAccess::target(flow), grant);
        event.before = {{"liveVersion", current->liveVersion ? nlohmann::json(*current->liveVersion) : nullptr}};
        event.after = {{"liveVersion", number}, {"note", note}};
        event.reason = note;
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200, FlowAccess::version(live, number));
}

} // namespace trellis::server
