#include "core/flow/BuiltinNodes.h"

#include "core/User.h"
#include "core/flow/AccountNodes.h"
#include "core/flow/FederationNodes.h"
#include "core/flow/NodeCatalog.h"
#include "core/flow/NodeKit.h"
#include "core/flow/PasskeyNodes.h"

#include <algorithm>

namespace trellis::core::flow {

namespace {

using nlohmann::json;

ScreenField field(std::string name, std::string kind, std::string autocomplete, std::string value = {})
{
    return ScreenField{std::move(name), std::move(kind), std::move(autocomplete), true, std::move(value)};
}

FlowScreen screen(std::string kind, std::vector<ScreenField> fields, std::string error = {}, json data = json::object())
{
    FlowScreen s;
    s.kind = std::move(kind);
    s.fields = std::move(fields);
    s.error = std::move(error);
    s.data = std::move(data);
    return s;
}

class IdentifyBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override { return show(c, c.state.email, {}); }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string typed = input.value("email");
        const auto email = normaliseEmail(typed);
        if (!email)
            return show(c, typed, typed.empty() ? "required" : "invalid_email");
        const auto user = c.services.findUserByEmail(*email);
        c.state.email = *email;
        c.state.userId = user ? user->id : std::string();
        c.record("flow.identify", {{"known", bool(user)}});
        return NodeResult::follow("next");
    }

private:
    static NodeResult show(const NodeContext&, const std::string& email, std::string error)
    {
        return NodeResult::show(screen("identify", {field("email", "email", "username", email)}, std::move(error)));
    }
};

class PasswordBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override { return show(c, {}); }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string password = input.value("password");
        if (password.empty())
            return show(c, "required");
        PasswordCheck check = c.services.verifyPassword(c.state.userId, password);
        // Nobody identified: it can only be a wrong password, unless the services locked the typed address
        // (they throttle unknown addresses like accounts, so a lock-out does not reveal who has an account).
        if (c.state.userId.empty() && check != PasswordCheck::Locked)
            check = PasswordCheck::Wrong;
        switch (check) {
        case PasswordCheck::Ok:
            kit::addAmr(c.state, "pwd");
            c.record("flow.password.ok");
            return NodeResult::follow("success");
        case PasswordCheck::Wrong:
            // Same error code whether or not the account exists.
            c.state.pendingError = "invalid_credentials";
            c.record("flow.password.wrong");
            return NodeResult::follow("failure");
        case PasswordCheck::Locked:
            c.state.pendingError = "account_locked";
            c.record("flow.password.locked");
            return NodeResult::follow("locked");
        case PasswordCheck::NotSet:
            c.state.pendingError = "password_not_set";
            c.record("flow.password.not_set");
            return NodeResult::follow("not-set");
        }
        return NodeResult::follow("failure");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        // The page shows the email and repeats it as a hidden "username" so password managers file the password.
        return NodeResult::show(screen("password", {field("password", "password", "current-password")},
                                       std::move(error), {{"email", c.state.email}}));
    }
};

class TotpVerifyBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        if (c.state.userId.empty())
            return NodeResult::follow("failure");
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string code = input.value("code");
        if (code.empty())
            return show(c, "required");
        if (!c.state.userId.empty() && c.services.verifyTotp(c.state.userId, code)) {
            kit::addAmr(c.state, "otp");
            c.record("flow.totp.ok");
            return NodeResult::follow("success");
        }
        c.state.pendingError = "invalid_code";
        c.record("flow.totp.failed");
        return NodeResult::follow("failure");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        return NodeResult::show(screen("totp-verify", {field("code", "otp", "one-time-code")}, std::move(error),
                                       {{"email", c.state.email}}));
    }
};

class TotpEnrolBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        if (c.state.userId.empty())
            return NodeResult::follow("failed");
        return show(c, {});
    }

    NodeResult submit(const NodeContext& c, const FlowInput& input) const override
    {
        const std::string code = input.value("code");
        if (code.empty())
            return show(c, "required");
        if (c.services.confirmTotpEnrolment(c.state.userId, code)) {
            kit::addAmr(c.state, "otp");
            c.state.facts["totpEnrolled"] = true;
            c.record("flow.totp.enrolled");
            return NodeResult::follow("enrolled");
        }
        c.state.pendingError = "invalid_code";
        c.record("flow.totp.enrol_failed");
        return NodeResult::follow("failed");
    }

