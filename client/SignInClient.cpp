#include "client/SignInClient.h"

#include "client/ApiClient.h"
#include "client/LoopbackReceiver.h"
#include "core/Random.h"
#include "core/crypto/Pkce.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace trellis::client {

namespace {

Q_LOGGING_CATEGORY(lcSignIn, "trellis.client.signin")

ApiFailure failure(const QString& code, const QString& message, int status = 0)
{
    return ApiFailure{status, code, message, QString()};
}

QByteArray fromStd(const std::string& s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

QUrl endpoint(const QJsonObject& json, const char* key)
{
    return QUrl(json.value(QLatin1String(key)).toString(), QUrl::StrictMode);
}

// Plain words for an OAuth error code from the token endpoint or the authorization response.
QString messageForOAuthError(const QString& error)
{
    if (error == QLatin1String("access_denied"))
        return QCoreApplication::translate("trellis::client::SignInClient",
                                           "The sign-in was cancelled in the browser.");
    if (error == QLatin1String("invalid_grant"))
        return QCoreApplication::translate("trellis::client::SignInClient",
                                           "Your sign-in has expired or was ended elsewhere. Please sign in again.");
    if (error == QLatin1String("invalid_client") || error == QLatin1String("unauthorized_client"))
        return QCoreApplication::translate("trellis::client::SignInClient",
                                           "This server does not accept sign-ins from the Trellis console.");
    if (error == QLatin1String("temporarily_unavailable") || error == QLatin1String("server_error"))
        return QCoreApplication::translate("trellis::client::SignInClient",
                                           "The server could not complete the sign-in. Please try again later.");
    return QCoreApplication::translate("trellis::client::SignInClient", "The server refused the sign-in (%1).")
        .arg(error);
}

} // namespace

SignInClient::SignInClient(QObject* parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_browserTimer.setSingleShot(true);
    connect(&m_browserTimer, &QTimer::timeout, this, [this] {
        ApiResult<TokenSet> result;
        result.failure = failure(QStringLiteral("timed_out"),
                                 tr("The sign-in in the browser was not completed in time. Please try again."));
        finishSignIn(std::move(result));
    });
}

SignInClient::~SignInClient() = default;

void SignInClient::setServerUrl(const QUrl& url)
{
    if (url != m_serverUrl)
        m_configuration.reset();
    m_serverUrl = url;
}
QUrl SignInClient::serverUrl() const
{
    return m_serverUrl;
}
void SignInClient::setClientId(const QString& clientId)
{
    m_clientId = clientId;
}
void SignInClient::setBrowserTimeout(int milliseconds)
{
    m_browserTimeoutMs = milliseconds;
}
void SignInClient::setRequestTimeout(int milliseconds)
{
    m_requestTimeoutMs = milliseconds;
}
bool SignInClient::isSigningIn() const
{
    return m_signingIn;
}
QUrl SignInClient::pendingRedirectUri() const
{
    return m_receiver ? m_receiver->redirectUri() : QUrl();
}

void SignInClient::discover(QObject* context, Callback<OidcConfiguration> callback)
{
    QUrl url = m_serverUrl;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/.well-known/openid-configuration"));
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_requestTimeoutMs);
    QNetworkReply* reply = m_network->get(request);
    const QPointer<QObject> guard(context ? context : this);
    const QUrl expectedIssuer = m_serverUrl;
    connect(reply, &QNetworkReply::finished, context ? context : this,
            [this, reply, guard, expectedIssuer, callback = std::move(callback)] {
                reply->deleteLater();
                ApiResult<OidcConfiguration> result;
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status == 0) {
                    result.failure = failure(QStringLiteral("network_error"), ApiClient::networkFailureMessage());
                } else if (status != 200) {
                    result.failure = failure(QStringLiteral("no_discovery"),
                                             tr("The server does not offer sign-in (no OpenID Connect "
                                                "configuration, status %1).")
                                                 .arg(status),
                                             status);
                } else {
                    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
                    OidcConfiguration configuration{endpoint(json, "issuer"), endpoint(json, "authorization_endpoint"),
                                                    endpoint(json, "token_endpoint"),
                                                    endpoint(json, "revocation_endpoint")};
                    if (!configuration.authorizationEndpoint.isValid() || !configuration.tokenEndpoint.isValid()) {
                        result.failure = failure(QStringLiteral("invalid_discovery"),
                                                 tr("The server's sign-in configuration is incomplete."), status);
                    } else {
                        if (configuration.issuer.adjusted(QUrl::StripTrailingSlash) !=
                            expectedIssuer.adjusted(QUrl::StripTrailingSlash)) {
                            // The profile URL is what the user trusts; a different issuer is worth a note, and
                            // the token endpoint still comes from the same server's document.
                            qCInfo(lcSignIn) << "issuer" << configuration.issuer.toDisplayString()
                                             << "differs from the profile URL" << expectedIssuer.toDisplayString();
                        }
                        result.value = configuration;
                        m_configuration = configuration;
                    }
                }
                if (guard)
                    callback(std::move(result));
            });
}

