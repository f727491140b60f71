#include "server/api/AccessReviewApi.h"

#include "core/AccessReview.h"
#include "core/OrgPath.h"
#include "core/Permission.h"
#include "core/TimeFormat.h"
#include "server/api/AccessCheck.h"
#include "server/api/ApiContext.h"
#include "server/api/ApiErrors.h"
#include "server/api/Caller.h"
#include "server/api/JsonInput.h"
#include "server/api/MemberCsv.h"
#include "server/api/RequestAudit.h"
#include "server/api/RoleDelegation.h"
#include "server/api/SessionRevocation.h"
#include "server/http/HttpRequest.h"
#include "server/store/AccessReviewRepository.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/PersonRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/UserRepository.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace trellis::server {

namespace {

const char* const kNoCampaign = "No access review with this id.";
const char* const kNoItem = "No access review item with this id.";
const char* const kDueReason = "not reviewed by the due date";
constexpr std::size_t kMaxBulkItems = 500;

// Thrown inside a decision transaction when an item was decided by someone else in the meantime.
struct DecidedMeanwhile
{
    std::string itemId;
};

// Thrown inside a decision transaction when revoking an item would leave its organisation without an admin.
struct LastAdminRefused
{
    core::AccessReviewItem item;
};

nlohmann::json orNull(const std::string& text)
{
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

std::string itemDisplay(const core::AccessReviewItem& item)
{
    return item.user.email + ": " + item.accessLabel() + " at " + item.orgName;
}

AccessTarget itemTarget(const core::AccessReviewItem& item)
{
    return {"access_review_item", item.id, itemDisplay(item), item.orgId, item.orgPath};
}

AccessTarget campaignTarget(const core::AccessReviewCampaign& c)
{
    return {"access_review", c.id, c.name, c.orgId, c.orgPath};
}

nlohmann::json reviewerIds(const std::vector<core::ReviewPerson>& reviewers)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : reviewers)
        list.push_back({{"id", r.id}, {"email", r.email}});
    return list;
}

bool isReviewer(const core::AccessReviewItem& item, const std::string& userId)
{
    return std::any_of(item.reviewers.begin(), item.reviewers.end(),
                       [&](const core::ReviewPerson& r) { return r.id == userId; });
}

// The grant that lets someone decide at an org: review.manage, else role.assign (an admin there); nullptr: none.
// audit.read alone never decides: reading everything is not changing anything.
const core::ScopeGrant* reviewerGrant(const core::AdminScope& scope, const std::string& orgPath)
{
    for (const auto permission : {core::Permission::ReviewManage, core::Permission::RoleAssign}) {
        if (const core::ScopeGrant* grant = scope.grantFor(permission, orgPath))
            return grant;
    }
    return nullptr;
}

// A campaign's creator keeps the right to run it; others need review.manage at its org.
const core::ScopeGrant* managerGrant(const Caller& caller, const core::AccessReviewCampaign& c)
{
    return caller.scope.grantFor(core::Permission::ReviewManage, c.orgPath);
}

bool canManage(const Caller& caller, const core::AccessReviewCampaign& c)
{
    return managerGrant(caller, c) || c.createdBy.id == caller.user.id;
}

// Who reviews what by default: the admins (role.assign holders; among them review.manage holders first) of the
// nearest org at or above an item's org, leaving out the person reviewed. Only when no org up to the root has such an
// admin do people holding review.manage without role.assign (the security auditor) get the item: the security team
// runs reviews and may reassign, but it is not everyone's default reviewer.
class ReviewerDirectory
{
public:
    explicit ReviewerDirectory(const std::vector<ReviewGrantHolder>& holders)
    {
        // One entry per person and org, with the permissions of all their roles there.
        for (const auto& h : holders) {
            auto& people = m_byOrg[h.orgId];
            auto it =
                std::find_if(people.begin(), people.end(), [&](const Holder& p) { return p.person.id == h.person.id; });
            if (it == people.end())
                it = people.insert(people.end(), Holder{h.person, {}});
            it->permissions.insert(h.permissions.begin(), h.permissions.end());
        }
    }

    struct Found
    {
        std::string orgId;
        std::vector<core::ReviewPerson> people;
    };

    /// Searches from the org with `orgPath` up to the root; empty when nobody qualifies.
    Found nearest(const std::string& orgPath, const std::string& excludedUserId) const
    {
        using P = std::vector<std::string_view>;
        Found found =
            search(orgPath, excludedUserId,
                   {P{core::Permission::ReviewManage, core::Permission::RoleAssign}, P{core::Permission::RoleAssign}});
        if (found.people.empty())
            found = search(orgPath, excludedUserId, {P{core::Permission::ReviewManage}});
        return found;
    }

private:
    struct Holder
    {
        core::ReviewPerson person;
        std::set<std::string, std::less<>> permissions;
    };

