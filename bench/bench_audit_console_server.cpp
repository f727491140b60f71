// The whole console against a real server while scrolling a million audit rows (issue 6: "console memory while
// scrolling 1 million rows, flat, under 300 MB"). Starts a real trellisd (--demo) over a data directory that already
// holds bench_audit's generated trail (1.2 million events: `bench_audit --sqlite-dir DIR --events 1200000
// --queries-only --iterations 1`), signs the console's real main window in as the demo's security auditor (audit.read
// at the root organisation: sees every event), opens the Audit section, applies "no filter", then scrolls the table
// down page by page the way a user holding Page Down does: the view asks the model for more (fetchMore) whenever it
// reaches the bottom, the model fetches the next page from trellisd and stores it in the console's audit cache. Prints
// the resident memory (/proc/self/statm) and the time for every 100,000 rows, and the peak. Offscreen
// (QT_QPA_PLATFORM=offscreen unless set). Not a test: run it by hand and record the results in docs/benchmarks.md.
// Never prints tokens.
#include "ResidentMemory.h"
#include "client/AuditFilter.h"
#include "models/AuditEventModel.h"
#include "models/ConsoleSession.h"
#include "tests/common/TrellisdProcess.h"
#include "ui/AuditPage.h"
#include "ui/MainWindow.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QScrollBar>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

using namespace trellis;
using bench::highWaterMb;
using bench::residentMb;
using Clock = std::chrono::steady_clock;

namespace {

const QString kAuditor = QStringLiteral("auditor@acme.example"); // the demo's security auditor

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

double seconds(Clock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

/// Runs the event loop until `done` holds or `timeoutMs` passed; whether it holds. Polls every 2 ms inside a real
/// event loop, so network replies and paint events are handled as in the running console (no sleeps between).
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QDeadlineTimer deadline(timeoutMs);
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(2);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    tick.start();
    loop.exec();
    return done();
}

/// Audit events in the generated database (bench_audit keeps the count in the chain head).
qint64 eventsIn(const QString& dataDir)
{
    const QString file = QDir(dataDir).filePath(QStringLiteral("trellis.sqlite3"));
    if (!QFileInfo::exists(file))
        return 0;
    qint64 count = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-count"));
        db.setDatabaseName(file);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT last_sequence FROM audit_chain_head WHERE id = 1")) && q.next())
                count = q.value(0).toLongLong();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench-count"));
    return count;
}

} // namespace

