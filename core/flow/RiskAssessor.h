#pragma once

#include "core/flow/AddressRange.h"
#include "core/flow/FlowProblem.h"
#include "core/flow/FlowServices.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace trellis::core::flow {

/// One contribution to a risk score, e.g. {"unknown_device", 40}.
struct RiskReason
{
    std::string code; ///< unknown_device, deny_listed_address, allow_listed_address, recent_failures,
                      ///< new_country, off_hours
    int points = 0;   ///< added to the score (negative for an allow-listed address)
    std::string detail;
};

struct RiskAssessment
{
    int score = 0;       ///< 0..100
    std::string level;   ///< "low", "medium", "high"
    std::string country; ///< from the node's address table; empty when the address is in none of its ranges
    std::vector<RiskReason> reasons;

    nlohmann::json toJson() const;
};

/// Scores a sign-in attempt from RiskSignals with the risk node's configuration. Pure: no clock, no I/O, the
/// same signals and config always give the same assessment.
///
/// Signals and their points (config keys, defaults in brackets):
/// - the browser has no known device cookie for this user: unknownDeviceWeight [40]
/// - the client address is in denyList (CIDR list): denyListWeight [100]
/// - the client address is in allowList (CIDR list): minus allowListCredit [50]
/// - failed attempts on the account in the last hour: failureWeight [10] each, at most failureCap [40]
/// - the address maps to a country (countryRanges: "CIDR=CC" entries, first match wins) the person has
///   never signed in from, while they have signed in before: newCountryWeight [30]
/// - the hour (UTC) is within offHoursStart..offHoursEnd [22..6, wrapping midnight]: offHoursWeight [15]
/// The score is clamped to 0..100; >= highThreshold [60] is high, >= mediumThreshold [30] medium, else low.
class RiskAssessor
{
public:
    explicit RiskAssessor(const nlohmann::json& config);

    RiskAssessment assess(const RiskSignals& signals) const;
    /// The country of `address` in the table, or "".
    std::string countryOf(const std::string& address) const;

    /// Config problems the generic schema check cannot see: malformed CIDR entries, a country table entry that
    /// is not "CIDR=CC", thresholds in the wrong order.
    static void checkConfig(const nlohmann::json& config, const std::string& nodeId,
                            std::vector<FlowProblem>& problems);

private:
    nlohmann::json m_config;
    std::vector<AddressRange> m_allow;
    std::vector<AddressRange> m_deny;
    std::vector<std::pair<AddressRange, std::string>> m_countries;
};

} // namespace trellis::core::flow
