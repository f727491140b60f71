#pragma once

#include "client/ApiResult.h"
#include "client/CallerInfo.h"
#include "client/ConnectionProfile.h"
#include "client/TokenSet.h"

#include <functional>
#include <optional>

#include <QObject>
#include <QTimer>
#include <QUrl>

namespace trellis::client {
class ApiClient;
class CredentialStore;
class LocalWorkspace;
class SignInClient;
} // namespace trellis::client

namespace trellis::models {

class ProfileStore;

/// The one object the UI asks about the connection: which server, whether it answers, who is signed in.
/// Owns the ApiClient and, with no server profile, the LocalWorkspace that runs trellisd as a child; with a profile,
/// the sign-in (system browser, PKCE, loopback redirect), silent refresh and the keychain entry.
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
        Failed,
        SignedOut, ///< a profile's server, nobody signed in
        SigningIn  ///< waiting for the browser step
    };
    Q_ENUM(State)

    explicit ConsoleSession(QObject* parent = nullptr);
    ~ConsoleSession() override;

    State state() const;
    QString stateText() const;         ///< translated plain words, including why when something went wrong
    QString serverDescription() const; ///< e.g. "Local workspace · 127.0.0.1:41234"
    QString userDisplayName() const;   ///< empty until connected
    /// "user @ server" for the window title; empty when nobody is signed in.
    QString signedInSummary() const;
    std::optional<client::CallerInfo> caller() const;
    QString lastError() const;

    client::ApiClient* client() const;
    client::LocalWorkspace* localWorkspace() const; ///< null when connected to a remote server
    client::SignInClient* signInClient() const;
    /// The profile in use; nullopt for the local workspace.
    std::optional<client::ConnectionProfile> profile() const;
    /// Why the sign-in cannot be remembered on this computer (no keychain), empty when it can.
    QString rememberProblem() const;

    /// Replaces the keychain store (tests; the "none available" store). Takes ownership.
    void setCredentialStore(client::CredentialStore* store);
    client::CredentialStore* credentialStore() const;
    /// Where profile accounts are remembered (not owned; may be null).
    void setProfileStore(ProfileStore* store);
    /// How the browser is opened (default QDesktopServices::openUrl); tests drive the browser step themselves.
    void setBrowserOpener(std::function<void(const QUrl&)> opener);
    /// Seconds before the access token's expiry at which it is refreshed (default 60; at least 5 s after issue).
    void setRefreshMargin(int seconds);

    /// Overrides the workspace folder before startLocalWorkspace() (tests).
    void setWorkspaceDataDirectory(const QString& path);

    void startLocalWorkspace();
    /// Uses an already running server with a token (a server profile, tests).
    void connectToServer(const QUrl& baseUrl, const QByteArray& accessToken);
    /// Stops any local workspace and uses the profile's server; signs in silently with a remembered sign-in.
    void connectToProfile(const client::ConnectionProfile& profile);
    void signIn();       ///< opens the system browser on the profile's sign-in page
    void cancelSignIn(); ///< gives up waiting for the browser
    /// Revokes the refresh token at the server, deletes the keychain entry, forgets the access token.
    void signOut();
    void retry(); ///< re-checks reachability
    void restartServer();

Q_SIGNALS:
    void stateChanged(trellis::models::ConsoleSession::State state);
    void connected();
    void rememberProblemChanged(const QString& problem);
    /// A sign-in attempt ended without success (cancelled, timed out, refused); `message` says why.
    void signInFailed(const QString& message);

private:
    void setState(State state);
    void onServerReady(const QUrl& baseUrl, const QByteArray& accessToken, bool local);
    void loadCaller();
    void stopLocalWorkspace();
    void onSignInFinished(const client::ApiResult<client::TokenSet>& result);
    void acceptTokens(const client::TokenSet& tokens);
    void refreshNow();
    void becomeSignedOut(const QString& message);
    void setRememberProblem(const QString& problem);
    QString keychainKey() const;

    client::ApiClient* m_client = nullptr;
    client::LocalWorkspace* m_workspace = nullptr;
    QString m_workspaceDirectory;
    State m_state = State::Starting;
    QString m_lastError;
    std::optional<client::CallerInfo> m_caller;
    bool m_local = false;

    // Sign-in to a profile's server. The tokens live in memory only; the refresh token also in the keychain.
    client::SignInClient* m_signIn = nullptr;
    client::CredentialStore* m_credentials = nullptr;
    ProfileStore* m_profiles = nullptr;
    std::function<void(const QUrl&)> m_browserOpener;
    std::optional<client::ConnectionProfile> m_profile;
    QByteArray m_refreshToken;
    QString m_account;
    QString m_tokenName;
    QString m_rememberProblem;
    QTimer m_refreshTimer;
    int m_refreshMarginSeconds = 60;
    quint64 m_generation = 0; ///< bumped per connection so late answers for an earlier one are ignored
};

} // namespace trellis::models