int main(int argc, char** argv)
{
    // The console's settings, keychain-free session and audit cache go to a throwaway home, never the user's.
    QTemporaryDir home;
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"})
        qputenv(name, QDir(home.path()).filePath(QString::fromLatin1(name)).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_LOGGING_RULES", "trellis.*.debug=false");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Trellis"));
    QApplication::setApplicationName(QStringLiteral("trellis-bench"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The whole console against a real trellisd while scrolling a million audit rows."));
    parser.addHelpOption();
    const QCommandLineOption dirOption(
        QStringLiteral("sqlite-dir"),
        QStringLiteral("trellisd data directory holding bench_audit's generated trail (default "
                       "<build>/bench-audit-console-server)."),
        QStringLiteral("DIR"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows to scroll past (1000000)."),
                                        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption pageOption(QStringLiteral("page-size"),
                                        QStringLiteral("Events per request (default: the console's own)."),
                                        QStringLiteral("N"));
    const QCommandLineOption threadsOption(QStringLiteral("threads"), QStringLiteral("trellisd --threads (2)."),
                                           QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption cacheOption(QStringLiteral("cache-dir"),
                                         QStringLiteral("Keep the console's cache folder here (default: thrown away)."),
                                         QStringLiteral("DIR"));
    parser.addOptions({dirOption, rowsOption, pageOption, threadsOption, cacheOption});
    parser.process(app);
    if (parser.isSet(cacheOption))
        qputenv("XDG_CACHE_HOME", QDir(parser.value(cacheOption)).absolutePath().toLocal8Bit());
    const int target = std::max(1000, parser.value(rowsOption).toInt());
    const QString dataDir = parser.isSet(dirOption)
                                ? QDir(parser.value(dirOption)).absolutePath()
                                : QDir(QCoreApplication::applicationDirPath())
                                      .absoluteFilePath(QStringLiteral("../bench-audit-console-server"));
    if (qEnvironmentVariableIsEmpty("TRELLIS_TRELLISD"))
        qputenv("TRELLIS_TRELLISD", QDir(QCoreApplication::applicationDirPath())
                                        .absoluteFilePath(QStringLiteral("../bin/trellisd"))
                                        .toLocal8Bit());

    const qint64 events = eventsIn(dataDir);
    if (events < qint64(target) + qint64(target) / 10) {
        std::fprintf(stderr,
                     "bench_audit_console_server: %s holds %lld audit events; it needs %lld or more. Generate them "
                     "with:\n  build/bench/bench_audit --sqlite-dir %s --events %lld --queries-only --iterations 1\n",
                     qPrintable(dataDir), static_cast<long long>(events),
                     static_cast<long long>(qint64(target) + qint64(target) / 10), qPrintable(dataDir),
                     static_cast<long long>(qint64(target) * 12 / 10));
        return 1;
    }

    std::printf("| step | value |\n|---|---|\n");
    std::printf("| audit events in the server's database | %lld |\n", static_cast<long long>(events));
    std::printf("| load average at start | %s |\n", qPrintable(loadAverage()));
    std::printf("| resident memory, console process before the window | %.0f MB |\n", residentMb());
    std::fflush(stdout);

    // A real trellisd on loopback over the generated trail; --demo seeds the demo organisations and people into it
    // (its organisations table is empty), so the demo's security auditor exists. No rate limit: one console scrolling
    // fast sends thousands of requests a minute.
    test::TrellisdProcess server;
    server.setDataDirectory(dataDir);
    server.setDemo(true);
    server.setExtraArguments({QStringLiteral("--threads"), parser.value(threadsOption), QStringLiteral("--rate-limit"),
                              QStringLiteral("0")});
    if (!server.start()) {
        std::fprintf(stderr, "trellisd did not start: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const QByteArray token = server.adminToken(kAuditor, QStringLiteral("8h"));
    if (token.isEmpty()) {
        std::fprintf(stderr, "no admin token for %s\n", qPrintable(kAuditor));
        return 1;
    }

    // The console as a person has it: session, main window (1280×800, shown), signed in, Audit section open.
    auto session = std::make_unique<models::ConsoleSession>();
    auto window = std::make_unique<ui::MainWindow>(session.get());
    window->resize(1280, 800);
    window->show();
    session->connectToServer(server.baseUrl(), token);
    if (!waitUntil([&] { return session->state() == models::ConsoleSession::State::Connected; }, 60000)) {
        std::fprintf(stderr, "the console did not connect to %s\n", qPrintable(server.baseUrl().toString()));
        return 1;
    }
    std::printf("| resident memory, signed in (first section shown) | %.0f MB |\n", residentMb());
    if (!window->showSection(QStringLiteral("audit"))) {
        std::fprintf(stderr, "no Audit section\n");
        return 1;
    }
    auto* page = static_cast<ui::AuditPage*>(window->section(QStringLiteral("audit")));
    models::AuditEventModel* model = page->model();
    QTableView* table = page->table();
    if (parser.isSet(pageOption))
        model->setPageSize(parser.value(pageOption).toInt());
    waitUntil([&] { return !page->isBusy(); }, 120000);

    // "No filter": every event of the trail, as the security auditor sees it.
    const auto applied = Clock::now();
    page->applyFilter(client::AuditFilter());
    if (!waitUntil([&] { return model->rowCount() > 0 && !model->isFetching(); }, 120000)) {
        std::fprintf(stderr, "no first page: %s\n", qPrintable(model->lastFailure().message));
        return 1;
    }
    std::printf("| no filter applied: first page shown (%d rows of %d per request) | %.0f ms |\n", model->rowCount(),
                model->pageSize(), seconds(Clock::now() - applied) * 1000);
    waitUntil([&] { return page->histogramLoaded(); }, 300000);
    std::printf("| timeline of the whole trail loaded | %.1f s after the filter |\n", seconds(Clock::now() - applied));
    std::printf("| resident memory, Audit section open, first page shown | %.0f MB |\n", residentMb());
    std::fflush(stdout);

    // Scroll down as a person holding Page Down: one page step at a time, events processed after each (the view
    // paints the rows it shows, reading them from the model's blocks). At the bottom the view itself calls
    // fetchMore; the bench only waits for the page to arrive, as the person would.
    QScrollBar* bar = table->verticalScrollBar();
    const int rowHeight = std::max(1, table->verticalHeader()->defaultSectionSize());
    const auto topRow = [&] { return table->rowAt(0); };
    double peak = residentMb();
    auto stretchStart = Clock::now();
    const auto scrollStart = stretchStart;
    int nextReport = 100000;
    int requestsAtStretch = model->requestCount();
    int steps = 0;
    Clock::duration waited{}; // of each stretch: from reaching the bottom to the next page shown
    std::printf("| rows passed | resident memory | seconds for these 100,000 rows | of which waiting for pages | "
                "requests | rows loaded |\n|---:|---:|---:|---:|---:|---:|\n");
    std::fflush(stdout);
    while (topRow() < target) {
        if (bar->value() >= bar->maximum()) {
            if (model->isComplete()) {
                std::fprintf(stderr, "the trail ended at %d rows, before %d\n", model->rowCount(), target);
                break;
            }
            const int before = model->rowCount();
            const auto waitStart = Clock::now();
            // The view fetches more when it reaches the bottom; wait for the page (and the view's new maximum).
            if (!waitUntil([&] { return model->rowCount() > before && !model->isFetching(); }, 120000)) {
                std::fprintf(stderr, "stalled at %d rows (fetching: %d, failure: %s)\n", before,
                             int(model->isFetching()), qPrintable(model->lastFailure().message));
                return 1;
            }
            QCoreApplication::processEvents(); // the view lays out the new rows and grows its scroll bar
            waited += Clock::now() - waitStart;
            peak = std::max(peak, residentMb());
        }
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        QCoreApplication::processEvents();
        ++steps;
        if (topRow() >= nextReport) {
            const double mb = residentMb();
            peak = std::max(peak, mb);
            std::printf("| %d | %.0f MB | %.1f | %.1f | %d | %d |\n", nextReport, mb,
                        seconds(Clock::now() - stretchStart), seconds(waited),
                        model->requestCount() - requestsAtStretch, model->rowCount());
            waited = {};
            std::fflush(stdout);
            stretchStart = Clock::now();
            requestsAtStretch = model->requestCount();
            nextReport += 100000;
        }
    }
    const double total = seconds(Clock::now() - scrollStart);
    peak = std::max(peak, residentMb());
    std::printf("\n| summary | value |\n|---|---|\n");
    std::printf("| rows passed / loaded | %d / %d |\n", topRow(), model->rowCount());
    std::printf("| page steps / requests | %d / %d |\n", steps, model->requestCount());
    std::printf("| whole scroll | %.0f s (%.2f ms per row) |\n", total, total * 1000 / std::max(1, topRow()));
    const bool perItem = table->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
    std::printf("| row height / rows per page step | %d px / %d |\n", rowHeight,
                perItem ? bar->pageStep() : bar->pageStep() / rowHeight);
    std::printf("| blocks parsed in memory at the end | %d |\n", model->loadedBlockCount());
    std::printf("| audit cache file at the end (its -wal beside it) | %.0f MB (%.0f MB) |\n",
                double(QFileInfo(model->cachePath()).size()) / (1024.0 * 1024.0),
                double(QFileInfo(model->cachePath() + QStringLiteral("-wal")).size()) / (1024.0 * 1024.0));
    std::printf("| peak resident memory (sampled / kernel VmHWM) | %.0f MB / %.0f MB |\n", peak, highWaterMb());
    std::printf("| load average at the end | %s |\n", qPrintable(loadAverage()));
    std::fflush(stdout);

    window.reset();
    session.reset();
    server.stop();
    return 0;
}
