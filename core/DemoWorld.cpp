#include "core/DemoWorld.h"

// Implemented by the demo-data work item; see DemoWorld.h for the contract.
namespace trellis::core {
DemoWorld DemoWorld::generate(std::uint64_t)
{
    return {};
}
} // namespace trellis::core
