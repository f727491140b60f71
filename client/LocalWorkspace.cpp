#include "client/LocalWorkspace.h"

#include "client/ApiClient.h"
#include "core/Random.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>

namespace trellis::client {

namespace {
Q_LOGGING_CATEGORY(lcWorkspace, "trellis.client.workspace")
// The child's own log lines (stderr); they never contain secrets, but they are noisy, so a category of their own.
Q_LOGGING_CATEGORY(lcServerLog, "trellis.client.workspace.server")

constexpr int kKeptStderrLines = 12;
constexpr int kStopWaitMs = 10000;

bool isExecutableFile(const QString& path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}
} // namespace

LocalWorkspace::LocalWorkspace(QObject* parent)
    : QObject(parent)
    , m_api(new ApiClient(this))
    , m_startTimer(new QTimer(this))
{
    m_startTimer->setSingleShot(true);
    connect(m_startTimer, &QTimer::timeout, this,
            [this] { fail(tr("The local server did not start within %1 seconds.").arg(m_startTimeoutMs / 1000)); });
}

LocalWorkspace::~LocalWorkspace()
{
    // Nobody is listening any more; just make sure the child does not outlive us.
    blockSignals(true);
    stop();
}

QString LocalWorkspace::findServerExecutable()
{
    const QString fromEnv = qEnvironmentVariable("TRELLIS_TRELLISD");
    if (!fromEnv.isEmpty()) {
        if (isExecutableFile(fromEnv))
            return QFileInfo(fromEnv).absoluteFilePath();
        qCWarning(lcWorkspace) << "TRELLIS_TRELLISD is not an executable file:" << fromEnv;
    }
    const QString appDir = QCoreApplication::applicationDirPath();
    const QStringList candidates{appDir + QStringLiteral("/trellisd"),
                                 appDir + QStringLiteral("/../libexec/trellis/trellisd")};
    for (const QString& candidate : candidates) {
        if (isExecutableFile(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("trellisd"));
}

void LocalWorkspace::setDataDirectory(const QString& path)
{
    m_dataDirectory = path;
}

QString LocalWorkspace::dataDirectory() const
{
    if (!m_dataDirectory.isEmpty())
        return m_dataDirectory;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/workspace");
}

void LocalWorkspace::setServerExecutable(const QString& path)
{
    m_executable = path;
}
void LocalWorkspace::setSecretGenerator(std::function<QByteArray()> generator)
{
    m_secretGenerator = std::move(generator);
}
void LocalWorkspace::setStartTimeout(int milliseconds)
{
    m_startTimeoutMs = milliseconds;
}
LocalWorkspace::State LocalWorkspace::state() const
{
    return m_state;
}
bool LocalWorkspace::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}
qint64 LocalWorkspace::processId() const
{
    return m_process ? m_process->processId() : 0;
}
QUrl LocalWorkspace::baseUrl() const
{
    return m_baseUrl;
}

void LocalWorkspace::start()
{
    if (m_state != State::Stopped)
        return;
    const QString executable = m_executable.isEmpty() ? findServerExecutable() : m_executable;
    if (executable.isEmpty()) {
        Q_EMIT failed(tr("The Trellis server program (trellisd) was not found. Reinstall Trellis, or set "
                         "TRELLIS_TRELLISD to its location."));
        return;
    }
    const QString directory = dataDirectory();
    // The folder holds the workspace database: only its owner may enter it.
    if (!QDir().mkpath(directory) ||
        !QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        Q_EMIT failed(tr("The workspace folder %1 could not be created.").arg(QDir::toNativeSeparators(directory)));
        return;
    }

    ++m_run;
    m_state = State::Starting;
    m_stopping = false;
    m_stdoutBuffer.clear();
    m_stderrBuffer.clear();
    m_lastStderr.clear();
    m_baseUrl.clear();
    m_secret = m_secretGenerator ? m_secretGenerator() : QByteArray::fromStdString(core::newSecretToken());

    m_process = new QProcess(this);
    m_process->setProgram(executable);
    // The secret goes to stdin, never here: argv is readable by every local user through /proc.
    m_process->setArguments({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--data-dir"),
                             directory, QStringLiteral("--demo"), QStringLiteral("--bootstrap-secret-stdin")});
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LocalWorkspace::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &LocalWorkspace::onStderr);
    connect(m_process, &QProcess::finished, this, &LocalWorkspace::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &LocalWorkspace::onErrorOccurred);

    qCInfo(lcWorkspace) << "starting" << executable << "with data in" << directory;
    m_startTimer->start(m_startTimeoutMs);
    m_process->start(QIODevice::ReadWrite);
    // Buffered until the child runs; stdin then stays open for the child's whole life.
    m_process->write(m_secret + '\n');
}

void LocalWorkspace::stop()
{
    m_startTimer->stop();
    m_secret.fill('\0');
    m_secret.clear();
    if (!m_process) {
        m_state = State::Stopped;
        return;
    }
    m_stopping = true;
    QProcess* process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        qCInfo(lcWorkspace) << "stopping the local server, pid" << process->processId();
        process->closeWriteChannel();
        process->terminate();
        if (!process->waitForFinished(kStopWaitMs)) {
            qCWarning(lcWorkspace) << "the local server did not stop in time; killing it";
            process->kill();
            process->waitForFinished(3000);
        }
    }
    process->deleteLater();
    m_state = State::Stopped;
    m_stopping = false;
    Q_EMIT stopped();
}