    // The nearest org with someone holding every permission of a tier (tiers in order of preference at each org).
    Found search(const std::string& orgPath, const std::string& excludedUserId,
                 const std::vector<std::vector<std::string_view>>& tiers) const
    {
        const auto ids = core::OrgPath::split(orgPath);
        for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
            const auto holders = m_byOrg.find(*it);
            if (holders == m_byOrg.end())
                continue;
            for (const auto& tier : tiers) {
                Found found{*it, {}};
                for (const auto& h : holders->second) {
                    const bool holdsAll = std::all_of(tier.begin(), tier.end(),
                                                      [&](std::string_view p) { return h.permissions.count(p) > 0; });
                    if (h.person.id != excludedUserId && holdsAll)
                        found.people.push_back(h.person);
                }
                if (!found.people.empty())
                    return found;
            }
        }
        return {};
    }

    std::map<std::string, std::vector<Holder>> m_byOrg;
};

// The path of the org `orgId` on the way from the root to the org with `path`; empty when it is not on it.
std::string ancestorPath(const std::string& path, const std::string& orgId)
{
    std::vector<std::string> ids;
    for (const auto& id : core::OrgPath::split(path)) {
        ids.push_back(id);
        if (id == orgId)
            return core::OrgPath::make(ids);
    }
    return {};
}

std::string parentPath(const std::string& path)
{
    auto ids = core::OrgPath::split(path);
    if (ids.size() <= 1)
        return {};
    ids.pop_back();
    return core::OrgPath::make(ids);
}

// Item ids from a JSON array field: strings, no duplicates, 1..kMaxBulkItems of them.
std::vector<std::string> itemIdsOf(const JsonInput& input)
{
    const nlohmann::json& body = input.value();
    if (!body.contains("itemIds") || !body["itemIds"].is_array() || body["itemIds"].empty())
        throw ApiErrors::invalidField("itemIds", "itemIds must be a non-empty array of item ids.");
    if (body["itemIds"].size() > kMaxBulkItems)
        throw ApiErrors::invalidField("itemIds", "At most " + std::to_string(kMaxBulkItems) +
                                                     " items can be handled in one request.");
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < body["itemIds"].size(); ++i) {
        const auto& id = body["itemIds"][i];
        const std::string field = "itemIds[" + std::to_string(i) + "]";
        if (!id.is_string() || id.get<std::string>().empty() || id.get<std::string>().size() > 100)
            throw ApiErrors::invalidField(field, field + " must be an item id.");
        if (!seen.insert(id.get<std::string>()).second)
            throw ApiErrors::invalidField(field, field + " names the same item twice.");
        ids.push_back(id.get<std::string>());
    }
    return ids;
}

struct Decision
{
    std::string decision; ///< "keep" or "revoke"
    std::string comment;
};

Decision decisionOf(const JsonInput& input)
{
    Decision d;
    d.decision = input.requiredString("decision", 20);
    if (d.decision != "keep" && d.decision != "revoke")
        throw ApiErrors::invalidField("decision", "decision must be \"keep\" or \"revoke\".");
    d.comment = input.optionalString("comment", 1000).value_or(std::string());
    if (d.decision == "revoke" && d.comment.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ApiErrors::invalidField("comment", "A revocation needs a comment saying why.");
    return d;
}

core::AuditEvent systemEvent(const HttpRequest& request, std::string action)
{
    core::AuditEvent event;
    event.actorType = "system";
    event.actorDisplay = "access review due date";
    event.action = std::move(action);
    event.outcome = "success";
    event.requestId = request.requestId;
    return event;
}

void fillTarget(core::AuditEvent& event, const AccessTarget& target)
{
    event.targetType = target.type;
    event.targetId = target.id;
    event.targetDisplay = target.display;
    event.targetOrgPath = target.orgPath;
}

// One problem with one item of a decision or reassignment; any problem refuses the whole request.
struct ItemProblem
{
    std::string itemId;
    int status = 400;
    std::string code;
    std::string message;
};

// The answer to a refused bulk request: the first problem's status and code, and every problem per item.
struct ItemsRefused
{
    HttpResponse response;
};

[[noreturn]] void refuseItems(const std::vector<ItemProblem>& problems, std::size_t requested)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : problems)
        items.push_back({{"itemId", p.itemId}, {"code", p.code}, {"message", p.message}});
    const ItemProblem& first = problems.front();
    const std::string message = requested == 1 ? first.message
                                               : std::to_string(problems.size()) + " of " + std::to_string(requested) +
                                                     " items cannot be handled (first: " + first.message +
                                                     "); nothing was changed.";
    throw ItemsRefused{HttpResponse::json(
        first.status, {{"code", first.code}, {"message", message}, {"field", "itemIds"}, {"items", items}})};
}

} // namespace

core::AccessReviewCampaign AccessReviewApi::visibleCampaign(const Caller& caller, const std::string& campaignId) const
{
    const auto campaign = AccessReviewRepository(m_context.db).findCampaign(campaignId);
    if (!campaign)
        throw ApiErrors::notFound(kNoCampaign);
    const bool visible = caller.scope.allows(core::Permission::ReviewManage, campaign->orgPath) ||
                         caller.scope.allows(core::Permission::AuditRead, campaign->orgPath) ||
                         campaign->createdBy.id == caller.user.id;
    if (!visible)
        throw ApiErrors::notFound(kNoCampaign);
    return *campaign;
}

