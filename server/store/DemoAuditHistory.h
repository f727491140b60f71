#pragma once

#include "core/AuditEvent.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace trellis::server {

/// Thirty days of plausible activity for the demo workspace's audit trail, so the audit browser, its timeline and
/// its filters have something to show: sign-ins (some with a wrong password first), roles granted and invitations
/// sent by the organisations' admins, and now and then a denied attempt. Deterministic for a seed; every event names
/// itself demo data in its user agent (core::DemoWorld::kHistoryUserAgent) and comes from the documentation address
/// range 198.51.100.0/24 (RFC 5737). DemoSeeder appends the events through AuditLog, so they are chained like any
/// others.
class DemoAuditHistory
{
public:
    struct Person
    {
        std::string userId;
        std::string email;
        std::string orgId;
        std::string orgName;
        std::string orgPath;           ///< core::OrgPath::make of the org
        std::string adminAssignmentId; ///< their org-admin assignment there; empty when not an admin
    };

    /// Oldest first, all before `now`; `people` are the demo's active members (one entry per membership).
    static std::vector<core::AuditEvent> generate(const std::vector<Person>& people,
                                                  std::chrono::system_clock::time_point now, std::uint64_t seed);

    static constexpr int kDays = 30;
};

} // namespace trellis::server
