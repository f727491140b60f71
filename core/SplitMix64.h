#pragma once

#include <cstdint>
#include <iterator>

namespace trellis::core {

/// splitmix64: tiny, well mixed and identical everywhere, unlike std:: distributions (demo data that is the same on
/// every machine).
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// 0 <= result < bound (the modulo bias is irrelevant for demo data).
    int below(int bound) { return bound <= 1 ? 0 : int(next() % std::uint64_t(bound)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    template <typename Container>
    const auto& pick(const Container& items)
    {
        return items[std::size_t(below(int(std::size(items))))];
    }

private:
    std::uint64_t m_state;
};

} // namespace trellis::core
