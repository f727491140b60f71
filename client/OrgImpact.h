#pragma once

namespace trellis::client {

/// What suspending or offboarding an organisation would touch (GET /orgs/{id}/impact): the whole subtree.
struct OrgImpact
{
    int orgs = 0;
    int memberships = 0;
    int people = 0;
    int admins = 0;
    int activeSessions = 0;
};

} // namespace trellis::client
