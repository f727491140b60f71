// The People section's invitations and bulk role changes, and offboarding from the person editor, against a real
// trellisd with the demo world, signed in as Northwind's partner superadmin. What the console shows is checked
// against what the server then says (the invitation links work or not, the role assignments exist or not, a token
// of the offboarded person stops working).
#include "models/BulkActionModel.h"
#include "models/ConsoleSession.h"
#include "models/InvitationListModel.h"
#include "models/MemberListModel.h"
#include "models/OrgTreeModel.h"
#include "tests/common/TestHttpClient.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/MessageBoxAnswer.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/BulkActionPanel.h"
#include "ui/InvitationsPanel.h"
#include "ui/InviteDialog.h"
#include "ui/MainWindow.h"
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
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using trellis::models::BulkActionModel;
using trellis::models::ConsoleSession;
using trellis::models::InvitationListModel;
using trellis::models::MemberListModel;
using trellis::test::HttpResult;
using trellis::test::TestHttpClient;
using trellis::test::TrellisdProcess;

using trellis::test::answerNextMessageBox;

namespace {

constexpr int kLoadTimeoutMs = 20000;
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");

/// The path and query of an absolute link, for TestHttpClient.
QString pathOf(const QString& link)
{
    const QUrl url(link);
    return url.path() + u'?' + url.query(QUrl::FullyEncoded);
}

} // namespace

class PeopleManagementTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void partnerAdminInvitesThenRenewsAndRevokesTheLink();
    void partnerAdminAssignsAndRevokesARoleInBulk();
    void partnerAdminOffboardsAColleagueFromThePersonEditor();
    void auditorIsOfferedNoInvitationOrRoleActions();
    void sortingAsksTheServerForTheWholeList();
    void cleanupTestCase();

private:
    void signInAs(const QString& email);
    trellis::ui::PeoplePage* people() const
    {
        return static_cast<trellis::ui::PeoplePage*>(m_console.window->section(QStringLiteral("people")));
    }
    /// Shows the people section and waits for the first organisation's members.
    void openPeople();
    /// Active colleagues of the partner admin at the organisation shown, without any role there.
    QStringList plainColleagues() const;
    /// Selects the rows of these e-mail addresses in the people table.
    void selectPeople(const QStringList& emails);
    /// The ids of the live `roleKey` assignments of `email` at `orgId`, as the server lists them.
    QStringList liveAssignments(const QString& orgId, const QString& email, const QString& roleKey);

    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
};

void PeopleManagementTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void PeopleManagementTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void PeopleManagementTest::cleanup()
{
    m_console.close();
}

void PeopleManagementTest::signInAs(const QString& email)
{
    QString error;
    QVERIFY2(m_console.open(m_server, email, &error), qPrintable(error));
}

void PeopleManagementTest::openPeople()
{
    QVERIFY(m_console.window->showSection(QStringLiteral("people")));
    people()->reload();
    QTRY_VERIFY_WITH_TIMEOUT(people()->memberModel()->rowCount() > 0 && !people()->memberModel()->isFetching(),
                             kLoadTimeoutMs);
}

QStringList PeopleManagementTest::plainColleagues() const
{
    QStringList emails;
    const MemberListModel* model = people()->memberModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex email = model->index(row, MemberListModel::EmailColumn);
        if (email.data().toString() != kNorthwindAdmin &&
            model->index(row, MemberListModel::RolesColumn).data().toString().isEmpty() &&
            email.data(MemberListModel::UserStatusRole).toString() == QLatin1String("active") &&
            email.data(MemberListModel::MembershipStatusRole).toString() == QLatin1String("active"))
            emails << email.data().toString();
    }
    return emails;
}

