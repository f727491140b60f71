#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace trellis::core::flow {

/// An IPv4 or IPv6 network in CIDR notation ("203.0.113.0/24", "2001:db8::/32", or a single address).
/// IPv4 addresses are kept as IPv4-mapped IPv6, so "::ffff:203.0.113.7" matches "203.0.113.0/24". Pure parsing,
/// no name resolution.
class AddressRange
{
public:
    using Bytes = std::array<std::uint8_t, 16>;

    /// nullopt when `text` is not an address or CIDR range (or the prefix is too long).
    static std::optional<AddressRange> parse(std::string_view text);
    /// An address as 16 bytes (IPv4 mapped); nullopt when malformed.
    static std::optional<Bytes> parseAddress(std::string_view text);

    bool contains(const Bytes& address) const;
    bool contains(std::string_view address) const;

private:
    Bytes m_network{};
    int m_prefix = 128; ///< in IPv6 bits (an IPv4 /24 is stored as /120)
};

} // namespace trellis::core::flow
