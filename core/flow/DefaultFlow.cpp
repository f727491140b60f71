#include "core/flow/DefaultFlow.h"

namespace trellis::core::flow {

namespace {

FlowNode makeNode(std::string id, std::string type, double x, double y, std::map<std::string, std::string> outcomes,
                  nlohmann::json config = nlohmann::json::object())
{
    FlowNode n;
    n.id = std::move(id);
    n.type = std::move(type);
    n.config = std::move(config);
    n.position = {x, y};
    n.outcomes = std::move(outcomes);
    return n;
}

} // namespace

FlowDocument defaultFlow(const DefaultFlowOptions& options)
{
    FlowDocument flow;
    flow.name = options.requireTotp ? "Default sign-in (authenticator required)" : "Default sign-in";
    flow.start = "identify";
    // Laid out left to right in columns of 240 px so the designer opens it readable.
    flow.nodes = {
        makeNode("identify", "identify", 0, 0, {{"next", "password"}}),
        makeNode("password", "password", 240, 0,
                 {{"success", "has-totp"},
                  {"failure", "password-retries"},
                  {"locked", "locked"},
                  {"not-set", "no-password"}}),
        makeNode("password-retries", "retry-limit", 240, 160, {{"retry", "password"}, {"reject", "too-many-attempts"}},
                 {{"maxAttempts", options.maxPasswordAttempts}}),
        makeNode("has-totp", "condition", 480, 0,
                 {{"true", "totp"}, {"false", options.requireTotp ? "totp-enrol" : "success"}},
                 {{"fact", "user.hasTotp"}}),
        makeNode("totp", "totp-verify", 720, 0, {{"success", "success"}, {"failure", "totp-retries"}}),
        makeNode("totp-retries", "retry-limit", 720, 160, {{"retry", "totp"}, {"reject", "too-many-attempts"}},
                 {{"maxAttempts", options.maxTotpAttempts}}),
    };
    if (options.requireTotp) {
        flow.nodes.push_back(makeNode("totp-enrol", "totp-enrol", 720, -160,
                                      {{"enrolled", "success"}, {"failed", "enrol-retries"}}, {{"issuer", "Trellis"}}));
        flow.nodes.push_back(makeNode("enrol-retries", "retry-limit", 960, -160,
                                      {{"retry", "totp-enrol"}, {"reject", "too-many-attempts"}},
                                      {{"maxAttempts", options.maxTotpAttempts}}));
    }
    flow.nodes.push_back(makeNode("success", "success", 960, 0, {}));
    flow.nodes.push_back(makeNode("locked", "failure", 480, 320, {},
                                  {{"message", "This account is locked after too many failed attempts. "
                                               "Try again later or ask your administrator."}}));
    flow.nodes.push_back(makeNode("no-password", "failure", 480, 480, {},
                                  {{"message", "No password has been set for this account yet. "
                                               "Use the link in your invitation to set one."}}));
    flow.nodes.push_back(makeNode("too-many-attempts", "failure", 960, 320, {},
                                  {{"message", "Too many failed attempts. Start again."}}));
    return flow;
}

} // namespace trellis::core::flow