void LocalWorkspace::restart()
{
    stop();
    start();
}

void LocalWorkspace::onStdout()
{
    if (!m_process)
        return;
    m_stdoutBuffer += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdoutBuffer.left(newline).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (m_state == State::Starting &&
            event.value(QLatin1String("event")).toString() == QLatin1String("listening")) {
            QUrl url;
            url.setScheme(QStringLiteral("http"));
            url.setHost(event.value(QLatin1String("address")).toString(QStringLiteral("127.0.0.1")));
            url.setPort(event.value(QLatin1String("port")).toInt());
            handleListening(url);
        } else if (!line.isEmpty()) {
            qCDebug(lcServerLog).noquote() << QString::fromUtf8(line);
        }
    }
}

void LocalWorkspace::onStderr()
{
    if (!m_process)
        return;
    m_stderrBuffer += m_process->readAllStandardError();
    qsizetype newline;
    while ((newline = m_stderrBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stderrBuffer.left(newline)).trimmed();
        m_stderrBuffer.remove(0, newline + 1);
        if (line.isEmpty())
            continue;
        qCDebug(lcServerLog).noquote() << line;
        m_lastStderr.append(line);
        while (m_lastStderr.size() > kKeptStderrLines)
            m_lastStderr.removeFirst();
    }
}

void LocalWorkspace::handleListening(const QUrl& url)
{
    if (url.port() <= 0) {
        fail(tr("The local server reported an address the console cannot use."));
        return;
    }
    m_baseUrl = url;
    qCInfo(lcWorkspace) << "local server listening on" << url.toDisplayString();
    m_api->setBaseUrl(url);
    const QByteArray secret = m_secret;
    m_secret.fill('\0');
    m_secret.clear();
    const quint64 run = m_run;
    m_api->exchangeBootstrapSecret(secret, this, [this, run](ApiResult<QByteArray> result) {
        if (run != m_run || m_state != State::Starting)
            return;
        if (!result.ok()) {
            fail(tr("The local server did not accept the console's sign-in: %1").arg(result.failure.message));
            return;
        }
        m_startTimer->stop();
        m_state = State::Ready;
        qCInfo(lcWorkspace) << "local workspace ready";
        Q_EMIT ready(m_baseUrl, *result.value);
    });
}

QString LocalWorkspace::lastErrorLines() const
{
    if (m_lastStderr.isEmpty())
        return QString();
    return QStringLiteral("\n\n") + tr("Last messages from the server:") + QLatin1Char('\n') +
           m_lastStderr.join(QLatin1Char('\n'));
}

void LocalWorkspace::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping || !m_process)
        return;
    onStderr(); // the last words often explain the exit
    const State before = m_state;
    const QString reason =
        status == QProcess::CrashExit ? tr("it was terminated abruptly") : tr("exit code %1").arg(exitCode);
    qCWarning(lcWorkspace) << "local server exited:" << status << exitCode;
    m_startTimer->stop();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    m_state = State::Stopped;
    if (before == State::Ready)
        Q_EMIT crashed(tr("The local server stopped unexpectedly (%1).").arg(reason) + lastErrorLines());
    else
        Q_EMIT failed(tr("The local server could not start (%1).").arg(reason) + lastErrorLines());
}

void LocalWorkspace::onErrorOccurred(QProcess::ProcessError error)
{
    // Other errors are followed by finished(), which reports them.
    if (error != QProcess::FailedToStart || !m_process)
        return;
    const QString why = m_process->errorString();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    m_startTimer->stop();
    m_state = State::Stopped;
    Q_EMIT failed(tr("The local server could not be started: %1").arg(why));
}

void LocalWorkspace::fail(const QString& message)
{
    qCWarning(lcWorkspace).noquote() << "local workspace failed:" << message;
    blockSignals(true); // stop() would announce stopped(); failed() is the news here
    stop();
    blockSignals(false);
    Q_EMIT failed(message + lastErrorLines());
}

} // namespace trellis::client
