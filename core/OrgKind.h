#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace trellis::core {

/// What an organisation is to the others in a B2B2X world. Explicit, never inferred from names.
enum class OrgKind {
    Manufacturer,
    Reseller,
    Distributor,
    Customer,
    ServicePartner,
    Supplier,
    LogisticsProvider,
    ItProvider,
    Subcontractor,
};

/// Wire names: "manufacturer", "reseller", "distributor", "customer", "service-partner", "supplier",
/// "logistics-provider", "it-provider", "subcontractor".
std::string_view toString(OrgKind kind);
std::optional<OrgKind> orgKindFromString(std::string_view text);
const std::vector<OrgKind>& allOrgKinds();

enum class OrgStatus { Active, Suspended, Offboarded };
std::string_view toString(OrgStatus status);
std::optional<OrgStatus> orgStatusFromString(std::string_view text);

} // namespace trellis::core
