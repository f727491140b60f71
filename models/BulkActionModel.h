#pragma once

#include "client/ApiResult.h"

#include <functional>
#include <vector>

#include <QAbstractTableModel>

namespace trellis::models {

/// One bulk action (disable, offboard, assign a role, resend invitations...) over many items, run a few at a time,
/// with a result per item: the rows are the items, and each row says whether the server did it and, if not, why.
class BulkActionModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ItemColumn = 0,
        ResultColumn,
        ColumnCount
    };
    enum class State
    {
        Waiting,
        Running,
        Done,
        Failed,
        Skipped ///< cancelled before it started
    };
    Q_ENUM(State)
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        StateRole, ///< State
    };

    struct Item
    {
        QString id;
        QString label; ///< what people recognise the item by (name and e-mail)
    };
    /// Runs the action on one item; calls `done` exactly once. `context` dies when the model does.
    using Runner = std::function<void(const QString& id, QObject* context,
                                      std::function<void(const client::ApiResult<bool>&)> done)>;

    explicit BulkActionModel(QObject* parent = nullptr);

    /// How many items run at the same time (default 2: quick, and gentle on the server).
    void setParallelism(int parallel);
    /// Starts the action over `items` (replacing any previous run's rows).
    void start(const std::vector<Item>& items, Runner runner);
    /// Items not started yet are skipped; running ones finish.
    void cancel();
    bool isRunning() const;
    int total() const;
    int finishedCount() const; ///< done, failed or skipped
    int failedCount() const;
    State stateAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void progress(int finished, int total);
    void finished(int succeeded, int failed);

private:
    struct Row
    {
        Item item;
        State state = State::Waiting;
        QString message;
    };
    void startNext();
    void onItemDone(int row, const client::ApiResult<bool>& result);
    void checkFinished();

    std::vector<Row> m_rows;
    Runner m_runner;
    int m_parallel = 2;
    int m_next = 0;
    int m_running = 0;
    quint64 m_generation = 0;
    bool m_active = false;
};

} // namespace trellis::models