private:
    static NodeResult show(const NodeContext& c, std::string error)
    {
        // beginTotpEnrolment returns the pending enrolment on a reload, so the QR code stays the same.
        const std::string issuer = c.config.value("issuer", std::string("Trellis"));
        const TotpEnrolment e = c.services.beginTotpEnrolment(c.state.userId, issuer);
        return NodeResult::show(
            screen("totp-enrol", {field("code", "otp", "one-time-code")}, std::move(error),
                   {{"email", c.state.email}, {"issuer", issuer}, {"secret", e.secret}, {"otpauthUri", e.otpauthUri}}));
    }
};

class RetryLimitBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        // Each arrival is one more failure; the limit counts attempts, so the last allowed one rejects.
        const int count = ++c.state.counters[c.node.id];
        const int maxAttempts = c.config.value("maxAttempts", 5);
        if (count < maxAttempts)
            return NodeResult::follow("retry");
        c.record("flow.retry.rejected", {{"attempts", count}});
        return NodeResult::follow("reject");
    }
};

class SuccessBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext&) const override { return NodeResult::succeed(); }
};

class FailureBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        return NodeResult::fail(c.config.value("message", std::string()));
    }
};

ConfigField intField(std::string name, std::string displayName, std::string description, int def, int min, int max)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::Integer;
    f.defaultValue = def;
    f.minimum = min;
    f.maximum = max;
    return f;
}

ConfigField stringField(std::string name, std::string displayName, std::string description, std::string def,
                        std::size_t maxLength)
{
    ConfigField f;
    f.name = std::move(name);
    f.displayName = std::move(displayName);
    f.description = std::move(description);
    f.type = ConfigFieldType::String;
    f.defaultValue = std::move(def);
    f.maxLength = maxLength;
    return f;
}

} // namespace

void addBuiltinNodes(NodeCatalog& catalog)
{
    using T = NodeType::Terminal;
    catalog.add({"identify",
                 "Identify",
                 "identification",
                 "Asks for the email address. Says nothing about whether an account exists.",
                 {{"next", "Next"}},
                 {},
                 true,
                 T::None,
                 std::make_shared<IdentifyBehaviour>()});
    catalog.add({"password",
                 "Password",
                 "authentication",
                 "Asks for the password of the identified user.",
                 {{"success", "Correct"}, {"failure", "Wrong"}, {"locked", "Locked"}, {"not-set", "No password set"}},
                 {},
                 true,
                 T::None,
                 std::make_shared<PasswordBehaviour>()});
    catalog.add({"totp-verify",
                 "Authenticator code",
                 "authentication",
                 "Asks for a one-time code from the user's authenticator app (TOTP).",
                 {{"success", "Correct"}, {"failure", "Wrong"}},
                 {},
                 true,
                 T::None,
                 std::make_shared<TotpVerifyBehaviour>()});
    catalog.add(
        {"totp-enrol",
         "Set up authenticator",
         "authentication",
         "Shows a QR code and the secret as text, and confirms the first code from the authenticator app.",
         {{"enrolled", "Enrolled"}, {"failed", "Failed"}},
         {stringField("issuer", "Issuer", "Name the authenticator app shows next to the account.", "Trellis", 100)},
         true,
         T::None,
         std::make_shared<TotpEnrolBehaviour>()});
    catalog.add({"retry-limit",
                 "Retry limit",
                 "logic",
                 "Counts failed attempts: retry until the limit is reached, then reject.",
                 {{"retry", "Retry"}, {"reject", "Reject"}},
                 {intField("maxAttempts", "Maximum attempts", "Failed attempts allowed before rejecting.", 5, 1, 100)},
                 false,
                 T::None,
                 std::make_shared<RetryLimitBehaviour>()});
    addConditionNode(catalog); // slice B: facts on user, memberships, org, application, email, risk
    catalog.add({"success",
                 "Success",
                 "end",
                 "Signs the user in.",
                 {},
                 {stringField("outcome", "Outcome name",
                              "When this flow runs as a subflow: the outcome this end gives the subflow node "
                              "(empty: \"success\").",
                              "", 60)},
                 false,
                 T::Success,
                 std::make_shared<SuccessBehaviour>()});
    catalog.add({"failure",
                 "Failure",
                 "end",
                 "Ends the sign-in with a message.",
                 {},
                 {stringField("message", "Message", "Shown to the user.", "Sign-in failed.", 500),
                  stringField("outcome", "Outcome name",
                              "When this flow runs as a subflow: the outcome this end gives the subflow node "
                              "(empty: \"failure\").",
                              "", 60)},
                 false,
                 T::Failure,
                 std::make_shared<FailureBehaviour>()});
    addAccountNodes(catalog); // slice B: magic-link, email-code, risk-assessment, subflow, account nodes
    addPasskeyNodes(catalog);
    addFederationNodes(catalog);
}

} // namespace trellis::core::flow
