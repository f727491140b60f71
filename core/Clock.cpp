#include "core/Clock.h"

namespace trellis::core {

namespace {
class SystemClock : public Clock
{
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
};
} // namespace

const Clock& Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace trellis::core
