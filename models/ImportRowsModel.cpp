#include "models/ImportRowsModel.h"

#include "models/ImportFile.h"

#include <algorithm>

#include <QBrush>
#include <QColor>
#include <QRegularExpression>

namespace trellis::models {

namespace {

// The text between the first pair of double quotes in a server message ("No role \"x\" can be used ...").
QString quotedPart(const QString& message)
{
    const int start = message.indexOf(QLatin1Char('"'));
    const int end = start < 0 ? -1 : message.indexOf(QLatin1Char('"'), start + 1);
    return end > start ? message.mid(start + 1, end - start - 1) : QString();
}

} // namespace

ImportRowsModel::ImportRowsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

QString ImportRowsModel::columnLabel(const QString& field)
{
    if (field == QLatin1String("email"))
        return tr("E-mail (email)");
    if (field == QLatin1String("displayName"))
        return tr("Name (displayName)");
    if (field == QLatin1String("title"))
        return tr("Title (title)");
    if (field == QLatin1String("roles"))
        return tr("Roles (roles)");
    if (field == QLatin1String("expiresAt"))
        return tr("End of membership (expiresAt)");
    if (field == QLatin1String("mode"))
        return tr("Mode (mode)");
    return field;
}

void ImportRowsModel::setFile(const ImportFile& file, const QString& defaultMode)
{
    beginResetModel();
    m_rows.clear();
    m_hasPreview = false;
    m_headerFields = int(file.header().size());
    for (int r = 0; r < file.rowCount(); ++r) {
        Entry e;
        e.line = file.lineOf(r);
        e.fieldCount = file.fieldCount(r);
        e.email = file.value(r, QStringLiteral("email"));
        e.name = file.value(r, QStringLiteral("displayName"));
        e.roles = file.value(r, QStringLiteral("roles"));
        e.mode = file.value(r, QStringLiteral("mode"));
        if (e.mode.isEmpty())
            e.mode = defaultMode;
        e.expiresAt = file.value(r, QStringLiteral("expiresAt"));
        m_rows.push_back(std::move(e));
    }
    endResetModel();
}

void ImportRowsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_hasPreview = false;
    endResetModel();
}

void ImportRowsModel::setPreview(const client::ImportReport& report)
{
    for (auto& e : m_rows) {
        e.preview.reset();
        e.state = CommitState::NotStarted;
        e.result.reset();
        e.note.clear();
    }
    for (const auto& r : report.rows) {
        if (r.row >= 1 && r.row <= int(m_rows.size()))
            m_rows[std::size_t(r.row - 1)].preview = r;
    }
    m_hasPreview = true;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ImportRowsModel::errorCount() const
{
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Entry& e) { return e.preview && e.preview->hasError(); }));
}

int ImportRowsModel::validCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(),
                             [](const Entry& e) { return e.preview && !e.preview->hasError(); }));
}

std::vector<int> ImportRowsModel::validRows() const
{
    std::vector<int> rows;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].preview && !m_rows[i].preview->hasError())
            rows.push_back(int(i));
    }
    return rows;
}

void ImportRowsModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ImportRowsModel::setCommitState(int row, CommitState state, const QString& note)
{
    if (row < 0 || row >= rowCount())
        return;
    m_rows[std::size_t(row)].state = state;
    m_rows[std::size_t(row)].note = note;
    emitRowChanged(row);
}

void ImportRowsModel::setCommitResult(int row, const client::ImportRowResult& result)
{
    if (row < 0 || row >= rowCount())
        return;
    Entry& e = m_rows[std::size_t(row)];
    e.result = result;
    e.state = result.hasError() ? CommitState::Failed : CommitState::Done;
    e.note.clear();
    emitRowChanged(row);
}

ImportRowsModel::CommitState ImportRowsModel::commitState(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].state : CommitState::NotStarted;
}

int ImportRowsModel::countInState(CommitState state) const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [state](const Entry& e) { return e.state == state; }));
}

std::optional<client::ImportRowResult> ImportRowsModel::previewAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].preview : std::nullopt;
}

