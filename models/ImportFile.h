#pragma once

#include <vector>

#include <QCoreApplication>
#include <QStringList>

namespace trellis::models {

/// A CSV file of people to import, read and checked on this computer before anything is sent: size, encoding
/// (UTF-8 only), CSV syntax, the header row (the same columns and limits as the server) and the row count. It writes
/// the rows back out as CSV for the server, all of them or a subset, with a default mode filled in.
class ImportFile
{
    Q_DECLARE_TR_FUNCTIONS(ImportFile)

public:
    static constexpr qint64 kMaxBytes = 1024 * 1024; ///< the server's limit (ImportApi::kMaxBytes)
    static constexpr int kMaxRows = 5000;            ///< the server's limit (ImportApi::kMaxRows)

    /// The columns the server knows, in the documented order.
    static QStringList knownColumns();

    /// Reads and checks a file; false (and problem()) when it cannot be imported as it is.
    bool load(const QString& path);
    /// Checks CSV text as if read from a file called `name`.
    bool setContent(const QByteArray& bytes, const QString& name = QString());
    void clear();

    bool isValid() const { return m_problem.isEmpty() && !m_header.isEmpty(); }
    /// Why the file cannot be imported, in plain words (empty when it can).
    QString problem() const { return m_problem; }
    QString path() const { return m_path; }
    qint64 size() const { return m_size; }

    /// The header row's columns, spelled as the server names them.
    QStringList header() const { return m_header; }
    int rowCount() const { return int(m_rows.size()); }
    /// Line in the file where data row `row` (0-based) starts.
    int lineOf(int row) const;
    int fieldCount(int row) const;
    /// The (trimmed) value of `column` in data row `row`; empty when the row has no such field.
    QString value(int row, const QString& column) const;

    /// CSV for the server: the header and the given data rows (0-based, in that order). Rows without a mode get
    /// `defaultMode` ("create"; "invite" is the server's own default and leaves them as they are).
    QByteArray toCsv(const std::vector<int>& rows, const QString& defaultMode) const;

    /// Quotes a field for CSV when it needs it (comma, quote, line break).
    static QString quoted(const QString& field);

private:
    bool fail(const QString& problem);

    QString m_path;
    qint64 m_size = 0;
    QString m_problem;
    QStringList m_header;
    struct Row
    {
        int line = 0;
        QStringList fields;
    };
    std::vector<Row> m_rows;
};

} // namespace trellis::models
