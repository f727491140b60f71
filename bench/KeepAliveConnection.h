#pragma once

#include <map>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QTcpSocket;

namespace trellis::bench {

/// One HTTP/1.1 response as the benchmark needs it.
struct BenchResponse
{
    int status = 0; ///< 0: no response (connection failed or timed out)
    QByteArray location;
    QByteArray body;
};

/// A blocking HTTP/1.1 client on one keep-alive TCP connection with a tiny cookie jar, meant to live in one worker
/// thread. Far cheaper than QNetworkAccessManager, so the load generator takes less CPU from the server it shares
/// the machine with.
class KeepAliveConnection
{
public:
    KeepAliveConnection(QString host, quint16 port);
    ~KeepAliveConnection();
    KeepAliveConnection(const KeepAliveConnection&) = delete;
    KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;

    /// Sends one request and reads the whole response (Content-Length bodies only, which trellisd always sends).
    BenchResponse send(const QByteArray& method, const QByteArray& target, const QByteArray& body = {},
                       const QList<QPair<QByteArray, QByteArray>>& headers = {});
    /// Forgets the cookies, like a fresh browser profile: otherwise the SSO cookie would skip the password step.
    void clearCookies() { m_cookies.clear(); }
    /// How often the connection had to be opened again (the server closed it).
    int reconnects() const { return m_reconnects; }

private:
    bool ensureConnected();
    bool readResponse(BenchResponse* response, bool* keepAlive);

    QString m_host;
    quint16 m_port;
    QTcpSocket* m_socket = nullptr;
    std::map<QByteArray, QByteArray> m_cookies;
    int m_reconnects = -1;
};

} // namespace trellis::bench
