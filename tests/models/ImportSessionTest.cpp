// ImportSession against a real trellisd with the demo world (as the platform owner; on SQLite, or on PostgreSQL when
// built as test_import_session_postgres): the dry run fills the rows
// model, the commit goes out in parts with real progress, cancel stops between parts, and rows that went bad after
// the preview stop the import without writing their part.
#include "models/ImportSession.h"

#include "DemoServer.h"
#include "models/ImportRowsModel.h"
#include "tests/common/PostgresTestDatabase.h"

#include <memory>

#include <QSignalSpy>
#include <QtTest>

using trellis::models::ImportRowsModel;
using trellis::models::ImportSession;

namespace {

constexpr int kTimeoutMs = 20000;

QByteArray inviteRows(const QString& prefix, int count)
{
    QByteArray csv = "email,displayName\n";
    for (int i = 1; i <= count; ++i)
        csv += QStringLiteral("%1%2@northwind.example,Person %2\n").arg(prefix).arg(i).toUtf8();
    return csv;
}

} // namespace

class ImportSessionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void localProblemNeedsNoServer();
    void commitsInPartsWithRealProgress();
    void cancelStopsBetweenParts();
    void rowsThatWentBadStopTheImport();

private:
    /// A session into Northwind with `csv`, dry run done.
    std::unique_ptr<ImportSession> preview(const QByteArray& csv, int chunkSize);

    std::unique_ptr<trellis::test::PostgresTestDatabase> m_postgres; // outlives the server
    trellis::test::DemoServer m_server;
    trellis::core::Org m_northwind;
};

void ImportSessionTest::initTestCase()
{
#ifdef TRELLIS_TEST_POSTGRES
    if (!trellis::test::PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(trellis::test::PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<trellis::test::PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    m_server.process.setDatabaseUrl(m_postgres->url());
#endif
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto found = trellis::test::callAndWait<trellis::core::Page<trellis::core::Org>>(
        [&](QObject* ctx, auto cb) { m_server.client.searchOrgs(QStringLiteral("Northwind Trading"), 5, ctx, cb); });
    QVERIFY(found.ok());
    for (const auto& org : found.value->items) {
        if (org.name == "Northwind Trading")
            m_northwind = org;
    }
    QVERIFY(!m_northwind.id.empty());
}

std::unique_ptr<ImportSession> ImportSessionTest::preview(const QByteArray& csv, int chunkSize)
{
    auto session = std::make_unique<ImportSession>(&m_server.client);
    session->setOrg(m_northwind);
    session->setChunkSize(chunkSize);
    if (!session->file().setContent(csv))
        return nullptr;
    QSignalSpy done(session.get(), &ImportSession::dryRunFinished);
    session->startDryRun();
    if (!done.wait(kTimeoutMs) || !done.first().first().toBool())
        return nullptr;
    return session;
}

void ImportSessionTest::localProblemNeedsNoServer()
{
    ImportSession session(&m_server.client);
    session.setOrg(m_northwind);
    QVERIFY(!session.file().setContent("email;displayName\na@example.com;A\n"));
    QSignalSpy done(&session, &ImportSession::dryRunFinished);
    session.startDryRun();
    QCOMPARE(done.count(), 1);
    QCOMPARE(done.first().first().toBool(), false);
    QCOMPARE(session.lastFailure().code, QStringLiteral("invalid_file"));
    QVERIFY(!session.canCommit(true));
}

void ImportSessionTest::commitsInPartsWithRealProgress()
{
    auto session = preview(inviteRows(QStringLiteral("parts."), 5), 2);
    QVERIFY(session);
    QCOMPARE(session->previewTotals().invite, 5);
    QCOMPARE(session->rows()->validCount(), 5);
    QVERIFY(session->canCommit(false));

    QSignalSpy progress(session.get(), &ImportSession::progress);
    QSignalSpy finished(session.get(), &ImportSession::commitFinished);
    session->startCommit(false);
    QVERIFY(finished.wait(kTimeoutMs));
    QList<int> sent;
    for (const auto& args : progress) {
        sent << args.at(0).toInt();
        QCOMPARE(args.at(1).toInt(), 5);
    }
    QCOMPARE(sent, (QList<int>{0, 2, 4, 5}));
    QCOMPARE(session->importedCount(), 5);
    QCOMPARE(session->linksText().count(QLatin1Char('\n')), 5);
    QVERIFY(session->lastFailure().code.isEmpty());
}

void ImportSessionTest::cancelStopsBetweenParts()
{
    auto session = preview(inviteRows(QStringLiteral("cancel."), 4), 1);
    QVERIFY(session);
    ImportSession* s = session.get();
    connect(s, &ImportSession::progress, s, [s](int sentRows) {
        if (sentRows == 1)
            s->cancel();
    });
    QSignalSpy finished(s, &ImportSession::commitFinished);
    s->startCommit(false);
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY(s->wasCancelled());
    QCOMPARE(s->importedCount(), 1);
    QCOMPARE(s->rows()->commitState(0), ImportRowsModel::CommitState::Done);
    for (int row = 1; row < 4; ++row)
        QCOMPARE(s->rows()->commitState(row), ImportRowsModel::CommitState::NotSent);
    QVERIFY(s->lastFailure().code.isEmpty());
}

void ImportSessionTest::rowsThatWentBadStopTheImport()
{
    auto session = preview(inviteRows(QStringLiteral("changed."), 2), 100);
    QVERIFY(session);
    // After the preview, someone invites the second address by hand.
    trellis::client::InvitationRequest invitation;
    invitation.orgId = QString::fromStdString(m_northwind.id);
    invitation.email = QStringLiteral("changed.2@northwind.example");
    auto invited = trellis::test::callAndWait<QString>(
        [&](QObject* ctx, auto cb) { m_server.client.createInvitation(invitation, ctx, cb); });
    QVERIFY2(invited.ok(), qPrintable(invited.failure.message));

    QSignalSpy finished(session.get(), &ImportSession::commitFinished);
    session->startCommit(false);
    QVERIFY(finished.wait(kTimeoutMs));
    // Without "skip rows with errors" the server writes nothing of that part (422): the first row is not written
    // either, and the second says why.
    QCOMPARE(session->importedCount(), 0);
    QCOMPARE(session->lastFailure().code, QStringLiteral("rows_changed"));
    QCOMPARE(session->rows()->commitState(0), ImportRowsModel::CommitState::NotSent);
    QCOMPARE(session->rows()->commitState(1), ImportRowsModel::CommitState::Failed);
    QCOMPARE(session->rows()->index(1, ImportRowsModel::DetailsColumn).data().toString(),
             QStringLiteral("An invitation for this address is already waiting to be accepted here."));

    // With "skip", a fresh preview sends the valid row only.
    auto again = preview(inviteRows(QStringLiteral("changed."), 2), 100);
    QVERIFY(again);
    QCOMPARE(again->rows()->errorCount(), 1);
    QVERIFY(!again->canCommit(false));
    QSignalSpy finishedAgain(again.get(), &ImportSession::commitFinished);
    again->startCommit(true);
    QVERIFY(finishedAgain.wait(kTimeoutMs));
    QCOMPARE(again->importedCount(), 1);
    QCOMPARE(again->rows()->commitState(1), ImportRowsModel::CommitState::Skipped);
}

QTEST_GUILESS_MAIN(ImportSessionTest)
#include "ImportSessionTest.moc"
