// The console's main window against a real local workspace: a trellisd child on loopback with the demo world.
#include "ui/MainWindow.h"

#include "client/ApiClient.h"
#include "client/LocalWorkspace.h"
#include "core/DemoWorld.h"
#include "models/ConsoleSession.h"
#include "models/MemberListModel.h"
#include "models/OrgSearchModel.h"
#include "models/OrgTreeModel.h"
#include "ui/ConnectionBanner.h"
#include "ui/ConsoleApplication.h"
#include "ui/OrgDetailsPane.h"
#include "ui/OrgSearchField.h"
#include "ui/OrgsPage.h"

#include <csignal>
#include <map>
#include <memory>

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using trellis::models::ConsoleSession;
using trellis::models::OrgTreeModel;

namespace {

constexpr int kStartTimeoutMs = 90000;
constexpr int kLoadTimeoutMs = 20000;

/// The deepest organisation of the demo world (the server seeds exactly this world), with its depth.
std::pair<QString, int> deepestDemoOrg()
{
    const auto world = trellis::core::DemoWorld::generate();
    std::map<std::string, int> depth;
    std::string deepest;
    int deepestDepth = -1;
    for (const auto& org : world.orgs) {
        const int d = org.parentSlug.empty() ? 0 : depth[org.parentSlug] + 1;
        depth[org.slug] = d;
        if (d > deepestDepth) {
            deepestDepth = d;
            deepest = org.name;
        }
    }
    return {QString::fromStdString(deepest), deepestDepth};
}

QModelIndex findOrgRow(const QAbstractItemModel* model, const QModelIndex& parent, const QString& name)
{
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

/// Types like a keyboard would, including letters outside ASCII (QTest::keyClicks only takes Latin-1 keys).
void typeText(QWidget* widget, const QString& text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

bool isShownInView(QTreeView* view, const QModelIndex& index)
{
    const QRect rect = view->visualRect(index);
    return rect.isValid() && view->viewport()->rect().intersects(rect);
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheDemoTree();
    void expandingShowsChildren();
    void selectingFillsTheDetails();
    void searchRevealsADeepOrg();
    void shortcutsAndAccessibleNames();
    void bannerWhenTheServerIsKilledAndRestartWorks();
    void bannerWhenTheServerStopsAnsweringAndRetryWorks();
    void cleanupTestCase();

private:
    ConsoleSession* session() const { return m_console->session(); }
    trellis::ui::MainWindow* window() const { return m_console->mainWindow(); }
    trellis::ui::OrgsPage* page() const { return window()->orgsPage(); }
    OrgTreeModel* tree() const { return page()->treeModel(); }
    QModelIndex acme() const { return findOrgRow(tree(), {}, QStringLiteral("Acme Industrial")); }

    QTemporaryDir m_workspace;
    std::unique_ptr<trellis::ui::ConsoleApplication> m_console;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (trellis::client::LocalWorkspace::findServerExecutable().isEmpty())
        QSKIP("trellisd was not found (set TRELLIS_TRELLISD); the console needs it for its local workspace");
    QVERIFY(m_workspace.isValid());
    m_console = std::make_unique<trellis::ui::ConsoleApplication>();
    trellis::ui::ConsoleApplication::Options options;
    options.workspaceDirectory = m_workspace.filePath(QStringLiteral("workspace"));
    QString error;
    QVERIFY2(m_console->start(options, &error), qPrintable(error));
    QVERIFY(QTest::qWaitForWindowExposed(window()));
    QTRY_VERIFY2_WITH_TIMEOUT(session()->state() == ConsoleSession::State::Connected,
                              qPrintable(session()->stateText() + QLatin1Char(' ') + session()->lastError()),
                              kStartTimeoutMs);
}

void MainWindowTest::showsTheDemoTree()
{
    QCOMPARE(window()->sectionKeys(),
             (QStringList{QStringLiteral("orgs"), QStringLiteral("people"), QStringLiteral("roles"),
                          QStringLiteral("flows"), QStringLiteral("audit"), QStringLiteral("reviews")}));
    QCOMPARE(window()->navigation()->count(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(acme().isValid(), kLoadTimeoutMs);
    QVERIFY(tree()->hasChildren(acme()));
    QVERIFY(!acme().data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(isShownInView(page()->treeView(), acme()));
    QVERIFY(!window()->banner()->isVisible());
    QVERIFY(window()->statusText().contains(QStringLiteral("Connected"), Qt::CaseInsensitive));
}

void MainWindowTest::expandingShowsChildren()
{
    QTreeView* view = page()->treeView();
    const QModelIndex root = acme();
    QVERIFY(root.isValid());
    view->collapse(root);
    view->expand(root);
    QTRY_VERIFY_WITH_TIMEOUT(tree()->rowCount(root) > 0, kLoadTimeoutMs);
    const int expected = qMin(root.data(OrgTreeModel::ChildCountRole).toInt(), tree()->pageSize());
    QTRY_COMPARE_WITH_TIMEOUT(tree()->rowCount(root), expected, kLoadTimeoutMs);
    const QModelIndex first = tree()->index(0, 0, root);
    QVERIFY(view->isExpanded(root));
    QVERIFY(isShownInView(view, first));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    // The member count column says how many people belong to each org.
    const QModelIndex members = tree()->index(0, OrgTreeModel::MembersColumn, root);
    QCOMPARE(members.data().toInt(), first.data(OrgTreeModel::MemberCountRole).toInt());
}

void MainWindowTest::selectingFillsTheDetails()
{
    QTreeView* view = page()->treeView();
    const QModelIndex root = acme();
    QTRY_VERIFY_WITH_TIMEOUT(tree()->rowCount(root) > 0, kLoadTimeoutMs);
    QModelIndex withMembers;
    for (int row = 0; row < tree()->rowCount(root) && !withMembers.isValid(); ++row) {
        const QModelIndex child = tree()->index(row, 0, root);
        if (child.data(OrgTreeModel::MemberCountRole).toInt() > 0)
            withMembers = child;
    }
    QVERIFY2(withMembers.isValid(), "the demo world has people in Acme's direct children");
    const QString name = withMembers.data().toString();

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(withMembers).center());
    QCOMPARE(view->currentIndex().data(OrgTreeModel::OrgIdRole), withMembers.data(OrgTreeModel::OrgIdRole));
    trellis::ui::OrgDetailsPane* details = page()->detailsPane();
    QCOMPARE(details->heading(), name);
    QCOMPARE(details->breadcrumb(), QStringLiteral("Acme Industrial"));

    QAbstractItemModel* members = details->membersView()->model();
    const int expected = withMembers.data(OrgTreeModel::MemberCountRole).toInt();
    QTRY_VERIFY_WITH_TIMEOUT(members->rowCount() > 0, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!details->isLoadingMembers(), kLoadTimeoutMs);
    QVERIFY2(members->rowCount() >= qMin(expected, 100),
             qPrintable(QStringLiteral("%1 rows for %2 members").arg(members->rowCount()).arg(expected)));
    QCOMPARE(members->columnCount(), int(trellis::models::MemberListModel::ColumnCount));
    const QString email = members->index(0, trellis::models::MemberListModel::EmailColumn).data().toString();
    QVERIFY2(email.contains(QLatin1Char('@')), qPrintable(email));
    QVERIFY(!members->index(0, trellis::models::MemberListModel::NameColumn).data().toString().isEmpty());
}

void MainWindowTest::searchRevealsADeepOrg()
{
    const auto [name, depth] = deepestDemoOrg();
    QVERIFY2(depth >= 3, "the demo world is at least four levels deep");
    QTreeView* view = page()->treeView();
    trellis::ui::OrgSearchField* search = page()->searchField();
    // Nothing below the first level is loaded yet for the org we look for.
    QVERIFY(!tree()->indexForId(QStringLiteral("unknown")).isValid());

    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    search->setFocus();
    search->clear();
    typeText(search, name);
    QAbstractItemView* popup = search->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(search->searchModel()->rowCount() > 0, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), kLoadTimeoutMs);
    int row = -1;
    for (int r = 0; r < search->searchModel()->rowCount(); ++r) {
        if (search->searchModel()->orgAt(r).name == name.toStdString())
            row = r;
    }
    QVERIFY2(row >= 0, qPrintable(name));
    const QString id = QString::fromStdString(search->searchModel()->orgAt(row).id);

    // Choose it the way a person does: arrow keys in the popup, then Return.
    for (int i = 0; i <= row; ++i)
        QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);

    QTRY_COMPARE_WITH_TIMEOUT(view->currentIndex().data(OrgTreeModel::OrgIdRole).toString(), id, kLoadTimeoutMs);
    const QModelIndex revealed = view->currentIndex();
    for (QModelIndex parent = revealed.parent(); parent.isValid(); parent = parent.parent())
        QVERIFY(view->isExpanded(parent));
    QTRY_VERIFY(isShownInView(view, revealed));
    QCOMPARE(page()->detailsPane()->heading(), name);
    QVERIFY(page()->detailsPane()->breadcrumb().startsWith(QStringLiteral("Acme Industrial")));
    QTRY_COMPARE(search->text(), name);
    QVERIFY(!popup->isVisible());
}

void MainWindowTest::shortcutsAndAccessibleNames()
{
    window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window()));
    page()->treeView()->setFocus();
    QTest::keyClick(window(), Qt::Key_F, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(page()->searchField()));
    QTest::keyClick(window(), Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window()->currentSection(), page());

    // Every control someone can reach with the keyboard has a name a screen reader can say.
    const auto widgets = window()->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        if (widget->focusPolicy() & Qt::TabFocus && widget->isVisibleTo(window()) && !widget->inherits("QScrollBar")) {
            QVERIFY2(!widget->accessibleName().isEmpty() || !widget->property("text").toString().isEmpty(),
                     widget->metaObject()->className());
        }
    }
}

