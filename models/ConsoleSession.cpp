#include "models/ConsoleSession.h"

#include "client/ApiClient.h"
#include "client/CredentialStore.h"
#include "client/KeychainCredentialStore.h"
#include "client/LocalWorkspace.h"
#include "client/SignInClient.h"
#include "models/ProfileStore.h"

#include <QDesktopServices>
#include <QLoggingCategory>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcSession, "trellis.models.session")
}

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_client(new client::ApiClient(this))
    , m_signIn(new client::SignInClient(this))
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ConsoleSession::refreshNow);
    connect(m_signIn, &client::SignInClient::signInFinished, this, &ConsoleSession::onSignInFinished);
    connect(m_signIn, &client::SignInClient::openBrowser, this, [this](const QUrl& url) {
        if (m_browserOpener)
            m_browserOpener(url);
        else
            QDesktopServices::openUrl(url);
    });
    connect(m_client, &client::ApiClient::reachabilityChanged, this, [this](bool reachable) {
        if (!reachable && m_state == State::Connected) {
            m_lastError = client::ApiClient::networkFailureMessage();
            setState(State::Unreachable);
        } else if (reachable && m_state == State::Unreachable) {
            m_lastError.clear();
            setState(State::Connected);
        }
    });
}

ConsoleSession::~ConsoleSession() = default;

client::SignInClient* ConsoleSession::signInClient() const
{
    return m_signIn;
}
std::optional<client::ConnectionProfile> ConsoleSession::profile() const
{
    return m_profile;
}
QString ConsoleSession::rememberProblem() const
{
    return m_rememberProblem;
}
void ConsoleSession::setCredentialStore(client::CredentialStore* store)
{
    if (m_credentials && m_credentials->parent() == this)
        delete m_credentials;
    m_credentials = store;
    if (store)
        store->setParent(this);
}
client::CredentialStore* ConsoleSession::credentialStore() const
{
    if (!m_credentials) {
        auto* self = const_cast<ConsoleSession*>(this);
        self->m_credentials = new client::KeychainCredentialStore(QStringLiteral("Trellis"), self);
    }
    return m_credentials;
}
void ConsoleSession::setProfileStore(ProfileStore* store)
{
    m_profiles = store;
}
void ConsoleSession::setBrowserOpener(std::function<void(const QUrl&)> opener)
{
    m_browserOpener = std::move(opener);
}
void ConsoleSession::setRefreshMargin(int seconds)
{
    m_refreshMarginSeconds = seconds;
}

ConsoleSession::State ConsoleSession::state() const
{
    return m_state;
}
QString ConsoleSession::lastError() const
{
    return m_lastError;
}
client::ApiClient* ConsoleSession::client() const
{
    return m_client;
}
client::LocalWorkspace* ConsoleSession::localWorkspace() const
{
    return m_workspace;
}
std::optional<client::CallerInfo> ConsoleSession::caller() const
{
    return m_caller;
}
void ConsoleSession::setWorkspaceDataDirectory(const QString& path)
{
    m_workspaceDirectory = path;
}

QString ConsoleSession::userDisplayName() const
{
    if (!m_caller)
        return m_tokenName;
    const auto& user = m_caller->user;
    return QString::fromStdString(user.displayName.empty() ? user.email : user.displayName);
}

QString ConsoleSession::signedInSummary() const
{
    const QString user = userDisplayName();
    if (user.isEmpty())
        return QString();
    const QString where = m_profile ? m_profile->name : tr("Local workspace");
    return tr("%1 @ %2").arg(user, where);
}

QString ConsoleSession::stateText() const
{
    switch (m_state) {
    case State::Starting:
        return m_local ? tr("Starting the local workspace…") : tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Unreachable:
        return tr("The server cannot be reached.");
    case State::ServerStopped:
        return m_lastError.isEmpty() ? tr("The local server has stopped.")
                                     : tr("The local server has stopped: %1").arg(m_lastError);
    case State::Failed:
        return m_lastError.isEmpty() ? tr("Could not connect.") : m_lastError;
    case State::SignedOut:
        return m_lastError.isEmpty() ? tr("Not signed in") : tr("Not signed in: %1").arg(m_lastError);
    case State::SigningIn:
        return tr("Finish signing in in your web browser…");
    }
    return QString();
}

QString ConsoleSession::serverDescription() const
{
    const QUrl url = m_client->baseUrl();
    const QString where =
        url.isValid() && !url.host().isEmpty()
            ? url.host() + (url.port() > 0 ? QLatin1Char(':') + QString::number(url.port()) : QString())
            : QString();
    if (m_local)
        return where.isEmpty() ? tr("Local workspace") : tr("Local workspace · %1").arg(where);
    if (m_profile)
        return where.isEmpty() ? m_profile->name : tr("%1 · %2").arg(m_profile->name, where);
    return where.isEmpty() ? tr("No server") : tr("Server · %1").arg(where);
}

void ConsoleSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcSession) << "session state" << state;
    Q_EMIT stateChanged(state);
}

void ConsoleSession::startLocalWorkspace()
{
    ++m_generation;
    m_signIn->cancelSignIn();
    m_refreshTimer.stop();
    m_refreshToken.clear();
    m_account.clear();
    m_tokenName.clear();
    m_profile.reset();
    m_caller.reset();
    setRememberProblem(QString());
    m_local = true;
    if (!m_workspace) {
        m_workspace = new client::LocalWorkspace(this);
        if (!m_workspaceDirectory.isEmpty())
            m_workspace->setDataDirectory(m_workspaceDirectory);
        connect(m_workspace, &client::LocalWorkspace::ready, this,
                [this](const QUrl& url, const QByteArray& token) { onServerReady(url, token, true); });
        connect(m_workspace, &client::LocalWorkspace::failed, this, [this](const QString& message) {
            m_lastError = message;
            setState(State::Failed);
        });
        connect(m_workspace, &client::LocalWorkspace::crashed, this, [this](const QString& message) {
            m_lastError = message;
            m_caller.reset();
            m_client->setAccessToken({});
            setState(State::ServerStopped);
        });
    }
    m_lastError.clear();
    setState(State::Starting);
    m_workspace->start();
}

void ConsoleSession::stopLocalWorkspace()
{
    if (!m_workspace)
        return;
    m_workspace->disconnect(this);
    m_workspace->stop();
    m_workspace->deleteLater();
    m_workspace = nullptr;
}

QString ConsoleSession::keychainKey() const
{
    return m_profile ? client::CredentialStore::keyFor(m_profile->id, m_account) : QString();
}

void ConsoleSession::setRememberProblem(const QString& problem)
{
    if (m_rememberProblem == problem)
        return;
    m_rememberProblem = problem;
    Q_EMIT rememberProblemChanged(problem);
}

void ConsoleSession::connectToProfile(const client::ConnectionProfile& profile)
{
    const quint64 generation = ++m_generation;
    stopLocalWorkspace();
    m_signIn->cancelSignIn();
    m_refreshTimer.stop();
    m_refreshToken.clear();
    m_tokenName.clear();
    m_caller.reset();
    m_local = false;
    m_profile = profile;
    m_account = profile.account;
    m_lastError.clear();
    m_client->setBaseUrl(profile.serverUrl);
    m_client->setAccessToken({});
    m_signIn->setServerUrl(profile.serverUrl);
    setState(State::Starting);
    if (m_account.isEmpty()) {
        setState(State::SignedOut);
        return;
    }
    // A remembered sign-in: read the refresh token and trade it for an access token, without the browser.
    credentialStore()->read(keychainKey(), this, [this, generation](client::CredentialStore::Result stored) {
        if (generation != m_generation)
            return;
        if (stored.status == client::CredentialStore::Status::Unavailable)
            setRememberProblem(stored.message);
        if (!stored.ok()) {
            becomeSignedOut(QString());
            return;
        }
        m_refreshToken = stored.secret;
        refreshNow();
    });
}

void ConsoleSession::signIn()
{
    if (!m_profile)
        return;
    m_lastError.clear();
    setState(State::SigningIn);
    m_signIn->startSignIn(m_account);
}

void ConsoleSession::cancelSignIn()
{
    m_signIn->cancelSignIn();
}

void ConsoleSession::onSignInFinished(const client::ApiResult<client::TokenSet>& result)
{
    if (!m_profile)
        return;
    if (!result.ok()) {
        becomeSignedOut(result.failure.code == QLatin1String("cancelled") ? QString() : result.failure.message);
        Q_EMIT signInFailed(result.failure.message);
        return;
    }
    acceptTokens(*result.value);
}

void ConsoleSession::acceptTokens(const client::TokenSet& tokens)
{
    const QString previousKey = keychainKey();
    if (!tokens.account().isEmpty())
        m_account = tokens.account();
    m_tokenName = tokens.name.isEmpty() ? tokens.account() : tokens.name;
    if (!tokens.refreshToken.isEmpty())
        m_refreshToken = tokens.refreshToken;
    m_client->setAccessToken(tokens.accessToken);
    if (m_profiles && m_profile) {
        m_profiles->setAccount(m_profile->id, m_account);
        m_profile->account = m_account;
    }

    // Refresh tokens rotate: every new one replaces the stored one. Without a keychain it stays in memory.
    if (!tokens.refreshToken.isEmpty()) {
        const quint64 generation = m_generation;
        credentialStore()->write(keychainKey(), m_refreshToken, this,
                                 [this, generation](client::CredentialStore::Result written) {
                                     if (generation != m_generation)
                                         return;
                                     if (written.ok())
                                         setRememberProblem(QString());
                                     else
                                         setRememberProblem(written.message);
                                 });
        if (!previousKey.isEmpty() && previousKey != keychainKey())
            credentialStore()->remove(previousKey, this, [](client::CredentialStore::Result) {});
    }
    // Renew ahead of expiry; never more often than every 5 s, whatever the server or the margin says.
    const qint64 lifetime = qMax<qint64>(tokens.expiresIn, 10);
    const qint64 refreshIn = qMax<qint64>(lifetime - m_refreshMarginSeconds, 5);
    m_refreshTimer.start(int(qMin<qint64>(refreshIn, 24 * 3600) * 1000));
    if (m_state != State::Connected || !m_caller)
        loadCaller();
}

