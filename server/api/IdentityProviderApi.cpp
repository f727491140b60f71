#include "server/api/IdentityProviderApi.h"

#include "core/OrgPath.h"
#include "core/Permission.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/http/HttpRequest.h"
#include "server/login/FederationRelyingParty.h"
#include "server/login/OutboundUrl.h"
#include "server/oidc/ScopeWords.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/IdentityProviderRepository.h"
#include "server/store/OrgRepository.h"

#include <algorithm>
#include <set>

namespace trellis::server {

namespace {

constexpr std::size_t maxDomains = 50;

nlohmann::json providerJson(const IdentityProviderRecord& p, int linkedIdentities)
{
    return {{"id", p.id},
            {"orgId", p.orgId},
            {"displayName", p.displayName},
            {"issuer", p.issuer},
            {"clientId", p.clientId},
            {"clientSecretSet", !p.clientSecret.empty()},
            {"scopes", p.scopes},
            {"domains", p.domains},
            {"jitProvisioning", p.jitProvisioning},
            {"enabled", p.enabled},
            {"linkedIdentities", linkedIdentities},
            {"createdAt", p.createdAt},
            {"updatedAt", p.updatedAt},
            {"redirectUri", nullptr}};
}

// What audit events keep of a provider: everything but the secret.
nlohmann::json auditState(const IdentityProviderRecord& p)
{
    return {{"displayName", p.displayName}, {"issuer", p.issuer},   {"clientId", p.clientId},
            {"scopes", p.scopes},           {"domains", p.domains}, {"jitProvisioning", p.jitProvisioning},
            {"enabled", p.enabled}};
}

AccessTarget providerTarget(const std::string& id, const std::string& display, const core::Org& org)
{
    return AccessTarget{"identity_provider", id, display, org.id, core::OrgPath::make(org.path)};
}

// The provider the path names, with its organisation and the audit target; 404 when there is none (the same answer
// as for one the caller may not see).
struct NamedProvider
{
    IdentityProviderRecord provider;
    AccessTarget target;
};

NamedProvider namedProvider(const Database& db, const HttpRequest& request)
{
    const auto provider = IdentityProviderRepository(db).find(request.pathParams.at("id"));
    const auto org = provider ? OrgRepository(db).find(provider->orgId) : std::nullopt;
    if (!provider || !org)
        throw ApiErrors::notFound("No identity provider with this id.");
    return {*provider, providerTarget(provider->id, provider->displayName, *org)};
}

bool optionalBool(const JsonInput& input, const char* field, bool fallback)
{
    if (!input.has(field) || input.value()[field].is_null())
        return fallback;
    if (!input.value()[field].is_boolean())
        throw ApiErrors::invalidField(field, std::string("The field ") + field + " must be true or false.");
    return input.value()[field].get<bool>();
}

std::string checkedIssuer(const std::string& issuer)
{
    const auto url = OutboundUrl::parse(issuer);
    if (!url || issuer.find('?') != std::string::npos)
        throw ApiErrors::invalidField("issuer", "The issuer must be an absolute https URL without query or fragment.");
    if (!url->https && !url->loopback())
        throw ApiErrors::invalidField("issuer", "The issuer must use https (plain http only on this machine).");
    return issuer;
}

std::string checkedScopes(const std::string& scopes)
{
    const auto words = ScopeWords::split(scopes);
    if (std::find(words.begin(), words.end(), "openid") == words.end())
        throw ApiErrors::invalidField("scopes", "The scopes must contain openid.");
    for (const auto& w : words) {
        if (!std::all_of(w.begin(), w.end(),
                         [](unsigned char c) { return c > 32 && c < 127 && c != '"' && c != '\\'; }))
            throw ApiErrors::invalidField("scopes", "A scope may only contain printable ASCII characters.");
    }
    std::string joined;
    for (const auto& w : words)
        joined += (joined.empty() ? "" : " ") + w;
    return joined;
}

bool validDomain(const std::string& d)
{
    if (d.empty() || d.size() > 253 || d.front() == '.' || d.back() == '.' || d.find('.') == std::string::npos ||
        d.find("..") != std::string::npos)
        return false;
    return std::all_of(d.begin(), d.end(), [](unsigned char c) { return std::isalnum(c) || c == '-' || c == '.'; });
}

std::vector<std::string> checkedDomains(const nlohmann::json& value)
{
    if (!value.is_array())
        throw ApiErrors::invalidField("domains", "The domains must be a list of email domains.");
    if (value.size() > maxDomains)
        throw ApiErrors::invalidField("domains", "At most 50 domains per identity provider.");
    std::set<std::string> seen;
    for (const auto& v : value) {
        std::string d = v.is_string() ? v.get<std::string>() : std::string();
        std::transform(d.begin(), d.end(), d.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (!validDomain(d))
            throw ApiErrors::invalidField("domains", "\"" + (v.is_string() ? v.get<std::string>().substr(0, 100) : "") +
                                                         "\" is not an email domain such as example.com.");
        if (!seen.insert(d).second)
            throw ApiErrors::invalidField("domains", "The domain " + d + " is listed twice.");
    }
    return {seen.begin(), seen.end()};
}

// A domain some other provider claims: a clear 409 before the store would refuse it.
void requireFreeDomains(const IdentityProviderRepository& providers, const IdentityProviderRecord& p)
{
    for (const auto& d : p.domains) {
        const auto owner = providers.findByDomain(d);
        if (owner && owner->id != p.id)
            throw ApiErrors::conflict("domains", "The domain " + d +
                                                     " is already claimed by another identity "
                                                     "provider; a domain can lead to one only.");
    }
}

// Reads the fields of a create (all) or an update (those present) into `p`.
void applyInput(const JsonInput& input, IdentityProviderRecord& p, bool creating)
{
    if (creating || input.has("displayName"))
        p.displayName = input.requiredString("displayName", 200);
    if (creating || input.has("issuer"))
        p.issuer = checkedIssuer(input.requiredString("issuer", 500));
    if (creating || input.has("clientId"))
        p.clientId = input.requiredString("clientId", 500);
    if (creating || input.has("clientSecret"))
        p.clientSecret = input.requiredString("clientSecret", 1000);
    if (input.has("scopes") && !input.value()["scopes"].is_null())
        p.scopes = checkedScopes(input.requiredString("scopes", 500));
    else if (creating)
        p.scopes = "openid email profile";
    if (input.has("domains"))
        p.domains = checkedDomains(input.value()["domains"]);
    p.jitProvisioning = optionalBool(input, "jitProvisioning", p.jitProvisioning);
    p.enabled = optionalBool(input, "enabled", p.enabled);
}

} // namespace

HttpResponse IdentityProviderApi::list(const Caller& caller, HttpRequest& request) const
{
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.");
    const AccessCheck access(m_context, caller, request);
    access.require(core::Permission::OrgManage, "identity_provider.list", providerTarget({}, {}, *org),
                   core::Permission::OrgRead, "No organisation with this id.");
    const IdentityProviderRepository providers(m_context.db);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : providers.listForOrg(org->id)) {
        nlohmann::json j = providerJson(p, providers.linkCount(p.id));
        j["redirectUri"] = FederationRelyingParty::redirectUri(m_context);
        items.push_back(std::move(j));
    }
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse IdentityProviderApi::create(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"displayName", "issuer", "clientId", "clientSecret", "scopes",
                                                       "domains", "jitProvisioning", "enabled"});
    const auto org = OrgRepository(m_context.db).find(request.pathParams.at("id"));
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.");
    const AccessCheck access(m_context, caller, request);
    AccessTarget target = providerTarget({}, {}, *org);
    const core::ScopeGrant& grant = access.require(core::Permission::OrgManage, "identity_provider.create", target,
                                                   core::Permission::OrgRead, "No organisation with this id.");
    IdentityProviderRecord p;
    p.orgId = org->id;
    applyInput(input, p, true);
    const IdentityProviderRepository providers(m_context.db);
    IdentityProviderRecord created;
    m_context.db.transaction([&] {
        requireFreeDomains(providers, p);
        created = providers.create(p);
        target.id = created.id;
        target.display = created.displayName;
        core::AuditEvent event = access.successEvent("identity_provider.create", target, grant);
        event.after = auditState(created);
        AuditLog(m_context.db).append(event);
    });
    created.orgPath = target.orgPath;
    nlohmann::json body = providerJson(created, 0);
    body["redirectUri"] = FederationRelyingParty::redirectUri(m_context);
    HttpResponse response = HttpResponse::json(201, body);
    response.setHeader("Location", "/api/v1/identity-providers/" + created.id);
    return response;
}

