// The console's audit table at scale (issue 6): fills the audit browser's local cache (models::AuditCache, the SQLite
// file the console keeps) with N events (default 1,000,000) for one filter, as if they had been fetched page by page,
// then opens models::AuditEventModel on it and reads every row top to bottom the way a scrolling view does, printing
// the resident memory every 10% and the time per row. Measures the console side only (cache reads, the block LRU);
// the server's pages are measured by bench_audit. Not a test: run it by hand and record the results in
// docs/benchmarks.md.
#include "ResidentMemory.h"
#include "client/ApiClient.h"
#include "client/AuditRecords.h"
#include "models/AuditCache.h"
#include "models/AuditEventModel.h"

#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

using namespace trellis;
using bench::residentMb;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kPage = 500;

/// A realistic event (a role assignment with before/after), `sequence` counting down from the newest.
QByteArray eventJson(qint64 sequence)
{
    const nlohmann::json j{
        {"sequence", sequence},
        {"id", "00000000-0000-4000-8000-" + std::to_string(100000000000 + sequence)},
        {"occurredAt", "2026-12-06T15:04:05.123Z"},
        {"actorType", "user"},
        {"actorId", "user-" + std::to_string(sequence % 5000)},
        {"actorDisplay", "admin" + std::to_string(sequence % 5000) + "@partner.example"},
        {"actingOrgId", "org-" + std::to_string(sequence % 100)},
        {"delegationId", "assignment-" + std::to_string(sequence % 800)},
        {"action", "role.assign"},
        {"targetType", "role_assignment"},
        {"targetId", "ra-" + std::to_string(sequence)},
        {"targetDisplay", "Organisation admin for person" + std::to_string(sequence % 90000) + "@customer.example"},
        {"targetOrgPath", "/root/org-" + std::to_string(sequence % 100) + "/"},
        {"outcome", sequence % 50 == 0 ? "denied" : "success"},
        {"reason", ""},
        {"clientAddress", "203.0.113." + std::to_string(sequence % 250)},
        {"userAgent", "trellis-console/1.0"},
        {"requestId", "req-" + std::to_string(sequence)},
        {"before", nullptr},
        {"after", {{"roleKey", "org-admin"}, {"orgId", "org-7"}, {"userId", "u-1"}, {"expiresAt", nullptr}}},
        {"previousHash", std::string(64, 'a')},
        {"hash", std::string(64, 'b')}};
    return QByteArray::fromStdString(j.dump());
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The audit browser's table over N cached events."));
    parser.addHelpOption();
    const QCommandLineOption eventsOption(QStringLiteral("events"), QStringLiteral("How many events (1000000)."),
                                          QStringLiteral("n"), QStringLiteral("1000000"));
    parser.addOption(eventsOption);
    parser.process(app);
    const qint64 total = parser.value(eventsOption).toLongLong();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit-cache.sqlite"));
    const QString scope = QStringLiteral("http://bench|auditor");
    client::AuditFilter filter;
    filter.range = QStringLiteral("30d");
    const QString key = scope + QLatin1Char('\n') + filter.canonical();

    std::printf("| step | value |\n|---|---|\n");
    std::printf("| resident memory before anything | %.0f MB |\n", residentMb());
    const auto fillStart = Clock::now();
    {
        models::AuditCache cache(path);
        for (qint64 done = 0; done < total; done += kPage) {
            std::vector<client::AuditEvent> events;
            std::vector<QByteArray> raw;
            for (qint64 i = 0; i < kPage && done + i < total; ++i) {
                raw.push_back(eventJson(total - done - i));
                events.push_back(*client::AuditEvent::fromJsonText(raw.back()));
            }
            cache.appendOlder(key, scope, events, raw, done + kPage >= total);
        }
    }
    const double fillSeconds = std::chrono::duration<double>(Clock::now() - fillStart).count();
    std::printf("| cache filled with %lld events (pages of %d, as fetched) | %.1f s (%.0f events/s) |\n",
                static_cast<long long>(total), kPage, fillSeconds, double(total) / fillSeconds);

    client::ApiClient client; // no server: the model's one catch-up request fails quietly
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
    models::AuditEventModel model(&client);
    model.setCachePath(path);
    model.setCacheScope(scope);
    const auto applyStart = Clock::now();
    // The filter's rows come from the cache; a relative range keeps events newer than 30 days (all of them here).
    client::AuditFilter applied;
    applied.range = QStringLiteral("30d");
    model.setFilter(applied);
    std::printf("| setFilter with the rows cached (rows shown at once) | %.1f ms, %d rows |\n",
                std::chrono::duration<double, std::milli>(Clock::now() - applyStart).count(), model.rowCount());
    std::printf("| resident memory after setFilter | %.0f MB |\n", residentMb());

    const int rows = model.rowCount();
    const auto scrollStart = Clock::now();
    double peak = 0;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < models::AuditEventModel::ColumnCount; ++column)
            (void)model.index(row, column).data();
        if (row % (rows / 10 == 0 ? 1 : rows / 10) == 0) {
            const double mb = residentMb();
            peak = std::max(peak, mb);
            std::printf("| resident memory at row %d | %.0f MB |\n", row, mb);
        }
    }
    const double scrollSeconds = std::chrono::duration<double>(Clock::now() - scrollStart).count();
    std::printf("| every row read top to bottom (6 columns) | %.1f s, %.1f µs per row |\n", scrollSeconds,
                scrollSeconds * 1e6 / std::max(1, rows));
    std::printf("| blocks parsed in memory at the end | %d of 100 rows |\n", model.loadedBlockCount());
    std::printf("| peak resident memory while scrolling | %.0f MB |\n", peak);
    return 0;
}