int AccessReviewApi::processDueCampaigns(const HttpRequest& request) const
{
    const AccessReviewRepository reviews(m_context.db);
    int handled = 0;
    for (const auto& campaignId : reviews.dueCampaigns()) {
        m_context.db.transaction([&] {
            // The claim makes this run once per campaign, whichever request or instance comes first.
            if (!reviews.claimDue(campaignId))
                return;
            const auto campaign = reviews.findCampaign(campaignId);
            if (!campaign)
                return;
            std::optional<ReviewerDirectory> directory;
            for (const auto& item : reviews.items(campaignId)) {
                if (item.status != "open")
                    continue;
                ++handled;
                const AccessTarget target = itemTarget(item);
                if (campaign->dueRule == "revoke" && removesLastAdmin(item)) {
                    // The rule never leaves an organisation without an admin: the campaign's owner decides instead
                    // (unless that is the person reviewed; then the reviewers keep it).
                    std::vector<core::ReviewPerson> to = item.reviewers;
                    if (campaign->createdBy.id != item.user.id)
                        to = {campaign->createdBy};
                    std::vector<std::string> ids;
                    for (const auto& p : to)
                        ids.push_back(p.id);
                    reviews.setReviewers(item.id, {}, ids);
                    reviews.countEscalation(item.id);
                    core::AuditEvent event = systemEvent(request, "review.item.escalate");
                    fillTarget(event, target);
                    event.reason = std::string(kDueReason) + "; not revoked: " + item.user.email +
                                   " is the last admin of " + item.orgName + ", and an organisation must keep an admin";
                    event.before = {{"reviewers", reviewerIds(item.reviewers)}};
                    event.after = {{"reviewers", reviewerIds(to)},
                                   {"reviewerOrgId", nullptr},
                                   {"campaignId", campaign->id},
                                   {"lastAdmin", true}};
                    AuditLog(m_context.db).append(event);
                    continue;
                }
                if (campaign->dueRule == "revoke") {
                    reviews.decide(item.id, "revoked", {}, kDueReason, {});
                    core::AuditEvent actor = systemEvent(request, {});
                    actor.reason = kDueReason;
                    const nlohmann::json ended = revokeAccess(item, actor, kDueReason);
                    core::AuditEvent event = systemEvent(request, "review.item.expire-revoke");
                    fillTarget(event, target);
                    event.reason = kDueReason;
                    event.before = {{"status", "open"}, {"reviewers", reviewerIds(item.reviewers)}};
                    event.after = {{"status", "revoked"}, {"campaignId", campaign->id}, {"ended", ended}};
                    AuditLog(m_context.db).append(event);
                    continue;
                }
                // Escalate: to the admins of the next org up from the one whose admins had it, else the owner.
                if (!directory)
                    directory.emplace(reviews.grantHoldersAround(campaign->orgPath));
                ReviewerDirectory::Found next;
                const std::string reviewerPath =
                    item.reviewerOrgId.empty() ? std::string() : ancestorPath(item.orgPath, item.reviewerOrgId);
                if (!reviewerPath.empty()) {
                    const std::string above = parentPath(reviewerPath);
                    if (!above.empty())
                        next = directory->nearest(above, item.user.id);
                }
                if (next.people.empty() && campaign->createdBy.id != item.user.id)
                    next.people.push_back(campaign->createdBy);
                std::vector<std::string> ids;
                for (const auto& p : next.people)
                    ids.push_back(p.id);
                reviews.setReviewers(item.id, next.orgId, ids);
                reviews.countEscalation(item.id);
                core::AuditEvent event = systemEvent(request, "review.item.escalate");
                fillTarget(event, target);
                event.reason = kDueReason;
                event.before = {{"reviewers", reviewerIds(item.reviewers)}};
                event.after = {{"reviewers", reviewerIds(next.people)},
                               {"reviewerOrgId", orNull(next.orgId)},
                               {"campaignId", campaign->id}};
                AuditLog(m_context.db).append(event);
            }
        });
    }
    return handled;
}

bool AccessReviewApi::removesLastAdmin(const core::AccessReviewItem& item) const
{
    const RoleRepository roles(m_context.db);
    // Serialises with other role changes at the org, so two revocations cannot each leave "one other admin".
    roles.lockOrg(item.orgId);
    if (roles.adminCount(item.orgId) == 0)
        return false;
    const int left = item.kind == "role_assignment" ? roles.adminCountWithout(item.orgId, {}, item.subjectId)
                                                    : roles.adminCountWithout(item.orgId, item.user.id, {});
    return left == 0;
}

