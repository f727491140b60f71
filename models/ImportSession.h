#pragma once

#include "client/ApiFailure.h"
#include "client/ApiResult.h"
#include "client/ImportReport.h"
#include "core/Org.h"
#include "models/ImportFile.h"

#include <vector>

#include <QObject>

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

class ImportRowsModel;

/// A CSV import of people from start to end, without widgets: the checked file, the target organisation and default
/// mode, the server's dry run (every row's result in `rows()`), then the commit of the valid rows in parts with
/// progress, cancel and every row's outcome.
class ImportSession : public QObject
{
    Q_OBJECT

public:
    /// Rows per commit request. The server writes one request in one transaction and answers only at the end, so a
    /// single request for 5,000 rows would show no progress, could not be stopped, and might outlast the client's
    /// request timeout. Parts of 100 rows make the progress real and give "stop" a place between them; each part is
    /// still all or nothing. The price: a large import stopped half-way (or refused half-way) leaves the earlier
    /// parts written, which the results page says row by row. A file of up to 100 valid rows is one request.
    static constexpr int kDefaultChunkSize = 100;

    explicit ImportSession(client::ApiClient* client, QObject* parent = nullptr);
    ~ImportSession() override;

    ImportFile& file() { return m_file; }
    const ImportFile& file() const { return m_file; }
    ImportRowsModel* rows() const { return m_rows; }

    void setOrg(const core::Org& org);
    core::Org org() const { return m_org; }
    /// What rows without a mode do: "invite" (the server's default) or "create".
    void setDefaultMode(const QString& mode);
    QString defaultMode() const { return m_defaultMode; }
    void setChunkSize(int rows);
    int chunkSize() const { return m_chunkSize; }

    /// Sends the whole file as a dry run (nothing is written); dryRunFinished() follows.
    void startDryRun();
    bool isCheckingFile() const { return m_dryRunRunning; }
    /// The totals of the last successful dry run (rows counted as in the file).
    client::ImportTotals previewTotals() const { return m_previewTotals; }
    /// Why the last dry run or commit was refused as a whole (empty code when it was not).
    client::ApiFailure lastFailure() const { return m_failure; }

    /// Whether the commit may start: a preview exists, it has valid rows, and no errors unless they are skipped.
    bool canCommit(bool skipRowsWithErrors) const;
    /// Sends the valid rows in parts; progress() after every part, commitFinished() at the end.
    void startCommit(bool skipRowsWithErrors);
    /// Stops after the part being sent; parts not sent yet are not imported.
    void cancel();
    bool isCommitting() const { return m_committing; }
    bool wasCancelled() const { return m_cancelled; }
    int importedCount() const;
    int notImportedCount() const;

    /// The links of rows that got one (invitations, set-password links), as "email<TAB>link" lines.
    QString linksText() const;

Q_SIGNALS:
    void dryRunFinished(bool ok);
    void progress(int sentRows, int totalRows);
    void commitFinished();

private:
    void sendNextChunk();
    void onChunkAnswered(const std::vector<int>& chunk, const client::ApiResult<client::ImportReport>& result);
    void finishCommit();

    client::ApiClient* m_client = nullptr;
    ImportFile m_file;
    ImportRowsModel* m_rows = nullptr;
    core::Org m_org;
    QString m_defaultMode = QStringLiteral("invite");
    int m_chunkSize = kDefaultChunkSize;

    QObject* m_requests = nullptr; ///< context of requests in flight; deleting it drops their answers
    bool m_dryRunRunning = false;
    client::ImportTotals m_previewTotals;
    client::ApiFailure m_failure;

    bool m_committing = false;
    bool m_cancelled = false;
    bool m_skipInvalid = false;
    std::vector<int> m_pending; ///< valid rows not sent yet, in file order
    int m_totalToSend = 0;
    int m_sent = 0;
};

} // namespace trellis::models
