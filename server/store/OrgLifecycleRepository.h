#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// Which lifecycle change an impact preview or a change is about.
enum class OrgLifecycleChange
{
    Suspend,
    Offboard
};

/// What a suspension or offboarding of a subtree touches, counted before the change (the preview shows exactly the
/// numbers the change then reports).
struct OrgImpact
{
    int orgs = 0;            ///< orgs whose status changes (active ones; for offboarding suspended ones too)
    int memberships = 0;     ///< memberships that are suspended or ended
    int people = 0;          ///< distinct people holding those memberships (their sessions are revoked)
    int admins = 0;          ///< distinct people with a live role.assign assignment at an affected org
    int activeSessions = 0;  ///< live refresh tokens + open SSO sessions of those people
    int roleAssignments = 0; ///< offboarding only: unrevoked role assignments at orgs of the subtree

    nlohmann::json toJson(OrgLifecycleChange change) const;
};

/// The set-based SQL behind suspending, resuming and offboarding an organisation subtree. Every statement works on
/// the whole subtree at once (path range scans), never org by org, so a 10,000-org subtree costs a handful of
/// statements. Callers run these inside one Database::transaction, after lockStructure().
class OrgLifecycleRepository
{
public:
    explicit OrgLifecycleRepository(const Database& db)
        : m_db(db)
    {
    }

    /// Serialises changes to the tree's shape and lifecycle against each other and against new orgs. PostgreSQL:
    /// a transaction-scoped advisory lock, exclusive for moves and lifecycle changes, shared for creating an org
    /// (so a child is never inserted with a path a concurrent move is rewriting, nor as an active org under one
    /// being suspended). SQLite: a no-op, its write transaction (BEGIN IMMEDIATE) already serialises writers.
    void lockStructure(bool exclusive) const;

    /// The org whose suspension suspended this org (itself when it was suspended on its own); empty when none.
    std::string suspensionRootOf(const std::string& orgId) const;

    OrgImpact impact(const std::string& path, OrgLifecycleChange change) const;
    /// The people whose memberships the change suspends or ends, ordered by id.
    std::vector<std::string> affectedPeople(const std::string& path, OrgLifecycleChange change) const;

    /// Suspends the active orgs of the subtree at `path` and every active membership in it, marking each row with
    /// `orgId` (the suspension's root) so resume() restores exactly these.
    void suspend(const std::string& orgId, const std::string& path) const;
    /// Undoes suspend(orgId, ...): the orgs and memberships it suspended that are still suspended become active;
    /// anything suspended separately stays suspended. Counts what it restored (orgs, memberships, people).
    OrgImpact resume(const std::string& orgId, const std::string& path) const;
    /// Offboards every org of the subtree that is not offboarded yet, ends its memberships and revokes the role
    /// assignments held at its orgs. Nothing is deleted.
    void offboard(const std::string& path) const;

private:
    const Database& m_db;
};

} // namespace trellis::server
