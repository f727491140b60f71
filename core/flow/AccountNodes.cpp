#include "core/flow/AccountNodes.h"

#include "core/flow/NodeCatalog.h"
#include "core/flow/NodeKit.h"
#include "core/flow/ProfileAttributes.h"
#include "core/flow/RiskAssessor.h"

namespace trellis::core::flow {

namespace {

using nlohmann::json;
using namespace kit;

// ---- magic-link: "check your email"; the link opened (in any tab) continues the sign-in.
class MagicLinkBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override { return check(c, {}); }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        if (input.value("action") == "resend") {
            send(c);
            return show(c, "link_resent");
        }
        return check(c, "link_not_opened");
    }

private:
    static void send(const NodeContext& c)
    {
        const std::string linkId =
            c.services.sendMagicLink(c.state.userId, c.state.email, c.config.value("expiryMinutes", 15));
        setSlot(c.state, "magicLink", c.node.id, linkId);
        c.record("flow.magic_link.sent", {{"expiryMinutes", c.config.value("expiryMinutes", 15)}});
    }

    static NodeResult show(const NodeContext& c, std::string error)
    {
        return NodeResult::show(
            screen("magic-link", {}, std::move(error),
                   {{"email", c.state.email}, {"expiryMinutes", c.config.value("expiryMinutes", 15)}}));
    }

    // `pendingError`: what a still unopened link shows (nothing on a reload, a hint after "I opened it").
    static NodeResult check(const NodeContext& c, std::string pendingError)
    {
        const json* sent = slot(c.state, "magicLink", c.node.id);
        if (!sent || !sent->is_string()) {
            send(c);
            return show(c, {});
        }
        switch (c.services.magicLinkStatus(sent->get<std::string>())) {
        case MagicLinkStatus::Pending:
            return show(c, std::move(pendingError));
        case MagicLinkStatus::Verified:
            clearSlot(c.state, "magicLink", c.node.id); // coming back here later sends a new link
            addAmr(c.state, "email");
            c.record("flow.magic_link.verified");
            return NodeResult::follow("verified");
        case MagicLinkStatus::Expired:
            break;
        }
        clearSlot(c.state, "magicLink", c.node.id);
        c.state.pendingError = "link_expired";
        c.record("flow.magic_link.expired");
        return NodeResult::follow("expired");
    }
};

// ---- email-code: a numeric code sent by email, typed on the page.
class EmailCodeBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        if (!slot(c.state, "emailCode", c.node.id))
            send(c);
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        if (input.value("action") == "resend") {
            send(c);
            return show(c, "code_resent");
        }
        const std::string code = trimmed(input.value("code"));
        if (code.empty())
            return show(c, "required");
        clearSlot(c.state, "emailCode", c.node.id); // a retry or a later visit sends a fresh code
        if (!c.state.userId.empty() && c.services.verifyEmailCode(c.state.userId, code)) {
            addAmr(c.state, "email");
            c.record("flow.email_code.ok");
            return NodeResult::follow("success");
        }
        c.state.pendingError = "invalid_code";
        c.record("flow.email_code.wrong");
        return NodeResult::follow("failure");
    }

private:
    static void send(const NodeContext& c)
    {
        c.services.sendEmailCode(c.state.userId, c.state.email, c.config.value("codeLength", 6),
                                 c.config.value("expiryMinutes", 10));
        setSlot(c.state, "emailCode", c.node.id, true);
        c.record("flow.email_code.sent");
    }

    static NodeResult show(const NodeContext& c, std::string error)
    {
        return NodeResult::show(screen("email-code", {field("code", "otp", "one-time-code")}, std::move(error),
                                       {{"email", c.state.email}, {"codeLength", c.config.value("codeLength", 6)}}));
    }
};

// ---- risk-assessment: score the attempt, branch on the level.
class RiskBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const RiskSignals signals = c.services.riskSignals(c.state.userId);
        const RiskAssessment a = RiskAssessor(c.config).assess(signals);
        const json detail = a.toJson();
        c.state.facts["risk"] = detail;
        c.record("flow.risk.assessed", detail);
        return NodeResult::follow(a.level);
    }
};

