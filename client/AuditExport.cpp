#include "client/AuditExport.h"

#include <nlohmann/json.hpp>

#include <QLoggingCategory>
#include <QNetworkReply>
#include <QSaveFile>

namespace trellis::client {

namespace {

Q_LOGGING_CATEGORY(lcExport, "trellis.client.export")

} // namespace

AuditExport::AuditExport(QNetworkReply* reply, const QString& path, const QString& format, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
    , m_file(new QSaveFile(path, this))
    , m_path(path)
    , m_format(format)
{
    reply->setParent(this);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString why = m_file->errorString();
        // Reported asynchronously like every other outcome, after the caller connected its slots.
        QMetaObject::invokeMethod(
            this,
            [this, why] {
                fail({0, QStringLiteral("file_error"), tr("The file could not be written: %1").arg(why), QString()});
            },
            Qt::QueuedConnection);
        return;
    }
    connect(reply, &QNetworkReply::readyRead, this, &AuditExport::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &AuditExport::onFinished);
}

AuditExport::~AuditExport()
{
    if (m_running && m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_file->isOpen())
        m_file->cancelWriting();
}

void AuditExport::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_running = false;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    m_file->cancelWriting();
    m_file->commit(); // with writing cancelled this only discards the temporary file
    qCInfo(lcExport) << "export cancelled after" << m_bytes << "bytes";
    Q_EMIT finished(false);
}

void AuditExport::fail(const ApiFailure& failure)
{
    if (!m_running)
        return;
    m_running = false;
    m_failure = failure;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    if (m_file->isOpen()) {
        m_file->cancelWriting();
        m_file->commit();
    }
    qCInfo(lcExport) << "export failed:" << failure.code;
    Q_EMIT finished(false);
}

void AuditExport::countEvents(const QByteArray& chunk)
{
    const bool csv = m_format == QLatin1String("csv");
    for (const char c : chunk) {
        if (csv && c == '"')
            m_inQuotes = !m_inQuotes;
        else if (c == '\n' && !m_inQuotes)
            ++m_lines;
    }
    // The CSV header row is not an event.
    m_events = csv ? std::max<qint64>(0, m_lines - 1) : m_lines;
}

void AuditExport::onReadyRead()
{
    if (!m_running || !m_reply)
        return;
    if (!m_statusChecked) {
        const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid())
            return;
        m_statusChecked = true;
        m_httpOk = status.toInt() >= 200 && status.toInt() < 300;
    }
    const QByteArray chunk = m_reply->readAll();
    if (!m_httpOk) {
        m_errorBody += chunk.left(64 * 1024 - m_errorBody.size());
        return;
    }
    if (m_file->write(chunk) != chunk.size()) {
        fail({0, QStringLiteral("file_error"), tr("The file could not be written: %1").arg(m_file->errorString()),
              QString()});
        return;
    }
    m_bytes += chunk.size();
    countEvents(chunk);
    Q_EMIT progress(m_bytes, m_events);
}

void AuditExport::onFinished()
{
    if (!m_running || !m_reply)
        return;
    onReadyRead();
    if (!m_running)
        return;
    const QVariant statusAttr = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusAttr.isValid() ? statusAttr.toInt() : 0;
    if (status == 0 || m_reply->error() != QNetworkReply::NoError) {
        if (status >= 400) {
            ApiFailure failure{status, QStringLiteral("http_%1").arg(status),
                               tr("The server refused the export (status %1).").arg(status), QString()};
            const auto json = nlohmann::json::parse(m_errorBody.constData(),
                                                    m_errorBody.constData() + m_errorBody.size(), nullptr, false);
            if (json.is_object()) {
                if (json.contains("code") && json["code"].is_string())
                    failure.code = QString::fromStdString(json["code"].get<std::string>());
                if (json.contains("message") && json["message"].is_string())
                    failure.message = QString::fromStdString(json["message"].get<std::string>());
                if (json.contains("field") && json["field"].is_string())
                    failure.field = QString::fromStdString(json["field"].get<std::string>());
            }
            fail(failure);
        } else {
            fail({status, QStringLiteral("network_error"),
                  tr("The export was interrupted: the server could not be reached."), QString()});
        }
        return;
    }
    m_running = false;
    if (!m_file->commit()) {
        m_failure = {0, QStringLiteral("file_error"),
                     tr("The file could not be written: %1").arg(m_file->errorString()), QString()};
        Q_EMIT finished(false);
        return;
    }
    Q_EMIT progress(m_bytes, m_events);
    qCInfo(lcExport) << "export finished:" << m_events << "events," << m_bytes << "bytes";
    Q_EMIT finished(true);
}

} // namespace trellis::client
