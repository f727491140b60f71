#pragma once

#include <memory>
#include <optional>

#include <QByteArray>
#include <QMap>
#include <QSslCertificate>
#include <QTcpSocket>

namespace trellis::tests {

/// One parsed HTTP/1.1 response as read off the wire.
struct RawHttpResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
};

/// A client connection that sends bytes exactly as given (so tests can send malformed or slow requests)
/// and parses responses itself. Blocking, with timeouts; for tests only.
class RawHttpConnection
{
public:
    /// Plain TCP to 127.0.0.1:port; check isConnected().
    explicit RawHttpConnection(quint16 port, int timeoutMs = 5000);
    /// TLS to 127.0.0.1:port trusting only `caCertificate`, verifying the peer name `peerName`.
    RawHttpConnection(quint16 port, const QSslCertificate& caCertificate, const QString& peerName,
                      int timeoutMs = 5000);

    bool isConnected() const;
    QTcpSocket* socket() const { return m_socket.get(); }

    bool send(const QByteArray& bytes);
    /// The next complete response, or nothing if none arrives within the timeout or the connection ends first.
    std::optional<RawHttpResponse> readResponse(int timeoutMs = 5000);
    /// True when the server closes the connection within the timeout.
    bool waitForClosed(int timeoutMs);
    /// A GET with the given target and extra header lines (each ending in \r\n).
    std::optional<RawHttpResponse> get(const QByteArray& target, const QByteArray& extraHeaders = {});

private:
    bool fill(int timeoutMs);
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

} // namespace trellis::tests
