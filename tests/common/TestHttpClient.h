#pragma once

#include <memory>

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace trellis::test {

/// One HTTP exchange as a test sees it.
struct HttpResult
{
    int status = 0;                               ///< 0 when no response arrived (see networkError)
    QList<QPair<QByteArray, QByteArray>> headers; ///< as received
    QByteArray body;
    QJsonDocument json; ///< null when the body is not JSON
    QString networkError;
    bool timedOut = false;

    QByteArray header(const QByteArray& name) const; ///< case-insensitive; empty when absent
    QJsonObject object() const { return json.object(); }
    QJsonArray items() const { return json.object().value(QStringLiteral("items")).toArray(); }
    /// The error code of a JSON error response ({"code": ...}).
    QString errorCode() const { return json.object().value(QStringLiteral("code")).toString(); }
    QString errorField() const { return json.object().value(QStringLiteral("field")).toString(); }
    /// "<status> <body>" for QVERIFY2 messages.
    QByteArray describe() const;
};

/// A small synchronous HTTP client for tests: QNetworkAccessManager driven by a QEventLoop with a timeout.
class TestHttpClient
{
public:
    explicit TestHttpClient(const QUrl& baseUrl = QUrl());
    ~TestHttpClient();
    TestHttpClient(TestHttpClient&&) noexcept;
    TestHttpClient& operator=(TestHttpClient&&) noexcept;

    void setBaseUrl(const QUrl& baseUrl);
    /// Sent as "Authorization: Bearer <token>"; empty: no Authorization header.
    void setBearerToken(const QByteArray& token);
    void setTimeout(int milliseconds);

    HttpResult get(const QString& pathAndQuery);
    HttpResult postJson(const QString& path, const QJsonObject& body);
    /// Any verb, raw body, explicit Content-Type (empty: none) and extra headers.
    HttpResult send(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                    const QByteArray& contentType = {}, const QList<QPair<QByteArray, QByteArray>>& headers = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_timeoutMs = 30000;
};

} // namespace trellis::test
