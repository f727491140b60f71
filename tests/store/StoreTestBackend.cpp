#include "StoreTestBackend.h"

#include "core/Random.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace trellis::tests {

namespace {
const QString kAdminConnection = QStringLiteral("store-test-admin");

bool adminExec(const QString& sql, QString* error)
{
    QSqlQuery query(QSqlDatabase::database(kAdminConnection));
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
} // namespace

StoreTestBackend::StoreTestBackend(server::SqlDialect dialect)
    : m_dialect(dialect)
{
    if (dialect == server::SqlDialect::Sqlite) {
        if (!m_dir.isValid())
            m_unavailable = QStringLiteral("cannot create a temporary folder");
        return;
    }
    const QString url = qEnvironmentVariable("TRELLIS_TEST_POSTGRES_URL");
    if (url.isEmpty()) {
        m_unavailable = QStringLiteral("TRELLIS_TEST_POSTGRES_URL is not set (scripts/test sets it to a throwaway "
                                       "PostgreSQL cluster)");
        return;
    }
    QString error;
    const auto admin = server::DatabaseConfig::fromUrl(url, &error);
    if (!admin) {
        m_unavailable = QStringLiteral("TRELLIS_TEST_POSTGRES_URL is not usable: %1").arg(error);
        return;
    }
    m_admin = *admin;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kAdminConnection);
    db.setHostName(m_admin.host);
    db.setPort(m_admin.port);
    db.setDatabaseName(m_admin.databaseName);
    db.setUserName(m_admin.user);
    db.setPassword(m_admin.password);
    if (!db.open())
        m_unavailable = QStringLiteral("cannot connect to TRELLIS_TEST_POSTGRES_URL: %1").arg(db.lastError().text());
}

StoreTestBackend::~StoreTestBackend()
{
    if (m_dialect != server::SqlDialect::Postgres || !QSqlDatabase::contains(kAdminConnection))
        return;
    for (const QString& name : std::as_const(m_created))
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name), nullptr);
    {
        QSqlDatabase db = QSqlDatabase::database(kAdminConnection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(kAdminConnection);
}

server::DatabaseConfig StoreTestBackend::newDatabase()
{
    ++m_counter;
    if (m_dialect == server::SqlDialect::Sqlite)
        return server::DatabaseConfig::sqliteInDataDir(m_dir.filePath(QStringLiteral("data-%1").arg(m_counter)));
    // Unique across concurrent test runs sharing one cluster.
    const QString name =
        QStringLiteral("trellis_store_%1").arg(QString::fromStdString(core::newUuid()).remove(u'-').left(16));
    QString error;
    if (!adminExec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name), &error))
        qFatal("cannot create test database %s: %s", qPrintable(name), qPrintable(error));
    m_created.push_back(name);
    server::DatabaseConfig config = m_admin;
    config.databaseName = name;
    return config;
}

} // namespace trellis::tests
