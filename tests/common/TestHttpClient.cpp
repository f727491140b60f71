#include "tests/common/TestHttpClient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace trellis::test {

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray HttpResult::describe() const
{
    if (status == 0)
        return "no response: " + networkError.toUtf8();
    return QByteArray::number(status) + ' ' + body.left(500);
}

TestHttpClient::TestHttpClient(const QUrl& baseUrl)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_baseUrl(baseUrl)
{
}

TestHttpClient::~TestHttpClient() = default;
TestHttpClient::TestHttpClient(TestHttpClient&&) noexcept = default;
TestHttpClient& TestHttpClient::operator=(TestHttpClient&&) noexcept = default;

void TestHttpClient::setBaseUrl(const QUrl& baseUrl)
{
    m_baseUrl = baseUrl;
}

void TestHttpClient::setBearerToken(const QByteArray& token)
{
    m_token = token;
}

void TestHttpClient::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

HttpResult TestHttpClient::get(const QString& pathAndQuery)
{
    return send("GET", pathAndQuery);
}

HttpResult TestHttpClient::postJson(const QString& path, const QJsonObject& body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult TestHttpClient::send(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body,
                                const QByteArray& contentType, const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(QUrl(m_baseUrl.toString(QUrl::StripTrailingSlash) + pathAndQuery));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply* reply = body.isEmpty() && verb != "POST" && verb != "PUT" && verb != "PATCH"
                               ? m_network->sendCustomRequest(request, verb)
                               : m_network->sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpResult result;
    if (!reply->isFinished()) {
        result.timedOut = true;
        result.networkError = QStringLiteral("timed out after %1 ms").arg(m_timeoutMs);
        reply->abort();
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.headers = reply->rawHeaderPairs();
    result.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError)
        result.networkError = reply->errorString();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        result.json = document;
    delete reply;
    return result;
}

} // namespace trellis::test
