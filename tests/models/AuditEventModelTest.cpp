// AuditEventModel against a real trellisd with the demo world: pages load on demand and match what the API answers,
// only a few blocks of rows stay in memory, a filter seen before comes back from the SQLite cache at once (also in a
// new model), newer events are inserted at the top (catch-up and live tail), and a bad filter names its field.
#include "models/AuditEventModel.h"

#include "client/AuditExport.h"
#include "tests/models/DemoServer.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using trellis::client::AuditFilter;
using trellis::models::AuditEventModel;
using namespace trellis;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr int kCreatedOrgs = 23;

} // namespace

class AuditEventModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesLoadOnDemandAndMatchTheApi();
    void onlyAFewBlocksStayInMemory();
    void aFilterSeenBeforeComesBackFromTheCacheAtOnce();
    void theCacheOutlivesTheModel();
    void forgettingTheScopeLeavesNothingBehind();
    void newerEventsAreInsertedAtTheTop();
    void aLargeGapLoadsAfreshFromTheNewest();
    void liveTailShowsNewEventsAtTheTop();
    void aBadFilterNamesItsField();
    void exportStreamsEveryEventAndCancelLeavesNoFile();

private:
    std::unique_ptr<AuditEventModel> makeModel();
    /// Creates an organisation below the first root (one audit event each); its name contains `marker`.
    QString createOrg(const QString& marker);
    /// Every event matching `filter`, newest first, straight from the API.
    std::vector<client::AuditEvent> reference(const AuditFilter& filter);
    static bool loadAll(AuditEventModel& model);
    static QList<qint64> sequences(const AuditEventModel& model);

    test::DemoServer m_server;
    QTemporaryDir m_dir;
    QString m_rootId;
    AuditFilter m_marked; ///< the events of the organisations this test created
    int m_counter = 0;
};

void AuditEventModelTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto roots = m_server.roots();
    QVERIFY(!roots.empty());
    m_rootId = QString::fromStdString(roots.front().id);
    for (int i = 0; i < kCreatedOrgs; ++i)
        QVERIFY(!createOrg(QStringLiteral("Paging")).isEmpty());
    m_marked.text = QStringLiteral("AuditModelTest");
    QCOMPARE(int(reference(m_marked).size()), kCreatedOrgs);
}

std::unique_ptr<AuditEventModel> AuditEventModelTest::makeModel()
{
    auto model = std::make_unique<AuditEventModel>(&m_server.client);
    model->setCachePath(m_dir.filePath(QStringLiteral("cache.sqlite")));
    model->setCacheScope(m_server.process.baseUrl().toString() + QStringLiteral("|owner"));
    model->setPageSize(5);
    return model;
}

QString AuditEventModelTest::createOrg(const QString& marker)
{
    ++m_counter;
    core::Org draft;
    draft.parentId = m_rootId.toStdString();
    draft.kind = core::OrgKind::Customer;
    draft.name = QStringLiteral("AuditModelTest %1 %2").arg(marker).arg(m_counter).toStdString();
    draft.slug = QStringLiteral("audit-model-test-%1").arg(m_counter).toStdString();
    const auto created =
        test::callAndWait<core::Org>([&](QObject* ctx, auto cb) { m_server.client.createOrg(draft, ctx, cb); });
    if (!created.ok())
        qWarning("createOrg: %s", qPrintable(created.failure.message));
    return created.ok() ? QString::fromStdString(created.value->id) : QString();
}

std::vector<client::AuditEvent> AuditEventModelTest::reference(const AuditFilter& filter)
{
    std::vector<client::AuditEvent> all;
    qint64 before = 0;
    do {
        const auto page = test::callAndWait<client::AuditEventPage>(
            [&](QObject* ctx, auto cb) { m_server.client.auditEvents(filter, before, 500, ctx, cb); });
        if (!page.ok()) {
            qWarning("auditEvents: %s", qPrintable(page.failure.message));
            return {};
        }
        all.insert(all.end(), page.value->events.begin(), page.value->events.end());
        before = page.value->nextBefore;
    } while (before != 0);
    return all;
}