void PeopleManagementTest::selectPeople(const QStringList& emails)
{
    QTableView* table = people()->table();
    table->clearSelection();
    QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        if (emails.contains(model->index(row, MemberListModel::EmailColumn).data().toString()))
            table->selectionModel()->select(model->index(row, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QStringList PeopleManagementTest::liveAssignments(const QString& orgId, const QString& email, const QString& roleKey)
{
    TestHttpClient http(m_server.baseUrl());
    http.setBearerToken(m_server.adminToken(QStringLiteral("owner@acme.example")));
    const HttpResult result = http.get(QStringLiteral("/api/v1/orgs/%1/role-assignments?limit=200").arg(orgId));
    if (result.status != 200) {
        qWarning() << "listing role assignments failed:" << result.describe();
        return {QStringLiteral("<error>")};
    }
    QStringList ids;
    for (const auto& value : result.items()) {
        const QJsonObject a = value.toObject();
        if (a.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString() == email &&
            a.value(QStringLiteral("role")).toObject().value(QStringLiteral("key")).toString() == roleKey &&
            a.value(QStringLiteral("status")).toString() == QLatin1String("active"))
            ids << a.value(QStringLiteral("id")).toString();
    }
    return ids;
}

void PeopleManagementTest::partnerAdminInvitesThenRenewsAndRevokesTheLink()
{
    signInAs(kNorthwindAdmin);
    openPeople();
    trellis::ui::PeoplePage* page = people();
    QVERIFY(page->inviteAction()->isEnabled());

    page->invite();
    auto* dialog = page->findChild<trellis::ui::InviteDialog*>();
    QVERIFY(dialog);
    QListWidget* roles = dialog->roleList();
    // The roles arrive from the server; until then the list holds an inert placeholder.
    QCOMPARE(roles->item(0)->flags(), Qt::NoItemFlags);
    QTRY_VERIFY_WITH_TIMEOUT(roles->count() > 0 && !roles->item(0)->data(Qt::UserRole).toString().isEmpty(),
                             kLoadTimeoutMs);
    QListWidgetItem* userManager = nullptr;
    QStringList offered;
    for (int row = 0; row < roles->count(); ++row) {
        offered << roles->item(row)->text();
        if (roles->item(row)->text() == QLatin1String("User manager"))
            userManager = roles->item(row);
    }
    QVERIFY2(userManager, qPrintable(offered.join(u',')));
    QVERIFY2(!offered.contains(QStringLiteral("Platform owner")), qPrintable(offered.join(u',')));
    userManager->setCheckState(Qt::Checked);
    const QString email = QStringLiteral("new.hire@northwind.example");
    dialog->emailEdit()->setText(email);
    dialog->nameEdit()->setText(QStringLiteral("New Hire"));
    QCOMPARE(dialog->request().roleIds.size(), 1);
    QVERIFY(!dialog->request().roleIds.first().isEmpty());
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->linkEdit()->text().isEmpty(), kLoadTimeoutMs);
    const QString firstLink = dialog->linkEdit()->text();
    QVERIFY2(firstLink.startsWith(m_server.baseUrl().toString() + QStringLiteral("/invite?token=")),
             qPrintable(firstLink));
    dialog->close();

    TestHttpClient browser(m_server.baseUrl());
    QCOMPARE(browser.get(pathOf(firstLink)).status, 200);

    // The invitations tab lists it, waiting, with the role's name.
    trellis::ui::InvitationsPanel* panel = page->invitationsPanel();
    page->tabs()->setCurrentWidget(panel);
    InvitationListModel* invitations = panel->invitationModel();
    const auto rowOf = [&]() -> int {
        QAbstractItemModel* model = panel->table()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, InvitationListModel::EmailColumn).data().toString() == email)
                return row;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!invitations->isFetching() && rowOf() >= 0, kLoadTimeoutMs);
    QAbstractItemModel* shown = panel->table()->model();
    QTRY_COMPARE_WITH_TIMEOUT(shown->index(rowOf(), InvitationListModel::RolesColumn).data().toString(),
                              QStringLiteral("User manager"), kLoadTimeoutMs);
    QCOMPARE(shown->index(rowOf(), InvitationListModel::StatusColumn).data().toString(), QStringLiteral("Pending"));

    // A new link: the old one dies, the new one works and is shown in the results.
    panel->table()->selectRow(rowOf());
    QVERIFY(panel->resendAction()->isEnabled());
    panel->resendSelected(true);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->bulkModel()->isRunning(), kLoadTimeoutMs);
    QCOMPARE(panel->bulkModel()->stateAt(0), BulkActionModel::State::Done);
    const QString secondLink = panel->bulkModel()->index(0, 0).data(BulkActionModel::DetailRole).toString();
    QVERIFY2(secondLink.startsWith(m_server.baseUrl().toString() + QStringLiteral("/invite?token=")),
             qPrintable(secondLink));
    QVERIFY(secondLink != firstLink);
    QCOMPARE(panel->bulkModel()->index(0, BulkActionModel::ResultColumn).data().toString(), secondLink);
    QVERIFY(panel->bulkPanel()->isVisible());
    QCOMPARE(browser.get(pathOf(firstLink)).status, 404);
    QCOMPARE(browser.get(pathOf(secondLink)).status, 200);

    // Revoked: gone from the waiting ones, listed among the revoked, and the link answers "revoked".
    QTRY_VERIFY_WITH_TIMEOUT(!invitations->isFetching() && rowOf() >= 0, kLoadTimeoutMs);
    panel->table()->selectRow(rowOf());
    QVERIFY(panel->revokeAction()->isEnabled());
    panel->revokeSelected(true);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->bulkModel()->isRunning(), kLoadTimeoutMs);
    QCOMPARE(panel->bulkModel()->stateAt(0), BulkActionModel::State::Done);
    QTRY_VERIFY_WITH_TIMEOUT(!invitations->isFetching() && rowOf() < 0, kLoadTimeoutMs);
    QCOMPARE(browser.get(pathOf(secondLink)).status, 410);
    panel->statusFilter()->setCurrentIndex(panel->statusFilter()->findData(QStringLiteral("revoked")));
    QTRY_VERIFY_WITH_TIMEOUT(!invitations->isFetching() && rowOf() >= 0, kLoadTimeoutMs);
    QCOMPARE(panel->table()->model()->index(rowOf(), InvitationListModel::StatusColumn).data().toString(),
             QStringLiteral("Revoked"));
    panel->table()->selectRow(rowOf());
    QVERIFY2(!panel->revokeAction()->isEnabled(), "a revoked invitation cannot be revoked again");
    if (qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT_DIR"))
        m_console.window->grab().save(qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR") +
                                      QStringLiteral("/invitations.png"));
}

