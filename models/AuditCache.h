#pragma once

#include "client/AuditRecords.h"

#include <vector>

#include <QString>

namespace trellis::models {

/// The console's local SQLite store of audit pages, keyed by server, person and filter, so scrolling back and
/// re-applying a filter seen before need no request. Each filter's rows are a contiguous run of indexes (`idx`):
/// older events append below the run, newer ones (live tail, catching up) prepend above it with smaller indexes, so
/// neither ever renumbers the rows already stored. Event bodies are stored once per server and person.
class AuditCache
{
public:
    /// Opens (or creates) the database at `path`; see isOpen().
    explicit AuditCache(const QString& path);
    ~AuditCache();
    AuditCache(const AuditCache&) = delete;
    AuditCache& operator=(const AuditCache&) = delete;

    /// QStandardPaths::CacheLocation/audit-cache.sqlite.
    static QString defaultPath();

    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    struct Run
    {
        bool exists = false;
        qint64 firstIdx = 0; ///< the index of row 0
        int rowCount = 0;
        bool complete = false; ///< the oldest matching event is stored
        qint64 topSequence = 0;
        qint64 bottomSequence = 0;
    };
    Run run(const QString& key) const;

    /// Stores older events (newest first) below the run of `key`.
    bool appendOlder(const QString& key, const QString& scope, const std::vector<client::AuditEvent>& events,
                     const std::vector<QByteArray>& raw, bool complete);
    /// Stores newer events (newest first) above the run of `key`.
    bool prependNewer(const QString& key, const QString& scope, const std::vector<client::AuditEvent>& events,
                      const std::vector<QByteArray>& raw);
    /// Rows [firstRow, firstRow + count) of `key`'s run, parsed.
    std::vector<client::AuditEvent> rows(const QString& key, const QString& scope, int firstRow, int count) const;
    /// Drops the run's rows older than `from` (a relative range moved on); keeps the run contiguous.
    void dropOlderThan(const QString& key, const QDateTime& from);
    /// Marks `key` as used now and forgets the least recently used runs beyond `keep`, with their unshared events.
    void touch(const QString& key, int keep = 40);
    void remove(const QString& key);
    /// Forgets every run and event of `scope` (keys are scope + '\n' + filter).
    void removeScope(const QString& scope);
    int runCount() const;

private:
    bool exec(const QString& sql);
    bool storeEvents(const QString& scope, const std::vector<client::AuditEvent>& events,
                     const std::vector<QByteArray>& raw);

    QString m_path;
    QString m_connection;
    QString m_error;
    bool m_open = false;
};

} // namespace trellis::models
