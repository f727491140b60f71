#include "core/flow/AccountNodes.h"
#include "core/flow/NodeCatalog.h"
#include "core/flow/NodeKit.h"

#include <cmath>
#include <sstream>

namespace trellis::core::flow {

namespace {

using nlohmann::json;
using namespace kit;

enum class Kind
{
    Boolean,
    Number,
    Text,
    List
};

struct Fact
{
    std::string name;
    Kind kind;
};

// Every fact a condition can test. Booleans: user.exists, user.hasTotp, user.hasPassword. Numbers:
// user.membershipCount, risk.score. Text: org.id (the chosen organisation, else the one the application was
// opened for), application.id (the OIDC client), email.domain, risk.level. Lists: user.memberOf (org ids).
const std::vector<Fact>& facts()
{
    static const std::vector<Fact> all{
        {"user.hasTotp", Kind::Boolean},        {"user.exists", Kind::Boolean}, {"user.hasPassword", Kind::Boolean},
        {"user.membershipCount", Kind::Number}, {"user.memberOf", Kind::List},  {"org.id", Kind::Text},
        {"application.id", Kind::Text},         {"email.domain", Kind::Text},   {"risk.level", Kind::Text},
        {"risk.score", Kind::Number},
    };
    return all;
}

const Fact* findFact(const std::string& name)
{
    for (const Fact& f : facts()) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

const std::vector<std::string>& operatorsFor(Kind kind)
{
    static const std::vector<std::string> booleans{"is-true", "is-false"};
    static const std::vector<std::string> numbers{"equals",   "not-equals", "greater-than",
                                                  "at-least", "less-than",  "at-most"};
    static const std::vector<std::string> text{"equals", "not-equals", "in", "not-in", "ends-with"};
    static const std::vector<std::string> lists{"contains", "not-contains", "is-empty", "is-not-empty"};
    switch (kind) {
    case Kind::Boolean:
        return booleans;
    case Kind::Number:
        return numbers;
    case Kind::Text:
        return text;
    case Kind::List:
        return lists;
    }
    return booleans;
}

bool needsValue(const std::string& op)
{
    return op != "is-true" && op != "is-false" && op != "is-empty" && op != "is-not-empty";
}

std::vector<std::string> splitList(const std::string& value)
{
    std::vector<std::string> out;
    std::stringstream in(value);
    std::string item;
    while (std::getline(in, item, ',')) {
        item = trimmed(item);
        if (!item.empty())
            out.push_back(item);
    }
    return out;
}

std::optional<double> number(const std::string& text)
{
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v))
            return v;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

class ConditionBehaviour : public NodeBehaviour
{
public:
    NodeResult enter(const NodeContext& c) const override
    {
        const std::string name = c.config.value("fact", std::string());
        const std::string op = c.config.value("operator", std::string("is-true"));
        const std::string value = c.config.value("value", std::string());
        const json actual = factValue(c, name);
        bool result = false;
        if (actual.is_boolean()) {
            result = op == "is-true" ? actual.get<bool>() : op == "is-false" ? !actual.get<bool>() : false;
        } else if (actual.is_number()) {
            const auto want = number(value);
            const double v = actual.get<double>();
            if (want) {
                result = op == "equals"         ? v == *want
                         : op == "not-equals"   ? v != *want
                         : op == "greater-than" ? v > *want
                         : op == "at-least"     ? v >= *want
                         : op == "less-than"    ? v < *want
                         : op == "at-most"      ? v <= *want
                                                : false;
            }
        } else if (actual.is_string()) {
            // Case-insensitive: domains, levels and ids are compared as typed by an administrator.
            const std::string v = lower(actual.get<std::string>());
            const auto items = splitList(lower(value));
            const bool inList = std::find(items.begin(), items.end(), v) != items.end();
            const std::string want = lower(trimmed(value));
            result = op == "equals"       ? v == want
                     : op == "not-equals" ? v != want
                     : op == "in"         ? inList
                     : op == "not-in"     ? !inList
                     : op == "ends-with"
                         ? (v.size() >= want.size() && v.compare(v.size() - want.size(), want.size(), want) == 0)
                         : false;
        } else if (actual.is_array()) {
            const bool has = std::find(actual.begin(), actual.end(), json(trimmed(value))) != actual.end();
            result = op == "contains"       ? has
                     : op == "not-contains" ? !has
                     : op == "is-empty"     ? actual.empty()
                     : op == "is-not-empty" ? !actual.empty()
                                            : false;
        }
        return NodeResult::follow(result ? "true" : "false");
    }

private:
    static json factValue(const NodeContext& c, const std::string& name)
    {
        const std::string& userId = c.state.userId;
        if (name == "user.hasTotp")
            return !userId.empty() && c.services.hasTotp(userId);
        if (name == "user.exists")
            return !userId.empty();
        if (name == "user.hasPassword")
            return !userId.empty() && c.services.hasPassword(userId);
        if (name == "user.membershipCount" || name == "user.memberOf") {
            json ids = json::array();
            if (!userId.empty()) {
                for (const FlowOrganisation& o : c.services.memberships(userId))
                    ids.push_back(o.id);
            }
            return name == "user.memberOf" ? ids : json(ids.size());
        }
        if (name == "org.id") {
            if (c.state.facts.contains("orgId") && c.state.facts["orgId"].is_string())
                return c.state.facts["orgId"];
            return c.services.requestContext().orgId;
        }
        if (name == "application.id")
            return c.services.requestContext().clientId;
        if (name == "email.domain") {
            const auto at = c.state.email.rfind('@');
            return at == std::string::npos ? std::string() : c.state.email.substr(at + 1);
        }
        const json* risk = c.state.facts.contains("risk") ? &c.state.facts["risk"] : nullptr;
        // No risk node ran before: an unknown level is "", an unknown score 0.
        if (name == "risk.level")
            return risk && risk->contains("level") ? (*risk)["level"] : json("");
        if (name == "risk.score")
            return risk && risk->contains("score") ? (*risk)["score"] : json(0);
        return false;
    }
};

void checkCondition(const FlowNode& node, const json& config, std::vector<FlowProblem>& problems)
{
    const auto add = [&](const std::string& field, const std::string& message) {
        problems.push_back(FlowProblem{
            "invalid_config_value", node.id, {}, "config." + field, "Node \"" + node.id + "\": " + message});
    };
    const Fact* fact = findFact(config.value("fact", std::string()));
    if (!fact)
        return; // the choice check reported it
    const std::string op = config.value("operator", std::string("is-true"));
    const auto& ops = operatorsFor(fact->kind);
    if (std::find(ops.begin(), ops.end(), op) == ops.end()) {
        std::string list;
        for (const auto& o : ops)
            list += (list.empty() ? "\"" : ", \"") + o + "\"";
        add("operator", "the operator \"" + op + "\" does not apply to " + fact->name + "; use one of " + list + ".");
        return;
    }
    const std::string value = trimmed(config.value("value", std::string()));
    if (needsValue(op) && value.empty())
        add("value", "the operator \"" + op + "\" needs a value to compare " + fact->name + " with.");
    else if (needsValue(op) && fact->kind == Kind::Number && !number(value))
        add("value", fact->name + " is a number, so the value \"" + value + "\" must be one.");
    else if (fact->name == "risk.level" && needsValue(op)) {
        for (const std::string& v : splitList(lower(value))) {
            if (v != "low" && v != "medium" && v != "high")
                add("value", "risk.level is low, medium or high, never \"" + v + "\".");
        }
    }
}

} // namespace

void addConditionNode(NodeCatalog& catalog)
{
    std::vector<std::string> names;
    for (const Fact& f : facts())
        names.push_back(f.name);
    std::vector<std::string> allOps;
    for (Kind k : {Kind::Boolean, Kind::Number, Kind::Text, Kind::List}) {
        for (const auto& o : operatorsFor(k)) {
            if (std::find(allOps.begin(), allOps.end(), o) == allOps.end())
                allOps.push_back(o);
        }
    }
    ConfigField fact = choiceField("fact", "Fact", "What to test about the sign-in so far.", names, {});
    ConfigField op = choiceField("operator", "Operator",
                                 "How to test it: is-true/is-false for yes-no facts; equals, in (comma-separated "
                                 "list), ends-with for text; greater-than, at-least, less-than, at-most for numbers; "
                                 "contains, is-empty for lists.",
                                 allOps, "is-true");
    ConfigField value = stringField("value", "Value",
                                    "What to compare with (not needed for is-true, is-false, "
                                    "is-empty, is-not-empty).",
                                    "", 500);
    NodeType type{"condition",
                  "Condition",
                  "logic",
                  "Branches on a fact about the user, their memberships, the organisation, the application, the "
                  "email domain or the risk assessed so far.",
                  {{"true", "True"}, {"false", "False"}},
                  {fact, op, value},
                  false,
                  NodeType::Terminal::None,
                  std::make_shared<ConditionBehaviour>()};
    type.extraCheck = checkCondition;
    catalog.add(std::move(type));
}

} // namespace trellis::core::flow
