#pragma once

#include "core/Org.h"
#include "core/Page.h"
#include "core/PageCursor.h"

#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// What creating an organisation needs; the repository fills path, depth, timestamps and id.
struct NewOrg
{
    std::string id;       ///< empty: a new uuid is made
    std::string parentId; ///< empty: a root
    core::OrgKind kind = core::OrgKind::Customer;
    std::string name;
    std::string slug;
    nlohmann::json attributes = nlohmann::json::object();
};

/// Organisations: lookups and keyset-paginated lists, ordered by (case-folded name, id).
/// Returned orgs carry path, pathNames, depth, childCount and memberCount (active direct memberships).
class OrgRepository
{
public:
    explicit OrgRepository(const Database& db)
        : m_db(db)
    {
    }

    std::optional<core::Org> find(const std::string& id) const;
    std::optional<core::Org> findBySlug(const std::string& slug) const;
    /// Materialised path ("/root/…/id/") of an org; nullopt when it does not exist.
    std::optional<std::string> pathOf(const std::string& id) const;

    core::Page<core::Org> children(const std::string& parentId, int limit,
                                   const std::optional<core::PageCursor>& after) const;
    /// The orgs whose materialised paths are exactly these (a caller's scope roots), same ordering.
    core::Page<core::Org> withPaths(const std::vector<std::string>& paths, int limit,
                                    const std::optional<core::PageCursor>& after) const;
    /// Case-insensitive substring match on name or slug, limited to orgs inside any of `withinPaths`.
    core::Page<core::Org> search(const std::string& text, const std::vector<std::string>& withinPaths, int limit,
                                 const std::optional<core::PageCursor>& after) const;

    /// Inserts; the caller wraps it in Database::transaction together with its audit event.
    /// Throws StoreError Conflict ("org.slug") on a duplicate slug, NotFound when the parent is missing.
    core::Org create(const NewOrg& org) const;

    /// Changes name, kind and attributes; the slug never changes. The caller wraps it in a transaction with its
    /// audit event. False when there is no such org.
    bool update(const std::string& id, const std::string& name, core::OrgKind kind,
                const nlohmann::json& attributes) const;

    /// Re-parents the org at `oldPath` under the org at `newParentPath`, with its whole subtree: one set-based
    /// UPDATE replaces the path prefix and shifts the depths of every org in the subtree, however large. The caller
    /// checks the move (no cycle, not a root) inside its transaction, after OrgLifecycleRepository::lockStructure.
    /// Returns how many orgs moved (the org and its descendants).
    int move(const std::string& id, const std::string& oldPath, int oldDepth, const std::string& newParentId,
             const std::string& newParentPath, int newParentDepth) const;

    int count() const;

private:
    const Database& m_db;
};

} // namespace trellis::server
