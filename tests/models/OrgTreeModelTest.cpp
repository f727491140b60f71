#include "models/OrgTreeModel.h"

#include "tests/models/DemoServer.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using trellis::models::OrgTreeModel;
using namespace trellis;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
constexpr int kTimeoutMs = 30000;
} // namespace

/// OrgTreeModel against a real trellisd with the demo world.
class OrgTreeModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rootsLoad();
    void fetchMorePagesChildrenWithExactInserts();
    void testerWalksTheWholeTreeLazily();
    void revealLoadsAncestorsOfADeepOrg();
    void revealOfAnUnknownOrgFails();

private:
    core::Org deepestLastOrg();

    test::DemoServer m_server;
};

void OrgTreeModelTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void OrgTreeModelTest::rootsLoad()
{
    OrgTreeModel model(&m_server.client);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy rootsLoaded(&model, &OrgTreeModel::rootsLoaded);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.reload();
    QCOMPARE(reset.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(rootsLoaded.count() >= 1, kTimeoutMs);

    const auto roots = m_server.roots();
    QVERIFY(!roots.empty());
    QCOMPARE(model.rowCount(), int(roots.size()));
    QCOMPARE(model.columnCount(), 2);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(OrgTreeModel::OrgIdRole).toString(), qs(roots[std::size_t(row)].id));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), qs(roots[std::size_t(row)].name));
        QCOMPARE(model.index(row, 1).data().toInt(), roots[std::size_t(row)].memberCount);
        QCOMPARE(model.hasChildren(index), roots[std::size_t(row)].childCount > 0);
        QVERIFY(index.data(Qt::DecorationRole).canConvert<QIcon>());
        QCOMPARE(index.data(OrgTreeModel::KindRole).toString(), QStringLiteral("manufacturer"));
        QCOMPARE(model.indexForId(qs(roots[std::size_t(row)].id)), index);
        QCOMPARE(qs(model.orgAt(index).id), qs(roots[std::size_t(row)].id));
    }
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Members"));
    QCOMPARE(reset.count(), 1);
}

void OrgTreeModelTest::fetchMorePagesChildrenWithExactInserts()
{
    // No tester here: it would fetch everything by itself, and this test counts each page.
    OrgTreeModel model(&m_server.client);
    model.setPageSize(2);
    QSignalSpy rootsLoaded(&model, &OrgTreeModel::rootsLoaded);
    QSignalSpy childrenLoaded(&model, &OrgTreeModel::childrenLoaded);
    model.reload();
    QTRY_VERIFY_WITH_TIMEOUT(rootsLoaded.count() >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFetching(), kTimeoutMs);

    const QPersistentModelIndex root = model.index(0, 0);
    const core::Org rootOrg = model.orgAt(root);
    QVERIFY(rootOrg.childCount > 2);
    const auto expected = m_server.children(qs(rootOrg.id));
    QCOMPARE(int(expected.size()), rootOrg.childCount);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.hasChildren(root));
    QCOMPARE(model.rowCount(root), 0);
    int pages = 0;
    while (model.canFetchMore(root)) {
        const int before = model.rowCount(root);
        model.fetchMore(root);
        QVERIFY(model.isFetching());
        QVERIFY(!model.canFetchMore(root)); // one request at a time per parent
        ++pages;
        QTRY_COMPARE_WITH_TIMEOUT(childrenLoaded.count(), pages, kTimeoutMs);
        QCOMPARE(inserted.count(), pages);
        const auto args = inserted.at(pages - 1);
        QCOMPARE(args.at(0).value<QModelIndex>(), QModelIndex(root));
        QCOMPARE(args.at(1).toInt(), before);
        QCOMPARE(args.at(2).toInt(), qMin(before + 2, rootOrg.childCount) - 1);
        QCOMPARE(model.rowCount(root), args.at(2).toInt() + 1);
    }
    QCOMPARE(pages, (rootOrg.childCount + 1) / 2);
    QCOMPARE(model.rowCount(root), rootOrg.childCount);
    for (int row = 0; row < model.rowCount(root); ++row) {
        const QModelIndex child = model.index(row, 0, root);
        QCOMPARE(child.data(OrgTreeModel::OrgIdRole).toString(), qs(expected[std::size_t(row)].id));
        QCOMPARE(child.parent(), QModelIndex(root));
        QCOMPARE(model.hasChildren(child), expected[std::size_t(row)].childCount > 0);
    }
    QCOMPARE(reset.count(), 0);
}