// ---- choose-organisation: who the person acts for.
class ChooseOrganisationBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const auto orgs =
            c.state.userId.empty() ? std::vector<FlowOrganisation>{} : c.services.memberships(c.state.userId);
        if (orgs.size() == 1)
            return choose(c, orgs.front(), true);
        if (orgs.empty()) {
            // Nothing to choose: the sign-in goes on without an organisation (success refuses people with no
            // access anyway).
            c.state.facts.erase("orgId");
            c.record("flow.organisation.none");
            return NodeResult::follow("chosen");
        }
        return show(c, orgs, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const auto orgs =
            c.state.userId.empty() ? std::vector<FlowOrganisation>{} : c.services.memberships(c.state.userId);
        const std::string chosen = input.value("org");
        for (const FlowOrganisation& o : orgs) {
            if (o.id == chosen)
                return choose(c, o, false);
        }
        if (orgs.size() < 2)
            return enter(c); // memberships changed meanwhile: decide again
        return show(c, orgs, chosen.empty() ? "required" : "invalid_choice");
    }

private:
    static NodeResult choose(const NodeContext& c, const FlowOrganisation& org, bool automatic)
    {
        c.state.facts["orgId"] = org.id;
        c.state.facts["orgName"] = org.name;
        c.record("flow.organisation.chosen", {{"orgId", org.id}, {"automatic", automatic}});
        return NodeResult::follow("chosen");
    }

    static NodeResult show(const NodeContext& c, const std::vector<FlowOrganisation>& orgs, std::string error)
    {
        json options = json::array();
        for (const FlowOrganisation& o : orgs)
            options.push_back({{"id", o.id}, {"name", o.name}});
        return NodeResult::show(screen("choose-organisation", {field("org", "choice", "off")}, std::move(error),
                                       {{"email", c.state.email}, {"options", std::move(options)}}));
    }
};

// ---- accept-terms: a version of the terms, accepted once per person.
class AcceptTermsBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const std::string version = c.config.value("version", std::string());
        if (!c.state.userId.empty() && c.services.hasAcceptedTerms(c.state.userId, version))
            return NodeResult::follow("accepted");
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string version = c.config.value("version", std::string());
        const std::string action = input.value("action");
        if (action == "accept") {
            if (!c.state.userId.empty())
                c.services.recordTermsAcceptance(c.state.userId, version, c.config.value("url", std::string()));
            c.record("flow.terms.accepted", {{"version", version}});
            return NodeResult::follow("accepted");
        }
        if (action == "decline") {
            c.state.pendingError = "terms_declined";
            c.record("flow.terms.declined", {{"version", version}});
            return NodeResult::follow("declined");
        }
        return show(c, "required");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        return NodeResult::show(screen("accept-terms", {}, std::move(error),
                                       {{"email", c.state.email},
                                        {"url", c.config.value("url", std::string())},
                                        {"version", c.config.value("version", std::string())}}));
    }
};

// ---- collect-profile: asks for profile attributes the person has not given yet.
class CollectProfileBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        if (c.state.userId.empty())
            return NodeResult::follow("done"); // nobody to save for; later nodes decide
        const auto current = c.services.profileAttributes(c.state.userId);
        bool missing = false;
        for (const std::string& name : list(c, "attributes")) {
            const auto it = current.find(name);
            if (it == current.end() || it->second.empty())
                missing = true;
        }
        if (!missing)
            return NodeResult::follow("done");
        return show(c, current, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        if (c.state.userId.empty())
            return NodeResult::follow("done");
        std::map<std::string, std::string> values;
        const auto required = list(c, "required");
        std::string error;
        for (const std::string& name : list(c, "attributes")) {
            const std::string v = trimmed(input.value(name));
            if (v.size() > ProfileAttributes::maxLength)
                error = "too_long";
            else if (v.empty() && std::find(required.begin(), required.end(), name) != required.end())
                error = error.empty() ? "required" : error;
            values[name] = v;
        }
        if (!error.empty())
            return show(c, values, std::move(error));
        std::map<std::string, std::string> toSave;
        for (const auto& [name, v] : values) {
            if (!v.empty())
                toSave[name] = v;
        }
        c.services.saveProfileAttributes(c.state.userId, toSave);
        json names = json::array();
        for (const auto& [name, v] : toSave)
            names.push_back(name); // names only: the values are personal data
        c.record("flow.profile.saved", {{"attributes", names}});
        return NodeResult::follow("done");
    }

