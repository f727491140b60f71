#include "models/ConsoleSession.h"

#include "client/ApiClient.h"
#include "client/LocalWorkspace.h"

#include <QLoggingCategory>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcSession, "trellis.models.session")
}

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_client(new client::ApiClient(this))
{
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
        return QString();
    const auto& user = m_caller->user;
    return QString::fromStdString(user.displayName.empty() ? user.email : user.displayName);
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

void ConsoleSession::connectToServer(const QUrl& baseUrl, const QByteArray& accessToken)
{
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
