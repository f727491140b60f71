#include "client/LoopbackReceiver.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace trellis::client {

namespace {

Q_LOGGING_CATEGORY(lcLoopback, "trellis.client.loopback")

constexpr qsizetype maxRequestHead = 16 * 1024;
constexpr int socketTimeoutMs = 10000;

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

// True when German comes before English (or English is absent) in an Accept-Language list like
// "de-DE,de;q=0.9,en;q=0.8". Weights are honoured; ties keep the listed order.
bool prefersGerman(const QByteArray& acceptLanguage)
{
    double german = -1;
    double english = -1;
    int position = 0;
    for (QByteArray part : acceptLanguage.split(',')) {
        part = part.trimmed().toLower();
        if (part.isEmpty())
            continue;
        double weight = 1.0;
        const qsizetype semicolon = part.indexOf(';');
        QByteArray tag = semicolon < 0 ? part : part.left(semicolon).trimmed();
        if (semicolon >= 0) {
            const QByteArray params = part.mid(semicolon + 1).trimmed();
            if (params.startsWith("q="))
                weight = params.mid(2).toDouble();
        }
        // Earlier entries win ties.
        weight -= position++ * 1e-6;
        if ((tag == "de" || tag.startsWith("de-")) && weight > german)
            german = weight;
        if ((tag == "en" || tag.startsWith("en-")) && weight > english)
            english = weight;
    }
    return german > 0 && german > english;
}

} // namespace

LoopbackReceiver::LoopbackReceiver(QObject* parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackReceiver::onNewConnection);
}

LoopbackReceiver::~LoopbackReceiver() = default;

bool LoopbackReceiver::listen()
{
    // 127.0.0.1 literally, not "localhost" (RFC 8252 §8.3): no resolver, no other interface.
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        m_error = m_server->errorString();
        return false;
    }
    m_done = false;
    return true;
}

void LoopbackReceiver::close()
{
    m_server->close();
}

bool LoopbackReceiver::isListening() const
{
    return m_server->isListening();
}

quint16 LoopbackReceiver::port() const
{
    return m_server->serverPort();
}

QUrl LoopbackReceiver::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    url.setPath(QStringLiteral("/callback"));
    return url;
}

QString LoopbackReceiver::errorString() const
{
    return m_error;
}

void LoopbackReceiver::setExpectedState(const QByteArray& state)
{
    m_expectedState = state;
}

QByteArray LoopbackReceiver::pageFor(bool success, const QByteArray& acceptLanguage)
{
    // The tab speaks the browser's language, which may differ from the console's; hence both texts here.
    const bool german = prefersGerman(acceptLanguage);
    QString lang;
    QString title;
    QString text;
    if (german) {
        lang = QStringLiteral("de");
        title = success ? QStringLiteral("Anmeldung abgeschlossen") : QStringLiteral("Anmeldung nicht abgeschlossen");
        text = success ? QStringLiteral("Sie sind in der Trellis-Konsole angemeldet. Sie können diesen Tab schließen.")
                       : QStringLiteral("Die Anmeldung wurde nicht abgeschlossen. Kehren Sie zur Trellis-Konsole "
                                        "zurück. Sie können diesen Tab schließen.");
    } else {
        lang = QStringLiteral("en");
        title = success ? QStringLiteral("Signed in") : QStringLiteral("Sign-in not completed");
        text = success ? QStringLiteral("You are signed in to the Trellis console. You can close this tab.")
                       : QStringLiteral("The sign-in was not completed. Go back to the Trellis console. "
                                        "You can close this tab.");
    }
    const QString html = QStringLiteral("<!DOCTYPE html><html lang=\"%1\"><head><meta charset=\"utf-8\">"
                                        "<title>%2 · Trellis</title><style>body{font-family:sans-serif;margin:4em "
                                        "auto;max-width:32em;padding:0 1em;color:#1d2733}</style></head>"
                                        "<body><main><h1>%2</h1><p>%3</p></main></body></html>")
                             .arg(lang, title, text);
    return html.toUtf8();
}

void LoopbackReceiver::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        // A connection that never sends a full request is dropped.
        QTimer::singleShot(socketTimeoutMs, socket, [socket] { socket->abort(); });
    }
}

void LoopbackReceiver::onReadyRead(QTcpSocket* socket)
{
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() > maxRequestHead)
            respond(socket, 431, QByteArrayLiteral("Request header too large"));
        else
            socket->setProperty("buffer", buffer);
        return;
    }
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    QByteArray acceptLanguage;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.toLower().startsWith("accept-language:"))
            acceptLanguage = line.mid(int(sizeof("accept-language:")) - 1).trimmed();
    }
    if (requestLine.size() != 3 || requestLine.at(0) != "GET") {
        respond(socket, 405, pageFor(false, acceptLanguage));
        return;
    }
    const QUrl target(QString::fromLatin1(requestLine.at(1)), QUrl::StrictMode);
    if (target.path() != QLatin1String("/callback")) {
        respond(socket, 404, pageFor(false, acceptLanguage));
        return;
    }
    const QUrlQuery query(target);
    const QByteArray state = query.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded).toUtf8();
    if (m_done || m_expectedState.isEmpty() || !constantTimeEquals(state, m_expectedState)) {
        // Not the answer to our request (or a second one): refuse without ending the wait.
        qCWarning(lcLoopback) << "ignored a callback without the expected state";
        respond(socket, 400, pageFor(false, acceptLanguage));
        return;
    }
    const QString error = query.queryItemValue(QStringLiteral("error"), QUrl::FullyDecoded);
    const QByteArray code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).toUtf8();
    m_done = true;
    if (!error.isEmpty() || code.isEmpty()) {
        respond(socket, 200, pageFor(false, acceptLanguage));
        Q_EMIT errorReceived(error.isEmpty() ? QStringLiteral("invalid_request") : error,
                             query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded));
        return;
    }
    respond(socket, 200, pageFor(true, acceptLanguage));
    Q_EMIT codeReceived(code, query.queryItemValue(QStringLiteral("iss"), QUrl::FullyDecoded));
}

void LoopbackReceiver::respond(QTcpSocket* socket, int status, const QByteArray& body)
{
    QByteArray reason = status == 200 ? QByteArrayLiteral("OK") : QByteArrayLiteral("Error");
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n";
    socket->setProperty("buffer", QVariant());
    disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
    socket->write(head + body);
    socket->disconnectFromHost();
}

} // namespace trellis::client
