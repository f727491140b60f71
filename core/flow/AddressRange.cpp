#include "core/flow/AddressRange.h"

#include <charconv>
#include <vector>

namespace trellis::core::flow {

namespace {

std::optional<std::array<std::uint8_t, 4>> parseIpv4(std::string_view text)
{
    std::array<std::uint8_t, 4> out{};
    std::size_t part = 0;
    std::size_t pos = 0;
    while (part < 4) {
        const std::size_t end = part < 3 ? text.find('.', pos) : text.size();
        if (end == std::string_view::npos || end == pos || end - pos > 3)
            return std::nullopt;
        unsigned value = 0;
        const auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + end, value);
        if (ec != std::errc() || ptr != text.data() + end || value > 255)
            return std::nullopt;
        out[part++] = std::uint8_t(value);
        pos = end + 1;
    }
    return out;
}

std::optional<AddressRange::Bytes> parseIpv6(std::string_view text)
{
    // Groups before and after "::"; the last group may be dotted IPv4.
    std::vector<std::uint16_t> head, tail;
    bool compressed = false;
    const std::size_t gap = text.find("::");
    std::string_view before = text, after;
    if (gap != std::string_view::npos) {
        compressed = true;
        before = text.substr(0, gap);
        after = text.substr(gap + 2);
        if (after.find("::") != std::string_view::npos)
            return std::nullopt;
    }
    const auto groups = [](std::string_view part, std::vector<std::uint16_t>& out) -> bool {
        if (part.empty())
            return true;
        std::size_t pos = 0;
        while (true) {
            const std::size_t end = std::min(part.find(':', pos), part.size());
            const std::string_view g = part.substr(pos, end - pos);
            if (end == part.size() && g.find('.') != std::string_view::npos) {
                const auto v4 = parseIpv4(g);
                if (!v4)
                    return false;
                out.push_back(std::uint16_t((*v4)[0] << 8 | (*v4)[1]));
                out.push_back(std::uint16_t((*v4)[2] << 8 | (*v4)[3]));
                return true;
            }
            if (g.empty() || g.size() > 4)
                return false;
            unsigned value = 0;
            const auto [ptr, ec] = std::from_chars(g.data(), g.data() + g.size(), value, 16);
            if (ec != std::errc() || ptr != g.data() + g.size())
                return false;
            out.push_back(std::uint16_t(value));
            if (end == part.size())
                return true;
            pos = end + 1;
        }
    };
    if (!groups(before, head) || !groups(after, tail))
        return std::nullopt;
    const std::size_t total = head.size() + tail.size();
    if ((compressed && total > 7) || (!compressed && total != 8))
        return std::nullopt;
    AddressRange::Bytes out{};
    std::size_t i = 0;
    for (std::uint16_t g : head) {
        out[i++] = std::uint8_t(g >> 8);
        out[i++] = std::uint8_t(g & 0xff);
    }
    i = 16 - 2 * tail.size();
    for (std::uint16_t g : tail) {
        out[i++] = std::uint8_t(g >> 8);
        out[i++] = std::uint8_t(g & 0xff);
    }
    return out;
}

} // namespace

std::optional<AddressRange::Bytes> AddressRange::parseAddress(std::string_view text)
{
    if (text.find(':') == std::string_view::npos) {
        const auto v4 = parseIpv4(text);
        if (!v4)
            return std::nullopt;
        Bytes out{};
        out[10] = out[11] = 0xff;
        for (int i = 0; i < 4; ++i)
            out[12 + i] = (*v4)[i];
        return out;
    }
    return parseIpv6(text);
}

std::optional<AddressRange> AddressRange::parse(std::string_view text)
{
    const std::size_t slash = text.find('/');
    const std::string_view address = text.substr(0, slash);
    const auto bytes = parseAddress(address);
    if (!bytes)
        return std::nullopt;
    const bool v4 = address.find(':') == std::string_view::npos;
    int prefix = 128;
    if (slash != std::string_view::npos) {
        const std::string_view p = text.substr(slash + 1);
        int value = -1;
        const auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), value);
        if (p.empty() || ec != std::errc() || ptr != p.data() + p.size() || value < 0 || value > (v4 ? 32 : 128))
            return std::nullopt;
        prefix = v4 ? value + 96 : value;
    }
    AddressRange range;
    range.m_prefix = prefix;
    for (int i = 0; i < 16; ++i) {
        const int bits = std::min(8, std::max(0, prefix - 8 * i));
        const std::uint8_t mask = bits == 0 ? 0 : std::uint8_t(0xff << (8 - bits));
        range.m_network[i] = (*bytes)[i] & mask;
    }
    return range;
}

bool AddressRange::contains(const Bytes& address) const
{
    for (int i = 0; i < 16; ++i) {
        const int bits = std::min(8, std::max(0, m_prefix - 8 * i));
        const std::uint8_t mask = bits == 0 ? 0 : std::uint8_t(0xff << (8 - bits));
        if ((address[i] & mask) != m_network[i])
            return false;
    }
    return true;
}

bool AddressRange::contains(std::string_view address) const
{
    const auto bytes = parseAddress(address);
    return bytes && contains(*bytes);
}

} // namespace trellis::core::flow
