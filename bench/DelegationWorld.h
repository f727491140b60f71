#pragma once

#include <cstdint>
#include <string>

namespace trellis::server {
class Database;
}

namespace trellis::bench {

/// How big the generated world is; the defaults are issue 4's benchmark size.
struct WorldSize
{
    int orgs = 100000;
    int people = 1000000;
    std::uint64_t seed = 4;
};

/// Slugs and e-mail addresses of the generated world's landmarks, so a later run finds them without regenerating.
struct WorldLandmarks
{
    static constexpr const char* kRootSlug = "bench-root";
    static constexpr const char* kHomeDistributorSlug = "bench-distributor-home";   ///< parent of the moving subtree
    static constexpr const char* kOtherDistributorSlug = "bench-distributor-other"; ///< where it moves to and back
    static constexpr const char* kMovingSlug = "bench-moving";     ///< root of the 10,000-org subtree that moves
    static constexpr const char* kResellerSlug = "bench-reseller"; ///< mid-level reseller (4,000 orgs)
    static constexpr const char* kOwnerEmail = "bench.owner@trellis-bench.example"; ///< platform owner at the root
    static constexpr const char* kResellerAdminEmail = "bench.reseller-admin@trellis-bench.example"; ///< org admin
    static constexpr int kMovingOrgs = 10000;
    static constexpr int kResellerOrgs = 4000;
};

/// Writes a deterministic (per seed) B2B2X world straight into trellisd's schema: an org tree of depth up to 8 with
/// a few big distributors and many small customers, people with plausible names, memberships (some people in
/// several orgs), admins at every level and last-sign-in times. Paths come from core::OrgPath and sort keys from the
/// store's own foldKey, so the rows are what the server itself would write. Batched multi-row inserts, one
/// transaction per 100,000 rows; SQLite without a journal while it runs.
class DelegationWorld
{
public:
    explicit DelegationWorld(WorldSize size)
        : m_size(size)
    {
    }

    /// Fills an empty, migrated database (Database::open() done). Progress goes to stderr. Throws on failure.
    void generate(const server::Database& db) const;

private:
    WorldSize m_size;
};

} // namespace trellis::bench
