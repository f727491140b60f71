#pragma once

#include "client/ApiResult.h"
#include "client/AuditFilter.h"
#include "client/AuditRecords.h"
#include "models/AuditCache.h"

#include <list>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include <QAbstractTableModel>
#include <QTimer>

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

/// The audit trail as a table, newest first, that scrolls through millions of events: pages are fetched from the
/// server on demand (canFetchMore/fetchMore), stored in the local SQLite cache (AuditCache) keyed by server, person
/// and filter, and read back in small blocks of which only a few stay in memory (LRU). Re-applying a filter seen
/// before shows its stored rows at once and then asks only for events newer than the newest stored one. Live tail
/// polls for newer events every two seconds and inserts them at the top.
class AuditEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        OutcomeColumn,
        ActorColumn,
        ActionColumn,
        TargetColumn,
        AddressColumn,
        ColumnCount
    };
    enum Role
    {
        SequenceRole = Qt::UserRole + 1,
        EventRole, ///< the whole client::AuditEvent
        OutcomeRole,
    };

    explicit AuditEventModel(client::ApiClient* client, QObject* parent = nullptr);
    ~AuditEventModel() override;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// The cache database (default AuditCache::defaultPath()); set before the first filter. Empty: no cache file.
    void setCachePath(const QString& path);
    QString cachePath() const;
    /// Who looks at which server: rows are cached per scope, because people see different events.
    void setCacheScope(const QString& scope);
    QString cacheScope() const { return m_scope; }
    /// Events per request (1..500, default 200).
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    /// How many blocks of rows stay parsed in memory (default 8 blocks of 100 rows).
    void setBlockLimit(int blocks);
    void setBlockRows(int rows);
    int loadedBlockCount() const { return int(m_blocks.size()); }

    /// Applies a filter: stored rows show at once, newer ones are asked for; without stored rows the first page is.
    void setFilter(const client::AuditFilter& filter);
    client::AuditFilter filter() const { return m_filter; }
    /// The filter with a relative range fixed at the time it was applied (what the requests send).
    client::AuditFilter resolvedFilter() const { return m_resolved; }
    /// Whether the current filter's rows came from the cache when it was applied.
    bool appliedFromCache() const { return m_fromCache; }
    /// Forgets the stored rows of the current filter and loads again from the newest.
    void reload();
    /// Empties the table and deletes everything the cache holds for the current scope (signing out).
    void forgetScope();

    bool isFetching() const { return m_fetching; }
    /// Every matching event down to the oldest is loaded.
    bool isComplete() const { return m_run.complete; }
    /// Requests sent since the model was made (tests: re-applying a cached filter sends none for old rows).
    int requestCount() const { return m_requests; }
    client::ApiFailure lastFailure() const { return m_lastFailure; }

    std::optional<client::AuditEvent> eventAt(int row) const;
    /// Asks for events newer than the newest row and inserts them at the top.
    void fetchNewer();
    void setLiveTail(bool on);
    bool isLiveTail() const { return m_liveTimer.isActive(); }
    /// Live tail's poll interval in milliseconds (default 2000).
    void setLiveInterval(int milliseconds);

    static QString outcomeText(const QString& outcome);

Q_SIGNALS:
    void fetchingChanged(bool fetching);
    /// A page arrived (rows appended at the bottom or inserted at the top).
    void pageLoaded();
    void newerEventsInserted(int count);
    void fetchFailed(const client::ApiFailure& failure);

private:
    struct Block
    {
        std::vector<client::AuditEvent> events;
    };
    const client::AuditEvent* eventPtr(int row) const;
    std::shared_ptr<Block> block(qint64 blockNumber) const;
    void forgetBlocks(qint64 firstIdx, qint64 lastIdx);
    void setFetching(bool fetching);
    void onOlderPage(quint64 generation, const client::ApiResult<client::AuditEventPage>& result);
    void onNewerPage(quint64 generation, const client::ApiResult<client::AuditEventPage>& result);
    QString key() const;
    AuditCache* cache() const;

    client::ApiClient* m_client;
    mutable std::unique_ptr<AuditCache> m_cache;
    QString m_cachePath;
    QString m_scope;
    client::AuditFilter m_filter;
    client::AuditFilter m_resolved;
    bool m_active = false;
    bool m_fromCache = false;
    AuditCache::Run m_run;
    int m_pageSize = 200;
    int m_blockLimit = 8;
    int m_blockRows = 100; ///< rows parsed from the cache at a time
    mutable std::unordered_map<qint64, std::shared_ptr<Block>> m_blocks;
    mutable std::list<qint64> m_lru; ///< most recently used block first
    bool m_fetching = false;
    bool m_failed = false;
    int m_requests = 0;
    quint64 m_generation = 0;
    client::ApiFailure m_lastFailure;
    QTimer m_liveTimer;
};

} // namespace trellis::models