void SignInClient::withConfiguration(std::function<void(const ApiResult<OidcConfiguration>&)> next)
{
    if (m_configuration) {
        ApiResult<OidcConfiguration> result;
        result.value = *m_configuration;
        next(result);
        return;
    }
    discover(this, [next = std::move(next)](ApiResult<OidcConfiguration> result) { next(result); });
}

void SignInClient::startSignIn(const QString& loginHint)
{
    if (m_signingIn)
        cancelSignIn();
    m_signingIn = true;
    const quint64 attempt = ++m_attempt;
    withConfiguration([this, attempt, loginHint](const ApiResult<OidcConfiguration>& configuration) {
        if (attempt != m_attempt || !m_signingIn)
            return;
        if (!configuration.ok()) {
            ApiResult<TokenSet> result;
            result.failure = configuration.failure;
            finishSignIn(std::move(result));
            return;
        }
        beginBrowserStep(*configuration.value, loginHint);
    });
}

void SignInClient::beginBrowserStep(const OidcConfiguration& configuration, const QString& loginHint)
{
    auto* receiver = new LoopbackReceiver(this);
    m_receiver = receiver;
    if (!receiver->listen()) {
        ApiResult<TokenSet> result;
        result.failure =
            failure(QStringLiteral("loopback_failed"),
                    tr("The console could not receive the browser's answer: %1").arg(receiver->errorString()));
        finishSignIn(std::move(result));
        return;
    }
    m_verifier = fromStd(core::crypto::Pkce::newVerifier());
    m_state = fromStd(core::newSecretToken());
    receiver->setExpectedState(m_state);
    connect(receiver, &LoopbackReceiver::codeReceived, this, [this](const QByteArray& code, const QString& issuer) {
        // RFC 9207: when the server names itself, it must be the server we asked.
        if (!issuer.isEmpty() && m_configuration && m_configuration->issuer.isValid() &&
            QUrl(issuer).adjusted(QUrl::StripTrailingSlash) !=
                m_configuration->issuer.adjusted(QUrl::StripTrailingSlash)) {
            ApiResult<TokenSet> result;
            result.failure = failure(QStringLiteral("issuer_mismatch"),
                                     tr("The browser's answer came from a different server. Please try again."));
            finishSignIn(std::move(result));
            return;
        }
        exchangeCode(code);
    });
    connect(receiver, &LoopbackReceiver::errorReceived, this, [this](const QString& error, const QString&) {
        ApiResult<TokenSet> result;
        result.failure = failure(error == QLatin1String("access_denied") ? QStringLiteral("cancelled") : error,
                                 messageForOAuthError(error));
        finishSignIn(std::move(result));
    });

    QUrl url = configuration.authorizationEndpoint;
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), receiver->redirectUri().toString());
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid profile email offline_access"));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_state));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromStdString(core::crypto::Pkce::s256Challenge(m_verifier.toStdString())));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!loginHint.isEmpty())
        query.addQueryItem(QStringLiteral("login_hint"), loginHint);
    // '+' must reach the server as a plus, not a space (state and challenge are base64url, but the hint is not).
    url.setQuery(query.toString(QUrl::FullyEncoded).replace(QLatin1Char('+'), QStringLiteral("%2B")), QUrl::StrictMode);
    m_browserTimer.start(m_browserTimeoutMs);
    qCInfo(lcSignIn) << "sign-in: browser step, redirect to" << receiver->redirectUri().toString();
    Q_EMIT openBrowser(url);
}

void SignInClient::exchangeCode(const QByteArray& code)
{
    const quint64 attempt = m_attempt;
    const QString redirectUri = m_receiver ? m_receiver->redirectUri().toString() : QString();
    if (m_receiver)
        m_receiver->close();
    m_browserTimer.stop();
    tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                  {QStringLiteral("code"), QString::fromUtf8(code)},
                  {QStringLiteral("redirect_uri"), redirectUri},
                  {QStringLiteral("client_id"), m_clientId},
                  {QStringLiteral("code_verifier"), QString::fromLatin1(m_verifier)}},
                 this, [this, attempt](ApiResult<TokenSet> result) {
                     if (attempt == m_attempt && m_signingIn)
                         finishSignIn(std::move(result));
                 });
}

void SignInClient::cancelSignIn()
{
    if (!m_signingIn)
        return;
    ApiResult<TokenSet> result;
    result.failure = failure(QStringLiteral("cancelled"), tr("The sign-in was cancelled."));
    finishSignIn(std::move(result));
}

void SignInClient::finishSignIn(ApiResult<TokenSet> result)
{
    if (!m_signingIn)
        return;
    m_signingIn = false;
    ++m_attempt;
    m_browserTimer.stop();
    m_verifier.clear();
    m_state.clear();
    if (m_receiver) {
        m_receiver->close();
        m_receiver->deleteLater();
    }
    if (!result.ok())
        qCInfo(lcSignIn) << "sign-in ended:" << result.failure.code;
    Q_EMIT signInFinished(result);
}

