#include "models/ReviewItemsModel.h"

#include "tests/models/DemoServer.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using trellis::models::ReviewItemsModel;
using namespace trellis;

/// ReviewItemsModel over the platform owner's open items of the demo world's access review (a real trellisd).
class ReviewItemsModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsItemsWithFlagsInWords();
    void decidedItemsLeaveWithExactRemovals();

private:
    test::DemoServer m_server;
    std::vector<core::AccessReviewItem> m_items;
};

void ReviewItemsModelTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto result = test::callAndWait<std::vector<core::AccessReviewItem>>(
        [&](QObject* ctx, auto cb) { m_server.client.listMyReviewItems(ctx, cb); });
    QVERIFY2(result.ok(), qPrintable(result.failure.message));
    m_items = *result.value;
    QVERIFY(m_items.size() >= 6);
}

void ReviewItemsModelTest::showsItemsWithFlagsInWords()
{
    ReviewItemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setItems(m_items);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), int(m_items.size()));
    QCOMPARE(model.columnCount(), int(ReviewItemsModel::ColumnCount));
    int flagged = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const core::AccessReviewItem& item = m_items[std::size_t(row)];
        QCOMPARE(model.index(row, 0).data(ReviewItemsModel::ItemIdRole).toString(), QString::fromStdString(item.id));
        QCOMPARE(model.index(row, ReviewItemsModel::OrgColumn).data().toString(), QString::fromStdString(item.orgName));
        const QModelIndex flags = model.index(row, ReviewItemsModel::FlagsColumn);
        const bool any = item.inactive || item.expiresSoon;
        QCOMPARE(!flags.data().toString().isEmpty(), any);
        QCOMPARE(flags.data(Qt::DecorationRole).isValid(), any);
        flagged += any ? 1 : 0;
        // The e-mail is there for screen readers and the tooltip, not in the cell.
        QVERIFY(model.index(row, ReviewItemsModel::PersonColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(QString::fromStdString(item.user.email)));
    }
    QVERIFY2(flagged > 0, "the demo world has admins who have not signed in for 90 days");
    QCOMPARE(model.headerData(ReviewItemsModel::FlagsColumn, Qt::Horizontal).toString(), QStringLiteral("Flags"));
}

void ReviewItemsModelTest::decidedItemsLeaveWithExactRemovals()
{
    ReviewItemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(m_items);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const auto id = [&](int row) { return QString::fromStdString(m_items[std::size_t(row)].id); };
    // Rows 1, 2 and 4 decided: two removals, bottom run first, and no reset.
    model.removeItems({id(4), id(1), id(2), QStringLiteral("not-listed")});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(0).at(1).toInt(), 4);
    QCOMPARE(removed.at(0).at(2).toInt(), 4);
    QCOMPARE(removed.at(1).at(1).toInt(), 1);
    QCOMPARE(removed.at(1).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), int(m_items.size()) - 3);
    QCOMPARE(model.rowOf(id(0)), 0);
    QCOMPARE(model.rowOf(id(3)), 1);
    QCOMPARE(model.rowOf(id(5)), 2);
    QCOMPARE(model.rowOf(id(1)), -1);
}

QTEST_GUILESS_MAIN(ReviewItemsModelTest)
#include "ReviewItemsModelTest.moc"
