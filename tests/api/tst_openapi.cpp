// docs/api/openapi.yaml and the router agree, both ways: every documented operation is routed and every
// route is documented, spelled exactly alike.
#include "server/api/ApiContext.h"
#include "server/api/ApiRoutes.h"
#include "server/http/Router.h"
#include "server/store/Database.h"

#include <QFile>
#include <QSet>
#include <QtTest>

using namespace trellis::server;

namespace {

// A tiny reader for the `paths:` section: path keys are indented two spaces, operations four.
QSet<QString> documentedOperations(const QByteArray& yaml, QString* error)
{
    static const QSet<QByteArray> verbs{"get", "put", "post", "delete", "patch", "head", "options", "trace"};
    QSet<QString> operations;
    bool inPaths = false;
    QByteArray currentPath;
    const QList<QByteArray> lines = yaml.split('\n');
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
            continue;
        int indent = 0;
        while (indent < line.size() && line.at(indent) == ' ')
            ++indent;
        if (indent == 0) {
            inPaths = line == "paths:";
            continue;
        }
        if (!inPaths)
            continue;
        if (indent == 2 && line.endsWith(':')) {
            currentPath = line.trimmed().chopped(1);
            if (currentPath.startsWith('\'') || currentPath.startsWith('"'))
                currentPath = currentPath.mid(1, currentPath.size() - 2);
            if (!currentPath.startsWith('/'))
                *error = QStringLiteral("unexpected key under paths: ") + QString::fromUtf8(currentPath);
        } else if (indent == 4 && line.endsWith(':')) {
            const QByteArray key = line.trimmed().chopped(1);
            if (verbs.contains(key))
                operations.insert(QString::fromUtf8(key.toUpper() + ' ' + currentPath));
        }
    }
    return operations;
}

} // namespace

class OpenApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readerFindsOperations();
    void documentMatchesRouter();
};

void OpenApiTest::readerFindsOperations()
{
    // The reader itself must not be the reason the comparison passes.
    const QByteArray yaml = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses: {}\n    parameters:\n"
                            "      - name: x\n  /b/{id}:\n    post:\n      summary: y\ncomponents:\n  schemas:\n"
                            "    get:\n      type: object\n";
    QString error;
    const QSet<QString> operations = documentedOperations(yaml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(operations, (QSet<QString>{QStringLiteral("GET /a"), QStringLiteral("POST /b/{id}")}));
}

void OpenApiTest::documentMatchesRouter()
{
    QFile file(qEnvironmentVariable("TRELLIS_SOURCE_DIR") + QStringLiteral("/docs/api/openapi.yaml"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + QStringLiteral(": ") + file.errorString()));
    const QByteArray yaml = file.readAll();
    QVERIFY(yaml.startsWith("openapi: 3.0.3"));
    QString error;
    const QSet<QString> documented = documentedOperations(yaml, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // The router as trellisd builds it; nothing is served, so the database is never opened.
    DatabaseConfig config;
    config.sqliteFile = QStringLiteral("/nonexistent/never-opened.sqlite3");
    Database db(config);
    const ApiContext context{db, nullptr};
    Router router;
    ApiRoutes::install(router, context);
    QSet<QString> routed;
    for (const auto& route : router.routes())
        routed.insert(QString::fromStdString(route.method + ' ' + route.pattern));
    QVERIFY(routed.size() >= 9);

    const QSet<QString> undocumented = routed - documented;
    const QSet<QString> unrouted = documented - routed;
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("routes missing from openapi.yaml: ") +
                                                QStringList(undocumented.begin(), undocumented.end()).join(u", ")));
    QVERIFY2(unrouted.isEmpty(), qPrintable(QStringLiteral("documented but not routed: ") +
                                            QStringList(unrouted.begin(), unrouted.end()).join(u", ")));
}

QTEST_GUILESS_MAIN(OpenApiTest)
#include "tst_openapi.moc"
