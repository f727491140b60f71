#pragma once

#include "client/ApiResult.h"
#include "client/TokenSet.h"

#include <functional>
#include <optional>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace trellis::client {

class LoopbackReceiver;

/// The endpoints the console needs, from /.well-known/openid-configuration.
struct OidcConfiguration
{
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
};

/// OAuth 2.0 for native apps (RFC 8252) against trellisd: discovery, authorization code + PKCE (S256) in the
/// system browser with a loopback redirect, token refresh and revocation. Holds no token longer than a call.
///
/// The browser is opened through the openBrowser signal (this library has no GUI); whoever shows the console
/// connects it to QDesktopServices::openUrl, tests to their own driver.
class SignInClient : public QObject
{
    Q_OBJECT

public:
    template <typename T>
    using Callback = std::function<void(ApiResult<T>)>;

    static constexpr auto defaultClientId = "trellis-console";

    explicit SignInClient(QObject* parent = nullptr);
    ~SignInClient() override;

    void setServerUrl(const QUrl& url); ///< the issuer; forgets an earlier discovery
    QUrl serverUrl() const;
    void setClientId(const QString& clientId);
    /// How long the browser step may take before the sign-in gives up (default 5 minutes).
    void setBrowserTimeout(int milliseconds);
    void setRequestTimeout(int milliseconds);

    void discover(QObject* context, Callback<OidcConfiguration> callback);

    /// Starts the browser step; exactly one signInFinished follows (success, failure, cancel or time-out).
    void startSignIn(const QString& loginHint = QString());
    void cancelSignIn();
    bool isSigningIn() const;
    /// The loopback redirect URI of the sign-in in progress (tests).
    QUrl pendingRedirectUri() const;

    void refresh(const QByteArray& refreshToken, QObject* context, Callback<TokenSet> callback);
    /// RFC 7009 revocation of a refresh token. The value is true when the server confirmed.
    void revoke(const QByteArray& refreshToken, QObject* context, Callback<bool> callback);

    /// Reads the unverified claims of a JWT access token into `tokens` (for display; the server verifies).
    static void readClaims(TokenSet& tokens);

Q_SIGNALS:
    void openBrowser(const QUrl& url);
    void signInFinished(const trellis::client::ApiResult<trellis::client::TokenSet>& result);

private:
    void withConfiguration(std::function<void(const ApiResult<OidcConfiguration>&)> next);
    void beginBrowserStep(const OidcConfiguration& configuration, const QString& loginHint);
    void exchangeCode(const QByteArray& code);
    void finishSignIn(ApiResult<TokenSet> result);
    void postForm(const QUrl& url, const QList<std::pair<QString, QString>>& fields, QObject* context,
                  std::function<void(const QByteArray& body, int status, const ApiFailure& failure)> handler);
    void tokenRequest(const QList<std::pair<QString, QString>>& fields, QObject* context, Callback<TokenSet> callback);

    QNetworkAccessManager* m_network = nullptr;
    QUrl m_serverUrl;
    QString m_clientId = QString::fromLatin1(defaultClientId);
    std::optional<OidcConfiguration> m_configuration;
    int m_requestTimeoutMs = 15000;
    int m_browserTimeoutMs = 5 * 60 * 1000;

    // The sign-in in progress.
    QPointer<LoopbackReceiver> m_receiver;
    QTimer m_browserTimer;
    QByteArray m_verifier;
    QByteArray m_state;
    bool m_signingIn = false;
    quint64 m_attempt = 0; ///< bumped per attempt so late answers of an earlier one are ignored
};

} // namespace trellis::client
