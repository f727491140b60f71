#pragma once

#include "core/Invitation.h"
#include "core/Page.h"
#include "core/PageCursor.h"

#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

struct NewInvitation
{
    std::string orgId;
    std::string email; ///< normalised by the caller
    std::string displayName;
    std::string title;
    std::vector<std::string> roleIds;
    std::string membershipSource = "invitation"; ///< or "import"
    std::string membershipExpiresAt;             ///< RFC 3339; empty: open-ended
    std::string invitedBy;
    std::string expiresAt; ///< RFC 3339
};

/// What an invitation list may be narrowed to.
struct InvitationFilter
{
    std::string orgId;       ///< this org only, unless subtreePath is set
    std::string subtreePath; ///< non-empty: every org whose materialised path lies within it
    std::string status;      ///< empty: any; else pending | accepted | revoked | expired
};

/// invitations: single-use tokens (only their SHA-256 is stored) that land a membership. Status "expired" is
/// computed from expires_at for pending rows; every state change is a conditional UPDATE, so two requests racing
/// for the same invitation cannot both win.
class InvitationRepository
{
public:
    explicit InvitationRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Inserts a pending invitation; `*token` receives the secret (base64url, 256 bits) exactly once. An expired
    /// pending invitation for the same (org, email) is marked expired first. Throws StoreError Conflict
    /// ("invitation.email") while a live one is pending.
    core::Invitation create(const NewInvitation& invitation, std::string* token) const;
    std::optional<core::Invitation> find(const std::string& id) const;
    /// Any invitation whose token this is (whatever its status); constant-time hash comparison.
    std::optional<core::Invitation> findByToken(const std::string& token) const;
    /// The live pending invitation of this (org, email), if any.
    std::optional<core::Invitation> pendingFor(const std::string& orgId, const std::string& email) const;
    /// Newest first, keyset-paginated on (created_at, id).
    core::Page<core::Invitation> list(const InvitationFilter& filter, int limit,
                                      const std::optional<core::PageCursor>& after) const;

    /// New token and expiry for a pending or expired invitation (the old token stops working). False when it is
    /// accepted or revoked (or another request changed it first).
    bool reissue(const std::string& id, const std::string& expiresAt, std::string* token) const;
    /// Pending or expired -> revoked. False otherwise.
    bool revoke(const std::string& id) const;
    /// Pending, unexpired, and this token -> accepted by `userId`. Exactly one concurrent caller gets true.
    bool claim(const std::string& id, const std::string& token) const;
    void setAcceptedUser(const std::string& id, const std::string& userId) const;

    /// "pending" rows past their expiry read as "expired".
    static std::string effectiveStatus(const std::string& stored, const std::string& expiresAt, const std::string& now);

private:
    const Database& m_db;
};

} // namespace trellis::server