void PeopleManagementTest::partnerAdminAssignsAndRevokesARoleInBulk()
{
    signInAs(kNorthwindAdmin);
    openPeople();
    trellis::ui::PeoplePage* page = people();
    const QString orgId = page->memberModel()->orgId();
    const QStringList colleagues = plainColleagues();
    QVERIFY2(colleagues.size() >= 3, qPrintable(colleagues.join(u',')));
    const QStringList chosen = colleagues.mid(0, 2);

    selectPeople(chosen);
    QVERIFY(page->assignRoleAction()->isVisible());
    QVERIFY(page->assignRoleAction()->isEnabled());
    page->chooseRoleForSelected(true);
    auto* assign = page->findChild<trellis::ui::RoleAssignDialog*>(QStringLiteral("roleAssignDialog"));
    QVERIFY(assign);
    QTRY_VERIFY_WITH_TIMEOUT(assign->roleBox()->isEnabled(), kLoadTimeoutMs);
    const int userManager = assign->roleBox()->findText(QStringLiteral("User manager"));
    QVERIFY(userManager >= 0);
    QCOMPARE(assign->roleBox()->findText(QStringLiteral("Platform owner")), -1);
    assign->roleBox()->setCurrentIndex(userManager);
    // Without a justification the dialog says why and stays open.
    QTest::mouseClick(assign->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(assign->isVisible());
    assign->justificationEdit()->setText(QStringLiteral("Quarter-end order desk cover"));
    QTest::mouseClick(assign->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->bulkModel()->isRunning() && page->bulkModel()->rowCount() == 2, kLoadTimeoutMs);
    for (int row = 0; row < 2; ++row)
        QVERIFY2(page->bulkModel()->stateAt(row) == BulkActionModel::State::Done,
                 qPrintable(page->bulkModel()->index(row, BulkActionModel::ResultColumn).data().toString()));
    for (const QString& email : chosen)
        QCOMPARE(liveAssignments(orgId, email, QStringLiteral("user-manager")).size(), 1);
    // The list reloads and names the role (not its key).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const MemberListModel* model = page->memberModel();
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, MemberListModel::EmailColumn).data().toString() == chosen.first())
                    return model->index(row, MemberListModel::RolesColumn).data().toString() ==
                           QLatin1String("User manager");
            return false;
        }(),
        kLoadTimeoutMs);

    // Revoking from the two and a third who never had it: two done, one refused with the reason.
    QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching(), kLoadTimeoutMs);
    selectPeople(chosen + QStringList{colleagues.at(2)});
    QVERIFY(page->revokeRoleAction()->isEnabled());
    page->chooseRoleForSelected(false);
    auto* revoke = page->findChild<trellis::ui::RoleAssignDialog*>(QStringLiteral("roleRevokeDialog"));
    QVERIFY(revoke);
    QVERIFY(!revoke->justificationEdit()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(revoke->roleBox()->isEnabled(), kLoadTimeoutMs);
    revoke->roleBox()->setCurrentIndex(revoke->roleBox()->findText(QStringLiteral("User manager")));
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->bulkModel()->isRunning() && page->bulkModel()->rowCount() == 3, kLoadTimeoutMs);
    int done = 0;
    QString refusal;
    for (int row = 0; row < 3; ++row) {
        if (page->bulkModel()->stateAt(row) == BulkActionModel::State::Done)
            ++done;
        else
            refusal = page->bulkModel()->index(row, BulkActionModel::ResultColumn).data().toString();
    }
    QCOMPARE(done, 2);
    QCOMPARE(refusal, QStringLiteral("Does not hold this role here."));
    for (const QString& email : chosen)
        QVERIFY(liveAssignments(orgId, email, QStringLiteral("user-manager")).isEmpty());
}

