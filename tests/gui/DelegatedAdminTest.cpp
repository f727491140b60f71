// Delegated administration in the console, against a real trellisd with the demo world: the partner superadmin of
// Northwind sees only Northwind's subtree and can change their own staff; the security auditor sees everything and
// is offered no change at all. The server decides; these tests check that the console mirrors it and shows why when
// the server refuses.
#include "client/ApiClient.h"
#include "models/BulkActionModel.h"
#include "models/ConsoleSession.h"
#include "models/MemberListModel.h"
#include "models/OrgTreeModel.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/MainWindow.h"
#include "ui/OrgEditDialog.h"
#include "ui/OrgsPage.h"
#include "ui/PeoplePage.h"
#include "ui/PersonEditorDialog.h"
#include "ui/RoleAssignDialog.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using trellis::models::ConsoleSession;
using trellis::models::MemberListModel;
using trellis::models::OrgTreeModel;
using trellis::test::TrellisdProcess;

namespace {

constexpr int kLoadTimeoutMs = 20000;

const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");

QStringList rootNames(const QAbstractItemModel* model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    return names;
}

} // namespace

class DelegatedAdminTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void partnerAdminSeesOnlyTheirSubtree();
    void partnerAdminMayEditInsideButNotSuspendTheirOwnRoot();
    void partnerAdminCreatesASubOrganisation();
    void partnerAdminDisablesAndEnablesStaff();
    void serverRefusalIsShownPerPerson();
    void partnerAdminReRolesAColleagueInThePersonEditor();
    void auditorSeesEverythingAndIsOfferedNothing();
    void cleanupTestCase();

private:
    /// A fresh session and main window signed in as `email`.
    void signInAs(const QString& email);
    trellis::ui::OrgsPage* orgs() const { return m_console.window->orgsPage(); }
    trellis::ui::PeoplePage* people() const
    {
        return static_cast<trellis::ui::PeoplePage*>(m_console.window->section(QStringLiteral("people")));
    }
    /// Selects the people page's row of `email` (after the list loaded); false when it is not listed.
    bool selectPerson(const QString& email);

    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
};

void DelegatedAdminTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void DelegatedAdminTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void DelegatedAdminTest::cleanup()
{
    m_console.close();
}

void DelegatedAdminTest::signInAs(const QString& email)
{
    QString error;
    QVERIFY2(m_console.open(m_server, email, &error), qPrintable(error));
    for (const QString& key : m_console.window->sectionKeys())
        m_console.window->section(key)->reload();
    QTRY_VERIFY_WITH_TIMEOUT(orgs()->treeModel()->rowCount() > 0, kLoadTimeoutMs);
}

bool DelegatedAdminTest::selectPerson(const QString& email)
{
    QTableView* table = people()->table();
    QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, MemberListModel::EmailColumn).data().toString() == email) {
            table->clearSelection();
            table->selectRow(row);
            return true;
        }
    }
    return false;
}

void DelegatedAdminTest::partnerAdminSeesOnlyTheirSubtree()
{
    signInAs(kNorthwindAdmin);
    QCOMPARE(rootNames(orgs()->treeModel()), QStringList{QStringLiteral("Northwind Trading")});

    m_console.window->showSection(QStringLiteral("people"));
    QTRY_VERIFY_WITH_TIMEOUT(people()->orgTree()->model()->rowCount() > 0, kLoadTimeoutMs);
    QCOMPARE(rootNames(people()->orgTree()->model()), QStringList{QStringLiteral("Northwind Trading")});
    QTRY_VERIFY_WITH_TIMEOUT(people()->memberModel()->rowCount() > 0 && !people()->memberModel()->isFetching(),
                             kLoadTimeoutMs);
    // Everyone listed belongs to Northwind, and the owner of the platform (at Acme) is not among them.
    QVERIFY(!selectPerson(QStringLiteral("owner@acme.example")));
    for (int row = 0; row < people()->memberModel()->rowCount(); ++row) {
        const QString email = people()->memberModel()->index(row, MemberListModel::EmailColumn).data().toString();
        QVERIFY2(!email.endsWith(QLatin1String("@acme.example")), qPrintable(email));
    }
}

