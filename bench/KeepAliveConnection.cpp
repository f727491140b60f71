#include "bench/KeepAliveConnection.h"

#include <QTcpSocket>

namespace trellis::bench {

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

KeepAliveConnection::KeepAliveConnection(QString host, quint16 port)
    : m_host(std::move(host))
    , m_port(port)
{
}

KeepAliveConnection::~KeepAliveConnection()
{
    delete m_socket;
}

bool KeepAliveConnection::ensureConnected()
{
    if (m_socket && m_socket->state() == QAbstractSocket::ConnectedState)
        return true;
    delete m_socket;
    m_socket = new QTcpSocket;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->connectToHost(m_host, m_port);
    ++m_reconnects;
    return m_socket->waitForConnected(kTimeoutMs);
}

BenchResponse KeepAliveConnection::send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
                                        const QList<QPair<QByteArray, QByteArray>>& headers)
{
    BenchResponse response;
    // One retry: the server may have closed an idle keep-alive connection just before we wrote.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!ensureConnected())
            continue;
        QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + m_host.toLatin1() + ':' +
                             QByteArray::number(m_port) + "\r\nConnection: keep-alive\r\n";
        for (const auto& [name, value] : headers)
            request += name + ": " + value + "\r\n";
        if (!m_cookies.empty()) {
            request += "Cookie: ";
            bool first = true;
            for (const auto& [name, value] : m_cookies) {
                request += (first ? "" : "; ") + name + '=' + value;
                first = false;
            }
            request += "\r\n";
        }
        if (!body.isEmpty() || method == "POST")
            request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        request += "\r\n" + body;
        m_socket->write(request);
        bool keepAlive = true;
        if (readResponse(&response, &keepAlive)) {
            if (!keepAlive)
                m_socket->disconnectFromHost();
            return response;
        }
        m_socket->abort();
        response = {};
    }
    return response;
}

bool KeepAliveConnection::readResponse(BenchResponse* response, bool* keepAlive)
{
    QByteArray buffer;
    qsizetype headerEnd = -1;
    while ((headerEnd = buffer.indexOf("\r\n\r\n")) < 0) {
        if (!m_socket->bytesAvailable() && !m_socket->waitForReadyRead(kTimeoutMs))
            return false;
        buffer += m_socket->readAll();
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response->status = statusLine.value(1).toInt();
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            contentLength = value.toLongLong();
        } else if (name == "location") {
            response->location = value;
        } else if (name == "connection") {
            *keepAlive = value.toLower() != "close";
        } else if (name == "set-cookie") {
            const QByteArray pair = value.left(value.indexOf(';'));
            const qsizetype equals = pair.indexOf('=');
            if (equals > 0 && equals + 1 < pair.size())
                m_cookies[pair.left(equals)] = pair.mid(equals + 1);
            else if (equals > 0)
                m_cookies.erase(pair.left(equals)); // an empty value is how a cookie is deleted
        }
    }
    QByteArray body = buffer.mid(headerEnd + 4);
    while (body.size() < contentLength) {
        if (!m_socket->bytesAvailable() && !m_socket->waitForReadyRead(kTimeoutMs))
            return false;
        body += m_socket->readAll();
    }
    response->body = body.left(contentLength);
    return true;
}

} // namespace trellis::bench
