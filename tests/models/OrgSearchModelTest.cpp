#include "models/OrgSearchModel.h"

#include "tests/models/DemoServer.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using trellis::models::OrgSearchModel;
using namespace trellis;

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}
constexpr int kTimeoutMs = 30000;
} // namespace

/// OrgSearchModel against a real trellisd with the demo world.
class OrgSearchModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void debouncedSearchFindsOrgs();
    void onlyTheLatestQueryCounts();
    void blankQueryClears();

private:
    test::DemoServer m_server;
};

void OrgSearchModelTest::initTestCase()
{
    if (test::TrellisdProcess::executable().isEmpty())
        QSKIP("TRELLIS_TRELLISD is not set; run through ctest");
    const QString error = m_server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void OrgSearchModelTest::debouncedSearchFindsOrgs()
{
    OrgSearchModel model(&m_server.client, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(&model, &OrgSearchModel::resultsReady);
    QElapsedTimer timer;
    timer.start();
    model.setQuery(QStringLiteral("nor"));
    model.setQuery(QStringLiteral("north"));
    model.setQuery(QStringLiteral("northwind")); // typing: one request, for the last text
    QVERIFY(!model.isSearching());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    QVERIFY(timer.elapsed() >= 200); // waited for the typing to pause
    QTest::qWait(400);
    QCOMPARE(ready.count(), 1);

    QVERIFY(model.rowCount() > 0);
    bool sawPath = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const core::Org org = model.orgAt(row);
        const QString text = qs(org.name).toLower() + QLatin1Char(' ') + qs(org.slug);
        QVERIFY2(text.contains(QStringLiteral("northwind")), qPrintable(text));
        const QString display = model.index(row).data().toString();
        QVERIFY(display.startsWith(qs(org.name)));
        if (org.pathNames.size() > 1) {
            QStringList ancestors;
            for (std::size_t i = 0; i + 1 < org.pathNames.size(); ++i)
                ancestors.append(qs(org.pathNames[i]));
            QCOMPARE(display, qs(org.name) + QStringLiteral(" — ") + ancestors.join(QStringLiteral(" › ")));
            sawPath = true;
        }
        QCOMPARE(model.index(row).data(OrgSearchModel::OrgIdRole).toString(), qs(org.id));
        QCOMPARE(model.index(row).data(OrgSearchModel::PathRole).toStringList().size(), int(org.path.size()));
    }
    QVERIFY(sawPath);
}

void OrgSearchModelTest::onlyTheLatestQueryCounts()
{
    OrgSearchModel model(&m_server.client, nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(&model, &OrgSearchModel::resultsReady);
    // Two requests in flight at once: the first one's answer arrives after the text changed, so it is stale.
    model.setQuery(QStringLiteral("acme"));
    model.searchNow();
    QVERIFY(model.isSearching());
    model.setQuery(QStringLiteral("northwind"));
    model.searchNow();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    QTest::qWait(300); // the "acme" answer has long arrived by now
    QCOMPARE(ready.count(), 1);
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString text = qs(model.orgAt(row).name).toLower() + QLatin1Char(' ') + qs(model.orgAt(row).slug);
        QVERIFY2(text.contains(QStringLiteral("northwind")), qPrintable(text));
    }
}

void OrgSearchModelTest::blankQueryClears()
{
    OrgSearchModel model(&m_server.client, nullptr);
    model.setDebounceInterval(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(&model, &OrgSearchModel::resultsReady);
    model.setQuery(QStringLiteral("northwind"));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, kTimeoutMs);
    QVERIFY(model.rowCount() > 0);
    model.setQuery(QStringLiteral("   "));
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, kTimeoutMs);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.orgAt(0).id.size());
}

QTEST_GUILESS_MAIN(OrgSearchModelTest)
#include "OrgSearchModelTest.moc"
