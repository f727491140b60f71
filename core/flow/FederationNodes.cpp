#include "core/flow/FederationNodes.h"

#include "core/Encoding.h"
#include "core/flow/NodeCatalog.h"
#include "core/flow/NodeKit.h"

namespace trellis::core::flow {

namespace {

using nlohmann::json;

// Where the upstream request in flight waits (state, nonce, PKCE verifier): in the flow state, which lives in the
// database, so any server instance can finish the sign-in. Taken out (single use) when the browser comes back.
const char* const federationGroup = "federation";
// What home-realm discovery found: {providerId, providerName, orgId}.
const char* const homeRealmFact = "homeRealm";

std::string domainOf(const std::string& email)
{
    const auto at = email.rfind('@');
    return at == std::string::npos ? std::string() : email.substr(at + 1);
}

class HomeRealmDiscoveryBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const std::string domain = domainOf(c.state.email);
        const auto provider = domain.empty() ? std::nullopt : c.services.identityProviderForDomain(domain);
        if (provider) {
            c.state.facts[homeRealmFact] = {
                {"providerId", provider->id}, {"providerName", provider->name}, {"orgId", provider->orgId}};
            c.record("flow.home_realm.federated", {{"domain", domain}, {"provider", provider->id}});
            return NodeResult::follow("federated");
        }
        c.state.facts.erase(homeRealmFact);
        const bool known = !c.state.userId.empty();
        c.record(known ? "flow.home_realm.local" : "flow.home_realm.unknown", {{"domain", domain}});
        return NodeResult::follow(known ? "local" : "unknown");
    }
};

class FederatedSigninBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const auto provider = providerOf(c);
        if (!provider)
            return fail(c, "no_provider");
        const FederationRedirect redirect = c.services.beginFederatedSignIn(*provider, c.state.email);
        if (!redirect.ok())
            return fail(c, redirect.error);
        kit::setSlot(c.state, federationGroup, c.node.id,
                     {{"provider", provider->id},
                      {"state", redirect.state},
                      {"nonce", redirect.nonce},
                      {"verifier", redirect.codeVerifier}});
        c.record("flow.federated.redirect", {{"provider", provider->id}});
        return NodeResult::show(
            kit::screen("federated-signin", {}, {},
                        {{"authorizationUrl", redirect.authorizationUrl}, {"provider", provider->name}}));
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        if (input.value("action") != "callback")
            return enter(c);
        json pending;
        if (const json* slot = kit::slot(c.state, federationGroup, c.node.id))
            pending = *slot;
        kit::clearSlot(c.state, federationGroup, c.node.id);
        if (!pending.is_object())
            return fail(c, "no_request");
        const std::string providerId = pending.value("provider", std::string());
        const std::string expected = pending.value("state", std::string());
        const std::string returned = input.value("state");
        if (expected.empty() || !core::constantTimeEquals(expected, returned))
            return fail(c, "state_mismatch", providerId);
        if (const std::string error = input.value("error"); !error.empty())
            return fail(c, "upstream_error", providerId, {{"upstreamError", error.substr(0, 64)}});
        const FederationCallback callback{input.value("code"), {}, input.value("iss")};
        const FederationResult result = c.services.finishFederatedSignIn(
            providerId, callback, pending.value("verifier", std::string()), pending.value("nonce", std::string()),
            c.config.value("jitProvisioning", false));
        switch (result.outcome) {
        case FederationOutcome::Success:
            c.state.userId = result.userId;
            c.state.email = result.email;
            kit::addAmr(c.state, "fed");
            c.state.facts["federatedProvider"] = providerId;
            c.record("flow.federated.ok",
                     {{"provider", providerId}, {"provisioned", result.provisioned}, {"linked", result.linked}});
            return NodeResult::follow("success");
        case FederationOutcome::NoAccount:
            c.state.pendingError = "federation_no_account";
            c.record("flow.federated.no_account", {{"provider", providerId}});
            return NodeResult::follow("no-account");
        case FederationOutcome::Failure:
            break;
        }
        return fail(c, result.error.empty() ? "failed" : result.error, providerId);
    }

private:
    // The node's own provider when configured, else the one home-realm discovery found.
    static std::optional<FederationProvider> providerOf(const NodeContext& c)
    {
        std::string id = c.config.value("provider", std::string());
        if (id.empty()) {
            const auto realm = c.state.facts.find(homeRealmFact);
            if (realm != c.state.facts.end() && realm->is_object())
                id = realm->value("providerId", std::string());
        }
        return id.empty() ? std::nullopt : c.services.identityProvider(id);
    }

    static NodeResult fail(const NodeContext& c, const std::string& reason, const std::string& providerId = {},
                           json extra = json::object())
    {
        c.state.pendingError = "federation_failed";
        json detail{{"reason", reason}};
        if (!providerId.empty())
            detail["provider"] = providerId;
        detail.update(extra);
        c.record("flow.federated.failed", std::move(detail));
        return NodeResult::follow("failure");
    }
};

} // namespace

void addFederationNodes(NodeCatalog& catalog)
{
    catalog.add({"home-realm-discovery",
                 "Home-realm discovery",
                 "identification",
                 "Looks up the identified email address's domain: \"federated\" when an organisation's identity "
                 "provider claims it, \"local\" when a person has the address, \"unknown\" otherwise. Decides at "
                 "once, without a screen; put it after identify.",
                 {{"federated", "Federated"}, {"local", "Local"}, {"unknown", "Unknown"}},
                 {},
                 false,
                 NodeType::Terminal::None,
                 std::make_shared<HomeRealmDiscoveryBehaviour>()});
    catalog.add(
        {"federated-signin",
         "Federated sign-in",
         "authentication",
         "Sends the person to their organisation's own identity provider (OpenID Connect) and signs them in with "
         "the answer. \"no-account\" when the upstream person has no Trellis account and just-in-time provisioning "
         "is off.",
         {{"success", "Signed in"}, {"failure", "Failed"}, {"no-account", "No account"}},
         {kit::stringField("provider", "Identity provider",
                           "Id of the identity provider to use; empty: the one home-realm discovery found.", "", 100),
          kit::boolField(
              "jitProvisioning", "Just-in-time provisioning",
              "An upstream person without a Trellis account becomes one, with a membership in the provider's "
              "organisation.",
              false)},
         true,
         NodeType::Terminal::None,
         std::make_shared<FederatedSigninBehaviour>()});
}

} // namespace trellis::core::flow