HttpResponse IdentityProviderApi::get(const Caller& caller, HttpRequest& request) const
{
    const NamedProvider named = namedProvider(m_context.db, request);
    const AccessCheck access(m_context, caller, request);
    access.require(core::Permission::OrgManage, "identity_provider.read", named.target, core::Permission::OrgRead,
                   "No identity provider with this id.");
    const IdentityProviderRecord& p = named.provider;
    nlohmann::json body = providerJson(p, IdentityProviderRepository(m_context.db).linkCount(p.id));
    body["redirectUri"] = FederationRelyingParty::redirectUri(m_context);
    return HttpResponse::json(200, body);
}

HttpResponse IdentityProviderApi::update(const Caller& caller, HttpRequest& request) const
{
    const JsonInput input = JsonInput::parse(request, {"displayName", "issuer", "clientId", "clientSecret", "scopes",
                                                       "domains", "jitProvisioning", "enabled"});
    const IdentityProviderRepository providers(m_context.db);
    const NamedProvider named = namedProvider(m_context.db, request);
    const IdentityProviderRecord* before = &named.provider;
    const AccessTarget& target = named.target;
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant = access.require(core::Permission::OrgManage, "identity_provider.update", target,
                                                   core::Permission::OrgRead, "No identity provider with this id.");
    IdentityProviderRecord after = *before;
    applyInput(input, after, false);
    m_context.db.transaction([&] {
        requireFreeDomains(providers, after);
        providers.update(after);
        core::AuditEvent event = access.successEvent("identity_provider.update", target, grant);
        event.before = auditState(*before);
        event.after = auditState(after);
        if (after.clientSecret != before->clientSecret)
            event.after["clientSecretChanged"] = true;
        AuditLog(m_context.db).append(event);
    });
    const auto saved = providers.find(after.id);
    nlohmann::json body = providerJson(*saved, providers.linkCount(after.id));
    body["redirectUri"] = FederationRelyingParty::redirectUri(m_context);
    return HttpResponse::json(200, body);
}

HttpResponse IdentityProviderApi::remove(const Caller& caller, HttpRequest& request) const
{
    const IdentityProviderRepository providers(m_context.db);
    const NamedProvider named = namedProvider(m_context.db, request);
    const IdentityProviderRecord* p = &named.provider;
    const AccessTarget& target = named.target;
    const AccessCheck access(m_context, caller, request);
    const core::ScopeGrant& grant = access.require(core::Permission::OrgManage, "identity_provider.delete", target,
                                                   core::Permission::OrgRead, "No identity provider with this id.");
    m_context.db.transaction([&] {
        core::AuditEvent event = access.successEvent("identity_provider.delete", target, grant);
        event.before = auditState(*p);
        event.before["linkedIdentities"] = providers.linkCount(p->id);
        providers.remove(p->id);
        AuditLog(m_context.db).append(event);
    });
    HttpResponse response;
    response.status = 204;
    return response;
}

} // namespace trellis::server