bool AuditEventModelTest::loadAll(AuditEventModel& model)
{
    QElapsedTimer timer;
    timer.start();
    while (!model.isComplete() && timer.elapsed() < kTimeoutMs) {
        if (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        QTest::qWait(10);
        if (!model.lastFailure().code.isEmpty())
            return false;
    }
    while (model.isFetching() && timer.elapsed() < kTimeoutMs)
        QTest::qWait(10);
    return model.isComplete() && !model.isFetching();
}

QList<qint64> AuditEventModelTest::sequences(const AuditEventModel& model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(AuditEventModel::SequenceRole).toLongLong();
    return out;
}

void AuditEventModelTest::pagesLoadOnDemandAndMatchTheApi()
{
    auto model = makeModel();
    QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(model.get(), &QAbstractItemModel::rowsInserted);
    model->setFilter(m_marked);
    QVERIFY(!model->appliedFromCache());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 5, kTimeoutMs);
    QTRY_VERIFY(!model->isFetching());
    // Only one page until the view asks for more.
    QCOMPARE(model->rowCount(), 5);
    QVERIFY(model->canFetchMore(QModelIndex()));
    // The cache file is the person's alone, and so are SQLite's -wal and -shm beside it, which hold the same rows
    // while the console runs (they exist now: the cache is open in WAL mode).
    QVERIFY(QFile::exists(model->cachePath() + QStringLiteral("-wal")));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QCOMPARE(QFile::permissions(model->cachePath() + suffix) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
    QVERIFY(loadAll(*model));
    QCOMPARE(model->rowCount(), kCreatedOrgs);
    QVERIFY(!model->canFetchMore(QModelIndex()));
    QCOMPARE(inserted.count(), (kCreatedOrgs + 4) / 5); // one insert per page, never a reset

    QList<qint64> expected;
    for (const auto& e : reference(m_marked))
        expected << e.sequence;
    QCOMPARE(sequences(*model), expected);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(sequences(*model)[row - 1] > sequences(*model)[row]);
    // What the table shows is the event's own data.
    const auto first = reference(m_marked).front();
    QCOMPARE(model->index(0, AuditEventModel::ActionColumn).data().toString(), first.action);
    QCOMPARE(model->index(0, AuditEventModel::TargetColumn).data().toString(), first.targetDisplay);
    QCOMPARE(model->index(0, AuditEventModel::OutcomeColumn).data().toString(), QStringLiteral("Success"));
    QCOMPARE(model->eventAt(0)->hash, first.hash);
}

void AuditEventModelTest::onlyAFewBlocksStayInMemory()
{
    auto model = makeModel();
    model->setBlockRows(4);
    model->setBlockLimit(2);
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    const auto expected = reference(m_marked);
    // Reading every row, top to bottom and back, keeps at most two blocks of four rows parsed.
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, AuditEventModel::TargetColumn).data().toString(),
                 expected[size_t(row)].targetDisplay);
        QVERIFY(model->loadedBlockCount() <= 2);
    }
    for (int row = model->rowCount() - 1; row >= 0; --row) {
        QCOMPARE(model->index(row, 0).data(AuditEventModel::SequenceRole).toLongLong(), expected[size_t(row)].sequence);
        QVERIFY(model->loadedBlockCount() <= 2);
    }
}

