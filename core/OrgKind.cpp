#include "core/OrgKind.h"

#include <array>
#include <utility>

namespace trellis::core {

namespace {
constexpr std::array<std::pair<OrgKind, std::string_view>, 9> kKindNames{{
    {OrgKind::Manufacturer, "manufacturer"},
    {OrgKind::Reseller, "reseller"},
    {OrgKind::Distributor, "distributor"},
    {OrgKind::Customer, "customer"},
    {OrgKind::ServicePartner, "service-partner"},
    {OrgKind::Supplier, "supplier"},
    {OrgKind::LogisticsProvider, "logistics-provider"},
    {OrgKind::ItProvider, "it-provider"},
    {OrgKind::Subcontractor, "subcontractor"},
}};

constexpr std::array<std::pair<OrgStatus, std::string_view>, 3> kStatusNames{{
    {OrgStatus::Active, "active"},
    {OrgStatus::Suspended, "suspended"},
    {OrgStatus::Offboarded, "offboarded"},
}};
} // namespace

std::string_view toString(OrgKind kind)
{
    for (const auto& [k, name] : kKindNames) {
        if (k == kind)
            return name;
    }
    return {};
}

std::optional<OrgKind> orgKindFromString(std::string_view text)
{
    for (const auto& [k, name] : kKindNames) {
        if (name == text)
            return k;
    }
    return std::nullopt;
}

const std::vector<OrgKind>& allOrgKinds()
{
    static const std::vector<OrgKind> kinds = [] {
        std::vector<OrgKind> v;
        for (const auto& entry : kKindNames)
            v.push_back(entry.first);
        return v;
    }();
    return kinds;
}

std::string_view toString(OrgStatus status)
{
    for (const auto& [s, name] : kStatusNames) {
        if (s == status)
            return name;
    }
    return {};
}

std::optional<OrgStatus> orgStatusFromString(std::string_view text)
{
    for (const auto& [s, name] : kStatusNames) {
        if (name == text)
            return s;
    }
    return std::nullopt;
}

} // namespace trellis::core
