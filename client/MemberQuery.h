#pragma once

#include <QString>

namespace trellis::client {

/// Filters of the member list (GET /orgs/{id}/members). Empty strings and 0 mean "no filter".
struct MemberQuery
{
    bool subtree = false; ///< members of every organisation below too
    QString status;       ///< "active", "suspended", "ended"
    QString source;       ///< "manual", "invitation", "import", "scim", "federation"
    QString role;         ///< a role key held at the membership's organisation
    int inactiveDays = 0; ///< no sign-in for at least this many days (or never)
    QString text;         ///< name or e-mail contains
    QString sort;         ///< "name" (empty: the same), "email", "lastSignIn"; a leading '-' reverses the order

    bool operator==(const MemberQuery&) const = default;
    /// The query string (without limit and cursor), keys in a fixed order.
    QString toQueryString() const;
};

} // namespace trellis::client
