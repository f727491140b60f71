#include "tests/common/TrellisdProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtDebug>

namespace trellis::test {

namespace {

QByteArray tail(const QByteArray& text, int lines)
{
    const QList<QByteArray> all = text.trimmed().split('\n');
    return all.mid(qMax(0, all.size() - lines)).join('\n');
}

} // namespace

TrellisdProcess::TrellisdProcess()
    : m_environment(QProcessEnvironment::systemEnvironment())
{
}

TrellisdProcess::~TrellisdProcess()
{
    if (isRunning())
        stop(10000);
}

QString TrellisdProcess::executable()
{
    return qEnvironmentVariable("TRELLIS_TRELLISD");
}

TrellisdRun TrellisdProcess::run(const QStringList& arguments, const QByteArray& stdinData,
                                 const QProcessEnvironment& environment, int timeoutMs)
{
    TrellisdRun result;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(executable(), arguments);
    if (!process.waitForStarted(10000)) {
        result.stdErr = process.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        result.finished = true;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }
    result.stdOut = process.readAllStandardOutput();
    result.stdErr = process.readAllStandardError();
    return result;
}

void TrellisdProcess::setDemo(bool demo)
{
    m_demo = demo;
}

void TrellisdProcess::setDatabaseUrl(const QString& url)
{
    m_databaseUrl = url;
}

void TrellisdProcess::setDataDirectory(const QString& path)
{
    m_dataDir = path;
}

void TrellisdProcess::setExtraArguments(const QStringList& arguments)
{
    m_extraArguments = arguments;
}

void TrellisdProcess::setBootstrapSecret(const QByteArray& secret)
{
    m_bootstrapSecret = secret;
}

void TrellisdProcess::setEnvironmentVariable(const QString& name, const QString& value)
{
    m_environment.insert(name, value);
}

QStringList TrellisdProcess::databaseArguments() const
{
    if (!m_databaseUrl.isEmpty())
        return {QStringLiteral("--database"), m_databaseUrl};
    return {QStringLiteral("--data-dir"), m_dataDir};
}

bool TrellisdProcess::start(int timeoutMs)
{
    m_error.clear();
    m_port = 0;
    if (isRunning()) {
        m_error = QStringLiteral("trellisd is already running");
        return false;
    }
    if (executable().isEmpty()) {
        m_error = QStringLiteral("TRELLIS_TRELLISD is not set (run the tests through ctest)");
        return false;
    }
    if (!m_tempDir) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid()) {
            m_error = QStringLiteral("cannot create a temporary directory: ") + m_tempDir->errorString();
            return false;
        }
        m_stderrFile = m_tempDir->filePath(QStringLiteral("trellisd.stderr"));
    }
    if (m_databaseUrl.isEmpty() && m_dataDir.isEmpty())
        m_dataDir = m_tempDir->filePath(QStringLiteral("data"));

    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    arguments += databaseArguments();
    if (m_demo)
        arguments << QStringLiteral("--demo");
    if (!m_bootstrapSecret.isEmpty())
        arguments << QStringLiteral("--bootstrap-secret-stdin");
    arguments += m_extraArguments;

    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_environment);
    // A file, not a pipe: the request log must never block the server while a test is busy elsewhere.
    m_process->setStandardErrorFile(m_stderrFile, QIODevice::Append);
    m_process->start(executable(), arguments);
    if (!m_process->waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(executable(), m_process->errorString());
        return false;
    }
    if (!m_bootstrapSecret.isEmpty())
        m_process->write(m_bootstrapSecret + '\n');

    const QDeadlineTimer deadline(timeoutMs);
    QByteArray buffer;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine() ||
            m_process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)))) {
            buffer += m_process->readAll();
            int newline;
            while ((newline = buffer.indexOf('\n')) >= 0) {
                const QByteArray line = buffer.left(newline).trimmed();
                buffer.remove(0, newline + 1);
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QStringLiteral("event")).toString() == QStringLiteral("listening")) {
                    m_port = quint16(event.value(QStringLiteral("port")).toInt());
                    if (m_port == 0) {
                        m_error = QStringLiteral("trellisd announced no port: ") + QString::fromUtf8(line);
                        stop(10000);
                        return false;
                    }
                    return true;
                }
            }
        }
        if (m_process->state() == QProcess::NotRunning) {
            m_error = QStringLiteral("trellisd exited (code %1) before listening:\n%2")
                          .arg(m_process->exitCode())
                          .arg(QString::fromUtf8(tail(stderrOutput(), 20)));
            return false;
        }
    }
    m_error = QStringLiteral("trellisd did not announce it was listening within %1 ms:\n%2")
                  .arg(timeoutMs)
                  .arg(QString::fromUtf8(tail(stderrOutput(), 20)));
    stop(10000);
    return false;
}

