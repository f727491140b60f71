#include "RawHttpConnection.h"

#include <QDeadlineTimer>
#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>

namespace trellis::tests {

RawHttpConnection::RawHttpConnection(quint16 port, int timeoutMs)
    : m_socket(std::make_unique<QTcpSocket>())
{
    m_socket->connectToHost(QHostAddress::LocalHost, port);
    m_socket->waitForConnected(timeoutMs);
}

RawHttpConnection::RawHttpConnection(quint16 port, const QSslCertificate& caCertificate, const QString& peerName,
                                     int timeoutMs)
{
    auto socket = std::make_unique<QSslSocket>();
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({caCertificate});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(configuration);
    socket->setPeerVerifyName(peerName);
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    socket->waitForEncrypted(timeoutMs);
    m_socket = std::move(socket);
}

bool RawHttpConnection::isConnected() const
{
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        return false;
    }
    if (auto* ssl = qobject_cast<QSslSocket*>(m_socket.get())) {
        return ssl->isEncrypted();
    }
    return true;
}

bool RawHttpConnection::send(const QByteArray& bytes)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        return false;
    }
    if (m_socket->write(bytes) != bytes.size()) {
        return false;
    }
    // Best effort: a server that answers early (413) may stop reading before everything is written.
    m_socket->waitForBytesWritten(2000);
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

bool RawHttpConnection::fill(int timeoutMs)
{
    if (!m_socket->isOpen()) {
        return false;
    }
    if (m_socket->bytesAvailable() == 0 && !m_socket->waitForReadyRead(timeoutMs)) {
        m_buffer += m_socket->readAll();
        return false;
    }
    m_buffer += m_socket->readAll();
    return true;
}

std::optional<RawHttpResponse> RawHttpConnection::readResponse(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() || !fill(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_buffer.indexOf("\r\n\r\n") >= 0) {
                continue;
            }
            return std::nullopt;
        }
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    RawHttpResponse response;
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1.")) {
        return std::nullopt;
    }
    response.status = statusLine[1].toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
    }
    m_buffer.remove(0, headerEnd + 4);
    const bool hasBody = response.status >= 200 && response.status != 204 && response.status != 304;
    const qsizetype length = hasBody ? response.header("content-length").toLongLong() : 0;
    while (m_buffer.size() < length) {
        if (deadline.hasExpired() || !fill(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_buffer.size() >= length) {
                break;
            }
            return std::nullopt;
        }
    }
    response.body = m_buffer.left(length);
    m_buffer.remove(0, length);
    return response;
}

bool RawHttpConnection::waitForClosed(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() != QAbstractSocket::UnconnectedState) {
        if (deadline.hasExpired()) {
            return false;
        }
        if (m_socket->waitForReadyRead(int(std::max<qint64>(1, std::min<qint64>(deadline.remainingTime(), 100))))) {
            m_buffer += m_socket->readAll();
        } else if (m_socket->error() == QAbstractSocket::RemoteHostClosedError ||
                   m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket->abort();
        }
    }
    return true;
}

std::optional<RawHttpResponse> RawHttpConnection::get(const QByteArray& target, const QByteArray& extraHeaders)
{
    if (!send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n")) {
        return std::nullopt;
    }
    return readResponse();
}

} // namespace trellis::tests
