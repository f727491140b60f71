#include "models/BulkActionModel.h"

#include <QBrush>
#include <QColor>

namespace trellis::models {

BulkActionModel::BulkActionModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void BulkActionModel::setParallelism(int parallel)
{
    m_parallel = qBound(1, parallel, 8);
}

void BulkActionModel::start(const std::vector<Item>& items, Runner runner)
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    for (const auto& item : items)
        m_rows.push_back(Row{item, State::Waiting, {}});
    m_runner = std::move(runner);
    m_next = 0;
    m_running = 0;
    m_active = !m_rows.empty();
    endResetModel();
    Q_EMIT progress(0, total());
    if (m_rows.empty()) {
        Q_EMIT finished(0, 0);
        return;
    }
    startNext();
}

void BulkActionModel::cancel()
{
    if (!m_active)
        return;
    for (int row = m_next; row < int(m_rows.size()); ++row) {
        m_rows[std::size_t(row)].state = State::Skipped;
        m_rows[std::size_t(row)].message = tr("Not done: cancelled.");
    }
    if (m_next < int(m_rows.size()))
        Q_EMIT dataChanged(index(m_next, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    m_next = int(m_rows.size());
    Q_EMIT progress(finishedCount(), total());
    checkFinished();
}

bool BulkActionModel::isRunning() const
{
    return m_active;
}

int BulkActionModel::total() const
{
    return int(m_rows.size());
}

int BulkActionModel::finishedCount() const
{
    int count = 0;
    for (const auto& row : m_rows)
        count += row.state == State::Done || row.state == State::Failed || row.state == State::Skipped;
    return count;
}

int BulkActionModel::failedCount() const
{
    int count = 0;
    for (const auto& row : m_rows)
        count += row.state == State::Failed;
    return count;
}

BulkActionModel::State BulkActionModel::stateAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)].state : State::Waiting;
}

void BulkActionModel::startNext()
{
    while (m_running < m_parallel && m_next < int(m_rows.size())) {
        const int row = m_next++;
        m_rows[std::size_t(row)].state = State::Running;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        ++m_running;
        const quint64 generation = m_generation;
        m_runner(m_rows[std::size_t(row)].item.id, this,
                 [this, row, generation](const client::ApiResult<QString>& result) {
                     if (generation == m_generation)
                         onItemDone(row, result);
                 });
    }
}

std::function<void(const client::ApiResult<bool>&)> BulkActionModel::fromBool(Done done)
{
    return [done = std::move(done)](const client::ApiResult<bool>& result) {
        client::ApiResult<QString> detail;
        if (result.ok())
            detail.value = QString();
        else
            detail.failure = result.failure;
        done(detail);
    };
}

void BulkActionModel::onItemDone(int row, const client::ApiResult<QString>& result)
{
    --m_running;
    Row& r = m_rows[std::size_t(row)];
    r.state = result.ok() ? State::Done : State::Failed;
    r.detail = result.ok() ? *result.value : QString();
    r.message = result.ok() ? (r.detail.isEmpty() ? tr("Done") : r.detail) : result.failure.message;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT progress(finishedCount(), total());
    startNext();
    checkFinished();
}

void BulkActionModel::checkFinished()
{
    if (!m_active || m_running > 0 || m_next < int(m_rows.size()))
        return;
    m_active = false;
    const int failed = failedCount();
    int succeeded = 0;
    for (const auto& row : m_rows)
        succeeded += row.state == State::Done;
    Q_EMIT finished(succeeded, failed);
}

int BulkActionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkActionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkActionModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const Row& row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn)
            return row.item.label;
        switch (row.state) {
        case State::Waiting:
            return tr("Waiting");
        case State::Running:
            return tr("Working…");
        default:
            return row.message;
        }
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn && row.state == State::Failed)
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return QVariant();
    case ItemIdRole:
        return row.item.id;
    case StateRole:
        return QVariant::fromValue(row.state);
    case DetailRole:
        return row.detail;
    default:
        return QVariant();
    }
}

QVariant BulkActionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    return section == ItemColumn ? tr("Item") : tr("Result");
}

} // namespace trellis::models
