#include "core/flow/RiskAssessor.h"

#include <algorithm>
#include <cctype>

namespace trellis::core::flow {

namespace {

std::vector<std::string> strings(const nlohmann::json& config, const char* key)
{
    std::vector<std::string> out;
    const auto it = config.find(key);
    if (it == config.end() || !it->is_array())
        return out;
    for (const auto& v : *it) {
        if (v.is_string())
            out.push_back(v.get<std::string>());
    }
    return out;
}

int integer(const nlohmann::json& config, const char* key, int fallback)
{
    const auto it = config.find(key);
    return it != config.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

// "203.0.113.0/24=DE" -> range and "DE"; nullopt when malformed.
std::optional<std::pair<AddressRange, std::string>> countryEntry(const std::string& entry)
{
    const std::size_t eq = entry.rfind('=');
    if (eq == std::string::npos)
        return std::nullopt;
    const auto range = AddressRange::parse(entry.substr(0, eq));
    std::string country = entry.substr(eq + 1);
    if (!range || country.size() != 2 ||
        !std::all_of(country.begin(), country.end(), [](unsigned char c) { return std::isalpha(c); }))
        return std::nullopt;
    std::transform(country.begin(), country.end(), country.begin(), [](unsigned char c) { return std::toupper(c); });
    return std::make_pair(*range, country);
}

bool inAny(const std::vector<AddressRange>& ranges, const std::string& address)
{
    const auto bytes = AddressRange::parseAddress(address);
    return bytes &&
           std::any_of(ranges.begin(), ranges.end(), [&](const AddressRange& r) { return r.contains(*bytes); });
}

} // namespace

nlohmann::json RiskAssessment::toJson() const
{
    nlohmann::json reasonList = nlohmann::json::array();
    for (const RiskReason& r : reasons)
        reasonList.push_back({{"code", r.code}, {"points", r.points}, {"detail", r.detail}});
    return {{"score", score}, {"level", level}, {"country", country}, {"reasons", std::move(reasonList)}};
}

RiskAssessor::RiskAssessor(const nlohmann::json& config)
    : m_config(config.is_object() ? config : nlohmann::json::object())
{
    for (const std::string& s : strings(m_config, "allowList")) {
        if (auto r = AddressRange::parse(s))
            m_allow.push_back(*r);
    }
    for (const std::string& s : strings(m_config, "denyList")) {
        if (auto r = AddressRange::parse(s))
            m_deny.push_back(*r);
    }
    for (const std::string& s : strings(m_config, "countryRanges")) {
        if (auto e = countryEntry(s))
            m_countries.push_back(std::move(*e));
    }
}

std::string RiskAssessor::countryOf(const std::string& address) const
{
    const auto bytes = AddressRange::parseAddress(address);
    if (!bytes)
        return {};
    for (const auto& [range, country] : m_countries) {
        if (range.contains(*bytes))
            return country;
    }
    return {};
}

RiskAssessment RiskAssessor::assess(const RiskSignals& s) const
{
    RiskAssessment a;
    const auto add = [&](std::string code, int points, std::string detail) {
        if (points != 0)
            a.reasons.push_back(RiskReason{std::move(code), points, std::move(detail)});
    };
    if (!s.knownDevice)
        add("unknown_device", integer(m_config, "unknownDeviceWeight", 40), "first sign-in from this browser");
    if (inAny(m_deny, s.address))
        add("deny_listed_address", integer(m_config, "denyListWeight", 100), s.address + " is in the deny list");
    else if (inAny(m_allow, s.address))
        add("allow_listed_address", -integer(m_config, "allowListCredit", 50), s.address + " is in the allow list");
    if (s.recentFailures > 0)
        add("recent_failures",
            std::min(s.recentFailures * integer(m_config, "failureWeight", 10), integer(m_config, "failureCap", 40)),
            std::to_string(s.recentFailures) + " failed attempts in the last hour");
    a.country = countryOf(s.address);
    if (!a.country.empty() && !s.countries.empty() &&
        std::find(s.countries.begin(), s.countries.end(), a.country) == s.countries.end())
        add("new_country", integer(m_config, "newCountryWeight", 30), "first sign-in from " + a.country);
    const int start = integer(m_config, "offHoursStart", 22);
    const int end = integer(m_config, "offHoursEnd", 6);
    const bool offHours = start <= end ? (s.hour >= start && s.hour < end) : (s.hour >= start || s.hour < end);
    if (start != end && offHours)
        add("off_hours", integer(m_config, "offHoursWeight", 15), "at " + std::to_string(s.hour) + ":00 UTC");

    int score = 0;
    for (const RiskReason& r : a.reasons)
        score += r.points;
    a.score = std::clamp(score, 0, 100);
    a.level = a.score >= integer(m_config, "highThreshold", 60)     ? "high"
              : a.score >= integer(m_config, "mediumThreshold", 30) ? "medium"
                                                                    : "low";
    return a;
}

void RiskAssessor::checkConfig(const nlohmann::json& config, const std::string& nodeId,
                               std::vector<FlowProblem>& problems)
{
    const auto add = [&](const std::string& field, std::size_t index, const std::string& message) {
        problems.push_back(FlowProblem{"invalid_config_value",
                                       nodeId,
                                       {},
                                       "config." + field + "[" + std::to_string(index) + "]",
                                       "Node \"" + nodeId + "\": " + message});
    };
    for (const char* list : {"allowList", "denyList"}) {
        const auto entries = strings(config, list);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (!AddressRange::parse(entries[i]))
                add(list, i,
                    "\"" + entries[i] + "\" in " + list +
                        " is not an address range like 203.0.113.0/24 or 2001:db8::/32.");
        }
    }
    const auto countries = strings(config, "countryRanges");
    for (std::size_t i = 0; i < countries.size(); ++i) {
        if (!countryEntry(countries[i]))
            add("countryRanges", i,
                "\"" + countries[i] +
                    "\" in countryRanges is not a range and a two-letter country code like "
                    "203.0.113.0/24=DE.");
    }
    const int medium = integer(config, "mediumThreshold", 30);
    const int high = integer(config, "highThreshold", 60);
    if (medium > high)
        problems.push_back(FlowProblem{"invalid_config_value",
                                       nodeId,
                                       {},
                                       "config.mediumThreshold",
                                       "Node \"" + nodeId + "\": the medium threshold (" + std::to_string(medium) +
                                           ") must not be above the high threshold (" + std::to_string(high) + ")."});
}

} // namespace trellis::core::flow