void AuditEventModelTest::aFilterSeenBeforeComesBackFromTheCacheAtOnce()
{
    auto model = makeModel();
    AuditFilter other;
    other.text = QStringLiteral("AuditModelTest Paging 1");
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    const QList<qint64> all = sequences(*model);
    model->setFilter(other);
    QVERIFY(loadAll(*model));
    QVERIFY(model->rowCount() < kCreatedOrgs);

    const int requestsBefore = model->requestCount();
    model->setFilter(m_marked);
    // Before any answer arrives: every row is there, read from the cache.
    QVERIFY(model->appliedFromCache());
    QCOMPARE(model->rowCount(), kCreatedOrgs);
    QCOMPARE(sequences(*model), all);
    QVERIFY(model->isComplete());
    // Only one request: "anything newer than the newest row?"
    QCOMPARE(model->requestCount(), requestsBefore + 1);
    QTRY_VERIFY_WITH_TIMEOUT(!model->isFetching(), kTimeoutMs);
    QCOMPARE(model->rowCount(), kCreatedOrgs);
}

void AuditEventModelTest::theCacheOutlivesTheModel()
{
    {
        auto first = makeModel();
        first->setFilter(m_marked);
        QVERIFY(loadAll(*first));
    }
    auto second = makeModel();
    second->setFilter(m_marked);
    QVERIFY(second->appliedFromCache());
    QCOMPARE(second->rowCount(), kCreatedOrgs);
    QCOMPARE(second->requestCount(), 1);
    // Another person on the same server has a cache of their own.
    auto other = makeModel();
    other->setCacheScope(QStringLiteral("someone else"));
    other->setFilter(m_marked);
    QVERIFY(!other->appliedFromCache());
    QCOMPARE(other->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(other->rowCount() > 0, kTimeoutMs);
}

void AuditEventModelTest::forgettingTheScopeLeavesNothingBehind()
{
    auto model = makeModel();
    model->setCacheScope(QStringLiteral("leaving"));
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    QSignalSpy reset(model.get(), &QAbstractItemModel::modelReset);
    model->forgetScope();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model->rowCount(), 0);
    QVERIFY(!model->canFetchMore(QModelIndex()));
    auto again = makeModel();
    again->setCacheScope(QStringLiteral("leaving"));
    again->setFilter(m_marked);
    QVERIFY(!again->appliedFromCache());
    QCOMPARE(again->rowCount(), 0);
    // Other scopes keep theirs.
    auto other = makeModel();
    other->setFilter(m_marked);
    QVERIFY(other->appliedFromCache());
}

void AuditEventModelTest::newerEventsAreInsertedAtTheTop()
{
    auto model = makeModel();
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    const int before = model->rowCount();
    // More than one page (of five) happened meanwhile: the catch-up keeps asking until it has them all.
    const int added = 7;
    const QString newest = QStringLiteral("AuditModelTest CatchUp %1").arg(m_counter + added);
    for (int i = 0; i < added; ++i)
        QVERIFY(!createOrg(QStringLiteral("CatchUp")).isEmpty());

    auto again = makeModel();
    QAbstractItemModelTester tester(again.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(again.get(), &QAbstractItemModel::rowsInserted);
    again->setFilter(m_marked);
    QCOMPARE(again->rowCount(), before); // the cached rows at once
    QTRY_COMPARE_WITH_TIMEOUT(again->rowCount(), before + added, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!again->isFetching(), kTimeoutMs);
    QCOMPARE(again->rowCount(), before + added);
    QCOMPARE(inserted.count(), 2); // oldest five first, then the newest two, each batch at the top
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 4);
    QCOMPARE(inserted.at(1).at(1).toInt(), 0);
    QCOMPARE(inserted.at(1).at(2).toInt(), 1);
    QCOMPARE(again->index(0, AuditEventModel::TargetColumn).data().toString(), newest);
    QList<qint64> expected;
    for (const auto& e : reference(m_marked))
        expected << e.sequence;
    QCOMPARE(sequences(*again), expected);
}