private:
    static std::vector<std::string> list(const NodeContext& c, const char* key)
    {
        std::vector<std::string> out;
        if (c.config.contains(key) && c.config[key].is_array()) {
            for (const auto& v : c.config[key]) {
                if (v.is_string())
                    out.push_back(v.get<std::string>());
            }
        }
        return out;
    }

    static NodeResult show(const NodeContext& c, const std::map<std::string, std::string>& values, std::string error)
    {
        std::vector<ScreenField> fields;
        const auto required = list(c, "required");
        for (const std::string& name : list(c, "attributes")) {
            const ProfileAttributes::Attribute* a = ProfileAttributes::find(name);
            if (!a)
                continue;
            const auto v = values.find(name);
            fields.push_back(field(name, a->inputKind, a->autocomplete,
                                   std::find(required.begin(), required.end(), name) != required.end(),
                                   v == values.end() ? std::string() : v->second));
        }
        return NodeResult::show(
            screen("collect-profile", std::move(fields), std::move(error), {{"email", c.state.email}}));
    }
};

// ---- subflow: runs another flow inline (the interpreter does the work).
class SubflowBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        return NodeResult::call(c.config.value("flowId", std::string()));
    }
};

void checkTerms(const FlowNode& node, const json& config, std::vector<FlowProblem>& problems)
{
    const std::string url = config.value("url", std::string());
    if (!url.empty() && url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0)
        problems.push_back(FlowProblem{"invalid_config_value",
                                       node.id,
                                       {},
                                       "config.url",
                                       "Node \"" + node.id + "\": the terms address \"" + url +
                                           "\" must start with https:// (or http://)."});
    if (config.contains("version") && config["version"].is_string() && trimmed(config["version"]).empty())
        problems.push_back(FlowProblem{"invalid_config_value",
                                       node.id,
                                       {},
                                       "config.version",
                                       "Node \"" + node.id + "\": the terms version must not be empty."});
}

void checkProfile(const FlowNode& node, const json& config, std::vector<FlowProblem>& problems)
{
    const auto names = [&](const char* key) {
        std::vector<std::string> out;
        if (config.contains(key) && config[key].is_array()) {
            for (const auto& v : config[key]) {
                if (v.is_string())
                    out.push_back(v.get<std::string>());
            }
        }
        return out;
    };
    const auto attributes = names("attributes");
    if (attributes.empty())
        problems.push_back(FlowProblem{"invalid_config_value",
                                       node.id,
                                       {},
                                       "config.attributes",
                                       "Node \"" + node.id + "\": list at least one attribute to ask for."});
    for (std::size_t i = 0; i < attributes.size(); ++i) {
        if (!ProfileAttributes::find(attributes[i]))
            problems.push_back(FlowProblem{"invalid_config_value",
                                           node.id,
                                           {},
                                           "config.attributes[" + std::to_string(i) + "]",
                                           "Node \"" + node.id + "\": there is no profile attribute \"" +
                                               attributes[i] + "\" (known: " + ProfileAttributes::namesText() + ")."});
    }
    const auto required = names("required");
    for (std::size_t i = 0; i < required.size(); ++i) {
        if (std::find(attributes.begin(), attributes.end(), required[i]) == attributes.end())
            problems.push_back(FlowProblem{"invalid_config_value",
                                           node.id,
                                           {},
                                           "config.required[" + std::to_string(i) + "]",
                                           "Node \"" + node.id + "\": the required attribute \"" + required[i] +
                                               "\" is not in the attributes asked for."});
    }
}

void checkSubflow(const FlowNode& node, const json& config, std::vector<FlowProblem>& problems)
{
    if (config.contains("flowId") && config["flowId"].is_string() && trimmed(config["flowId"]).empty())
        problems.push_back(FlowProblem{
            "invalid_config_value", node.id, {}, "config.flowId", "Node \"" + node.id + "\": choose the flow to run."});
}

} // namespace

