#include "server/store/DemoSeeder.h"

#include "core/OrgPath.h"
#include "core/PasswordHasher.h"
#include "core/TimeFormat.h"
#include "server/store/AuditLog.h"
#include "server/store/Database.h"
#include "server/store/DemoAuditHistory.h"
#include "server/store/FlowRepository.h"
#include "server/store/MembershipRepository.h"
#include "server/store/OrgRepository.h"
#include "server/store/RoleRepository.h"
#include "server/store/SqlSupport.h"
#include "server/store/UserRepository.h"

#include <map>
#include <set>

#include <QSqlQuery>

namespace trellis::server {

bool DemoSeeder::seedIfEmpty(const core::DemoWorld& world, const std::string& demoPassword) const
{
    const OrgRepository orgs(m_db);
    if (orgs.count() > 0 || world.orgs.empty())
        return false;

    // Argon2id is deliberately slow: hash only the three documented accounts, and before taking the write lock.
    const std::set<std::string> fixed{core::DemoWorld::kOwnerEmail, core::DemoWorld::kAuditorEmail,
                                      core::DemoWorld::kPartnerSuperadminEmail};
    std::map<std::string, std::string> passwordHashes;
    for (const auto& email : fixed)
        passwordHashes[email] = core::PasswordHasher::hash(demoPassword);

    bool seeded = false;
    m_db.transaction([&] {
        if (m_db.dialect() == SqlDialect::Postgres)
            sql::runDirect(m_db, QStringLiteral("SELECT pg_advisory_xact_lock(7424829154)"), "waiting to seed failed");
        // Another instance may have seeded while we were hashing.
        if (orgs.count() > 0)
            return;
        const auto now = m_db.clock().now();
        const auto daysFromNow = [&](int days) { return core::formatTimestamp(now + std::chrono::hours(24 * days)); };

        std::map<std::string, core::Org> orgBySlug;
        for (const auto& spec : world.orgs) {
            NewOrg org;
            if (!spec.parentSlug.empty())
                org.parentId = orgBySlug.at(spec.parentSlug).id;
            org.kind = spec.kind;
            org.name = spec.name;
            org.slug = spec.slug;
            org.attributes = spec.attributes;
            orgBySlug.emplace(spec.slug, orgs.create(org));
        }

        const UserRepository users(m_db);
        std::map<std::string, std::string> userIdByEmail;
        for (const auto& person : world.people) {
            NewUser user;
            user.email = person.email;
            user.displayName = person.displayName;
            user.status = person.disabled ? core::UserStatus::Disabled : core::UserStatus::Active;
            if (const auto it = passwordHashes.find(person.email); it != passwordHashes.end())
                user.passwordHash = it->second;
            if (person.daysSinceLastSignIn >= 0)
                user.lastSignInAt = daysFromNow(-person.daysSinceLastSignIn);
            userIdByEmail.emplace(person.email, users.create(user).id);
        }

        const MembershipRepository memberships(m_db);
        const RoleRepository roles(m_db);
        const std::string ownerId = userIdByEmail.count(core::DemoWorld::kOwnerEmail)
                                        ? userIdByEmail.at(core::DemoWorld::kOwnerEmail)
                                        : std::string();
        std::set<std::string> disabled;
        for (const auto& person : world.people)
            if (person.disabled)
                disabled.insert(person.email);
        std::vector<DemoAuditHistory::Person> active;
        for (const auto& spec : world.memberships) {
            const std::string& userId = userIdByEmail.at(spec.email);
            const core::Org& org = orgBySlug.at(spec.orgSlug);
            const std::string& orgId = org.id;
            NewMembership membership;
            membership.userId = userId;
            membership.orgId = orgId;
            membership.title = spec.title;
            membership.source = core::MembershipSource::Import;
            if (spec.endsInDays > 0)
                membership.expiresAt = daysFromNow(spec.endsInDays);
            memberships.create(membership);
            // Built-in roles' ids are their keys.
            DemoAuditHistory::Person person{userId, spec.email, orgId, org.name, core::OrgPath::make(org.path), {}};
            for (const auto& roleKey : spec.roleKeys) {
                const std::string assignment =
                    roles.assign(userId, roleKey, orgId, userId == ownerId ? std::string() : ownerId, "demo data",
                                 membership.expiresAt);
                if (roleKey == "org-admin")
                    person.adminAssignmentId = assignment;
            }
            if (!disabled.count(spec.email))
                active.push_back(std::move(person));
        }

        const FlowRepository flows(m_db);
        for (const auto& spec : world.flows) {
            const FlowRecord flow =
                flows.create(orgBySlug.at(spec.ownerSlug).id, spec.name, spec.description, spec.document, ownerId);
            flows.publish(flow.id, spec.document, spec.publishNote, ownerId);
            for (const auto& slug : spec.boundAtSlugs)
                flows.bind(orgBySlug.at(slug).id, {}, flow.id, ownerId);
        }

        // The demo's access predates its audit history (which names these assignments as what allowed its grants).
        const std::string longAgo = daysFromNow(-120);
        for (const char* table : {"memberships", "role_assignments"}) {
            QSqlQuery backdate =
                sql::prepare(m_db, QStringLiteral("UPDATE %1 SET created_at = ?").arg(QLatin1String(table)));
            backdate.addBindValue(sql::qs(longAgo));
            sql::run(backdate, "dating the demo's access failed");
        }

        // The history before the seed event: it is older, and the chain's order is the time order.
        const std::vector<core::AuditEvent> history =
            DemoAuditHistory::generate(active, now, core::DemoWorld::kDefaultSeed);
        for (const core::AuditEvent& past : history)
            AuditLog(m_db).append(past);

        const core::Org& root = orgBySlug.at(world.orgs.front().slug);
        core::AuditEvent event;
        event.actorType = "system";
        event.actorDisplay = "trellisd";
        event.action = "system.seed";
        event.targetType = "org";
        event.targetId = root.id;
        event.targetDisplay = root.name;
        event.targetOrgPath = core::OrgPath::make(root.path);
        event.outcome = "success";
        event.reason = "demo world seeded into an empty database";
        event.after = {{"orgs", world.orgs.size()},
                       {"people", world.people.size()},
                       {"memberships", world.memberships.size()},
                       {"flows", world.flows.size()},
                       {"demoHistoryEvents", history.size()}};
        AuditLog(m_db).append(event);
        seeded = true;
    });
    return seeded;
}

} // namespace trellis::server