void SignInClient::refresh(const QByteArray& refreshToken, QObject* context, Callback<TokenSet> callback)
{
    QPointer<QObject> guard(context ? context : this);
    withConfiguration([this, refreshToken, guard,
                       callback = std::move(callback)](const ApiResult<OidcConfiguration>& configuration) mutable {
        if (!guard)
            return;
        if (!configuration.ok()) {
            ApiResult<TokenSet> result;
            result.failure = configuration.failure;
            callback(std::move(result));
            return;
        }
        tokenRequest({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                      {QStringLiteral("refresh_token"), QString::fromLatin1(refreshToken)},
                      {QStringLiteral("client_id"), m_clientId}},
                     guard, std::move(callback));
    });
}

void SignInClient::revoke(const QByteArray& refreshToken, QObject* context, Callback<bool> callback)
{
    QPointer<QObject> guard(context ? context : this);
    withConfiguration([this, refreshToken, guard,
                       callback = std::move(callback)](const ApiResult<OidcConfiguration>& configuration) mutable {
        if (!guard)
            return;
        if (!configuration.ok() || !configuration.value->revocationEndpoint.isValid()) {
            ApiResult<bool> result;
            result.failure = configuration.ok() ? failure(QStringLiteral("no_revocation"),
                                                          tr("The server cannot end sessions remotely."))
                                                : configuration.failure;
            callback(std::move(result));
            return;
        }
        postForm(configuration.value->revocationEndpoint,
                 {{QStringLiteral("token"), QString::fromLatin1(refreshToken)},
                  {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
                  {QStringLiteral("client_id"), m_clientId}},
                 guard, [callback](const QByteArray&, int status, const ApiFailure& f) {
                     ApiResult<bool> result;
                     if (f.code.isEmpty())
                         result.value = true;
                     else
                         result.failure = f;
                     Q_UNUSED(status);
                     callback(std::move(result));
                 });
    });
}

void SignInClient::tokenRequest(const QList<std::pair<QString, QString>>& fields, QObject* context,
                                Callback<TokenSet> callback)
{
    if (!m_configuration) {
        ApiResult<TokenSet> result;
        result.failure = failure(QStringLiteral("no_discovery"), tr("The server's sign-in configuration is missing."));
        callback(std::move(result));
        return;
    }
    postForm(m_configuration->tokenEndpoint, fields, context,
             [callback = std::move(callback)](const QByteArray& body, int status, const ApiFailure& f) {
                 ApiResult<TokenSet> result;
                 if (!f.code.isEmpty()) {
                     result.failure = f;
                     callback(std::move(result));
                     return;
                 }
                 const QJsonObject json = QJsonDocument::fromJson(body).object();
                 TokenSet tokens;
                 tokens.accessToken = json.value(QLatin1String("access_token")).toString().toLatin1();
                 tokens.refreshToken = json.value(QLatin1String("refresh_token")).toString().toLatin1();
                 tokens.idToken = json.value(QLatin1String("id_token")).toString().toLatin1();
                 tokens.expiresIn = json.value(QLatin1String("expires_in")).toInteger(300);
                 if (tokens.accessToken.isEmpty()) {
                     result.failure = failure(QStringLiteral("invalid_response"),
                                              tr("The server's answer to the sign-in was incomplete."), status);
                 } else {
                     readClaims(tokens);
                     result.value = std::move(tokens);
                 }
                 callback(std::move(result));
             });
}

void SignInClient::postForm(const QUrl& url, const QList<std::pair<QString, QString>>& fields, QObject* context,
                            std::function<void(const QByteArray&, int, const ApiFailure&)> handler)
{
    QUrlQuery form;
    for (const auto& [name, value] : fields)
        form.addQueryItem(name, value);
    // Form encoding: '+' in a value would read as a space, so encode it.
    QByteArray body = form.toString(QUrl::FullyEncoded).toLatin1();
    body.replace('+', "%2B");
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(m_requestTimeoutMs);
    QNetworkReply* reply = m_network->post(request, body);
    // The path only: the body carries codes and tokens and is never logged.
    qCDebug(lcSignIn) << "POST" << url.path();
    const QPointer<QObject> guard(context ? context : this);
    connect(reply, &QNetworkReply::finished, context ? context : this, [reply, guard, handler = std::move(handler)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        ApiFailure f;
        if (status == 0) {
            f = failure(QStringLiteral("network_error"), ApiClient::networkFailureMessage());
        } else if (status < 200 || status >= 300) {
            const QString error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString();
            f = failure(error.isEmpty() ? QStringLiteral("http_%1").arg(status) : error,
                        error.isEmpty() ? tr("The server answered the sign-in with status %1.").arg(status)
                                        : messageForOAuthError(error),
                        status);
        }
        if (guard)
            handler(body, status, f);
    });
}

void SignInClient::readClaims(TokenSet& tokens)
{
    const QList<QByteArray> parts = tokens.accessToken.split('.');
    if (parts.size() != 3)
        return;
    const QByteArray payload =
        QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QJsonObject claims = QJsonDocument::fromJson(payload).object();
    tokens.subject = claims.value(QLatin1String("sub")).toString();
    tokens.email = claims.value(QLatin1String("email")).toString();
    tokens.name = claims.value(QLatin1String("name")).toString();
}

} // namespace trellis::client
