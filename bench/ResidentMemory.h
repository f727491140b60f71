#pragma once

namespace trellis::bench {

/// Resident set size of this process in MB (Linux /proc/self/statm).
double residentMb();
/// The kernel's own high-water mark of the resident set (VmHWM), in MB: catches peaks between two samples.
double highWaterMb();

} // namespace trellis::bench
