#pragma once

#include "client/CallerInfo.h"

#include <optional>

#include <QObject>
#include <QUrl>

namespace trellis::client {
class ApiClient;
class LocalWorkspace;
} // namespace trellis::client

namespace trellis::models {

/// The one object the UI asks about the connection: which server, whether it answers, who is signed in.
/// Owns the ApiClient and, with no server profile, the LocalWorkspace that runs trellisd as a child.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Starting,
        Connected,
        Unreachable,
        ServerStopped,
        Failed
    };
    Q_ENUM(State)

    explicit ConsoleSession(QObject* parent = nullptr);
    ~ConsoleSession() override;

    State state() const;
    QString stateText() const;         ///< translated plain words, including why when something went wrong
    QString serverDescription() const; ///< e.g. "Local workspace · 127.0.0.1:41234"
    QString userDisplayName() const;   ///< empty until connected
    std::optional<client::CallerInfo> caller() const;
    QString lastError() const;

    client::ApiClient* client() const;
    client::LocalWorkspace* localWorkspace() const; ///< null when connected to a remote server

    /// Overrides the workspace folder before startLocalWorkspace() (tests).
    void setWorkspaceDataDirectory(const QString& path);

    void startLocalWorkspace();
    /// Uses an already running server with a token (a server profile, tests).
    void connectToServer(const QUrl& baseUrl, const QByteArray& accessToken);
    void retry(); ///< re-checks reachability
    void restartServer();

Q_SIGNALS:
    void stateChanged(trellis::models::ConsoleSession::State state);
    void connected();

private:
    void setState(State state);
    void onServerReady(const QUrl& baseUrl, const QByteArray& accessToken, bool local);
    void loadCaller();

    client::ApiClient* m_client = nullptr;
    client::LocalWorkspace* m_workspace = nullptr;
    QString m_workspaceDirectory;
    State m_state = State::Starting;
    QString m_lastError;
    std::optional<client::CallerInfo> m_caller;
    bool m_local = false;
};

} // namespace trellis::models
