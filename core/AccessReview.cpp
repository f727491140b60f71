#include "core/AccessReview.h"

namespace trellis::core {

namespace {

nlohmann::json textOrNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string textOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

bool flagOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_boolean() && j[key].get<bool>();
}

int numberOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_number_integer() ? j[key].get<int>() : 0;
}

nlohmann::json personOrNull(const ReviewPerson& p)
{
    return p.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p);
}

ReviewPerson personOf(const nlohmann::json& j, const char* key)
{
    return j.contains(key) && j[key].is_object() ? j[key].get<ReviewPerson>() : ReviewPerson{};
}

} // namespace

std::string AccessReviewItem::accessLabel() const
{
    if (kind == "membership")
        return "member";
    return role.name.empty() || role.name == role.key ? role.key : role.key + " (" + role.name + ")";
}

void to_json(nlohmann::json& j, const ReviewPerson& p)
{
    j = {{"id", p.id}, {"email", p.email}, {"displayName", p.displayName}};
}

void from_json(const nlohmann::json& j, ReviewPerson& p)
{
    p.id = textOf(j, "id");
    p.email = textOf(j, "email");
    p.displayName = textOf(j, "displayName");
}

void to_json(nlohmann::json& j, const AccessReviewCampaign& c)
{
    nlohmann::json reviewed = nlohmann::json::array();
    if (c.reviewRoles)
        reviewed.push_back("roles");
    if (c.reviewMemberships)
        reviewed.push_back("memberships");
    if (c.reviewAdminRights)
        reviewed.push_back("adminRights");
    j = {{"id", c.id},
         {"name", c.name},
         {"org", {{"id", c.orgId}, {"name", c.orgName}}},
         {"reviewed", reviewed},
         {"dueAt", c.dueAt},
         {"dueRule", c.dueRule},
         {"status", c.status},
         {"createdBy", personOrNull(c.createdBy)},
         {"createdAt", c.createdAt},
         {"closedAt", textOrNull(c.closedAt)},
         {"dueProcessedAt", textOrNull(c.dueProcessedAt)},
         {"progress",
          {{"total", c.progress.total},
           {"kept", c.progress.kept},
           {"revoked", c.progress.revoked},
           {"open", c.progress.open},
           {"escalated", c.progress.escalated}}}};
}

void from_json(const nlohmann::json& j, AccessReviewCampaign& c)
{
    c.id = textOf(j, "id");
    c.name = textOf(j, "name");
    if (j.contains("org") && j["org"].is_object()) {
        c.orgId = textOf(j["org"], "id");
        c.orgName = textOf(j["org"], "name");
    }
    c.reviewRoles = c.reviewMemberships = c.reviewAdminRights = false;
    if (j.contains("reviewed") && j["reviewed"].is_array()) {
        for (const auto& what : j["reviewed"]) {
            const std::string text = what.is_string() ? what.get<std::string>() : std::string();
            c.reviewRoles = c.reviewRoles || text == "roles";
            c.reviewMemberships = c.reviewMemberships || text == "memberships";
            c.reviewAdminRights = c.reviewAdminRights || text == "adminRights";
        }
    }
    c.dueAt = textOf(j, "dueAt");
    c.dueRule = textOf(j, "dueRule");
    c.status = textOf(j, "status");
    c.createdBy = personOf(j, "createdBy");
    c.createdAt = textOf(j, "createdAt");
    c.closedAt = textOf(j, "closedAt");
    c.dueProcessedAt = textOf(j, "dueProcessedAt");
    if (j.contains("progress") && j["progress"].is_object()) {
        const auto& p = j["progress"];
        c.progress.total = numberOf(p, "total");
        c.progress.kept = numberOf(p, "kept");
        c.progress.revoked = numberOf(p, "revoked");
        c.progress.open = numberOf(p, "open");
        c.progress.escalated = numberOf(p, "escalated");
    }
}

void to_json(nlohmann::json& j, const AccessReviewItem& item)
{
    j = {{"id", item.id},
         {"campaign", {{"id", item.campaignId}, {"name", item.campaignName}, {"dueAt", item.campaignDueAt}}},
         {"kind", item.kind},
         {"subjectId", item.subjectId},
         {"user", item.user},
         {"lastSignInAt", textOrNull(item.lastSignInAt)},
         {"role", item.kind == "membership"
                      ? nlohmann::json(nullptr)
                      : nlohmann::json{{"id", item.role.id}, {"key", item.role.key}, {"name", item.role.name}}},
         {"adminRights", item.adminRights},
         {"title", item.title},
         {"org", {{"id", item.orgId}, {"name", item.orgName}}},
         {"grantedBy", personOrNull(item.grantedBy)},
         {"grantedAt", textOrNull(item.grantedAt)},
         {"expiresAt", textOrNull(item.expiresAt)},
         {"flags", {{"inactive", item.inactive}, {"expiresSoon", item.expiresSoon}}},
         {"reviewers", item.reviewers},
         {"status", item.status},
         {"comment", item.comment},
         {"reason", item.reason},
         {"decidedBy", personOrNull(item.decidedBy)},
         {"decidedAt", textOrNull(item.decidedAt)},
         {"escalations", item.escalations}};
}

void from_json(const nlohmann::json& j, AccessReviewItem& item)
{
    item.id = textOf(j, "id");
    if (j.contains("campaign") && j["campaign"].is_object()) {
        item.campaignId = textOf(j["campaign"], "id");
        item.campaignName = textOf(j["campaign"], "name");
        item.campaignDueAt = textOf(j["campaign"], "dueAt");
    }
    item.kind = textOf(j, "kind");
    item.subjectId = textOf(j, "subjectId");
    item.user = personOf(j, "user");
    item.lastSignInAt = textOf(j, "lastSignInAt");
    if (j.contains("role") && j["role"].is_object()) {
        item.role.id = textOf(j["role"], "id");
        item.role.key = textOf(j["role"], "key");
        item.role.name = textOf(j["role"], "name");
    }
    item.adminRights = flagOf(j, "adminRights");
    item.title = textOf(j, "title");
    if (j.contains("org") && j["org"].is_object()) {
        item.orgId = textOf(j["org"], "id");
        item.orgName = textOf(j["org"], "name");
    }
    item.grantedBy = personOf(j, "grantedBy");
    item.grantedAt = textOf(j, "grantedAt");
    item.expiresAt = textOf(j, "expiresAt");
    if (j.contains("flags") && j["flags"].is_object()) {
        item.inactive = flagOf(j["flags"], "inactive");
        item.expiresSoon = flagOf(j["flags"], "expiresSoon");
    }
    item.reviewers.clear();
    if (j.contains("reviewers") && j["reviewers"].is_array()) {
        for (const auto& r : j["reviewers"])
            item.reviewers.push_back(r.get<ReviewPerson>());
    }
    item.status = textOf(j, "status");
    item.comment = textOf(j, "comment");
    item.reason = textOf(j, "reason");
    item.decidedBy = personOf(j, "decidedBy");
    item.decidedAt = textOf(j, "decidedAt");
    item.escalations = numberOf(j, "escalations");
}

} // namespace trellis::core
