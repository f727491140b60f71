#pragma once

#include "server/http/HttpResponse.h"

#include <nlohmann/json.hpp>
#include <string>

namespace trellis::core {
struct AccessReviewCampaign;
struct AccessReviewItem;
struct AuditEvent;
} // namespace trellis::core

namespace trellis::server {

struct ApiContext;
class Database;
struct Caller;
struct HttpRequest;

/// /api/v1/access-reviews… and /api/v1/access-review-items…: access review campaigns over an org subtree. Creating
/// one (review.manage there) snapshots the role assignments and memberships inside it, each with reviewers: the
/// admins of the nearest org up the tree, never the person reviewed. Reviewers, and anyone with review.manage at the
/// item's org, keep or revoke; a revocation ends the access and the person's sessions in the same transaction, and
/// never removes an org's last admin (409 last_admin) unless the decider's role.assign comes from above. At the due
/// date undecided items follow the campaign's rule (revoke or escalate); trellisd has no timers, so every request to
/// this API first handles due campaigns.
class AccessReviewApi
{
public:
    explicit AccessReviewApi(const ApiContext& context)
        : m_context(context)
    {
    }

    HttpResponse list(const Caller& caller, HttpRequest& request) const;       ///< GET /access-reviews
    HttpResponse create(const Caller& caller, HttpRequest& request) const;     ///< POST /access-reviews
    HttpResponse get(const Caller& caller, HttpRequest& request) const;        ///< GET /access-reviews/{id}
    HttpResponse items(const Caller& caller, HttpRequest& request) const;      ///< GET /access-reviews/{id}/items
    HttpResponse resultsCsv(const Caller& caller, HttpRequest& request) const; ///< GET /access-reviews/{id}/results.csv
    HttpResponse close(const Caller& caller, HttpRequest& request) const;      ///< POST /access-reviews/{id}/close
    HttpResponse processDue(const Caller& caller,
                            HttpRequest& request) const;                     ///< POST /access-reviews/{id}/process-due
    HttpResponse reassign(const Caller& caller, HttpRequest& request) const; ///< POST /access-reviews/{id}/reassign
    HttpResponse myItems(const Caller& caller, HttpRequest& request) const;  ///< GET /access-review-items
    HttpResponse decideOne(const Caller& caller,
                           HttpRequest& request) const; ///< POST /access-review-items/{id}/decision
    HttpResponse decideBulk(const Caller& caller, HttpRequest& request) const; ///< POST /access-review-items/decisions

    /// Applies the due-date rule to every open campaign whose due date has passed (once per campaign, whichever
    /// request or instance gets there first); returns how many items it decided or escalated.
    int processDueCampaigns(const HttpRequest& request) const;

    /// Creates `campaign` (org, path, what, due date, rule and creator filled in) with its snapshot of items and their
    /// reviewers, inside the caller's transaction; `summary` gets the item counts for the audit event.
    static std::string startCampaign(const Database& db, const core::AccessReviewCampaign& campaign,
                                     nlohmann::json* summary);
    /// The demo world's open campaign (admin rights under the root, owned by the platform owner), so a fresh local
    /// workspace shows the Reviews section with something to decide.
    static void seedDemoCampaign(const Database& db, const std::string& rootSlug, const std::string& ownerEmail);

private:
    /// The campaign if the caller may see it (review.manage or audit.read at its org, or its creator); else 404.
    core::AccessReviewCampaign visibleCampaign(const Caller& caller, const std::string& campaignId) const;
    /// Whether revoking the item would leave its org without an admin (docs/permissions.md); locks the org for the
    /// caller's transaction.
    bool removesLastAdmin(const core::AccessReviewItem& item) const;
    /// Ends the reviewed access (role assignment revoked / membership ended, with its own audit event by `actor`)
    /// and the person's sessions; inside the caller's transaction. What was ended, for the decision's event.
    nlohmann::json revokeAccess(const core::AccessReviewItem& item, const core::AuditEvent& actor,
                                const std::string& why) const;
    /// Keeps or revokes the items (validated already) in one transaction; per-item results.
    nlohmann::json applyDecisions(const Caller& caller, const HttpRequest& request,
                                  const std::vector<core::AccessReviewItem>& items, const std::string& decision,
                                  const std::string& comment) const;

    const ApiContext& m_context;
};

} // namespace trellis::server
