#pragma once

#include "core/OrgKind.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core {

/// The demo B2B2X world that seeds the local workspace and `trellisd --demo`, generated deterministically
/// from a seed (same seed, same world, on every machine: no std:: distributions, whose output differs
/// between standard libraries). Plain data; the server's DemoSeeder writes it to the database.
struct DemoWorld
{
    struct OrgSpec
    {
        std::string slug;       ///< unique; also the key memberships refer to
        std::string parentSlug; ///< empty for the root
        OrgKind kind = OrgKind::Customer;
        std::string name;
        nlohmann::json attributes = nlohmann::json::object(); ///< e.g. {"country": "DE", "domain": "acme.example"}
    };
    struct PersonSpec
    {
        std::string email; ///< normalised
        std::string displayName;
        bool disabled = false;
        int daysSinceLastSignIn = -1; ///< -1: never signed in
    };
    struct MembershipSpec
    {
        std::string email;
        std::string orgSlug;
        std::string title;
        std::vector<std::string> roleKeys; ///< builtin role keys granted at that org
        int endsInDays = 0;                ///< 0: open-ended; > 0: contractor access that stops by itself
    };

    /// A login journey owned by an org, published once and bound for all applications at the orgs named.
    struct FlowSpec
    {
        std::string ownerSlug;
        std::string name;
        std::string description;
        nlohmann::json document; ///< FlowDocument JSON
        std::string publishNote; ///< version 1 is published with this note
        std::vector<std::string> boundAtSlugs;
    };

    std::vector<OrgSpec> orgs; ///< parents always before their children
    std::vector<PersonSpec> people;
    std::vector<MembershipSpec> memberships;
    std::vector<FlowSpec> flows;

    static constexpr std::uint64_t kDefaultSeed = 20261123;
    static DemoWorld generate(std::uint64_t seed = kDefaultSeed);

    /// The three fixed, documented demo accounts.
    static constexpr const char* kOwnerEmail = "owner@acme.example";
    static constexpr const char* kAuditorEmail = "auditor@acme.example";
    static constexpr const char* kPartnerSuperadminEmail = "superadmin@northwind.example";
    /// The user agent of the demo's seeded audit history (server DemoAuditHistory): marks those events as demo data.
    static constexpr const char* kHistoryUserAgent = "Mozilla/5.0 (X11; Linux x86_64) Trellis demo data";
    /// Used when TRELLIS_DEMO_PASSWORD is unset (documented in the README).
    static constexpr const char* kDefaultDemoPassword = "trellis-demo-2026";
};

} // namespace trellis::core
