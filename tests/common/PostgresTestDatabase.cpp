#include "tests/common/PostgresTestDatabase.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace trellis::test {

namespace {

const char* const kEnvironmentVariable = "TRELLIS_TEST_POSTGRES_URL";

} // namespace

PostgresTestDatabase::~PostgresTestDatabase()
{
    drop();
}

bool PostgresTestDatabase::isConfigured()
{
    return !qEnvironmentVariableIsEmpty(kEnvironmentVariable);
}

QString PostgresTestDatabase::notConfiguredReason()
{
    return QStringLiteral("TRELLIS_TEST_POSTGRES_URL is not set (scripts/test starts a throwaway PostgreSQL cluster "
                          "and sets it)");
}

bool PostgresTestDatabase::execAdmin(const QString& sql, QString* error) const
{
    const QUrl admin(m_adminUrl);
    const QString connectionName = QStringLiteral("trellis-test-admin-%1").arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(admin.host());
        db.setPort(admin.port(5432));
        db.setUserName(admin.userName());
        db.setPassword(admin.password());
        db.setDatabaseName(admin.path().mid(1).isEmpty() ? QStringLiteral("postgres") : admin.path().mid(1));
        if (!db.open()) {
            if (error)
                *error = QStringLiteral("cannot connect to %1: %2")
                             .arg(admin.toDisplayString(QUrl::RemovePassword), db.lastError().text());
        } else {
            QSqlQuery query(db);
            ok = query.exec(sql);
            if (!ok && error)
                *error = query.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return ok;
}

bool PostgresTestDatabase::create(QString* error)
{
    if (!isConfigured()) {
        if (error)
            *error = notConfiguredReason();
        return false;
    }
    m_adminUrl = qEnvironmentVariable(kEnvironmentVariable);
    const QUrl admin(m_adminUrl);
    if (!admin.isValid() ||
        (admin.scheme() != QStringLiteral("postgres") && admin.scheme() != QStringLiteral("postgresql"))) {
        if (error)
            *error = QStringLiteral("TRELLIS_TEST_POSTGRES_URL is not a postgres:// URL");
        return false;
    }
    // Lower-case letters and digits only: no quoting needed in SQL.
    const QString name =
        QStringLiteral("trellis_test_%1").arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
    if (!execAdmin(QStringLiteral("CREATE DATABASE ") + name, error))
        return false;
    m_name = name;
    return true;
}

void PostgresTestDatabase::drop()
{
    if (m_name.isEmpty())
        return;
    QString error;
    if (!execAdmin(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &error))
        qWarning("could not drop test database %s: %s", qPrintable(m_name), qPrintable(error));
    m_name.clear();
}

QString PostgresTestDatabase::url() const
{
    if (m_name.isEmpty())
        return {};
    QUrl url(m_adminUrl);
    url.setPath(QLatin1Char('/') + m_name);
    return url.toString();
}

} // namespace trellis::test
