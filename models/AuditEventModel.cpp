#include "models/AuditEventModel.h"

#include "client/ApiClient.h"

#include <QColor>
#include <QLoggingCategory>

namespace trellis::models {

namespace {

Q_LOGGING_CATEGORY(lcAuditModel, "trellis.models.audit")

constexpr int kDefaultLiveIntervalMs = 2000;

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

} // namespace

AuditEventModel::AuditEventModel(client::ApiClient* client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
    , m_cachePath(AuditCache::defaultPath())
{
    m_liveTimer.setInterval(kDefaultLiveIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &AuditEventModel::fetchNewer);
}

AuditEventModel::~AuditEventModel() = default;

void AuditEventModel::setCachePath(const QString& path)
{
    m_cachePath = path;
    m_cache.reset();
}

QString AuditEventModel::cachePath() const
{
    return m_cachePath;
}

AuditCache* AuditEventModel::cache() const
{
    if (!m_cache)
        m_cache = std::make_unique<AuditCache>(m_cachePath.isEmpty() ? QStringLiteral(":memory:") : m_cachePath);
    return m_cache.get();
}

void AuditEventModel::setCacheScope(const QString& scope)
{
    m_scope = scope;
}

void AuditEventModel::setPageSize(int size)
{
    m_pageSize = std::clamp(size, 1, 500);
}

void AuditEventModel::setBlockLimit(int blocks)
{
    m_blockLimit = std::max(1, blocks);
}

void AuditEventModel::setBlockRows(int rows)
{
    m_blockRows = std::max(1, rows);
    m_blocks.clear();
    m_lru.clear();
}

void AuditEventModel::setLiveInterval(int milliseconds)
{
    m_liveTimer.setInterval(milliseconds);
}

QString AuditEventModel::key() const
{
    return m_scope + QLatin1Char('\n') + m_filter.canonical();
}

int AuditEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_run.rowCount;
}

int AuditEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditEventModel::outcomeText(const QString& outcome)
{
    if (outcome == QLatin1String("success"))
        return tr("Success");
    if (outcome == QLatin1String("denied"))
        return tr("Denied");
    if (outcome == QLatin1String("failure"))
        return tr("Failure");
    return outcome;
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OutcomeColumn:
        return tr("Outcome");
    case ActorColumn:
        return tr("Actor");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case AddressColumn:
        return tr("Client address");
    default:
        return QVariant();
    }
}

std::shared_ptr<AuditEventModel::Block> AuditEventModel::block(qint64 blockNumber) const
{
    if (const auto it = m_blocks.find(blockNumber); it != m_blocks.end()) {
        m_lru.remove(blockNumber);
        m_lru.push_front(blockNumber);
        return it->second;
    }
    // Cache rows of this block that belong to the run: idx [blockNumber*m_blockRows, +m_blockRows).
    const qint64 firstIdx = std::max(blockNumber * m_blockRows, m_run.firstIdx);
    const qint64 lastIdx = std::min((blockNumber + 1) * m_blockRows, m_run.firstIdx + m_run.rowCount);
    auto b = std::make_shared<Block>();
    b->events = cache()->rows(key(), m_scope, int(firstIdx - m_run.firstIdx), int(lastIdx - firstIdx));
    m_blocks.emplace(blockNumber, b);
    m_lru.push_front(blockNumber);
    while (int(m_lru.size()) > m_blockLimit) {
        m_blocks.erase(m_lru.back());
        m_lru.pop_back();
    }
    return b;
}

const client::AuditEvent* AuditEventModel::eventPtr(int row) const
{
    if (row < 0 || row >= m_run.rowCount)
        return nullptr;
    const qint64 idx = m_run.firstIdx + row;
    const qint64 number = floorDiv(idx, m_blockRows);
    const auto b = block(number);
    const qint64 offset = idx - std::max(number * m_blockRows, m_run.firstIdx);
    if (offset < 0 || offset >= qint64(b->events.size()))
        return nullptr;
    return &b->events[size_t(offset)];
}

std::optional<client::AuditEvent> AuditEventModel::eventAt(int row) const
{
    if (const auto* e = eventPtr(row))
        return *e;
    return std::nullopt;
}

void AuditEventModel::forgetBlocks(qint64 firstIdx, qint64 lastIdx)
{
    for (qint64 n = floorDiv(firstIdx, m_blockRows); n <= floorDiv(lastIdx, m_blockRows); ++n) {
        m_blocks.erase(n);
        m_lru.remove(n);
    }
}

QVariant AuditEventModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.parent().isValid())
        return QVariant();
    const client::AuditEvent* e = eventPtr(index.row());
    if (!e)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return role == Qt::ToolTipRole
                       ? e->occurredAt.toUTC().toString(Qt::ISODateWithMs)
                       : e->occurredAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case OutcomeColumn:
            return role == Qt::ToolTipRole && !e->reason.isEmpty() ? e->reason : outcomeText(e->outcome);
        case ActorColumn:
            if (e->actorType == QLatin1String("system"))
                return tr("System");
            return e->actorDisplay.isEmpty() ? e->actorId : e->actorDisplay;
        case ActionColumn:
            return e->action;
        case TargetColumn:
            if (!e->targetDisplay.isEmpty())
                return e->targetDisplay;
            return e->targetId.isEmpty() ? e->targetType : e->targetType + QLatin1Char(' ') + e->targetId;
        case AddressColumn:
            return e->clientAddress;
        default:
            return QVariant();
        }
    case Qt::ForegroundRole:
        // Denied and failed attempts stand out; readable on light and dark palettes.
        if (index.column() == OutcomeColumn && e->outcome == QLatin1String("denied"))
            return QColor(0xc0, 0x5a, 0x00);
        if (index.column() == OutcomeColumn && e->outcome == QLatin1String("failure"))
            return QColor(0xd0, 0x1f, 0x1f);
        return QVariant();
    case SequenceRole:
        return e->sequence;
    case EventRole:
        return QVariant::fromValue(*e);
    case OutcomeRole:
        return e->outcome;
    default:
        return QVariant();
    }
}

void AuditEventModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    Q_EMIT fetchingChanged(fetching);
}

void AuditEventModel::setFilter(const client::AuditFilter& filter)
{
    beginResetModel();
    ++m_generation; // answers for the previous filter are dropped
    m_filter = filter;
    m_resolved = filter.resolved(QDateTime::currentDateTimeUtc());
    m_active = true;
    m_blocks.clear();
    m_lru.clear();
    m_failed = false;
    m_lastFailure = client::ApiFailure();
    setFetching(false);
    if (!filter.range.isEmpty())
        cache()->dropOlderThan(key(), m_resolved.from);
    m_run = cache()->run(key());
    m_fromCache = m_run.exists;
    cache()->touch(key());
    endResetModel();
    qCDebug(lcAuditModel) << "filter applied;" << m_run.rowCount << "rows from the cache";
    if (m_fromCache)
        fetchNewer();
    else
        fetchMore(QModelIndex());
}

void AuditEventModel::reload()
{
    if (!m_active)
        return;
    cache()->remove(key());
    setFilter(m_filter);
}

void AuditEventModel::forgetScope()
{
    beginResetModel();
    ++m_generation;
    m_liveTimer.stop();
    m_active = false;
    m_blocks.clear();
    m_lru.clear();
    m_run = AuditCache::Run();
    setFetching(false);
    if (!m_scope.isEmpty())
        cache()->removeScope(m_scope);
    endResetModel();
}

bool AuditEventModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_active && !m_fetching && !m_failed && !m_run.complete;
}

void AuditEventModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    setFetching(true);
    ++m_requests;
    const quint64 generation = m_generation;
    m_client->auditEvents(
        m_resolved, m_run.rowCount > 0 ? m_run.bottomSequence : 0, m_pageSize, this,
        [this, generation](client::ApiResult<client::AuditEventPage> result) { onOlderPage(generation, result); });
}

void AuditEventModel::onOlderPage(quint64 generation, const client::ApiResult<client::AuditEventPage>& result)
{
    if (generation != m_generation)
        return;
    if (!result.ok()) {
        m_failed = true;
        m_lastFailure = result.failure;
        setFetching(false);
        Q_EMIT fetchFailed(result.failure);
        return;
    }
    const auto& page = *result.value;
    const bool complete = page.nextBefore == 0 || page.events.empty();
    const int first = m_run.rowCount;
    const int count = int(page.events.size());
    if (count > 0)
        beginInsertRows(QModelIndex(), first, first + count - 1);
    cache()->appendOlder(key(), m_scope, page.events, page.rawEvents, complete);
    forgetBlocks(m_run.firstIdx + first, m_run.firstIdx + first + std::max(count, 1) - 1);
    m_run = cache()->run(key());
    if (count > 0)
        endInsertRows();
    setFetching(false);
    Q_EMIT pageLoaded();
}

void AuditEventModel::fetchNewer()
{
    if (!m_active || m_fetching)
        return;
    if (m_run.rowCount == 0 && !m_run.complete) {
        fetchMore(QModelIndex());
        return;
    }
    setFetching(true);
    ++m_requests;
    const quint64 generation = m_generation;
    m_client->auditEventsAfter(
        m_resolved, m_run.topSequence, m_pageSize, this,
        [this, generation](client::ApiResult<client::AuditEventPage> result) { onNewerPage(generation, result); });
}

void AuditEventModel::onNewerPage(quint64 generation, const client::ApiResult<client::AuditEventPage>& result)
{
    if (generation != m_generation)
        return;
    setFetching(false);
    if (!result.ok()) {
        m_lastFailure = result.failure;
        Q_EMIT fetchFailed(result.failure);
        return;
    }
    auto page = *result.value;
    // The answer is oldest first; the table (and the cache's run) is newest first.
    std::reverse(page.events.begin(), page.events.end());
    std::reverse(page.rawEvents.begin(), page.rawEvents.end());
    const int count = int(page.events.size());
    if (count > 0) {
        const qint64 oldFirst = m_run.firstIdx;
        beginInsertRows(QModelIndex(), 0, count - 1);
        cache()->prependNewer(key(), m_scope, page.events, page.rawEvents);
        forgetBlocks(oldFirst - count, oldFirst);
        m_run = cache()->run(key());
        endInsertRows();
        Q_EMIT newerEventsInserted(count);
    }
    Q_EMIT pageLoaded();
    // More than one page arrived since: keep going until caught up.
    if (page.nextAfter != 0 && count > 0)
        fetchNewer();
}

void AuditEventModel::setLiveTail(bool on)
{
    if (on)
        m_liveTimer.start();
    else
        m_liveTimer.stop();
}

} // namespace trellis::models
