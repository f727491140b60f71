#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {

/// A person as an access review names them (reviewer, decider, campaign owner).
struct ReviewPerson
{
    std::string id;
    std::string email;
    std::string displayName;
};

/// An access review campaign: who holds what inside one org subtree, snapshotted when it was created, to be kept or
/// revoked by the reviewers before the due date; at the due date undecided items follow `dueRule`.
struct AccessReviewCampaign
{
    std::string id;
    std::string name;
    std::string orgId;
    std::string orgName;
    std::string orgPath;            ///< server side only, not in JSON
    bool reviewRoles = false;       ///< every role assignment
    bool reviewMemberships = false; ///< every membership
    bool reviewAdminRights = false; ///< role assignments whose role carries at least one permission
    std::string dueAt;              ///< RFC 3339 UTC
    std::string dueRule;            ///< "revoke" or "escalate"
    std::string status;             ///< "open" or "closed"
    ReviewPerson createdBy;
    std::string createdAt;
    std::string closedAt;       ///< empty while open
    std::string dueProcessedAt; ///< empty until the due date was handled

    /// Counts of the campaign's items by outcome.
    struct Progress
    {
        int total = 0;
        int kept = 0;
        int revoked = 0;
        int open = 0;
        int escalated = 0; ///< items handed to the next admin up at the due date (they may be decided since)
    } progress;
};

/// One reviewed access: a role assignment or a membership, as it was when the campaign started, and its decision.
struct AccessReviewItem
{
    std::string id;
    std::string campaignId;
    std::string campaignName; ///< for lists spanning campaigns
    std::string campaignDueAt;
    std::string kind;      ///< "role_assignment" or "membership"
    std::string subjectId; ///< the role assignment's or membership's id
    ReviewPerson user;
    std::string lastSignInAt; ///< empty: never signed in
    struct
    {
        std::string id;
        std::string key;
        std::string name;
    } role;                   ///< empty for a membership
    bool adminRights = false; ///< the role carries at least one permission
    std::string title;        ///< the membership's job title
    std::string orgId;
    std::string orgName;
    std::string orgPath;    ///< server side only, not in JSON
    ReviewPerson grantedBy; ///< empty id: nobody recorded (seeded, imported, invited)
    std::string grantedAt;
    std::string expiresAt;
    bool inactive = false;    ///< no sign-in for 90 days or more, or never
    bool expiresSoon = false; ///< the access ends by itself within 30 days
    std::vector<ReviewPerson> reviewers;
    std::string reviewerOrgId; ///< server side only: the org whose admins review it (escalation goes above it)
    std::string status;        ///< "open", "kept" or "revoked"
    std::string comment;
    std::string reason;     ///< why the system decided ("not reviewed by the due date"); empty for people's decisions
    ReviewPerson decidedBy; ///< empty id: decided by the due-date rule
    std::string decidedAt;
    int escalations = 0;

    /// What is reviewed, in words: "org-admin (Organisation admin)" or "member".
    std::string accessLabel() const;
};

/// How many days without a sign-in flag a person as inactive, and how close an end date flags access as ending soon.
inline constexpr int kReviewInactiveDays = 90;
inline constexpr int kReviewExpiresSoonDays = 30;

void to_json(nlohmann::json& j, const ReviewPerson& p);
void from_json(const nlohmann::json& j, ReviewPerson& p);
void to_json(nlohmann::json& j, const AccessReviewCampaign& c);
void from_json(const nlohmann::json& j, AccessReviewCampaign& c);
void to_json(nlohmann::json& j, const AccessReviewItem& item);
void from_json(const nlohmann::json& j, AccessReviewItem& item);

} // namespace trellis::core