nlohmann::json AccessReviewApi::revokeAccess(const core::AccessReviewItem& item, const core::AuditEvent& actor,
                                             const std::string& why) const
{
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    const RoleRepository roles(m_context.db);
    bool ended = false;
    nlohmann::json result{{"kind", item.kind}, {"subjectId", item.subjectId}};
    if (item.kind == "role_assignment") {
        const auto before = roles.findAssignment(item.subjectId);
        if (before && before->revokedAt.empty()) {
            roles.lockOrg(before->org.id);
            if (roles.revoke(before->id)) {
                ended = true;
                core::AuditEvent event = actor;
                event.action = "role.revoke";
                event.outcome = "success";
                event.reason = "access review: " + why;
                fillTarget(event, {"role_assignment", before->id,
                                   before->user.email + ": " + before->role.key + " at " + before->org.name,
                                   before->org.id, before->org.path});
                event.before = core::toJson(*before, now);
                event.after = core::toJson(roles.findAssignment(before->id).value(), now);
                AuditLog(m_context.db).append(event);
            }
        }
    } else {
        const MembershipRepository memberships(m_context.db);
        const auto scoped = memberships.find(item.subjectId);
        if (scoped && scoped->storedStatus != core::MembershipStatus::Ended) {
            const core::Membership& m = scoped->membership;
            memberships.end(m.id);
            const int revokedRoles = PersonRepository(m_context.db).revokeRoles(m.user.id, m.orgId);
            ended = true;
            core::AuditEvent event = actor;
            event.action = "membership.offboard";
            event.outcome = "success";
            event.reason = "access review: " + why;
            fillTarget(event, {"membership", m.id, m.user.email + " @ " + m.orgName, m.orgId, scoped->orgPath});
            event.before = {{"status", std::string(core::toString(m.status))}, {"roles", m.roles}};
            event.after = {{"status", "ended"}, {"revokedRoleAssignments", revokedRoles}};
            AuditLog(m_context.db).append(event);
        }
    }
    result["ended"] = ended;
    // The issue asks for revocations to bite at once: the person signs in again with what is left.
    result["revokedSessions"] =
        ended ? SessionRevocation::revokeAllFor(m_context.db, item.user.id, "access review revocation").toJson()
              : nlohmann::json(nullptr);
    return result;
}

