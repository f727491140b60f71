#include "models/ImportFile.h"

#include "core/CsvReader.h"

#include <QFile>
#include <QFileInfo>

namespace trellis::models {

namespace {

// Offset of the first byte that is not part of well-formed UTF-8, or -1.
qsizetype firstInvalidUtf8(const QByteArray& bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        int extra = 0;
        if (c < 0x80)
            extra = 0;
        else if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return i;
        if (i + extra >= n && extra > 0)
            return i;
        for (int k = 1; k <= extra; ++k) {
            if ((static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80)
                return i;
        }
        i += extra + 1;
    }
    return -1;
}

int lineAt(const QByteArray& bytes, qsizetype offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

} // namespace

QStringList ImportFile::knownColumns()
{
    return {QStringLiteral("email"), QStringLiteral("displayName"), QStringLiteral("title"),
            QStringLiteral("roles"), QStringLiteral("expiresAt"),   QStringLiteral("mode")};
}

void ImportFile::clear()
{
    m_path.clear();
    m_size = 0;
    m_problem.clear();
    m_header.clear();
    m_rows.clear();
}

bool ImportFile::fail(const QString& problem)
{
    m_problem = problem;
    m_header.clear();
    m_rows.clear();
    return false;
}

bool ImportFile::load(const QString& path)
{
    clear();
    m_path = path;
    if (path.trimmed().isEmpty())
        return fail(tr("Choose a CSV file."));
    const QFileInfo info(path);
    if (!info.exists())
        return fail(tr("There is no file %1.").arg(info.fileName()));
    if (!info.isFile())
        return fail(tr("%1 is a folder, not a file.").arg(info.fileName()));
    // Checked before reading, so a huge file is never loaded into memory.
    if (info.size() > kMaxBytes)
        return fail(tr("The file is %1 KiB; an import may be at most %2 KiB. Split it into several files.")
                        .arg((info.size() + 1023) / 1024)
                        .arg(kMaxBytes / 1024));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The file could not be read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    return setContent(bytes, path);
}

bool ImportFile::setContent(const QByteArray& bytes, const QString& name)
{
    const QString path = name;
    clear();
    m_path = path;
    m_size = bytes.size();
    if (bytes.isEmpty())
        return fail(tr("The file is empty."));
    if (bytes.size() > kMaxBytes)
        return fail(tr("The file is %1 KiB; an import may be at most %2 KiB. Split it into several files.")
                        .arg((bytes.size() + 1023) / 1024)
                        .arg(kMaxBytes / 1024));
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") || bytes.left(200).count('\0') > 0) {
        if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF") || bytes.left(200).count('\0') > 10)
            return fail(tr("The file is saved as UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8\" and choose it "
                           "again."));
        return fail(tr("This is not a text file. Choose a CSV file saved as \"CSV UTF-8\"."));
    }
    const qsizetype bad = firstInvalidUtf8(bytes);
    if (bad >= 0)
        return fail(tr("The file is not UTF-8 text (line %1 has a character in another encoding, often from saving "
                       "as plain \"CSV\" in Excel). Save it as \"CSV UTF-8\" and choose it again.")
                        .arg(lineAt(bytes, bad)));

    const auto csv = core::CsvReader::parse(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                                            std::size_t(kMaxRows) + 1);
    if (!csv.error.empty()) {
        QString why;
        if (csv.error.find("not closed") != std::string::npos)
            why = tr("a quoted field is not closed");
        else if (csv.error.find("after a closing quote") != std::string::npos)
            why = tr("there is text after a closing quote");
        else if (csv.error.find("quote inside") != std::string::npos)
            why = tr("a field has a quote in it but does not start with one (quote the whole field and double the "
                     "quote)");
        else
            why = tr("a line break is malformed");
        return fail(tr("The file is not valid CSV: on line %1, %2.").arg(csv.errorLine).arg(why));
    }
    if (csv.records.empty())
        return fail(tr("The file is empty."));
    if (csv.records.size() - 1 > std::size_t(kMaxRows))
        return fail(tr("The file has more than %1 rows; an import may have at most %1. Split it into several files.")
                        .arg(kMaxRows));

    const QStringList known = knownColumns();
    QStringList header;
    for (const std::string& raw : csv.records.front().fields) {
        const QString name = QString::fromStdString(raw).trimmed();
        if (csv.records.front().fields.size() == 1 && (name.contains(QLatin1Char(';')) || name.contains(u'\t')))
            return fail(tr("The columns are separated by %1, not by commas. Save the file as \"CSV UTF-8 (comma "
                           "delimited)\", or replace the separators with commas.")
                            .arg(name.contains(QLatin1Char(';')) ? tr("semicolons") : tr("tabs")));
        QString match;
        for (const QString& column : known) {
            if (column.compare(name, Qt::CaseInsensitive) == 0)
                match = column;
        }
        if (match.isEmpty())
            return fail(tr("The first row must name the columns; \"%1\" is not one of them. The columns are %2.")
                            .arg(name.left(50), known.join(QStringLiteral(", "))));
        if (header.contains(match))
            return fail(tr("The column %1 appears twice in the first row.").arg(match));
        header << match;
    }
    if (!header.contains(QStringLiteral("email")))
        return fail(
            tr("The first row must name an email column (the columns are %1).").arg(known.join(QStringLiteral(", "))));
    if (csv.records.size() == 1)
        return fail(tr("The file has a header row but no people below it."));

    m_header = header;
    for (std::size_t i = 1; i < csv.records.size(); ++i) {
        Row row;
        row.line = csv.records[i].line;
        for (const std::string& field : csv.records[i].fields)
            row.fields << QString::fromStdString(field);
        m_rows.push_back(std::move(row));
    }
    return true;
}

int ImportFile::lineOf(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].line : 0;
}

int ImportFile::fieldCount(int row) const
{
    return row >= 0 && row < rowCount() ? int(m_rows[std::size_t(row)].fields.size()) : 0;
}

QString ImportFile::value(int row, const QString& column) const
{
    const int index = m_header.indexOf(column);
    if (row < 0 || row >= rowCount() || index < 0 || index >= m_rows[std::size_t(row)].fields.size())
        return {};
    return m_rows[std::size_t(row)].fields.at(index).trimmed();
}

QString ImportFile::quoted(const QString& field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) && !field.contains(QLatin1Char('\n')) &&
        !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray ImportFile::toCsv(const std::vector<int>& rows, const QString& defaultMode) const
{
    const bool fillMode = defaultMode == QLatin1String("create");
    const int modeIndex = m_header.indexOf(QStringLiteral("mode"));
    QStringList header = m_header;
    if (fillMode && modeIndex < 0)
        header << QStringLiteral("mode");
    // LF line endings (the server reads both): the file sent stays as small as the one chosen.
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const int r : rows) {
        if (r < 0 || r >= rowCount())
            continue;
        QStringList fields = m_rows[std::size_t(r)].fields;
        if (fillMode) {
            if (modeIndex < 0)
                fields << defaultMode;
            else if (modeIndex < fields.size() && fields.at(modeIndex).trimmed().isEmpty())
                fields[modeIndex] = defaultMode;
        }
        QStringList cells;
        for (const QString& field : fields)
            cells << quoted(field);
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace trellis::models
