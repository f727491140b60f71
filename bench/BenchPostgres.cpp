#include "bench/BenchPostgres.h"

#include "server/store/Database.h"

#include <stdexcept>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace trellis::bench {

QString ensurePostgresDatabase(const QString& adminUrl, const QString& name, bool regenerate)
{
    QString error;
    const auto admin = trellis::server::DatabaseConfig::fromUrl(adminUrl, &error);
    if (!admin)
        throw std::runtime_error("bad TRELLIS_BENCH_POSTGRES_URL: " + error.toStdString());
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("bench-admin"));
        connection.setHostName(admin->host);
        connection.setPort(admin->port);
        connection.setDatabaseName(admin->databaseName);
        connection.setUserName(admin->user);
        connection.setPassword(admin->password);
        if (!connection.open())
            throw std::runtime_error("cannot connect to PostgreSQL: " + connection.lastError().text().toStdString());
        {
            QSqlQuery q(connection);
            if (regenerate && !q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)))
                throw std::runtime_error(q.lastError().text().toStdString());
            q.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
            q.addBindValue(name);
            if (!q.exec() || (!q.next() && !q.exec(QStringLiteral("CREATE DATABASE %1").arg(name))))
                throw std::runtime_error(q.lastError().text().toStdString());
        }
        connection.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-admin"));
    QUrl url(adminUrl);
    url.setPath(u'/' + name);
    return url.toString();
}

} // namespace trellis::bench
