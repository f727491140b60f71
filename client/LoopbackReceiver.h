#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace trellis::client {

/// Receives the authorization response on http://127.0.0.1:<ephemeral port>/callback (RFC 8252 §7.3) and answers
/// the browser tab with a short page in the browser's language (Accept-Language: German or English).
///
/// Only a request on /callback that carries the expected `state` ends the wait; anything else gets an error page
/// and changes nothing, so another local program cannot cut a sign-in short or inject a code.
class LoopbackReceiver : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackReceiver(QObject* parent = nullptr);
    ~LoopbackReceiver() override;

    /// Listens on 127.0.0.1 with a port the system picks. False (see errorString()) when that fails.
    bool listen();
    void close();
    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:<port>/callback, valid once listening.
    QUrl redirectUri() const;
    QString errorString() const;

    void setExpectedState(const QByteArray& state);

    /// The page's words, German when `acceptLanguage` prefers it over English (public for tests).
    static QByteArray pageFor(bool success, const QByteArray& acceptLanguage);

Q_SIGNALS:
    /// The authorization server redirected back with a code and the right state.
    void codeReceived(const QByteArray& code, const QString& issuer);
    /// The authorization server redirected back with an error (e.g. access_denied when the user cancelled).
    void errorReceived(const QString& error, const QString& description);

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket* socket);
    void respond(QTcpSocket* socket, int status, const QByteArray& body);

    QTcpServer* m_server = nullptr;
    QByteArray m_expectedState;
    QString m_error;
    bool m_done = false;
};

} // namespace trellis::client