void PeopleManagementTest::partnerAdminOffboardsAColleagueFromThePersonEditor()
{
    signInAs(kNorthwindAdmin);
    openPeople();
    trellis::ui::PeoplePage* page = people();
    const QStringList colleagues = plainColleagues();
    QVERIFY(!colleagues.isEmpty());
    const QString colleague = colleagues.last();
    // The colleague's own API token works until the offboarding ends their last access.
    const QByteArray theirToken = m_server.adminToken(colleague, QStringLiteral("1h"));
    TestHttpClient asColleague(m_server.baseUrl());
    asColleague.setBearerToken(theirToken);
    QCOMPARE(asColleague.get(QStringLiteral("/api/v1/me")).status, 200);

    selectPeople({colleague});
    page->table()->setCurrentIndex(page->table()->selectionModel()->selectedRows().first());
    page->openPerson();
    auto* editor = page->findChild<trellis::ui::PersonEditorDialog*>();
    QVERIFY(editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor->isLoaded(), kLoadTimeoutMs);
    QCOMPARE(editor->person().memberships.size(), std::size_t(1));
    QTreeWidget* tree = editor->membershipTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(editor->offboardMembershipButton()->isEnabled());
    answerNextMessageBox(QMessageBox::Yes);
    QTest::mouseClick(editor->offboardMembershipButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->isLoaded() && !editor->person().memberships.empty() &&
                                 editor->person().memberships.front().membership.status ==
                                     trellis::core::MembershipStatus::Ended,
                             kLoadTimeoutMs);
    QVERIFY(editor->membershipError()->isHidden());
    QCOMPARE(asColleague.get(QStringLiteral("/api/v1/me")).status, 401);
    editor->close();

    // The people list shows the membership as ended.
    page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(QStringLiteral("ended")));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            if (page->memberModel()->isFetching())
                return false;
            for (int row = 0; row < page->memberModel()->rowCount(); ++row)
                if (page->memberModel()->index(row, MemberListModel::EmailColumn).data().toString() == colleague)
                    return true;
            return false;
        }(),
        kLoadTimeoutMs);
}