void ConsoleSession::refreshNow()
{
    if (!m_profile || m_refreshToken.isEmpty())
        return;
    const quint64 generation = m_generation;
    m_signIn->refresh(m_refreshToken, this, [this, generation](client::ApiResult<client::TokenSet> result) {
        if (generation != m_generation)
            return;
        if (result.ok()) {
            acceptTokens(*result.value);
            return;
        }
        if (result.failure.isNetworkError()) {
            // Keep the refresh token; try again shortly (the access token may still be valid).
            m_lastError = result.failure.message;
            if (m_state == State::Starting)
                setState(State::Unreachable);
            m_refreshTimer.start(30000);
            return;
        }
        // The server refused it (expired, revoked, reused): the stored one is worthless too.
        credentialStore()->remove(keychainKey(), this, [](client::CredentialStore::Result) {});
        m_refreshToken.clear();
        becomeSignedOut(result.failure.message);
    });
}

void ConsoleSession::becomeSignedOut(const QString& message)
{
    m_refreshTimer.stop();
    m_client->setAccessToken({});
    m_refreshToken.clear();
    m_tokenName.clear();
    m_caller.reset();
    m_lastError = message;
    setState(State::SignedOut);
}

void ConsoleSession::signOut()
{
    if (!m_profile)
        return;
    ++m_generation;
    m_signIn->cancelSignIn();
    const QByteArray token = m_refreshToken;
    const QString key = keychainKey();
    if (!token.isEmpty()) {
        // Best effort: the server ends the token family; the console forgets it either way.
        m_signIn->revoke(token, m_signIn, [](client::ApiResult<bool> result) {
            if (!result.ok())
                qCInfo(lcSession) << "revocation at sign-out failed:" << result.failure.code;
        });
    }
    if (!m_account.isEmpty())
        credentialStore()->remove(key, this, [](client::CredentialStore::Result) {});
    becomeSignedOut(QString());
}

void ConsoleSession::connectToServer(const QUrl& baseUrl, const QByteArray& accessToken)
{
    ++m_generation;
    m_profile.reset();
    m_local = false;
    m_lastError.clear();
    setState(State::Starting);
    onServerReady(baseUrl, accessToken, false);
}

void ConsoleSession::onServerReady(const QUrl& baseUrl, const QByteArray& accessToken, bool local)
{
    m_local = local;
    m_client->setBaseUrl(baseUrl);
    m_client->setAccessToken(accessToken);
    loadCaller();
}

void ConsoleSession::loadCaller()
{
    m_client->me(this, [this](client::ApiResult<client::CallerInfo> result) {
        if (!result.ok()) {
            m_lastError = result.failure.message;
            setState(result.failure.isNetworkError() ? State::Unreachable : State::Failed);
            return;
        }
        if (m_profile && m_client->hasAccessToken() == false)
            return; // signed out while /me was on its way
        m_caller = std::move(result.value);
        m_lastError.clear();
        setState(State::Connected);
        Q_EMIT connected();
    });
}

void ConsoleSession::retry()
{
    if (m_state == State::ServerStopped) {
        restartServer();
        return;
    }
    if (!m_client->baseUrl().isValid())
        return;
    // A profile without an access token: renewing the sign-in is the retry (it also shows whether the server
    // answers).
    if (m_profile && !m_client->hasAccessToken()) {
        if (!m_refreshToken.isEmpty())
            refreshNow();
        else
            becomeSignedOut(QString());
        return;
    }
    m_client->checkHealth(this, [this](client::ApiResult<bool> result) {
        if (!result.ok()) {
            m_lastError = result.failure.message;
            if (m_state == State::Connected || m_state == State::Unreachable)
                setState(State::Unreachable);
            return;
        }
        // Reachable again; without a known caller the sign-in is not finished yet.
        if (!m_caller)
            loadCaller();
        else if (m_state == State::Unreachable) {
            m_lastError.clear();
            setState(State::Connected);
        }
    });
}

void ConsoleSession::restartServer()
{
    if (!m_workspace) {
        retry();
        return;
    }
    m_caller.reset();
    m_lastError.clear();
    setState(State::Starting);
    m_workspace->restart();
}

} // namespace trellis::models
