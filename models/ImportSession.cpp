#include "models/ImportSession.h"

#include "client/ApiClient.h"
#include "models/ImportRowsModel.h"

#include <algorithm>

#include <QLoggingCategory>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcImport, "trellis.models.import")
}

ImportSession::ImportSession(client::ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_rows(new ImportRowsModel(this))
{
}

ImportSession::~ImportSession() = default;

void ImportSession::setOrg(const core::Org& org)
{
    m_org = org;
}

void ImportSession::setDefaultMode(const QString& mode)
{
    m_defaultMode = mode == QLatin1String("create") ? mode : QStringLiteral("invite");
}

void ImportSession::setChunkSize(int rows)
{
    m_chunkSize = qMax(1, rows);
}

void ImportSession::startDryRun()
{
    if (m_committing)
        return;
    // A new question makes any earlier answer moot.
    delete m_requests;
    m_requests = new QObject(this);
    m_failure = {};
    m_previewTotals = {};
    m_rows->setFile(m_file, m_defaultMode);
    if (!m_file.isValid()) {
        m_failure.code = QStringLiteral("invalid_file");
        m_failure.message = m_file.problem();
        m_failure.field = QStringLiteral("body");
        Q_EMIT dryRunFinished(false);
        return;
    }
    std::vector<int> all(std::size_t(m_file.rowCount()));
    for (int i = 0; i < m_file.rowCount(); ++i)
        all[std::size_t(i)] = i;
    const QByteArray csv = m_file.toCsv(all, m_defaultMode);
    if (csv.size() > ImportFile::kMaxBytes) {
        // Filling in the mode (or quoting) made it grow past the server's limit.
        m_failure.code = QStringLiteral("invalid_file");
        m_failure.message = tr("With the mode filled in for every row, the file would be larger than %1 KiB. Split "
                               "it into several files.")
                                .arg(ImportFile::kMaxBytes / 1024);
        m_failure.field = QStringLiteral("body");
        Q_EMIT dryRunFinished(false);
        return;
    }
    m_dryRunRunning = true;
    const int expected = m_file.rowCount();
    m_client->importPeople(QString::fromStdString(m_org.id), csv, true, false, m_requests,
                           [this, expected](client::ApiResult<client::ImportReport> result) {
                               m_dryRunRunning = false;
                               if (result.ok() && int(result.value->rows.size()) != expected) {
                                   qCWarning(lcImport)
                                       << "dry run answered" << result.value->rows.size() << "rows for" << expected;
                                   result.failure.code = QStringLiteral("invalid_response");
                                   result.failure.message =
                                       tr("The server counted the rows differently (%1 instead of %2); nothing was "
                                          "imported.")
                                           .arg(result.value->rows.size())
                                           .arg(expected);
                                   result.value.reset();
                               }
                               if (!result.ok()) {
                                   m_failure = result.failure;
                                   Q_EMIT dryRunFinished(false);
                                   return;
                               }
                               m_previewTotals = result.value->totals;
                               m_rows->setPreview(*result.value);
                               Q_EMIT dryRunFinished(true);
                           });
}

bool ImportSession::canCommit(bool skipRowsWithErrors) const
{
    if (!m_rows->hasPreview() || m_dryRunRunning || m_committing || m_rows->validCount() == 0)
        return false;
    return m_rows->errorCount() == 0 || skipRowsWithErrors;
}

void ImportSession::startCommit(bool skipRowsWithErrors)
{
    if (!canCommit(skipRowsWithErrors))
        return;
    m_committing = true;
    m_cancelled = false;
    m_failure = {};
    m_skipInvalid = skipRowsWithErrors;
    m_pending = m_rows->validRows();
    m_totalToSend = int(m_pending.size());
    m_sent = 0;
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        const auto preview = m_rows->previewAt(row);
        m_rows->setCommitState(row, preview && !preview->hasError() ? ImportRowsModel::CommitState::Waiting
                                                                    : ImportRowsModel::CommitState::Skipped);
    }
    Q_EMIT progress(0, m_totalToSend);
    sendNextChunk();
}