void PeopleManagementTest::auditorIsOfferedNoInvitationOrRoleActions()
{
    signInAs(kAuditor);
    openPeople();
    trellis::ui::PeoplePage* page = people();
    page->table()->selectRow(0);
    QVERIFY(!page->inviteAction()->isEnabled());
    QVERIFY(!page->assignRoleAction()->isEnabled());
    QVERIFY(!page->revokeRoleAction()->isEnabled());
    trellis::ui::InvitationsPanel* panel = page->invitationsPanel();
    page->tabs()->setCurrentWidget(panel);
    panel->statusFilter()->setCurrentIndex(panel->statusFilter()->findData(QString()));
    QTRY_VERIFY_WITH_TIMEOUT(!panel->invitationModel()->isFetching(), kLoadTimeoutMs);
    if (panel->table()->model()->rowCount() > 0)
        panel->table()->selectRow(0);
    QVERIFY(!panel->resendAction()->isEnabled());
    QVERIFY(!panel->revokeAction()->isEnabled());
}

void PeopleManagementTest::sortingAsksTheServerForTheWholeList()
{
    signInAs(kAuditor);
    openPeople();
    trellis::ui::PeoplePage* page = people();
    page->subtreeFilter()->setChecked(true);
    page->memberModel()->setPageSize(25); // several pages, so a local sort could not be right
    QHeaderView* header = page->table()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), int(MemberListModel::NameColumn));

    // Last sign-in, ascending: everyone who never signed in first, across every page the server sends.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(MemberListModel::LastSignInColumn) + 5, 5));
    QCOMPARE(page->memberModel()->query().sort, QStringLiteral("lastSignIn"));
    QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching() && page->memberModel()->rowCount() > 0, kLoadTimeoutMs);
    while (page->memberModel()->canFetchMore({})) {
        page->memberModel()->fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching(), kLoadTimeoutMs);
    }
    QVERIFY(page->memberModel()->rowCount() > 25);
    QString previous;
    bool sawSignIn = false;
    for (int row = 0; row < page->memberModel()->rowCount(); ++row) {
        const QDateTime at = page->memberModel()
                                 ->index(row, MemberListModel::LastSignInColumn)
                                 .data(MemberListModel::LastSignInRole)
                                 .toDateTime();
        const QString key = at.isValid() ? at.toString(Qt::ISODate) : QString();
        QVERIFY2(key >= previous, qPrintable(QStringLiteral("row %1: %2 after %3").arg(row).arg(key, previous)));
        sawSignIn = sawSignIn || at.isValid();
        previous = key;
    }
    // Again: the most recent first.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(MemberListModel::LastSignInColumn) + 5, 5));
    QCOMPARE(page->memberModel()->query().sort, QStringLiteral("-lastSignIn"));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(!page->memberModel()->isFetching() && page->memberModel()->rowCount() > 0, kLoadTimeoutMs);
    if (sawSignIn)
        QVERIFY(page->memberModel()
                    ->index(0, MemberListModel::LastSignInColumn)
                    .data(MemberListModel::LastSignInRole)
                    .toDateTime()
                    .isValid());
    // A column the server does not sort by leaves the order as it is.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                      QPoint(header->sectionViewportPosition(MemberListModel::TitleColumn) + 5, 5));
    QCOMPARE(page->memberModel()->query().sort, QStringLiteral("-lastSignIn"));
    QCOMPARE(header->sortIndicatorSection(), int(MemberListModel::LastSignInColumn));
}

QTEST_MAIN(PeopleManagementTest)
#include "PeopleManagementTest.moc"
