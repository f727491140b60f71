#pragma once

#include "client/ImportReport.h"

#include <optional>
#include <vector>

#include <QAbstractTableModel>

namespace trellis::models {

class ImportFile;

/// The rows of a CSV import, one per data row of the file: what the file says, what the dry run found (would
/// create, invite, add a membership, or why not, in plain words naming the column) and, after the commit, what
/// happened to each row.
class ImportRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LineColumn = 0,
        EmailColumn,
        NameColumn,
        RolesColumn,
        ResultColumn,
        DetailsColumn,
        LinkColumn, ///< invitation or set-password link, after the commit
        ColumnCount
    };
    /// Where a row stands in the commit.
    enum class CommitState
    {
        NotStarted, ///< preview only
        Waiting,    ///< in a part not sent yet
        Sending,
        Done,
        Failed,  ///< the server refused this row at the commit
        Skipped, ///< left out: it had an error in the preview
        NotSent, ///< the import stopped (cancelled or refused) before its part was sent
        Unknown  ///< its part was sent but no answer came back
    };
    Q_ENUM(CommitState)
    enum Role
    {
        HasErrorRole = Qt::UserRole + 1, ///< bool: the preview (or the commit) found an error in this row
        FilterRole,                      ///< "error" or "ok", for a QSortFilterProxyModel ("show only errors")
        ActionRole,                      ///< the server's action: create, invite, add-membership, skip
        CommitStateRole,                 ///< CommitState
        AcceptUrlRole,
    };
    Q_ENUM(Role)

    explicit ImportRowsModel(QObject* parent = nullptr);

    /// One row per data row of `file`; clears every result. `defaultMode` is what rows without a mode do.
    void setFile(const ImportFile& file, const QString& defaultMode);
    void clear();
    /// The dry run's report; its rows are the file's rows in order.
    void setPreview(const client::ImportReport& report);
    bool hasPreview() const { return m_hasPreview; }

    int errorCount() const;
    int validCount() const;
    /// 0-based rows the preview found valid.
    std::vector<int> validRows() const;

    // Commit bookkeeping (ImportSession drives it).
    void setCommitState(int row, CommitState state, const QString& note = QString());
    void setCommitResult(int row, const client::ImportRowResult& result);
    CommitState commitState(int row) const;
    int countInState(CommitState state) const;
    std::optional<client::ImportRowResult> previewAt(int row) const;
    std::optional<client::ImportRowResult> resultAt(int row) const;
    int lineAt(int row) const;
    QString emailAt(int row) const;

    /// The per-row results as CSV (line, email, name, result, details, link) for "Save results as CSV".
    QByteArray resultsCsv() const;

    /// The plain words for a row's error, naming the column of the file (e.g. "Roles: ...").
    QString errorText(int row, const client::ImportRowResult& result) const;
    /// "E-mail (email)": how the console names a column of the file.
    static QString columnLabel(const QString& field);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        int line = 0;
        int fieldCount = 0;
        QString email;
        QString name;
        QString roles;
        QString mode;
        QString expiresAt;
        std::optional<client::ImportRowResult> preview;
        CommitState state = CommitState::NotStarted;
        std::optional<client::ImportRowResult> result;
        QString note;
    };
    QString resultText(const Entry& e) const;
    QString detailsText(int row) const;
    bool hasError(const Entry& e) const;
    void emitRowChanged(int row);

    std::vector<Entry> m_rows;
    int m_headerFields = 0;
    bool m_hasPreview = false;
};

} // namespace trellis::models
