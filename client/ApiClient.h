#pragma once

#include "client/ApiResult.h"
#include "client/CallerInfo.h"
#include "core/Membership.h"
#include "core/Org.h"
#include "core/Page.h"

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace trellis::client {

/// Typed asynchronous client of trellisd's admin API. Base URL and bearer token live in memory only.
///
/// Every call takes a `context`: the callback runs in its thread and is dropped (and the request aborted)
/// when the context is destroyed first. Callbacks are always called asynchronously, never from inside the call.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(ApiResult<T>)>;

    explicit ApiClient(QObject* parent = nullptr);
    ~ApiClient() override;

    void setBaseUrl(const QUrl& url);
    QUrl baseUrl() const;
    void setAccessToken(const QByteArray& token);
    bool hasAccessToken() const;

    /// Milliseconds before a request without an answer counts as a network failure (default 15 s).
    void setRequestTimeout(int milliseconds);
    int requestTimeout() const;

    /// Whether the last request reached the server (true until a request shows otherwise).
    bool isReachable() const;

    void me(QObject* context, Callback<CallerInfo> callback);
    void listRootOrgs(const QString& cursor, int limit, QObject* context, Callback<core::Page<core::Org>> callback);
    void listChildOrgs(const QString& orgId, const QString& cursor, int limit, QObject* context,
                       Callback<core::Page<core::Org>> callback);
    void getOrg(const QString& id, QObject* context, Callback<core::Org> callback);
    void searchOrgs(const QString& text, int limit, QObject* context, Callback<core::Page<core::Org>> callback);
    void listMembers(const QString& orgId, const QString& cursor, int limit, QObject* context,
                     Callback<core::Page<core::Membership>> callback);
    /// Trades the one-time secret handed to a local trellisd for an access token.
    void exchangeBootstrapSecret(const QByteArray& secret, QObject* context, Callback<QByteArray> callback);
    /// GET /healthz; the value is true when the server answered healthy. Updates reachability.
    void checkHealth(QObject* context, Callback<bool> callback);

    /// The plain words for a failure that never reached the server (for tests and the UI's banners).
    static QString networkFailureMessage();

Q_SIGNALS:
    void reachabilityChanged(bool reachable);

private:
    using JsonHandler = std::function<void(const QByteArray& body, int httpStatus, const ApiFailure& failure)>;

    QUrl urlFor(const QString& path, const QString& query = QString()) const;
    void send(const QByteArray& verb, const QUrl& url, const QByteArray& body, bool authenticated, QObject* context,
              JsonHandler handler);
    void setReachable(bool reachable);

    QNetworkAccessManager* m_network = nullptr;
    QUrl m_baseUrl;
    QByteArray m_accessToken;
    int m_timeoutMs = 15000;
    bool m_reachable = true;
};

} // namespace trellis::client