void OrgTreeModelTest::testerWalksTheWholeTreeLazily()
{
    OrgTreeModel model(&m_server.client);
    model.setPageSize(3);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy failed(&model, &OrgTreeModel::loadFailed);
    // The tester fetches every parent it can, so this loads the whole tree page by page.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isFetching() && model.rowCount() > 0, kTimeoutMs);
    // Settled means: nothing in flight for a while (the tester starts new fetches on every insert).
    for (int quiet = 0; quiet < 5;) {
        QTest::qWait(50);
        quiet = model.isFetching() ? 0 : quiet + 1;
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(failed.count(), 0);
    QCOMPARE(reset.count(), 1); // the reload; every page after it is an insert

    // Every insert appended at most one page to its parent, right after the rows already there.
    QHash<QPersistentModelIndex, int> rowsSoFar;
    for (const auto& args : inserted) {
        const QPersistentModelIndex parent(args.at(0).value<QModelIndex>());
        const int first = args.at(1).toInt();
        const int last = args.at(2).toInt();
        QCOMPARE(first, rowsSoFar.value(parent, 0));
        QVERIFY(last >= first && last - first < 3);
        rowsSoFar[parent] = last + 1;
    }

    // Row counts match the server's childCount everywhere, and the whole demo world is there exactly once.
    QSet<QString> seen;
    int maxDepth = 0;
    std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const core::Org org = model.orgAt(index);
            QVERIFY2(!seen.contains(qs(org.id)), qPrintable(qs(org.name)));
            seen.insert(qs(org.id));
            QCOMPARE(model.rowCount(index), org.childCount);
            QCOMPARE(rowsSoFar.value(QPersistentModelIndex(index), 0), org.childCount);
            if (parent.isValid())
                QCOMPARE(qs(org.parentId), parent.data(OrgTreeModel::OrgIdRole).toString());
            maxDepth = qMax(maxDepth, org.depth);
            walk(index);
        }
    };
    walk(QModelIndex());
    QVERIFY2(seen.size() >= 40, qPrintable(QString::number(seen.size())));
    QVERIFY(maxDepth >= 4);
}

// The deepest org reachable by always taking the last child: on page size 2 it sits on later pages.
core::Org OrgTreeModelTest::deepestLastOrg()
{
    // Walks the whole demo tree (a few dozen orgs) and keeps the deepest org, the last one among equals.
    core::Org deepest;
    std::vector<core::Org> pending = m_server.roots();
    while (!pending.empty()) {
        const core::Org org = pending.back();
        pending.pop_back();
        if (org.depth >= deepest.depth)
            deepest = org;
        if (org.childCount > 0) {
            const auto children = m_server.children(qs(org.id));
            pending.insert(pending.end(), children.begin(), children.end());
        }
    }
    return deepest;
}

void OrgTreeModelTest::revealLoadsAncestorsOfADeepOrg()
{
    const core::Org target = deepestLastOrg();
    QVERIFY(target.depth >= 3);
    QStringList pathIds;
    for (const auto& id : target.path)
        pathIds.append(qs(id));

    OrgTreeModel model(&m_server.client);
    model.setPageSize(2);
    QSignalSpy revealed(&model, &OrgTreeModel::revealed);
    QSignalSpy failed(&model, &OrgTreeModel::loadFailed);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reveal(qs(target.id), pathIds); // nothing loaded yet: reveal loads the roots itself
    QTRY_COMPARE_WITH_TIMEOUT(revealed.count(), 1, kTimeoutMs);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(reset.count(), 0);

    const QModelIndex index = revealed.at(0).at(0).value<QModelIndex>();
    QVERIFY(index.isValid());
    QCOMPARE(index.data(OrgTreeModel::OrgIdRole).toString(), qs(target.id));
    QCOMPARE(index, model.indexForId(qs(target.id)));
    // Its ancestors are loaded and form the org's path.
    QStringList chain;
    for (QModelIndex i = index; i.isValid(); i = i.parent())
        chain.prepend(i.data(OrgTreeModel::OrgIdRole).toString());
    QCOMPARE(chain, pathIds);
}

void OrgTreeModelTest::revealOfAnUnknownOrgFails()
{
    OrgTreeModel model(&m_server.client);
    QSignalSpy revealed(&model, &OrgTreeModel::revealed);
    QSignalSpy failed(&model, &OrgTreeModel::loadFailed);
    model.reload();
    const auto roots = m_server.roots();
    QVERIFY(!roots.empty());
    const QString unknown = QStringLiteral("00000000-0000-4000-8000-000000000000");
    model.reveal(unknown, {qs(roots.front().id), unknown});
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
    QCOMPARE(revealed.count(), 0);
}

QTEST_GUILESS_MAIN(OrgTreeModelTest)
#include "OrgTreeModelTest.moc"