std::optional<client::ImportRowResult> ImportRowsModel::resultAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].result : std::nullopt;
}

int ImportRowsModel::lineAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].line : 0;
}

QString ImportRowsModel::emailAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[std::size_t(row)].email : QString();
}

bool ImportRowsModel::hasError(const Entry& e) const
{
    if (e.state == CommitState::Failed)
        return true;
    return e.preview && e.preview->hasError();
}

QString ImportRowsModel::errorText(int row, const client::ImportRowResult& r) const
{
    const Entry* e = row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
    const QString code = r.errorCode;
    const QString field = r.errorField;
    const QString label = columnLabel(field);
    if (code == QLatin1String("invalid_row"))
        return e ? tr("This row has %1 fields; the first row names %2 columns. Check for a missing or extra comma.")
                       .arg(e->fieldCount)
                       .arg(m_headerFields)
                 : tr("This row has a different number of fields than the first row.");
    if (code == QLatin1String("required") && field == QLatin1String("email"))
        return tr("%1: missing.").arg(label);
    if (code == QLatin1String("required") && field == QLatin1String("displayName"))
        return tr("%1: needed to create a new person's account.").arg(label);
    if (code == QLatin1String("invalid_email"))
        return tr("%1: \"%2\" is not an address like name@example.com.").arg(label, e ? e->email : r.email);
    if (code == QLatin1String("duplicate_email")) {
        if (e) {
            for (int i = 0; i < row; ++i) {
                if (m_rows[std::size_t(i)].email.compare(e->email, Qt::CaseInsensitive) == 0)
                    return tr("%1: the same address is already on line %2 of the file.")
                        .arg(label)
                        .arg(m_rows[std::size_t(i)].line);
            }
        }
        return tr("%1: the same address appears earlier in the file.").arg(label);
    }
    if (code == QLatin1String("invalid_field") && field == QLatin1String("mode"))
        return tr("%1: must be create or invite (or empty).").arg(label);
    if (code == QLatin1String("invalid_field") &&
        (field == QLatin1String("displayName") || field == QLatin1String("title"))) {
        if (r.errorMessage.contains(QLatin1String("200")))
            return tr("%1: at most 200 characters.").arg(label);
        return tr("%1: may not contain line breaks or control characters.").arg(label);
    }
    if (code == QLatin1String("invalid_field") && field == QLatin1String("expiresAt")) {
        if (r.errorMessage.contains(QLatin1String("future")))
            return tr("%1: the date has passed; it must lie in the future.").arg(label);
        return tr("%1: \"%2\" is not a date and time like 2027-03-31T00:00:00Z.")
            .arg(label, e ? e->expiresAt : QString());
    }
    if (code == QLatin1String("forbidden") && field == QLatin1String("mode")) {
        if (e && e->mode == QLatin1String("create"))
            return tr("%1: you may not create accounts at this organisation (that needs user management); use "
                      "invite.")
                .arg(label);
        return tr("%1: you may not invite people to this organisation.").arg(label);
    }
    if (code == QLatin1String("unknown_role")) {
        const QString key = quotedPart(r.errorMessage);
        return key.isEmpty() ? tr("%1: a role in this row cannot be used at this organisation.").arg(label)
                             : tr("%1: there is no role \"%2\" that can be used at this organisation.").arg(label, key);
    }
    if (code == QLatin1String("role_not_allowed")) {
        if (r.errorMessage.contains(QLatin1String("role.assign")))
            return tr("%1: you may not give roles at this organisation.").arg(label);
        static const QRegularExpression rolePattern(QStringLiteral("the role ([^:]+):"));
        const auto match = rolePattern.match(r.errorMessage);
        if (match.hasMatch())
            return tr("%1: you may not give the role \"%2\"; it carries permissions you do not hold here.")
                .arg(label, match.captured(1));
        return tr("%1: you may not give one of these roles here.").arg(label);
    }
    if (code == QLatin1String("already_member"))
        return tr("Already an active member of this organisation.");
    if (code == QLatin1String("invitation_pending"))
        return tr("An invitation for this address is already waiting to be accepted here.");
    // Something newer than this console: the server's words, with its field name spelled as the column.
    return field.isEmpty() ? r.errorMessage : tr("%1: %2").arg(label, r.errorMessage);
}