void DelegatedAdminTest::partnerAdminMayEditInsideButNotSuspendTheirOwnRoot()
{
    signInAs(kNorthwindAdmin);
    QTreeView* tree = orgs()->treeView();
    const QModelIndex northwind = orgs()->treeModel()->index(0, 0);
    tree->setCurrentIndex(northwind);
    QVERIFY(orgs()->newOrgAction()->isEnabled());
    QVERIFY(orgs()->editOrgAction()->isEnabled());
    // Their authority sits on Northwind itself: suspending it is for someone above.
    QVERIFY(!orgs()->suspendAction()->isEnabled());
    QVERIFY(!orgs()->offboardAction()->isEnabled());

    tree->expand(northwind);
    QTRY_VERIFY_WITH_TIMEOUT(orgs()->treeModel()->rowCount(northwind) > 0, kLoadTimeoutMs);
    tree->setCurrentIndex(orgs()->treeModel()->index(0, 0, northwind));
    QVERIFY(orgs()->suspendAction()->isEnabled());
    QVERIFY(orgs()->offboardAction()->isEnabled());
    QVERIFY(!orgs()->resumeAction()->isEnabled());
}

void DelegatedAdminTest::partnerAdminCreatesASubOrganisation()
{
    signInAs(kNorthwindAdmin);
    QTreeView* tree = orgs()->treeView();
    tree->setCurrentIndex(orgs()->treeModel()->index(0, 0));
    orgs()->createSubOrg();
    trellis::ui::OrgEditDialog* dialog = orgs()->findChild<trellis::ui::OrgEditDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    // A slug that is taken: the server's answer appears next to the slug, and what was typed stays.
    dialog->nameEdit()->setText(QStringLiteral("Northwind Field Crew"));
    dialog->slugEdit()->setText(QStringLiteral("northwind"));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QLabel* slugError = dialog->errorLabel(QStringLiteral("slug"));
    QTRY_VERIFY_WITH_TIMEOUT(slugError->isVisible(), kLoadTimeoutMs);
    QVERIFY(!slugError->text().isEmpty());
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Northwind Field Crew"));

    dialog->slugEdit()->setText(QStringLiteral("northwind-field-crew"));
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!orgs()->findChild<trellis::ui::OrgEditDialog*>(), kLoadTimeoutMs);
    // The tree reloads and shows the new organisation under Northwind, selected.
    QTRY_COMPARE_WITH_TIMEOUT(tree->currentIndex().data().toString(), QStringLiteral("Northwind Field Crew"),
                              kLoadTimeoutMs);
    QCOMPARE(tree->currentIndex().parent().data().toString(), QStringLiteral("Northwind Trading"));
}

void DelegatedAdminTest::partnerAdminDisablesAndEnablesStaff()
{
    signInAs(kNorthwindAdmin);
    m_console.window->showSection(QStringLiteral("people"));
    trellis::ui::PeoplePage* page = people();
    QTRY_VERIFY_WITH_TIMEOUT(page->memberModel()->rowCount() > 0 && !page->memberModel()->isFetching(), kLoadTimeoutMs);
    // Pick a colleague who only works for Northwind (not the admin themselves).
    QString colleague;
    for (int row = 0; row < page->memberModel()->rowCount() && colleague.isEmpty(); ++row) {
        const QModelIndex index = page->memberModel()->index(row, MemberListModel::EmailColumn);
        const QString email = index.data().toString();
        if (email != kNorthwindAdmin && email.endsWith(QLatin1String("@northwind.example")) &&
            index.data(MemberListModel::UserStatusRole).toString() == QLatin1String("active"))
            colleague = email;
    }
    QVERIFY2(!colleague.isEmpty(), "the demo world has active Northwind staff");
    QVERIFY(selectPerson(colleague));
    QVERIFY(page->disableAction()->isEnabled());

    page->runBulkAction(QStringLiteral("disable"), true);
    QTRY_VERIFY_WITH_TIMEOUT(!page->bulkModel()->isRunning(), kLoadTimeoutMs);
    QCOMPARE(page->bulkModel()->rowCount(), 1);
    QCOMPARE(page->bulkModel()->stateAt(0), trellis::models::BulkActionModel::State::Done);
    QCOMPARE(page->progressBar()->value(), 1);
    // The list reloads and shows the person disabled.
    QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching() && selectPerson(colleague), kLoadTimeoutMs);
    const QModelIndex row = page->table()->selectionModel()->selectedRows().first();
    QCOMPARE(row.data(MemberListModel::UserStatusRole).toString(), QStringLiteral("disabled"));

    page->runBulkAction(QStringLiteral("enable"), true);
    QTRY_VERIFY_WITH_TIMEOUT(!page->bulkModel()->isRunning(), kLoadTimeoutMs);
    QCOMPARE(page->bulkModel()->stateAt(0), trellis::models::BulkActionModel::State::Done);
}

