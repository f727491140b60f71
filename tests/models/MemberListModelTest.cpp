#include "models/MemberListModel.h"

#include "tests/models/DemoServer.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using trellis::models::MemberListModel;
using namespace trellis;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
constexpr int kTimeoutMs = 30000;
} // namespace

/// MemberListModel against a real trellisd with the demo world.
class MemberListModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagesArriveAsInserts();
    void testerLoadsEveryPage();
    void switchingOrgIgnoresTheOldOrgsReplies();
    void emptyOrgIdClears();

private:
    std::vector<core::Membership> allMembers(const QString& orgId);

    test::DemoServer m_server;
    core::Org m_root;
    core::Org m_other;
};

void MemberListModelTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto roots = m_server.roots();
    QVERIFY(!roots.empty());
    m_root = roots.front();
    QVERIFY(m_root.memberCount > 4);
    for (const auto& child : m_server.children(qs(m_root.id))) {
        if (child.memberCount > 0) {
            m_other = child;
            break;
        }
    }
    QVERIFY(!m_other.id.empty());
}

std::vector<core::Membership> MemberListModelTest::allMembers(const QString& orgId)
{
    std::vector<core::Membership> all;
    QString cursor;
    do {
        auto page = test::callAndWait<core::Page<core::Membership>>(
            [&](QObject* ctx, auto cb) { m_server.client.listMembers(orgId, cursor, 100, ctx, cb); });
        if (!page.ok())
            return {};
        all.insert(all.end(), page.value->items.begin(), page.value->items.end());
        cursor = qs(page.value->nextCursor);
    } while (!cursor.isEmpty());
    return all;
}

void MemberListModelTest::pagesArriveAsInserts()
{
    const auto expected = allMembers(qs(m_root.id));
    QVERIFY(expected.size() > 4);

    MemberListModel model(&m_server.client, nullptr);
    model.setPageSize(3);
    QSignalSpy loaded(&model, &MemberListModel::loaded);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setOrgId(qs(m_root.id));
    QVERIFY(model.isFetching());
    QVERIFY(!model.canFetchMore(QModelIndex()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(model.rowCount(), 3);
    int pages = 1;
    while (model.canFetchMore(QModelIndex())) {
        const int before = model.rowCount();
        model.fetchMore(QModelIndex());
        ++pages;
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), pages, kTimeoutMs);
        if (model.rowCount() == before)
            break; // an empty last page
        const auto args = inserted.last();
        QCOMPARE(args.at(1).toInt(), before);
        QCOMPARE(args.at(2).toInt(), model.rowCount() - 1);
    }
    QCOMPARE(model.rowCount(), int(expected.size()));
    QVERIFY(pages >= int(expected.size() + 2) / 3);
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto& m = expected[std::size_t(row)];
        QCOMPARE(model.data(model.index(row, MemberListModel::NameColumn)).toString(), qs(m.user.displayName));
        QCOMPARE(model.data(model.index(row, MemberListModel::EmailColumn)).toString(), qs(m.user.email));
        QCOMPARE(model.data(model.index(row, MemberListModel::TitleColumn)).toString(), qs(m.title));
        QCOMPARE(model.index(row, 0).data(MemberListModel::MembershipIdRole).toString(), qs(m.id));
        const QString lastSignIn = model.data(model.index(row, MemberListModel::LastSignInColumn)).toString();
        QVERIFY(!lastSignIn.isEmpty());
        if (m.user.lastSignInAt.empty())
            QCOMPARE(lastSignIn, QStringLiteral("Never"));
        else
            QVERIFY(model.index(row, 0).data(MemberListModel::LastSignInRole).toDateTime().isValid());
    }
    QCOMPARE(model.columnCount(), int(trellis::models::MemberListModel::ColumnCount));
    QCOMPARE(model.headerData(5, Qt::Horizontal).toString(), QStringLiteral("Last sign-in"));
}

void MemberListModelTest::testerLoadsEveryPage()
{
    MemberListModel model(&m_server.client, nullptr);
    model.setPageSize(4);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &MemberListModel::loadFailed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOrgId(qs(m_root.id));
    QCOMPARE(reset.count(), 1);
    const auto expected = allMembers(qs(m_root.id));
    // The tester asks for more after every insert, like a view scrolled to the end.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(expected.size()), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFetching(), kTimeoutMs);
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(failed.count(), 0);
    QCOMPARE(reset.count(), 1);
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.index(row, 0).data(MemberListModel::MembershipIdRole).toString());
    QCOMPARE(ids.size(), model.rowCount());
}

void MemberListModelTest::switchingOrgIgnoresTheOldOrgsReplies()
{
    MemberListModel model(&m_server.client, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &MemberListModel::loaded);
    model.setOrgId(qs(m_root.id));
    model.setOrgId(qs(m_other.id)); // before the first answer arrives
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !model.isFetching(), kTimeoutMs);
    QTest::qWait(200); // let the first org's answer arrive too; it must change nothing
    QCOMPARE(loaded.count(), 1);
    const auto expected = allMembers(qs(m_other.id));
    QCOMPARE(model.rowCount(), int(expected.size()));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(qs(model.membershipAt(row).orgId), qs(m_other.id));
}

void MemberListModelTest::emptyOrgIdClears()
{
    MemberListModel model(&m_server.client, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &MemberListModel::loaded);
    model.setOrgId(qs(m_other.id));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QVERIFY(model.rowCount() > 0);
    model.setOrgId(QString());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

QTEST_GUILESS_MAIN(MemberListModelTest)
#include "MemberListModelTest.moc"
