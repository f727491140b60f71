#pragma once

#include <functional>

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QUrl>

class QTimer;

namespace trellis::client {

class ApiClient;

/// Runs trellisd as a child process on loopback with an SQLite file in the user's data folder (demo data on
/// first start) and signs in with a one-time secret handed over on the child's stdin, never on its command line.
/// Keeping stdin open keeps the child alive: if the console dies, the child sees EOF and stops.
class LocalWorkspace : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped,
        Starting,
        Ready
    };
    Q_ENUM(State)

    explicit LocalWorkspace(QObject* parent = nullptr);
    ~LocalWorkspace() override; ///< stops the child

    /// TRELLIS_TRELLISD, then next to this executable, then ../libexec/trellis/, then PATH; empty when not found.
    static QString findServerExecutable();

    /// Overrides AppLocalDataLocation + "/workspace" (tests).
    void setDataDirectory(const QString& path);
    QString dataDirectory() const;
    /// Overrides findServerExecutable() (tests).
    void setServerExecutable(const QString& path);
    /// Seam for tests: where the bootstrap secret comes from (default core::newSecretToken()).
    void setSecretGenerator(std::function<QByteArray()> generator);
    /// How long the child may take to listen and accept the secret (default 60 s; first start seeds the demo).
    void setStartTimeout(int milliseconds);

    State state() const;
    bool isRunning() const;
    qint64 processId() const;
    QUrl baseUrl() const; ///< valid once ready()

    void start();
    void stop(); ///< graceful: SIGTERM, then wait; SIGKILL only if it does not stop
    void restart();

Q_SIGNALS:
    void ready(const QUrl& baseUrl, const QByteArray& accessToken);
    void failed(const QString& message);  ///< could not start
    void crashed(const QString& message); ///< the child died while in use
    void stopped();                       ///< stop() finished

private:
    void onStdout();
    void onStderr();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void handleListening(const QUrl& url);
    void fail(const QString& message);
    QString lastErrorLines() const;

    QProcess* m_process = nullptr;
    ApiClient* m_api = nullptr;
    QTimer* m_startTimer = nullptr;
    QString m_dataDirectory;
    QString m_executable;
    std::function<QByteArray()> m_secretGenerator;
    QByteArray m_secret; ///< held only until exchanged
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrBuffer;
    QStringList m_lastStderr;
    QUrl m_baseUrl;
    State m_state = State::Stopped;
    bool m_stopping = false;
    quint64 m_run = 0; ///< bumped per start so answers for an earlier child are ignored
    int m_startTimeoutMs = 60000;
};

} // namespace trellis::client