void MainWindowTest::bannerWhenTheServerIsKilledAndRestartWorks()
{
    trellis::client::LocalWorkspace* workspace = session()->localWorkspace();
    QVERIFY(workspace);
    const QString selectedId = page()->treeView()->currentIndex().data(OrgTreeModel::OrgIdRole).toString();
    QVERIFY(!selectedId.isEmpty());
    const qint64 pid = workspace->processId();
    QVERIFY(pid > 0);

    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);
    trellis::ui::ConnectionBanner* banner = window()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kLoadTimeoutMs);
    QCOMPARE(session()->state(), ConsoleSession::State::ServerStopped);
    QVERIFY(banner->title().contains(QStringLiteral("stopped")));
    QVERIFY(banner->restartButton()->isVisible());
    // The window keeps working while the server is gone: nothing modal, the tree is still there.
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(tree()->rowCount() > 0);

    QTest::mouseClick(banner->restartButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(session()->state(), ConsoleSession::State::Connected, kStartTimeoutMs);
    QTRY_VERIFY(!banner->isVisible());
    QVERIFY(workspace->processId() != pid);
    QTRY_VERIFY_WITH_TIMEOUT(acme().isValid(), kLoadTimeoutMs);
    // The org the user was looking at is shown again after the restart.
    QTRY_COMPARE_WITH_TIMEOUT(page()->treeView()->currentIndex().data(OrgTreeModel::OrgIdRole).toString(), selectedId,
                              kLoadTimeoutMs);
}

void MainWindowTest::bannerWhenTheServerStopsAnsweringAndRetryWorks()
{
    trellis::client::LocalWorkspace* workspace = session()->localWorkspace();
    QVERIFY(workspace);
    const qint64 pid = workspace->processId();
    session()->client()->setRequestTimeout(1500);

    // A frozen server: the process lives, but nothing answers.
    QCOMPARE(::kill(pid_t(pid), SIGSTOP), 0);
    auto resume = qScopeGuard([pid] { ::kill(pid_t(pid), SIGCONT); });
    page()->reload();
    trellis::ui::ConnectionBanner* banner = window()->banner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), kLoadTimeoutMs);
    QCOMPARE(session()->state(), ConsoleSession::State::Unreachable);
    QVERIFY(banner->retryButton()->isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr);

    ::kill(pid_t(pid), SIGCONT);
    resume.dismiss();
    QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(session()->state(), ConsoleSession::State::Connected, kLoadTimeoutMs);
    QTRY_VERIFY(!banner->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(acme().isValid(), kLoadTimeoutMs);
}

void MainWindowTest::cleanupTestCase()
{
    m_console.reset();
}

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