void DelegatedAdminTest::serverRefusalIsShownPerPerson()
{
    // Disabling oneself is refused by the server; the console says so for that person and carries on.
    signInAs(kNorthwindAdmin);
    m_console.window->showSection(QStringLiteral("people"));
    trellis::ui::PeoplePage* page = people();
    QTRY_VERIFY_WITH_TIMEOUT(page->memberModel()->rowCount() > 0 && !page->memberModel()->isFetching(), kLoadTimeoutMs);
    QVERIFY(selectPerson(kNorthwindAdmin));
    page->runBulkAction(QStringLiteral("disable"), true);
    QTRY_VERIFY_WITH_TIMEOUT(!page->bulkModel()->isRunning(), kLoadTimeoutMs);
    QCOMPARE(page->bulkModel()->stateAt(0), trellis::models::BulkActionModel::State::Failed);
    const QString why = page->bulkModel()->index(0, trellis::models::BulkActionModel::ResultColumn).data().toString();
    QVERIFY2(!why.isEmpty() && why != QLatin1String("Done"), qPrintable(why));
    QVERIFY(page->resultsView()->isVisible());
}

void DelegatedAdminTest::partnerAdminReRolesAColleagueInThePersonEditor()
{
    signInAs(kNorthwindAdmin);
    m_console.window->showSection(QStringLiteral("people"));
    trellis::ui::PeoplePage* page = people();
    QTRY_VERIFY_WITH_TIMEOUT(page->memberModel()->rowCount() > 0 && !page->memberModel()->isFetching(), kLoadTimeoutMs);
    // A Northwind colleague without a role there yet.
    QString colleague;
    for (int row = 0; row < page->memberModel()->rowCount() && colleague.isEmpty(); ++row) {
        const QModelIndex index = page->memberModel()->index(row, MemberListModel::EmailColumn);
        if (index.data().toString() != kNorthwindAdmin &&
            page->memberModel()->index(row, MemberListModel::RolesColumn).data().toString().isEmpty() &&
            index.data(MemberListModel::UserStatusRole).toString() == QLatin1String("active"))
            colleague = index.data().toString();
    }
    QVERIFY(!colleague.isEmpty());
    QVERIFY(selectPerson(colleague));
    page->table()->setCurrentIndex(page->table()->selectionModel()->selectedRows().first());
    page->openPerson();
    auto* editor = page->findChild<trellis::ui::PersonEditorDialog*>();
    QVERIFY(editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor->isLoaded(), kLoadTimeoutMs);
    QCOMPARE(QString::fromStdString(editor->person().user.email), colleague);
    // Only Northwind memberships are shown to Northwind's admin.
    for (const auto& entry : editor->person().memberships)
        QVERIFY2(!entry.membership.orgName.empty(), "membership names its organisation");
    QTRY_VERIFY_WITH_TIMEOUT(editor->assignRoleButton()->isEnabled(), kLoadTimeoutMs);

    QTest::mouseClick(editor->assignRoleButton(), Qt::LeftButton);
    auto* assign = editor->findChild<trellis::ui::RoleAssignDialog*>();
    QVERIFY(assign);
    // The list holds only what the partner admin may give: never the platform owner's role.
    QTRY_VERIFY_WITH_TIMEOUT(assign->roleBox()->isEnabled(), kLoadTimeoutMs);
    QStringList offered;
    for (int i = 0; i < assign->roleBox()->count(); ++i)
        offered << assign->roleBox()->itemData(i).toString();
    QVERIFY2(offered.contains(QStringLiteral("user-manager")), qPrintable(offered.join(u',')));
    QVERIFY2(!offered.contains(QStringLiteral("platform-owner")), qPrintable(offered.join(u',')));
    assign->roleBox()->setCurrentIndex(offered.indexOf(QStringLiteral("user-manager")));
    assign->justificationEdit()->setText(QStringLiteral("Covers the order desk"));
    QTest::mouseClick(assign->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor->findChild<trellis::ui::RoleAssignDialog*>(), kLoadTimeoutMs);
    // The editor reloads from the server and shows the role, granted by the partner admin.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const auto& entry : editor->person().memberships)
                for (const auto& role : entry.heldRoles)
                    if (role.roleKey == "user-manager" && role.grantedByEmail == kNorthwindAdmin.toStdString())
                        return true;
            return false;
        }(),
        kLoadTimeoutMs);
    if (qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT_DIR"))
        editor->grab().save(qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR") + QStringLiteral("/person-editor.png"));

    // And revokes it again.
    QTreeWidget* tree = editor->membershipTree();
    QTreeWidgetItem* roleItem = nullptr;
    for (int i = 0; i < tree->topLevelItemCount() && !roleItem; ++i)
        for (int c = 0; c < tree->topLevelItem(i)->childCount(); ++c)
            if (tree->topLevelItem(i)->child(c)->text(0) == QLatin1String("User manager"))
                roleItem = tree->topLevelItem(i)->child(c);
    QVERIFY(roleItem);
    tree->setCurrentItem(roleItem);
    QVERIFY(editor->revokeRoleButton()->isEnabled());
    editor->close();
}

void DelegatedAdminTest::auditorSeesEverythingAndIsOfferedNothing()
{
    signInAs(kAuditor);
    QCOMPARE(rootNames(orgs()->treeModel()), QStringList{QStringLiteral("Acme Industrial")});
    QTreeView* tree = orgs()->treeView();
    const QModelIndex acme = orgs()->treeModel()->index(0, 0);
    tree->setCurrentIndex(acme);
    for (QAction* action : {orgs()->newOrgAction(), orgs()->editOrgAction(), orgs()->suspendAction(),
                            orgs()->resumeAction(), orgs()->offboardAction()})
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    tree->expand(acme);
    QTRY_VERIFY_WITH_TIMEOUT(orgs()->treeModel()->rowCount(acme) > 0, kLoadTimeoutMs);
    tree->setCurrentIndex(orgs()->treeModel()->index(0, 0, acme));
    QVERIFY(!orgs()->suspendAction()->isEnabled());
    QVERIFY(!(orgs()->treeModel()->flags(orgs()->treeModel()->index(0, 0, acme)) & Qt::ItemIsDragEnabled));

    m_console.window->showSection(QStringLiteral("people"));
    trellis::ui::PeoplePage* page = people();
    QTRY_VERIFY_WITH_TIMEOUT(page->memberModel()->rowCount() > 0 && !page->memberModel()->isFetching(), kLoadTimeoutMs);
    page->table()->selectRow(0);
    for (QAction* action :
         {page->disableAction(), page->enableAction(), page->offboardAction(), page->revokeSessionsAction()})
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
    // The auditor reads everyone: the platform owner is listed too.
    page->subtreeFilter()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching() && selectPerson(QStringLiteral("owner@acme.example")),
                             kLoadTimeoutMs);
}

QTEST_MAIN(DelegatedAdminTest)
#include "DelegatedAdminTest.moc"