QString ImportRowsModel::resultText(const Entry& e) const
{
    const auto actionText = [](const QString& action, bool done) {
        if (action == QLatin1String("create"))
            return done ? tr("Created") : tr("Would create");
        if (action == QLatin1String("invite"))
            return done ? tr("Invited") : tr("Would invite");
        if (action == QLatin1String("add-membership"))
            return done ? tr("Membership added") : tr("Would add membership");
        return tr("Error");
    };
    switch (e.state) {
    case CommitState::NotStarted:
        if (!e.preview)
            return m_hasPreview ? tr("Not checked") : tr("Checking…");
        return e.preview->hasError() ? tr("Error") : actionText(e.preview->action, false);
    case CommitState::Waiting:
        return tr("Waiting");
    case CommitState::Sending:
        return tr("Importing…");
    case CommitState::Done:
        return e.result ? actionText(e.result->action, true) : tr("Done");
    case CommitState::Failed:
        return tr("Not imported");
    case CommitState::Skipped:
        return tr("Skipped (error)");
    case CommitState::NotSent:
        return tr("Not imported");
    case CommitState::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString ImportRowsModel::detailsText(int row) const
{
    const Entry& e = m_rows[std::size_t(row)];
    if (e.state == CommitState::Failed && e.result && e.result->hasError())
        return errorText(row, *e.result);
    if (!e.note.isEmpty())
        return e.note;
    if (e.preview && e.preview->hasError())
        return errorText(row, *e.preview);
    if (e.state == CommitState::Done && e.result && !e.result->acceptUrl.isEmpty())
        return e.result->action == QLatin1String("invite") ? tr("Send them the invitation link.")
                                                           : tr("Send them the link to choose a password.");
    return {};
}

int ImportRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImportRowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportRowsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LineColumn:
            return e.line;
        case EmailColumn:
            return e.email;
        case NameColumn:
            return e.name;
        case RolesColumn:
            return e.roles;
        case ResultColumn:
            return resultText(e);
        case DetailsColumn:
            return detailsText(index.row());
        case LinkColumn:
            return e.result ? e.result->acceptUrl : QString();
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if ((index.column() == ResultColumn || index.column() == DetailsColumn) &&
            (hasError(e) && e.state != CommitState::Skipped))
            return QBrush(QColor(0xb0, 0x00, 0x20));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == LineColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case HasErrorRole:
        return hasError(e);
    case FilterRole:
        return hasError(e) ? QStringLiteral("error") : QStringLiteral("ok");
    case ActionRole:
        return e.result ? e.result->action : e.preview ? e.preview->action : QString();
    case CommitStateRole:
        return QVariant::fromValue(e.state);
    case AcceptUrlRole:
        return e.result ? e.result->acceptUrl : QString();
    default:
        return {};
    }
}

QVariant ImportRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case EmailColumn:
        return tr("E-mail");
    case NameColumn:
        return tr("Name");
    case RolesColumn:
        return tr("Roles");
    case ResultColumn:
        return tr("Result");
    case DetailsColumn:
        return tr("Details");
    case LinkColumn:
        return tr("Link (shown only now)");
    default:
        return {};
    }
}

QByteArray ImportRowsModel::resultsCsv() const
{
    QString out = QStringLiteral("line,email,displayName,result,details,link\r\n");
    for (int row = 0; row < rowCount(); ++row) {
        const Entry& e = m_rows[std::size_t(row)];
        const QStringList cells{QString::number(e.line),
                                ImportFile::quoted(e.email),
                                ImportFile::quoted(e.name),
                                ImportFile::quoted(resultText(e)),
                                ImportFile::quoted(detailsText(row)),
                                ImportFile::quoted(e.result ? e.result->acceptUrl : QString())};
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace trellis::models
