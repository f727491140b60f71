#pragma once

#include "client/ApiFailure.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;
class QSaveFile;

namespace trellis::client {

/// One running GET /audit/export streamed into a file: lines are written as they arrive (memory stays flat), progress
/// counts bytes and events, cancel() aborts and leaves no file behind. The target file appears only when the export
/// finished completely (QSaveFile), so a broken download never looks like a complete one.
class AuditExport : public QObject
{
    Q_OBJECT
public:
    /// Takes ownership of `reply`; writes to `path` in `format` ("csv" or "ndjson").
    AuditExport(QNetworkReply* reply, const QString& path, const QString& format, QObject* parent = nullptr);
    ~AuditExport() override;

    QString path() const { return m_path; }
    QString format() const { return m_format; }
    qint64 bytesWritten() const { return m_bytes; }
    qint64 eventsWritten() const { return m_events; }
    bool isRunning() const { return m_running; }
    /// Why it failed; empty code after success or cancel.
    ApiFailure failure() const { return m_failure; }
    bool wasCancelled() const { return m_cancelled; }

    /// Stops the download and removes the partial file. finished(false) follows.
    void cancel();

Q_SIGNALS:
    void progress(qint64 bytes, qint64 events);
    /// `ok`: the whole export is in the file.
    void finished(bool ok);

private:
    void onReadyRead();
    void onFinished();
    void fail(const ApiFailure& failure);
    void countEvents(const QByteArray& chunk);

    QPointer<QNetworkReply> m_reply;
    QSaveFile* m_file = nullptr;
    QString m_path;
    QString m_format;
    QByteArray m_errorBody;
    qint64 m_bytes = 0;
    qint64 m_events = 0;
    qint64 m_lines = 0;
    bool m_inQuotes = false; ///< CSV: inside a quoted field, where a line break does not end the row
    bool m_running = true;
    bool m_cancelled = false;
    bool m_statusChecked = false;
    bool m_httpOk = false;
    ApiFailure m_failure;
};

} // namespace trellis::client
