#pragma once

#include "core/AccessReview.h"

#include <optional>
#include <string>
#include <vector>

#include <QString>
#include <QVariantList>

namespace trellis::server {

class Database;

/// Someone who holds review.manage, role.assign or audit.read by a live assignment at one org (reviewer candidates).
struct ReviewGrantHolder
{
    core::ReviewPerson person;
    std::string orgId;
    std::string orgPath;
    std::vector<std::string> permissions;
};

/// Access review campaigns, their snapshotted items and who reviews each (migration 0014). The API decides who may
/// do what; the repository only reads and writes, inside the caller's transaction where one runs.
class AccessReviewRepository
{
public:
    explicit AccessReviewRepository(const Database& db)
        : m_db(db)
    {
    }

    // What a new campaign snapshots (flags computed at the database clock's now).

    /// Role assignments at orgs within `subtreePath` that are neither revoked nor expired, of live roles.
    std::vector<core::AccessReviewItem> liveRoleAssignmentsWithin(const std::string& subtreePath) const;
    /// Active, unexpired memberships at orgs within `subtreePath`.
    std::vector<core::AccessReviewItem> activeMembershipsWithin(const std::string& subtreePath) const;
    /// Live holders of review.manage, role.assign or audit.read at orgs within `subtreePath` or above it, counted
    /// like the permission check counts them (active person, org and membership).
    std::vector<ReviewGrantHolder> grantHoldersAround(const std::string& subtreePath) const;

    // Campaigns

    /// Inserts the campaign (id, status "open" and createdAt filled in); returns its id.
    std::string createCampaign(const core::AccessReviewCampaign& campaign) const;
    /// Inserts one item of a campaign with its reviewers; returns the item id.
    std::string addItem(const std::string& campaignId, const core::AccessReviewItem& item) const;
    std::optional<core::AccessReviewCampaign> findCampaign(const std::string& campaignId) const;
    /// Every campaign, newest first, with progress; the API filters what the caller may see.
    std::vector<core::AccessReviewCampaign> campaigns() const;
    /// Open campaigns whose due date has passed and was not handled yet.
    std::vector<std::string> dueCampaigns() const;
    /// Marks the due date handled; false when another request (or instance) did it first.
    bool claimDue(const std::string& campaignId) const;
    /// Closes an open campaign; false when it was closed already.
    bool close(const std::string& campaignId) const;

    // Items

    /// Every item of a campaign (with reviewers), ordered by org path, person, access.
    std::vector<core::AccessReviewItem> items(const std::string& campaignId) const;
    std::optional<core::AccessReviewItem> findItem(const std::string& itemId) const;
    /// Open items of open campaigns that `userId` reviews, across campaigns, by due date.
    std::vector<core::AccessReviewItem> openItemsFor(const std::string& userId) const;
    /// Records a decision on an open item (status "kept" or "revoked"); false when it was no longer open.
    /// Empty `decidedBy`: the due-date rule decided, with `reason`.
    bool decide(const std::string& itemId, const std::string& status, const std::string& comment,
                const std::string& reason, const std::string& decidedBy) const;
    /// Replaces who reviews the item; `reviewerOrgId` is the org whose admins they are (empty: none).
    void setReviewers(const std::string& itemId, const std::string& reviewerOrgId,
                      const std::vector<std::string>& userIds) const;
    void countEscalation(const std::string& itemId) const;

private:
    void fillReviewers(std::vector<core::AccessReviewItem>& items) const;
    std::vector<core::AccessReviewItem> selectItems(const QString& where, const QVariantList& values) const;

    const Database& m_db;
};

} // namespace trellis::server