void addAccountNodes(NodeCatalog& catalog)
{
    using T = NodeType::Terminal;
    catalog.add({"magic-link",
                 "Magic link by email",
                 "authentication",
                 "Emails a single-use sign-in link and shows \"check your email\". Opening the link (in any "
                 "tab, within the expiry) continues the sign-in: verified; too late: expired. Nobody with the "
                 "address gets no email, but the same page.",
                 {{"verified", "Link opened"}, {"expired", "Link expired"}},
                 {intField("expiryMinutes", "Link lifetime (minutes)", "How long the link works.", 15, 1, 1440)},
                 true,
                 T::None,
                 std::make_shared<MagicLinkBehaviour>()});
    catalog.add({"email-code",
                 "Email code",
                 "authentication",
                 "Emails a one-time numeric code and asks for it. Each code works once; a wrong code counts as a "
                 "failed attempt.",
                 {{"success", "Correct"}, {"failure", "Wrong"}},
                 {intField("codeLength", "Code length", "Digits in the code.", 6, 6, 10),
                  intField("expiryMinutes", "Code lifetime (minutes)", "How long the code works.", 10, 1, 60)},
                 true,
                 T::None,
                 std::make_shared<EmailCodeBehaviour>()});
    {
        NodeType risk{
            "risk-assessment",
            "Risk assessment",
            "logic",
            "Scores the attempt from signals: unknown device, client address in the allow or deny list, recent "
            "failed attempts, first sign-in from a new country (by the address table), time of day. Branches "
            "on the level; the score and its reasons go into the audit trail.",
            {{"low", "Low"}, {"medium", "Medium"}, {"high", "High"}},
            {intField("mediumThreshold", "Medium from score", "Scores from here on are medium.", 30, 0, 100),
             intField("highThreshold", "High from score", "Scores from here on are high.", 60, 0, 100),
             intField("unknownDeviceWeight", "Unknown device",
                      "Points when the browser was never used by this "
                      "person before.",
                      40, 0, 100),
             listField("allowList", "Allowed addresses", "Address ranges (CIDR) that lower the score.", {}),
             intField("allowListCredit", "Allowed address credit", "Points taken off for an allowed address.", 50, 0,
                      100),
             listField("denyList", "Denied addresses", "Address ranges (CIDR) that raise the score.", {}),
             intField("denyListWeight", "Denied address", "Points for an address in the deny list.", 100, 0, 100),
             intField("failureWeight", "Per recent failure", "Points per failed attempt in the last hour.", 10, 0, 100),
             intField("failureCap", "Failures at most", "Most points recent failures can add.", 40, 0, 100),
             listField("countryRanges", "Country table",
                       "Address ranges and their country, e.g. 203.0.113.0/24=DE; first match wins.", {}),
             intField("newCountryWeight", "New country", "Points for the first sign-in from a country.", 30, 0, 100),
             intField("offHoursStart", "Off hours from (UTC)", "Hour off hours begin.", 22, 0, 23),
             intField("offHoursEnd", "Off hours until (UTC)",
                      "Hour off hours end (the same as the start: "
                      "never).",
                      6, 0, 23),
             intField("offHoursWeight", "Off hours", "Points for an attempt during off hours.", 15, 0, 100)},
            false,
            T::None,
            std::make_shared<RiskBehaviour>()};
        risk.extraCheck = [](const FlowNode& node, const json& config, std::vector<FlowProblem>& problems) {
            RiskAssessor::checkConfig(config, node.id, problems);
        };
        catalog.add(std::move(risk));
    }
    {
        NodeType subflow{"subflow",
                         "Subflow",
                         "logic",
                         "Runs another flow here. Its success and failure ends become this node's outcomes (a "
                         "success or failure node's \"outcome\" setting names them).",
                         {},
                         {stringField("flowId", "Flow", "The flow to run.", nullptr, 100, true)},
                         false,
                         T::None,
                         std::make_shared<SubflowBehaviour>()};
        subflow.extraCheck = checkSubflow;
        subflow.dynamicOutcomes = true;
        catalog.add(std::move(subflow));
    }
    catalog.add({"choose-organisation",
                 "Choose organisation",
                 "account",
                 "A person with several memberships picks the organisation they act for; with one it is chosen "
                 "without asking.",
                 {{"chosen", "Chosen"}},
                 {},
                 true,
                 T::None,
                 std::make_shared<ChooseOrganisationBehaviour>()});
    {
        NodeType terms{
            "accept-terms",
            "Accept terms",
            "account",
            "Asks to accept a version of the terms of use, once per person and version; the acceptance "
            "is recorded.",
            {{"accepted", "Accepted"}, {"declined", "Declined"}},
            {stringField("url", "Terms address", "Where the terms are published (https://...).", nullptr, 2000, true),
             stringField("version", "Version", "A new version asks everyone again.", nullptr, 100, true)},
            true,
            T::None,
            std::make_shared<AcceptTermsBehaviour>()};
        terms.extraCheck = checkTerms;
        catalog.add(std::move(terms));
    }
    {
        NodeType profile{"collect-profile",
                         "Collect profile",
                         "account",
                         "Asks for profile attributes the person has not given yet (skipped when all are known).",
                         {{"done", "Done"}},
                         {listField("attributes", "Attributes", "What to ask for: " + ProfileAttributes::namesText(),
                                    {"given_name", "family_name"}),
                          listField("required", "Required", "Attributes that must not be left empty.",
                                    {"given_name", "family_name"})},
                         true,
                         T::None,
                         std::make_shared<CollectProfileBehaviour>()};
        profile.extraCheck = checkProfile;
        catalog.add(std::move(profile));
    }
}

} // namespace trellis::core::flow
