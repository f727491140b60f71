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
        StateRole,  ///< State
        DetailRole, ///< what a successful run answered worth keeping (e.g. a new invitation link); may be empty
    };

    struct Item
    {
        QString id;
        QString label; ///< what people recognise the item by (name and e-mail)
    };
    /// Runs the action on one item; calls `done` exactly once with a detail to show on success (empty: "Done") or a
    /// failure. `context` dies when the model does.
    using Done = std::function<void(const client::ApiResult<QString>&)>;
    using Runner = std::function<void(const QString& id, QObject* context, Done done)>;

    /// Adapts a call answering ApiResult<bool> to `Done`.
    static std::function<void(const client::ApiResult<bool>&)> fromBool(Done done);

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
        QString detail;
    };
    void startNext();
    void onItemDone(int row, const client::ApiResult<QString>& result);
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