HttpResponse AccessReviewApi::list(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& c : AccessReviewRepository(m_context.db).campaigns()) {
        if (caller.scope.allows(core::Permission::ReviewManage, c.orgPath) ||
            caller.scope.allows(core::Permission::AuditRead, c.orgPath) || c.createdBy.id == caller.user.id)
            items.push_back(c);
    }
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse AccessReviewApi::create(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const JsonInput input = JsonInput::parse(request, {"name", "orgId", "reviewed", "dueAt", "dueRule"});
    core::AccessReviewCampaign campaign;
    campaign.name = input.requiredString("name", 200);
    const std::string orgId = input.requiredString("orgId", 100);
    const nlohmann::json& body = input.value();
    if (!body.contains("reviewed") || !body["reviewed"].is_array() || body["reviewed"].empty())
        throw ApiErrors::invalidField("reviewed", "reviewed must list what to review: any of \"roles\", "
                                                  "\"memberships\", \"adminRights\".");
    for (const auto& what : body["reviewed"]) {
        const std::string text = what.is_string() ? what.get<std::string>() : std::string();
        if (text == "roles")
            campaign.reviewRoles = true;
        else if (text == "memberships")
            campaign.reviewMemberships = true;
        else if (text == "adminRights")
            campaign.reviewAdminRights = true;
        else
            throw ApiErrors::invalidField("reviewed", "reviewed may contain only \"roles\", \"memberships\" and "
                                                      "\"adminRights\".");
    }
    const std::string dueText = input.requiredString("dueAt", 64);
    const auto due = core::parseTimestamp(dueText);
    if (!due)
        throw ApiErrors::invalidField("dueAt", "dueAt must be a UTC time in RFC 3339 form, e.g. 2027-01-31T17:00:00Z.");
    campaign.dueAt = core::formatTimestamp(*due);
    const std::string now = core::formatTimestamp(m_context.db.clock().now());
    if (campaign.dueAt <= now)
        throw ApiErrors::invalidField("dueAt", "dueAt must lie in the future.");
    campaign.dueRule = input.requiredString("dueRule", 20);
    if (campaign.dueRule != "revoke" && campaign.dueRule != "escalate")
        throw ApiErrors::invalidField("dueRule", "dueRule must be \"revoke\" or \"escalate\".");
    campaign.createdBy = {caller.user.id, caller.user.email, caller.user.displayName};
    const nlohmann::json attempted{{"name", campaign.name},
                                   {"orgId", orgId},
                                   {"reviewed", body["reviewed"]},
                                   {"dueAt", campaign.dueAt},
                                   {"dueRule", campaign.dueRule}};

    const auto org = OrgRepository(m_context.db).find(orgId);
    if (!org)
        throw ApiErrors::notFound("No organisation with this id.", "orgId");
    campaign.orgId = org->id;
    campaign.orgName = org->name;
    campaign.orgPath = core::OrgPath::make(org->path);
    const AccessCheck access(m_context, caller, request);
    AccessTarget target{"access_review", {}, campaign.name, org->id, campaign.orgPath};
    const core::ScopeGrant& grant =
        access.require(core::Permission::ReviewManage, "review.campaign.create", target, core::Permission::OrgRead,
                       "No organisation with this id.", "orgId", attempted);

    const AccessReviewRepository reviews(m_context.db);
    std::string id;
    m_context.db.transaction([&] {
        nlohmann::json summary;
        id = startCampaign(m_context.db, campaign, &summary);
        target.id = id;
        core::AuditEvent event = access.successEvent("review.campaign.create", target, grant);
        event.after = attempted;
        event.after["id"] = id;
        event.after.update(summary);
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(201, nlohmann::json(reviews.findCampaign(id).value()));
}

std::string AccessReviewApi::startCampaign(const Database& db, const core::AccessReviewCampaign& campaign,
                                           nlohmann::json* summary)
{
    const AccessReviewRepository reviews(db);
    // The snapshot: what is reviewed is what was there when the campaign started.
    std::vector<core::AccessReviewItem> items;
    if (campaign.reviewRoles || campaign.reviewAdminRights) {
        for (auto& item : reviews.liveRoleAssignmentsWithin(campaign.orgPath)) {
            if (campaign.reviewRoles || item.adminRights)
                items.push_back(std::move(item));
        }
    }
    if (campaign.reviewMemberships) {
        for (auto& item : reviews.activeMembershipsWithin(campaign.orgPath))
            items.push_back(std::move(item));
    }
    const ReviewerDirectory directory(reviews.grantHoldersAround(campaign.orgPath));
    const std::string id = reviews.createCampaign(campaign);
    int unassigned = 0;
    for (auto& item : items) {
        auto found = directory.nearest(item.orgPath, item.user.id);
        if (found.people.empty() && item.user.id != campaign.createdBy.id)
            found.people.push_back(campaign.createdBy);
        unassigned += found.people.empty() ? 1 : 0;
        item.reviewers = std::move(found.people);
        item.reviewerOrgId = found.orgId;
        reviews.addItem(id, item);
    }
    if (summary)
        *summary = {{"items", items.size()}, {"unassignedItems", unassigned}};
    return id;
}

void AccessReviewApi::seedDemoCampaign(const Database& db, const std::string& rootSlug, const std::string& ownerEmail)
{
    const auto org = OrgRepository(db).findBySlug(rootSlug);
    const auto owner = UserRepository(db).findByEmail(ownerEmail);
    if (!org || !owner)
        return;
    core::AccessReviewCampaign campaign;
    campaign.name = "Admin rights review, Q4";
    campaign.orgId = org->id;
    campaign.orgName = org->name;
    campaign.orgPath = core::OrgPath::make(org->path);
    campaign.reviewAdminRights = true;
    campaign.dueAt = core::formatTimestamp(db.clock().now() + std::chrono::hours(24 * 21));
    campaign.dueRule = "escalate";
    campaign.createdBy = {owner->id, owner->email, owner->displayName};
    db.transaction([&] {
        nlohmann::json summary;
        const std::string id = startCampaign(db, campaign, &summary);
        core::AuditEvent event;
        event.actorType = "system";
        event.actorDisplay = "demo seed";
        event.action = "review.campaign.create";
        event.outcome = "success";
        fillTarget(event, {"access_review", id, campaign.name, org->id, campaign.orgPath});
        event.after = summary;
        AuditLog(db).append(event);
    });
}

HttpResponse AccessReviewApi::get(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const core::AccessReviewCampaign campaign = visibleCampaign(caller, request.pathParams.at("id"));
    // Progress per reviewer: the items each one currently has (decided ones count for whoever decided them).
    struct Counts
    {
        core::ReviewPerson person;
        int open = 0, kept = 0, revoked = 0, escalated = 0;
    };
    std::map<std::string, Counts> perReviewer;
    int unassigned = 0;
    for (const auto& item : AccessReviewRepository(m_context.db).items(campaign.id)) {
        std::vector<core::ReviewPerson> people = item.reviewers;
        if (item.status != "open" && !item.decidedBy.id.empty())
            people = {item.decidedBy};
        if (item.status == "open" && people.empty())
            ++unassigned;
        for (const auto& p : people) {
            Counts& c = perReviewer[p.id];
            c.person = p;
            if (item.status == "kept")
                ++c.kept;
            else if (item.status == "revoked")
                ++c.revoked;
            else
                ++c.open;
            c.escalated += item.escalations > 0 ? 1 : 0;
        }
    }
    nlohmann::json reviewers = nlohmann::json::array();
    for (const auto& [id, c] : perReviewer)
        reviewers.push_back({{"reviewer", c.person},
                             {"open", c.open},
                             {"kept", c.kept},
                             {"revoked", c.revoked},
                             {"escalated", c.escalated}});
    nlohmann::json j = campaign;
    j["reviewers"] = reviewers;
    j["unassignedOpenItems"] = unassigned;
    j["canManage"] = canManage(caller, campaign);
    return HttpResponse::json(200, j);
}

HttpResponse AccessReviewApi::items(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const core::AccessReviewCampaign campaign = visibleCampaign(caller, request.pathParams.at("id"));
    const std::string status = request.queryValue("status");
    if (!status.empty() && status != "open" && status != "kept" && status != "revoked")
        throw ApiErrors::invalidParameter("status", "status must be open, kept or revoked.");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : AccessReviewRepository(m_context.db).items(campaign.id)) {
        if (status.empty() || item.status == status)
            items.push_back(item);
    }
    return HttpResponse::json(200, {{"items", items}});
}

HttpResponse AccessReviewApi::resultsCsv(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const core::AccessReviewCampaign campaign = visibleCampaign(caller, request.pathParams.at("id"));
    const auto items = AccessReviewRepository(m_context.db).items(campaign.id);
    const auto c = [](std::string_view text) { return MemberCsv::cell(text); };
    std::string body = "campaign,item_id,email,display_name,kind,access,admin_rights,org,granted_by,granted_at,"
                       "expires_at,last_sign_in_at,inactive,expires_soon,reviewers,status,decided_by,decided_at,"
                       "comment,reason,escalations\r\n";
    for (const auto& item : items) {
        std::string reviewers;
        for (const auto& r : item.reviewers)
            reviewers += (reviewers.empty() ? "" : " ") + r.email;
        const std::string decidedBy =
            item.status == "open" ? std::string() : (item.decidedBy.id.empty() ? "(due date)" : item.decidedBy.email);
        const std::vector<std::string> cells{campaign.name,
                                             item.id,
                                             item.user.email,
                                             item.user.displayName,
                                             item.kind,
                                             item.accessLabel(),
                                             item.adminRights ? "yes" : "no",
                                             item.orgName,
                                             item.grantedBy.email,
                                             item.grantedAt,
                                             item.expiresAt,
                                             item.lastSignInAt,
                                             item.inactive ? "yes" : "no",
                                             item.expiresSoon ? "yes" : "no",
                                             reviewers,
                                             item.status,
                                             decidedBy,
                                             item.decidedAt,
                                             item.comment,
                                             item.reason,
                                             std::to_string(item.escalations)};
        for (std::size_t i = 0; i < cells.size(); ++i)
            body += (i ? "," : "") + c(cells[i]);
        body += "\r\n";
    }
    // Exporting who holds what is worth a trace, even though nothing changes.
    const AccessCheck access(m_context, caller, request);
    core::AuditEvent event = RequestAudit::byCaller(caller, request, "review.results.export");
    fillTarget(event, campaignTarget(campaign));
    if (const core::ScopeGrant* grant = reviewerGrant(caller.scope, campaign.orgPath)) {
        event.actingOrgId = grant->orgId;
        event.delegationId = grant->assignmentId;
    }
    event.after = {{"rows", items.size()}};
    RequestAudit::record(m_context, event);

    HttpResponse response;
    response.status = 200;
    response.body = std::move(body);
    response.setHeader("Content-Type", "text/csv; charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"access-review-" + campaign.id + ".csv\"");
    return response;
}

HttpResponse AccessReviewApi::close(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const core::AccessReviewCampaign campaign = visibleCampaign(caller, request.pathParams.at("id"));
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target = campaignTarget(campaign);
    if (!canManage(caller, campaign)) {
        access.recordDenied("review.campaign.close", target, "no review.manage here and not the campaign's owner");
        throw ApiErrors::forbidden("Only the campaign's owner or someone with review.manage at its organisation may "
                                   "close it.");
    }
    m_context.db.transaction([&] {
        if (!AccessReviewRepository(m_context.db).close(campaign.id))
            throw HttpError(409, "already_closed", "This access review is closed already.");
        core::AuditEvent event = RequestAudit::byCaller(caller, request, "review.campaign.close");
        fillTarget(event, target);
        if (const core::ScopeGrant* grant = managerGrant(caller, campaign)) {
            event.actingOrgId = grant->orgId;
            event.delegationId = grant->assignmentId;
        }
        event.before = {{"status", "open"}};
        event.after = {{"status", "closed"},
                       {"progress",
                        {{"kept", campaign.progress.kept},
                         {"revoked", campaign.progress.revoked},
                         {"open", campaign.progress.open},
                         {"escalated", campaign.progress.escalated}}}};
        AuditLog(m_context.db).append(event);
    });
    return HttpResponse::json(200,
                              nlohmann::json(AccessReviewRepository(m_context.db).findCampaign(campaign.id).value()));
}

HttpResponse AccessReviewApi::processDue(const Caller& caller, HttpRequest& request) const
{
    const core::AccessReviewCampaign before = visibleCampaign(caller, request.pathParams.at("id"));
    if (!canManage(caller, before))
        throw ApiErrors::forbidden("Only the campaign's owner or someone with review.manage at its organisation may "
                                   "do this.");
    const int handled = processDueCampaigns(request);
    nlohmann::json j = AccessReviewRepository(m_context.db).findCampaign(before.id).value();
    j["handledItems"] = handled;
    return HttpResponse::json(200, j);
}

HttpResponse AccessReviewApi::reassign(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const JsonInput input = JsonInput::parse(request, {"itemIds", "reviewerId"});
    const std::vector<std::string> ids = itemIdsOf(input);
    const std::string reviewerId = input.requiredString("reviewerId", 100);
    const core::AccessReviewCampaign campaign = visibleCampaign(caller, request.pathParams.at("id"));
    const AccessCheck access(m_context, caller, request);
    const AccessTarget target = campaignTarget(campaign);
    const nlohmann::json attempted{{"itemIds", ids}, {"reviewerId", reviewerId}};
    if (!canManage(caller, campaign)) {
        access.recordDenied("review.item.reassign", target, "no review.manage here and not the campaign's owner",
                            attempted);
        throw ApiErrors::forbidden("Only the campaign's owner or someone with review.manage at its organisation may "
                                   "reassign its items.");
    }
    if (campaign.status != "open")
        throw HttpError(409, "campaign_closed", "This access review is closed.");

    const auto reviewer = UserRepository(m_context.db).find(reviewerId);
    const core::AdminScope reviewerScope =
        reviewer ? RoleRepository(m_context.db).scopeFor(reviewerId) : core::AdminScope();
    const AccessReviewRepository reviews(m_context.db);
    std::vector<core::AccessReviewItem> items;
    std::vector<std::string> reviewerOrgs;
    std::vector<ItemProblem> problems;
    for (const auto& id : ids) {
        const auto item = reviews.findItem(id);
        if (!item || item->campaignId != campaign.id) {
            problems.push_back({id, 404, "not_found", kNoItem});
            continue;
        }
        if (item->status != "open") {
            problems.push_back({id, 409, "already_decided", "This item was decided already."});
            continue;
        }
        if (item->user.id == reviewerId) {
            problems.push_back({id, 400, "self_review", "Nobody reviews their own access."});
            continue;
        }
        // The new reviewer must be able to decide: review.manage or role.assign there (audit.read alone is not).
        const core::ScopeGrant* grant = reviewerGrant(reviewerScope, item->orgPath);
        if (!grant) {
            problems.push_back({id, 400, "reviewer_not_eligible",
                                "The new reviewer must hold review.manage or role.assign at " + item->orgName + "."});
            continue;
        }
        items.push_back(*item);
        reviewerOrgs.push_back(grant->orgId);
    }
    if (!problems.empty()) {
        try {
            refuseItems(problems, ids.size());
        } catch (ItemsRefused& refused) {
            return refused.response;
        }
    }

    const core::ScopeGrant* grant = managerGrant(caller, campaign);
    m_context.db.transaction([&] {
        for (std::size_t i = 0; i < items.size(); ++i) {
            reviews.setReviewers(items[i].id, reviewerOrgs[i], {reviewerId});
            core::AuditEvent event = RequestAudit::byCaller(caller, request, "review.item.reassign");
            fillTarget(event, itemTarget(items[i]));
            if (grant) {
                event.actingOrgId = grant->orgId;
                event.delegationId = grant->assignmentId;
            }
            event.before = {{"reviewers", reviewerIds(items[i].reviewers)}};
            event.after = {{"reviewers", nlohmann::json::array({{{"id", reviewer->id}, {"email", reviewer->email}}})},
                           {"campaignId", campaign.id}};
            AuditLog(m_context.db).append(event);
        }
    });
    nlohmann::json results = nlohmann::json::array();
    for (const auto& item : items)
        results.push_back(reviews.findItem(item.id).value());
    return HttpResponse::json(200, {{"items", results}});
}

HttpResponse AccessReviewApi::myItems(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const std::string campaignId = request.queryValue("campaignId");
    nlohmann::json items = nlohmann::json::array();
    for (const auto& item : AccessReviewRepository(m_context.db).openItemsFor(caller.user.id)) {
        if (campaignId.empty() || item.campaignId == campaignId)
            items.push_back(item);
    }
    return HttpResponse::json(200, {{"items", items}});
}

nlohmann::json AccessReviewApi::applyDecisions(const Caller& caller, const HttpRequest& request,
                                               const std::vector<core::AccessReviewItem>& items,
                                               const std::string& decision, const std::string& comment) const
{
    const AccessReviewRepository reviews(m_context.db);
    const std::string action = decision == "keep" ? "review.item.keep" : "review.item.revoke";
    const std::string status = decision == "keep" ? "kept" : "revoked";
    nlohmann::json results = nlohmann::json::array();
    try {
        m_context.db.transaction([&] {
            for (const auto& item : items) {
                if (!reviews.decide(item.id, status, comment, {}, caller.user.id))
                    throw DecidedMeanwhile{item.id};
                core::AuditEvent actor = RequestAudit::byCaller(caller, request, {});
                if (const core::ScopeGrant* grant = reviewerGrant(caller.scope, item.orgPath)) {
                    actor.actingOrgId = grant->orgId;
                    actor.delegationId = grant->assignmentId;
                }
                nlohmann::json result{{"itemId", item.id}, {"status", status}};
                core::AuditEvent event = actor;
                event.action = action;
                fillTarget(event, itemTarget(item));
                event.reason = comment;
                event.before = {{"status", "open"}};
                event.after = {{"status", status}, {"comment", comment}, {"campaignId", item.campaignId}};
                if (decision == "revoke") {
                    // Like removing an admin directly: only someone whose role.assign comes from above may.
                    if (!RoleDelegation::grantFromAbove(caller.scope, item.orgPath) && removesLastAdmin(item))
                        throw LastAdminRefused{item};
                    result["ended"] = revokeAccess(item, actor, comment);
                    event.after["ended"] = result["ended"];
                }
                AuditLog(m_context.db).append(event);
                results.push_back(result);
            }
        });
    } catch (const DecidedMeanwhile& race) {
        throw HttpError(409, "already_decided", "Item " + race.itemId + " was decided meanwhile; nothing was changed.",
                        "itemIds");
    } catch (const LastAdminRefused& refused) {
        const core::AccessReviewItem& item = refused.item;
        AccessCheck(m_context, caller, request)
            .recordDenied(
                "review.item.revoke", itemTarget(item), "last admin of " + item.orgName + " (" + item.orgId + ")",
                {{"comment", comment}, {"campaignId", item.campaignId}}, reviewerGrant(caller.scope, item.orgPath));
        const std::string who = item.user.displayName.empty() ? item.user.email : item.user.displayName;
        std::string message = who + " is the last admin of " + item.orgName +
                              "; an organisation must keep an admin, so this access cannot be revoked in a review. "
                              "Make someone else its admin first, or ask an administrator of an organisation above it.";
        if (items.size() > 1)
            message += " Nothing was changed.";
        // `field` names the item, so the console can show the answer next to it.
        throw ItemsRefused{HttpResponse::json(
            409,
            {{"code", "last_admin"},
             {"message", message},
             {"field", item.id},
             {"items", nlohmann::json::array({{{"itemId", item.id}, {"code", "last_admin"}, {"message", message}}})}})};
    }
    return results;
}

namespace {

// Checks that the caller may decide each item; denied attempts are audit events. Throws when any item fails.
std::vector<core::AccessReviewItem> decidableItems(const ApiContext& context, const Caller& caller,
                                                   const HttpRequest& request, const std::vector<std::string>& ids,
                                                   const std::string& decision)
{
    const AccessReviewRepository reviews(context.db);
    const AccessCheck access(context, caller, request);
    const std::string action = decision == "keep" ? "review.item.keep" : "review.item.revoke";
    std::vector<core::AccessReviewItem> items;
    std::vector<ItemProblem> problems;
    std::map<std::string, std::optional<core::AccessReviewCampaign>> campaigns;
    for (const auto& id : ids) {
        const auto item = reviews.findItem(id);
        if (!item) {
            problems.push_back({id, 404, "not_found", kNoItem});
            continue;
        }
        auto& campaign = campaigns[item->campaignId];
        if (!campaign)
            campaign = reviews.findCampaign(item->campaignId);
        const AccessTarget target = itemTarget(*item);
        // review.manage at the item's org decides any item there (that is what running a review means); otherwise
        // only its reviewers do, while they are admins there.
        const bool manages = caller.scope.allows(core::Permission::ReviewManage, item->orgPath);
        if (!manages && !isReviewer(*item, caller.user.id)) {
            // Someone who may see the campaign learns that the item exists but is not theirs; others get 404.
            const bool visible = caller.scope.allows(core::Permission::ReviewManage, campaign->orgPath) ||
                                 caller.scope.allows(core::Permission::AuditRead, campaign->orgPath);
            access.recordDenied(action, target, "not a reviewer of this item and no review.manage here");
            if (visible)
                problems.push_back({id, 403, "not_reviewer", "You are not a reviewer of this item."});
            else
                problems.push_back({id, 404, "not_found", kNoItem});
            continue;
        }
        if (item->user.id == caller.user.id) {
            access.recordDenied(action, target, "reviewing one's own access");
            problems.push_back({id, 403, "self_review", "Nobody reviews their own access."});
            continue;
        }
        if (!reviewerGrant(caller.scope, item->orgPath)) {
            access.recordDenied(action, target, "reviewer without review.manage or role.assign here");
            problems.push_back(
                {id, 403, "forbidden", "Deciding needs review.manage or role.assign at " + item->orgName + "."});
            continue;
        }
        if (campaign->status != "open") {
            problems.push_back({id, 409, "campaign_closed", "This item's access review is closed."});
            continue;
        }
        if (item->status != "open") {
            problems.push_back({id, 409, "already_decided", "This item was decided already."});
            continue;
        }
        items.push_back(*item);
    }
    if (!problems.empty())
        refuseItems(problems, ids.size());
    return items;
}

} // namespace

HttpResponse AccessReviewApi::decideOne(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const JsonInput input = JsonInput::parse(request, {"decision", "comment"});
    const Decision d = decisionOf(input);
    const std::string id = request.pathParams.at("id");
    std::vector<core::AccessReviewItem> items;
    try {
        items = decidableItems(m_context, caller, request, {id}, d.decision);
    } catch (ItemsRefused& refused) {
        return refused.response;
    }
    nlohmann::json results;
    try {
        results = applyDecisions(caller, request, items, d.decision, d.comment);
    } catch (ItemsRefused& refused) {
        return refused.response;
    }
    nlohmann::json j = AccessReviewRepository(m_context.db).findItem(id).value();
    j["ended"] = results.front().value("ended", nlohmann::json(nullptr));
    return HttpResponse::json(200, j);
}

HttpResponse AccessReviewApi::decideBulk(const Caller& caller, HttpRequest& request) const
{
    processDueCampaigns(request);
    const JsonInput input = JsonInput::parse(request, {"itemIds", "decision", "comment"});
    const std::vector<std::string> ids = itemIdsOf(input);
    const Decision d = decisionOf(input);
    std::vector<core::AccessReviewItem> items;
    try {
        items = decidableItems(m_context, caller, request, ids, d.decision);
    } catch (ItemsRefused& refused) {
        return refused.response;
    }
    try {
        return HttpResponse::json(200, {{"results", applyDecisions(caller, request, items, d.decision, d.comment)}});
    } catch (ItemsRefused& refused) {
        return refused.response;
    }
}

} // namespace trellis::server