void AuditEventModelTest::aLargeGapLoadsAfreshFromTheNewest()
{
    auto model = makeModel();
    model->setPageSize(2);
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    for (int i = 0; i < 9; ++i) // more than four pages of two
        QVERIFY(!createOrg(QStringLiteral("Gap")).isEmpty());
    auto again = makeModel();
    again->setPageSize(2);
    QSignalSpy reset(again.get(), &QAbstractItemModel::modelReset);
    again->setFilter(m_marked);
    QVERIFY(again->appliedFromCache());
    QTRY_COMPARE_WITH_TIMEOUT(reset.count(), 2, kTimeoutMs); // applied, then afresh
    QVERIFY(!again->appliedFromCache());
    QVERIFY(loadAll(*again));
    QList<qint64> expected;
    for (const auto& e : reference(m_marked))
        expected << e.sequence;
    QCOMPARE(sequences(*again), expected);
    QCOMPARE(again->index(0, AuditEventModel::TargetColumn).data().toString(),
             QStringLiteral("AuditModelTest Gap %1").arg(m_counter));
}

void AuditEventModelTest::liveTailShowsNewEventsAtTheTop()
{
    auto model = makeModel();
    model->setLiveInterval(200);
    model->setFilter(m_marked);
    QVERIFY(loadAll(*model));
    const int before = model->rowCount();
    QSignalSpy newer(model.get(), &AuditEventModel::newerEventsInserted);
    model->setLiveTail(true);
    QVERIFY(model->isLiveTail());
    QTest::qWait(500);
    QCOMPARE(model->rowCount(), before); // polling without news changes nothing
    QVERIFY(!createOrg(QStringLiteral("Live")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), before + 1, kTimeoutMs);
    QCOMPARE(model->index(0, AuditEventModel::TargetColumn).data().toString(),
             QStringLiteral("AuditModelTest Live %1").arg(m_counter));
    QCOMPARE(newer.count(), 1);
    model->setLiveTail(false);
}

void AuditEventModelTest::aBadFilterNamesItsField()
{
    auto model = makeModel();
    QSignalSpy failed(model.get(), &AuditEventModel::fetchFailed);
    AuditFilter bad;
    bad.outcomes = {QStringLiteral("maybe")};
    model->setFilter(bad);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    QCOMPARE(model->lastFailure().httpStatus, 400);
    QCOMPARE(model->lastFailure().code, QStringLiteral("invalid_filter"));
    QCOMPARE(model->lastFailure().field, QStringLiteral("outcome"));
    QCOMPARE(model->rowCount(), 0);
    // No retry storm: a failed filter does not ask again until it is applied again.
    QVERIFY(!model->canFetchMore(QModelIndex()));
}

void AuditEventModelTest::exportStreamsEveryEventAndCancelLeavesNoFile()
{
    const auto expected = reference(m_marked);
    for (const QString& format : {QStringLiteral("csv"), QStringLiteral("ndjson")}) {
        const QString path = m_dir.filePath(QStringLiteral("export.") + format);
        QObject owner;
        auto* job = m_server.client.exportAudit(m_marked, format, path, &owner);
        QSignalSpy finished(job, &client::AuditExport::finished);
        QSignalSpy progress(job, &client::AuditExport::progress);
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY2(finished.first().first().toBool(), qPrintable(job->failure().message));
        QVERIFY(progress.count() >= 1);
        QCOMPARE(job->eventsWritten(), qint64(expected.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        const int header = format == QLatin1String("csv") ? 1 : 0;
        QCOMPARE(lines.size() - (lines.last().isEmpty() ? 1 : 0), int(expected.size()) + header);
        if (header)
            QVERIFY(lines.first().startsWith("sequence,occurredAt,actorType"));
        else
            QVERIFY(lines.first().contains(expected.back().hash.toLatin1())); // oldest first
    }

    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
    QObject owner;
    auto* job = m_server.client.exportAudit(AuditFilter(), QStringLiteral("csv"), cancelled, &owner);
    QSignalSpy finished(job, &client::AuditExport::finished);
    job->cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(!finished.first().first().toBool());
    QVERIFY(job->wasCancelled());
    QTest::qWait(200);
    QVERIFY(!QFile::exists(cancelled));
    QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).size(), 0);
}

QTEST_GUILESS_MAIN(AuditEventModelTest)
#include "AuditEventModelTest.moc"
