#pragma once

#include "core/AuditEvent.h"
#include "server/store/AuditFilter.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace trellis::server {

class Database;

/// Reads the audit trail for the audit browser and exports: filtered pages by keyset on the sequence (stable while
/// events are appended: new ones only ever get larger sequences) and counts per time bucket and outcome.
class AuditQuery
{
public:
    explicit AuditQuery(const Database& db)
        : m_db(db)
    {
    }

    struct Page
    {
        std::vector<core::AuditEvent> events;
        bool more = false; ///< further events match beyond the last one returned
    };
    /// Newest first: events with sequence < before (no bound when nullopt).
    Page newestFirst(const AuditFilter& filter, std::optional<std::int64_t> before, int limit) const;
    /// Oldest first: events with sequence > after (live tail, exports).
    Page oldestFirst(const AuditFilter& filter, std::int64_t after, int limit) const;

    enum class BucketSize
    {
        Minute,
        Hour,
        Day
    };
    struct Bucket
    {
        std::string start; ///< RFC 3339 UTC
        std::int64_t success = 0;
        std::int64_t denied = 0;
        std::int64_t failure = 0;
    };
    /// Only buckets with events, ascending.
    std::vector<Bucket> histogram(const AuditFilter& filter, BucketSize size) const;

private:
    /// `floor`: only sequences above it (the probe window); `path`: only events at exactly this org path, walked by
    /// its index in sequence order.
    Page page(const AuditFilter& filter, bool newestFirst, std::optional<std::int64_t> cursor, int limit,
              std::optional<std::int64_t> floor = std::nullopt, const std::string* path = nullptr) const;
    /// The distinct org paths of events in the filter's subtree (or visible subtrees), found by index seeks; nullopt
    /// without a subtree or when there are more than `most`.
    std::optional<std::vector<std::string>> eventPaths(const AuditFilter& filter, std::size_t most) const;

    const Database& m_db;
};

} // namespace trellis::server