int TrellisdProcess::stop(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM
        if (!m_process->waitForFinished(timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
            return -1;
        }
    }
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

void TrellisdProcess::closeStdin()
{
    if (m_process)
        m_process->closeWriteChannel();
}

int TrellisdProcess::waitForExit(int timeoutMs)
{
    if (!m_process)
        return -1;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool TrellisdProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 TrellisdProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString TrellisdProcess::errorString() const
{
    return m_error;
}

QUrl TrellisdProcess::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

quint16 TrellisdProcess::port() const
{
    return m_port;
}

QString TrellisdProcess::dataDirectory() const
{
    return m_databaseUrl.isEmpty() ? m_dataDir : QString();
}

QString TrellisdProcess::databaseUrl() const
{
    return m_databaseUrl;
}

QByteArray TrellisdProcess::stderrOutput() const
{
    if (m_stderrFile.isEmpty())
        return {};
    QFile file(m_stderrFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<QByteArray> TrellisdProcess::logLines() const
{
    QList<QByteArray> lines;
    const QList<QByteArray> all = stderrOutput().split('\n');
    for (const QByteArray& line : all) {
        if (QJsonDocument::fromJson(line).isObject())
            lines.append(line);
    }
    return lines;
}

QSqlDatabase TrellisdProcess::openDatabase(const QString& connectionName) const
{
    QSqlDatabase db;
    if (m_databaseUrl.isEmpty()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_dataDir + QStringLiteral("/trellis.sqlite3"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        const QUrl url(m_databaseUrl);
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    }
    if (!db.open())
        qWarning("cannot open the server's database: %s", qPrintable(db.lastError().text()));
    return db;
}

namespace {

// One connection per statement: tests read and edit the database the running server uses, and must not keep it open.
template <typename Use>
auto withStatement(const TrellisdProcess& server, const QString& sql, const QVariantList& values, Use use)
{
    static int counter = 0;
    const QString name = QStringLiteral("test-statement-%1").arg(++counter);
    decltype(use(std::declval<QSqlQuery&>(), false)) result;
    {
        QSqlDatabase db = server.openDatabase(name);
        {
            QSqlQuery query(db);
            query.prepare(sql);
            for (const QVariant& value : values)
                query.addBindValue(value);
            const bool ok = query.exec();
            if (!ok)
                qWarning("statement failed: %s", qPrintable(query.lastError().text()));
            result = use(query, ok);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

QList<QVariantMap> TrellisdProcess::queryRows(const QString& sql, const QVariantList& values) const
{
    return withStatement(*this, sql, values, [](QSqlQuery& query, bool ok) {
        QList<QVariantMap> rows;
        while (ok && query.next()) {
            QVariantMap row;
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i)
                row.insert(record.fieldName(i), query.value(i));
            rows << row;
        }
        return rows;
    });
}

int TrellisdProcess::execute(const QString& sql, const QVariantList& values) const
{
    return withStatement(*this, sql, values,
                         [](QSqlQuery& query, bool ok) { return ok ? query.numRowsAffected() : -1; });
}

QByteArray TrellisdProcess::adminToken(const QString& email, const QString& ttl) const
{
    QStringList arguments{QStringLiteral("admin-token")};
    arguments += databaseArguments();
    arguments << QStringLiteral("--user") << email;
    if (!ttl.isEmpty())
        arguments << QStringLiteral("--ttl") << ttl;
    const TrellisdRun result = run(arguments, {}, m_environment);
    if (result.exitCode != 0) {
        qWarning("trellisd admin-token failed (%d): %s", result.exitCode, result.stdErr.trimmed().constData());
        return {};
    }
    return result.stdOut.trimmed();
}

} // namespace trellis::test
