#pragma once

#include <chrono>

namespace trellis::core {

/// The source of "now" for everything time-dependent (token expiry, membership end dates, inactivity),
/// injectable so tests can move time instead of sleeping.
class Clock
{
public:
    using TimePoint = std::chrono::system_clock::time_point;

    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;

    /// The wall clock used in production.
    static const Clock& system();
};

/// A clock that stands still until told to move; for tests.
class ManualClock : public Clock
{
public:
    explicit ManualClock(TimePoint start) : m_now(start) {}
    TimePoint now() const override { return m_now; }
    void advance(std::chrono::seconds by) { m_now += by; }
    void set(TimePoint to) { m_now = to; }

private:
    TimePoint m_now;
};

} // namespace trellis::core