void ImportSession::cancel()
{
    if (m_committing)
        m_cancelled = true;
}

void ImportSession::sendNextChunk()
{
    if (m_pending.empty() || m_cancelled) {
        finishCommit();
        return;
    }
    const std::size_t n = std::min(m_pending.size(), std::size_t(m_chunkSize));
    const std::vector<int> chunk(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(n));
    m_pending.erase(m_pending.begin(), m_pending.begin() + std::ptrdiff_t(n));
    for (const int row : chunk)
        m_rows->setCommitState(row, ImportRowsModel::CommitState::Sending);
    // With skipInvalid the server writes the rows still valid and reports the others (something may have changed
    // since the preview); without it, a row gone bad makes the server write nothing of this part (422).
    m_client->importPeople(
        QString::fromStdString(m_org.id), m_file.toCsv(chunk, m_defaultMode), false, m_skipInvalid, m_requests,
        [this, chunk](client::ApiResult<client::ImportReport> result) { onChunkAnswered(chunk, result); });
}

void ImportSession::onChunkAnswered(const std::vector<int>& chunk,
                                    const client::ApiResult<client::ImportReport>& result)
{
    m_sent += int(chunk.size());
    if (result.ok() && result.value->rows.size() == chunk.size()) {
        const client::ImportReport& report = *result.value;
        for (std::size_t i = 0; i < chunk.size(); ++i) {
            const auto& r = report.rows[i];
            if (report.committed || r.hasError())
                m_rows->setCommitResult(chunk[i], r);
            else
                m_rows->setCommitState(chunk[i], ImportRowsModel::CommitState::NotSent,
                                       tr("Not written: another row of the same part had an error."));
        }
        Q_EMIT progress(m_sent, m_totalToSend);
        if (!report.committed) {
            // Rows changed since the preview and the user did not choose to skip errors: stop here.
            m_failure.code = QStringLiteral("rows_changed");
            m_failure.message = tr("Some rows were no longer valid when they were sent (see below), so that part was "
                                   "not imported and the import stopped. Check the file and import the rest again.");
            m_cancelled = true;
        }
        sendNextChunk();
        return;
    }
    const client::ApiFailure failure =
        result.ok() ? client::ApiFailure{0, QStringLiteral("invalid_response"),
                                         tr("The server answered for a different number of rows."), QString()}
                    : result.failure;
    m_failure = failure;
    for (const int row : chunk) {
        if (failure.isNetworkError() || failure.code == QLatin1String("invalid_response"))
            m_rows->setCommitState(row, ImportRowsModel::CommitState::Unknown,
                                   tr("No answer arrived: this row may or may not have been imported. Check the "
                                      "People list before importing it again."));
        else
            m_rows->setCommitState(row, ImportRowsModel::CommitState::NotSent,
                                   tr("Not written: the server refused this part (%1).").arg(failure.message));
    }
    Q_EMIT progress(m_sent, m_totalToSend);
    m_cancelled = true;
    sendNextChunk();
}

void ImportSession::finishCommit()
{
    for (const int row : m_pending)
        m_rows->setCommitState(row, ImportRowsModel::CommitState::NotSent,
                               tr("Not sent: the import stopped before this row."));
    m_pending.clear();
    m_committing = false;
    Q_EMIT commitFinished();
}

int ImportSession::importedCount() const
{
    return m_rows->countInState(ImportRowsModel::CommitState::Done);
}

int ImportSession::notImportedCount() const
{
    return m_rows->rowCount() - importedCount();
}

QString ImportSession::linksText() const
{
    QString text;
    for (int row = 0; row < m_rows->rowCount(); ++row) {
        const auto result = m_rows->resultAt(row);
        if (result && !result->acceptUrl.isEmpty())
            text += m_rows->emailAt(row) + QLatin1Char('\t') + result->acceptUrl + QLatin1Char('\n');
    }
    return text;
}

} // namespace trellis::models
