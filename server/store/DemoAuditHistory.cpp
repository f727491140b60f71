#include "server/store/DemoAuditHistory.h"

#include "core/DemoWorld.h"
#include "core/Permission.h"
#include "core/SplitMix64.h"
#include "core/TimeFormat.h"

#include <algorithm>
#include <cstdio>

namespace trellis::server {

namespace {

/// Deterministic uuid-shaped ids, so a seed gives the same trail.
std::string uuid(core::SplitMix64& random)
{
    const std::uint64_t a = random.next();
    const std::uint64_t b = random.next();
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx", unsigned(a >> 32), unsigned(a >> 16) & 0xffff,
                  unsigned(a) & 0xfff, unsigned(0x8000 | ((b >> 48) & 0x3fff)),
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return text;
}

using Clock = std::chrono::system_clock;

core::AuditEvent base(const DemoAuditHistory::Person& actor, const std::string& action, Clock::time_point at,
                      const std::string& requestId)
{
    core::AuditEvent e;
    e.occurredAt = core::formatTimestamp(at);
    e.actorType = "user";
    e.actorId = actor.userId;
    e.actorDisplay = actor.email;
    e.action = action;
    e.outcome = "success";
    // One address per person, from the documentation range.
    std::uint32_t h = 0;
    for (const char c : actor.email)
        h = h * 31 + std::uint8_t(c);
    e.clientAddress = "198.51.100." + std::to_string(1 + h % 254);
    e.userAgent = core::DemoWorld::kHistoryUserAgent;
    e.requestId = requestId;
    return e;
}

/// One sign-in: identify, sometimes a wrong password first, the password, success (as the default journey records it).
void signIn(std::vector<core::AuditEvent>& out, core::SplitMix64& random, const DemoAuditHistory::Person& person,
            Clock::time_point at)
{
    const std::string request = uuid(random);
    const auto step = [&](const std::string& action, const std::string& outcome, int seconds) {
        core::AuditEvent e = base(person, action, at + std::chrono::seconds(seconds), request);
        e.targetType = "user";
        e.targetId = person.userId;
        e.targetDisplay = person.email;
        e.outcome = outcome;
        e.after = {{"node", action == "login.identify" ? "identify" : action == "login.success" ? "done" : "password"}};
        out.push_back(std::move(e));
    };
    int second = 0;
    step("login.identify", "success", second);
    if (random.below(100) < 8)
        step("login.password.wrong", "failure", second += 6 + random.below(20));
    step("login.password.ok", "success", second += 5 + random.below(15));
    step("login.success", "success", second + 1);
}

/// The permissions of a built-in role an org admin lacks, as the server names them when it refuses the grant.
std::string notHeldByOrgAdmins(std::string_view roleKey)
{
    const auto& roles = core::builtinRoles();
    const auto role = [&](std::string_view key) {
        return std::find_if(roles.begin(), roles.end(), [&](const core::BuiltinRole& r) { return r.key == key; });
    };
    const auto& held = role("org-admin")->permissions;
    std::string missing;
    for (const std::string_view permission : role(roleKey)->permissions)
        if (std::find(held.begin(), held.end(), permission) == held.end())
            missing += (missing.empty() ? "" : ", ") + std::string(permission);
    return missing;
}

void adminAction(std::vector<core::AuditEvent>& out, core::SplitMix64& random, const DemoAuditHistory::Person& admin,
                 const std::vector<const DemoAuditHistory::Person*>& colleagues, Clock::time_point at)
{
    core::AuditEvent e = base(admin, {}, at, uuid(random));
    e.actingOrgId = admin.orgId;
    e.delegationId = admin.adminAssignmentId;
    e.targetOrgPath = admin.orgPath;
    const int roll = random.below(100);
    const DemoAuditHistory::Person* colleague =
        colleagues.empty() ? nullptr : colleagues[std::size_t(random.below(int(colleagues.size())))];
    if (roll < 45 && colleague) {
        // What an org admin may hand out (she holds every permission of these roles).
        static const char* const roles[] = {"user-manager", "member"};
        const std::string role = roles[random.below(2)];
        e.action = "role.assign";
        e.targetType = "role_assignment";
        e.targetId = uuid(random);
        e.targetDisplay = colleague->email + " · " + role + " · " + admin.orgName;
        e.after = {{"id", e.targetId},
                   {"role", role},
                   {"user", colleague->email},
                   {"org", admin.orgName},
                   {"grantedBy", admin.email}};
    } else if (roll < 80) {
        static const char* const names[] = {"jonas", "amelie", "li", "noah", "fatima", "oskar", "mia", "tariq"};
        const std::string domain = admin.email.substr(admin.email.find('@') + 1);
        const std::string invitee =
            std::string(names[random.below(8)]) + "." + std::to_string(random.below(90)) + "@" + domain;
        e.action = "invitation.create";
        e.targetType = "invitation";
        e.targetId = uuid(random);
        e.targetDisplay = invitee;
        e.after = {{"email", invitee}, {"org", admin.orgName}, {"status", "pending"}};
    } else if (roll < 90 && colleague) {
        e.action = "role.revoke";
        e.targetType = "role_assignment";
        e.targetId = uuid(random);
        e.targetDisplay = colleague->email + " · user-manager · " + admin.orgName;
        e.before = {{"role", "user-manager"}, {"user", colleague->email}, {"revokedAt", nullptr}};
        e.after = {{"role", "user-manager"}, {"user", colleague->email}, {"revokedAt", e.occurredAt}};
    } else {
        // Trying to hand out more than one holds: refused, and recorded in the server's words.
        e.action = "role.assign";
        e.outcome = "denied";
        e.targetType = "role_assignment";
        e.targetDisplay = (colleague ? colleague->email : admin.email) + " · flow-designer · " + admin.orgName;
        e.reason = "permissions not held: " + notHeldByOrgAdmins("flow-designer");
    }
    out.push_back(std::move(e));
}

} // namespace

std::vector<core::AuditEvent> DemoAuditHistory::generate(const std::vector<Person>& people, Clock::time_point now,
                                                         std::uint64_t seed)
{
    std::vector<core::AuditEvent> events;
    if (people.empty())
        return events;
    core::SplitMix64 random(seed);
    std::vector<const Person*> admins;
    for (const Person& p : people)
        if (!p.adminAssignmentId.empty())
            admins.push_back(&p);
    // Days from midnight UTC, so working hours are working hours.
    const auto midnight = Clock::from_time_t(Clock::to_time_t(now) / 86400 * 86400);
    const auto dayStart = midnight - std::chrono::hours(24 * kDays);
    for (int day = 0; day <= kDays; ++day) {
        const bool weekend = day % 7 == 5 || day % 7 == 6;
        const int signIns = weekend ? 3 + random.below(5) : 18 + random.below(14);
        const int adminActions = admins.empty() ? 0 : weekend ? random.below(2) : 1 + random.below(4);
        // Working hours, in order: the chain's order is the time order.
        std::vector<std::pair<int, int>> moments; // (second of the day, what: -1 admin action, else person index)
        for (int i = 0; i < signIns; ++i)
            moments.push_back({7 * 3600 + random.below(11 * 3600), random.below(int(people.size()))});
        for (int i = 0; i < adminActions; ++i)
            moments.push_back({8 * 3600 + random.below(9 * 3600), -1});
        std::sort(moments.begin(), moments.end());
        for (const auto& [second, who] : moments) {
            const auto at = dayStart + std::chrono::hours(24 * day) + std::chrono::seconds(second);
            if (at + std::chrono::minutes(2) >= now)
                continue;
            if (who >= 0) {
                signIn(events, random, people[std::size_t(who)], at);
                continue;
            }
            const Person& admin = *admins[std::size_t(random.below(int(admins.size())))];
            std::vector<const Person*> colleagues;
            for (const Person& p : people)
                if (p.orgId == admin.orgId && p.userId != admin.userId)
                    colleagues.push_back(&p);
            adminAction(events, random, admin, colleagues, at);
        }
    }
    // Sign-in steps may run past the next moment: keep the trail in time order.
    std::stable_sort(events.begin(), events.end(),
                     [](const core::AuditEvent& a, const core::AuditEvent& b) { return a.occurredAt < b.occurredAt; });
    return events;
}

} // namespace trellis::server
