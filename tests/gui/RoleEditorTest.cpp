// The Roles section against a real trellisd with the demo world: the platform owner reads the built-in roles with
// their permissions grouped and explained, and defines, changes and deletes a custom role at a partner; the security
// auditor reads but is offered no change; the Northwind superadmin sees only Northwind's roles and cannot put into a
// role what they do not hold. The server decides; these tests check that the console mirrors it and shows why when
// the server refuses. Built twice: on SQLite, and with TRELLIS_TEST_POSTGRES on PostgreSQL.
#include "client/ApiClient.h"
#include "models/ConsoleSession.h"
#include "models/OrgTreeModel.h"
#include "tests/common/PostgresTestDatabase.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/MainWindow.h"
#include "ui/OrgsPage.h"
#include "ui/PermissionChecklist.h"
#include "ui/PermissionText.h"
#include "ui/RoleEditorPane.h"
#include "ui/RolesPage.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using trellis::models::ConsoleSession;
using trellis::test::TrellisdProcess;
using trellis::ui::RoleEditorPane;
using trellis::ui::RolesPage;

namespace {

constexpr int kLoadTimeoutMs = 20000;

const QString kOwner = QStringLiteral("owner@acme.example");
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");

QStringList listedKeys(const RolesPage* page)
{
    QStringList keys;
    for (const auto& role : page->roles())
        keys << QString::fromStdString(role.key);
    return keys;
}

QStringList rootNames(const QAbstractItemModel* model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row, 0).data().toString();
    return names;
}

} // namespace

class RoleEditorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void ownerReadsBuiltInRolesGroupedAndExplained();
    void ownerDefinesChangesAndDeletesACustomRoleAtAPartner();
    void deletingAnAssignedRoleShowsTheRefusal();
    void auditorReadsRolesButIsOfferedNoChange();
    void partnerAdminSeesOnlyTheirSubtreeAndCannotGiveWhatTheyLack();
    void cleanupTestCase();

private:
    void signInAs(const QString& email);
    RolesPage* roles() const { return static_cast<RolesPage*>(m_console.window->section(QStringLiteral("roles"))); }
    /// Opens the Roles section and waits for the first root's roles.
    void openRoles();
    /// Picks the child of the first root called `name` in the Roles section's tree and waits for its roles.
    void pickChild(const QString& name);
    /// Fills the editor's form for a new role.
    void fillNewRole(const QString& key, const QString& name, const QStringList& permissions);
    /// With TRELLIS_SCREENSHOT_DIR set: the window as a PNG there, to look at.
    void saveScreenshot(const QString& name);

    std::unique_ptr<trellis::test::PostgresTestDatabase> m_postgres;
    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
};

void RoleEditorTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
#ifdef TRELLIS_TEST_POSTGRES
    if (!trellis::test::PostgresTestDatabase::isConfigured())
        QSKIP(qPrintable(trellis::test::PostgresTestDatabase::notConfiguredReason()));
    m_postgres = std::make_unique<trellis::test::PostgresTestDatabase>();
    QString error;
    QVERIFY2(m_postgres->create(&error), qPrintable(error));
    m_server.setDatabaseUrl(m_postgres->url());
#endif
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void RoleEditorTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void RoleEditorTest::cleanup()
{
    m_console.close();
}

void RoleEditorTest::signInAs(const QString& email)
{
    QString error;
    QVERIFY2(m_console.open(m_server, email, &error), qPrintable(error));
}

void RoleEditorTest::openRoles()
{
    QVERIFY(m_console.window->sectionKeys().contains(QStringLiteral("roles")));
    QCOMPARE(m_console.window->sectionKeys().indexOf(QStringLiteral("roles")),
             m_console.window->sectionKeys().indexOf(QStringLiteral("people")) + 1);
    QVERIFY(m_console.window->showSection(QStringLiteral("roles")));
    QTRY_VERIFY_WITH_TIMEOUT(roles()->isLoaded() && !roles()->roles().empty(), kLoadTimeoutMs);
}

void RoleEditorTest::pickChild(const QString& name)
{
    QTreeView* tree = roles()->orgTree();
    QAbstractItemModel* model = tree->model();
    const QModelIndex root = model->index(0, 0);
    tree->expand(root);
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount(root) > 0, kLoadTimeoutMs);
    QModelIndex child;
    for (int row = 0; row < model->rowCount(root) && !child.isValid(); ++row) {
        if (model->index(row, 0, root).data().toString() == name)
            child = model->index(row, 0, root);
    }
    QVERIFY2(child.isValid(), qPrintable(name));
    tree->setCurrentIndex(child);
    QTRY_VERIFY_WITH_TIMEOUT(roles()->isLoaded() && QString::fromStdString(roles()->org().name) == name,
                             kLoadTimeoutMs);
}

void RoleEditorTest::fillNewRole(const QString& key, const QString& name, const QStringList& permissions)
{
    RoleEditorPane* editor = roles()->editor();
    editor->keyEdit()->setText(key);
    editor->nameEdit()->setText(name);
    editor->descriptionEdit()->setPlainText(QStringLiteral("Takes orders from customers."));
    for (const QString& permission : permissions) {
        QCheckBox* box = editor->checklist()->checkBox(permission.toStdString());
        QVERIFY(box && box->isEnabled());
        box->setChecked(true);
    }
}

void RoleEditorTest::saveScreenshot(const QString& name)
{
    const QString folder = qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QTest::qWait(300); // let the layouts settle
    m_console.window->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png"));
}

void RoleEditorTest::ownerReadsBuiltInRolesGroupedAndExplained()
{
    signInAs(kOwner);
    openRoles();
    RolesPage* page = roles();
    const QStringList keys = listedKeys(page);
    for (const char* key :
         {"platform-owner", "security-auditor", "org-admin", "user-manager", "flow-designer", "member"})
        QVERIFY2(keys.contains(QLatin1String(key)), qPrintable(keys.join(u',')));
    QVERIFY(page->newRoleAction()->isEnabled());

    // The catalog in six areas, each permission with its explanation.
    QStringList areas;
    for (const auto& group : trellis::ui::PermissionText::groups())
        areas << group.title;
    QCOMPARE(areas, (QStringList{QStringLiteral("Organisations"), QStringLiteral("People"), QStringLiteral("Roles"),
                                 QStringLiteral("Login flows"), QStringLiteral("Audit"), QStringLiteral("Reviews")}));
    QCOMPARE(trellis::ui::PermissionText::groups().front().permissions,
             (std::vector<std::string>{"org.read", "org.manage"}));

    QVERIFY(page->selectRole(QStringLiteral("security-auditor")));
    RoleEditorPane* editor = page->editor();
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::View);
    QVERIFY(editor->checklist()->isReadOnly());
    QVERIFY(editor->keyEdit()->isReadOnly());
    QVERIFY(!editor->saveButton()->isVisible());
    QVERIFY(!editor->deleteButton()->isVisible());
    QVERIFY(editor->checklist()->checkBox("org.read")->isChecked());
    QVERIFY(editor->checklist()->checkBox("audit.read")->isChecked());
    QVERIFY(editor->checklist()->checkBox("review.manage")->isChecked()); // the security team runs access reviews
    QVERIFY(!editor->checklist()->checkBox("org.manage")->isChecked());
    QVERIFY(!editor->checklist()->checkBox("role.assign")->isChecked());
    QVERIFY(!editor->checklist()->checkBox("flow.design")->isChecked());
    // Read-only: a click does not change the tick.
    QTest::mouseClick(editor->checklist()->checkBox("org.manage"), Qt::LeftButton);
    QVERIFY(!editor->checklist()->checkBox("org.manage")->isChecked());
    editor->checklist()->checkBox("org.read")->setFocus();
    QTest::keyClick(editor->checklist()->checkBox("org.read"), Qt::Key_Space);
    QVERIFY(editor->checklist()->checkBox("org.read")->isChecked());
    QVERIFY(!editor->checklist()->checkBox("org.read")->accessibleName().isEmpty());
    QVERIFY(editor->whereLabel()->text().contains(QLatin1String("Everywhere")));
    // Who may assign it: the rule in words, and the roles that are enough on their own.
    const QString who = editor->whoMayAssignLabel()->text();
    QVERIFY2(who.contains(QLatin1String("role.assign")), qPrintable(who));
    QVERIFY2(who.contains(QLatin1String("Platform owner")), qPrintable(who));
    QVERIFY2(who.contains(QLatin1String("Organisation admin")), qPrintable(who));
    QVERIFY2(!who.contains(QLatin1String("User manager")), qPrintable(who));
    QVERIFY2(who.contains(QLatin1String("You may assign it")), qPrintable(who));

    // Flow designer needs flow permissions the organisation admin lacks: only the platform owner suffices.
    QVERIFY(page->selectRole(QStringLiteral("flow-designer")));
    const QString flowWho = editor->whoMayAssignLabel()->text();
    QVERIFY2(flowWho.contains(QLatin1String("Platform owner")), qPrintable(flowWho));
    QVERIFY2(!flowWho.contains(QLatin1String("Organisation admin")), qPrintable(flowWho));
    QVERIFY(editor->checklist()->checkBox("flow.publish")->isChecked());
}

void RoleEditorTest::ownerDefinesChangesAndDeletesACustomRoleAtAPartner()
{
    signInAs(kOwner);
    openRoles();
    pickChild(QStringLiteral("Northwind Trading"));
    RolesPage* page = roles();
    RoleEditorPane* editor = page->editor();

    page->newRole();
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Create);
    QVERIFY(!editor->keyEdit()->isReadOnly());
    // Keyboard: the key has the focus, Tab goes on to the name, the description and the first permission.
    m_console.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_console.window.get()));
    editor->keyEdit()->setFocus();
    QTRY_VERIFY(editor->keyEdit()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(editor->nameEdit()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(editor->descriptionEdit()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), editor->checklist()->firstControl());
    // The platform owner holds everything here: every permission can be ticked.
    for (const char* permission : {"org.read", "flow.design", "review.manage"})
        QVERIFY(editor->checklist()->checkBox(permission)->isEnabled());
    fillNewRole(QStringLiteral("order-desk"), QStringLiteral("Order desk"),
                {QStringLiteral("user.read"), QStringLiteral("user.invite")});
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(listedKeys(page).contains(QStringLiteral("order-desk")), kLoadTimeoutMs);
    // The new role is selected and shown as a custom role defined at Northwind.
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(editor->role().key), QStringLiteral("order-desk"), kLoadTimeoutMs);
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QTreeWidgetItem* item = page->roleList()->currentItem();
    QVERIFY(item);
    QCOMPARE(item->text(RolesPage::KindColumn), QStringLiteral("Custom, at Northwind Trading"));
    QCOMPARE(item->text(RolesPage::AssignableColumn), QStringLiteral("Yes"));
    QVERIFY(editor->whereLabel()->text().contains(QLatin1String("Northwind Trading")));
    QVERIFY(editor->keyEdit()->isReadOnly());
    QVERIFY(editor->deleteButton()->isVisible());

    // The same key again: the server refuses, the refusal shows next to the key, and what was typed stays.
    page->newRole();
    fillNewRole(QStringLiteral("order-desk"), QStringLiteral("Second order desk"), {QStringLiteral("user.read")});
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QLabel* keyError = editor->errorLabel(QStringLiteral("key"));
    QTRY_VERIFY_WITH_TIMEOUT(keyError->isVisible(), kLoadTimeoutMs);
    QVERIFY(keyError->text().contains(QLatin1String("already taken")));
    saveScreenshot(QStringLiteral("role-key-taken"));
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Create);
    QCOMPARE(editor->keyEdit()->text(), QStringLiteral("order-desk"));
    QCOMPARE(editor->nameEdit()->text(), QStringLiteral("Second order desk"));
    QVERIFY(editor->checklist()->checkBox("user.read")->isChecked());
    // A key the console can tell is wrong does not even reach the server.
    editor->keyEdit()->setText(QStringLiteral("Order Desk!"));
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QVERIFY(keyError->isVisible());
    // Picking another role would drop what was typed: asked first, and "keep editing" keeps all of it.
    QStringList asked;
    editor->setDiscardQuestion([&asked](const QString& question) {
        asked << question;
        return false;
    });
    QVERIFY(!page->selectRole(QStringLiteral("org-admin")));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Create);
    QCOMPARE(editor->nameEdit()->text(), QStringLiteral("Second order desk"));
    QVERIFY(!page->roleList()->currentItem());
    editor->setDiscardQuestion({});
    // Cancel: back to the role that was selected before.
    QTest::mouseClick(editor->revertButton(), Qt::LeftButton);
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QCOMPARE(QString::fromStdString(editor->role().key), QStringLiteral("order-desk"));

    // Change it: a new name and one more permission, for everyone who holds it.
    QVERIFY(page->selectRole(QStringLiteral("order-desk")));
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QVERIFY(!editor->saveButton()->isEnabled()); // nothing changed yet
    editor->nameEdit()->setText(QStringLiteral("Order desk team"));
    editor->checklist()->checkBox("org.read")->setChecked(true);
    QVERIFY(editor->saveButton()->isEnabled());
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    const auto saved = [page] {
        for (const auto& role : page->roles())
            if (role.key == "order-desk")
                return role.name == "Order desk team" &&
                       role.permissions == std::vector<std::string>{"org.read", "user.read", "user.invite"};
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saved(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(editor->nameEdit()->text(), QStringLiteral("Order desk team"), kLoadTimeoutMs);
    QCOMPARE(page->roleList()->currentItem()->text(RolesPage::NameColumn), QStringLiteral("Order desk team"));

    // And delete it (nobody holds it).
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QVERIFY(!editor->isBusy());
    editor->deleteRole(true);
    QTRY_VERIFY_WITH_TIMEOUT(page->isLoaded() && !listedKeys(page).contains(QStringLiteral("order-desk")),
                             kLoadTimeoutMs);
    QVERIFY(listedKeys(page).contains(QStringLiteral("org-admin")));
}

void RoleEditorTest::deletingAnAssignedRoleShowsTheRefusal()
{
    signInAs(kOwner);
    openRoles();
    pickChild(QStringLiteral("Northwind Trading"));
    RolesPage* page = roles();
    RoleEditorPane* editor = page->editor();
    page->newRole();
    fillNewRole(QStringLiteral("night-shift"), QStringLiteral("Night shift"), {QStringLiteral("user.read")});
    QTest::mouseClick(editor->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(QString::fromStdString(editor->role().key), QStringLiteral("night-shift"),
                              kLoadTimeoutMs);
    const QString roleId = QString::fromStdString(editor->role().id);
    const QString orgId = QString::fromStdString(page->org().id);

    // Give it to the Northwind superadmin through the API.
    trellis::client::ApiClient* client = m_console.session->client();
    QString userId;
    bool listed = false;
    client->listMembers(orgId, QString(), 100, this, [&](auto result) {
        listed = true;
        if (result.ok())
            for (const auto& m : result.value->items)
                if (m.user.email == kNorthwindAdmin.toStdString())
                    userId = QString::fromStdString(m.user.id);
    });
    QTRY_VERIFY_WITH_TIMEOUT(listed, kLoadTimeoutMs);
    QVERIFY(!userId.isEmpty());
    bool assigned = false;
    client->assignRole(userId, roleId, orgId, QDateTime(), QStringLiteral("Covers nights"), this,
                       [&](auto result) { assigned = result.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(assigned, kLoadTimeoutMs);

    editor->deleteRole(true);
    QLabel* error = editor->errorLabel(QString());
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kLoadTimeoutMs);
    QVERIFY2(error->text().contains(QLatin1String("still assigned")), qPrintable(error->text()));
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QVERIFY(listedKeys(page).contains(QStringLiteral("night-shift")));
}

void RoleEditorTest::auditorReadsRolesButIsOfferedNoChange()
{
    signInAs(kAuditor);
    openRoles();
    RolesPage* page = roles();
    QVERIFY(!page->newRoleAction()->isEnabled());
    QVERIFY(!page->findChild<QPushButton*>(QStringLiteral("newRoleButton"))->isVisible());
    QVERIFY(page->selectRole(QStringLiteral("org-admin")));
    QCOMPARE(page->editor()->mode(), RoleEditorPane::Mode::View);
    QVERIFY(page->editor()->whoMayAssignLabel()->text().contains(QLatin1String("You may not assign it")));
    for (const auto& role : page->roles())
        QVERIFY2(!role.assignable, role.key.c_str());

    // The custom role at Northwind: visible, not changeable.
    pickChild(QStringLiteral("Northwind Trading"));
    QVERIFY(!page->newRoleAction()->isEnabled());
    QVERIFY(page->selectRole(QStringLiteral("night-shift")));
    RoleEditorPane* editor = page->editor();
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::View);
    QVERIFY(editor->checklist()->isReadOnly());
    QVERIFY(editor->nameEdit()->isReadOnly());
    QVERIFY(!editor->saveButton()->isVisible());
    QVERIFY(!editor->deleteButton()->isVisible());
    editor->deleteRole(true); // not offered, and does nothing when called anyway
    QVERIFY(!editor->isBusy());
}

void RoleEditorTest::partnerAdminSeesOnlyTheirSubtreeAndCannotGiveWhatTheyLack()
{
    signInAs(kNorthwindAdmin);
    openRoles();
    RolesPage* page = roles();
    QCOMPARE(rootNames(page->orgTree()->model()), QStringList{QStringLiteral("Northwind Trading")});
    QCOMPARE(QString::fromStdString(page->org().name), QStringLiteral("Northwind Trading"));
    const QStringList keys = listedKeys(page);
    QVERIFY2(keys.contains(QStringLiteral("night-shift")), qPrintable(keys.join(u',')));
    for (const auto& role : page->roles()) {
        // Northwind's organisation admin may hand out only what they hold themselves.
        if (role.key == "platform-owner" || role.key == "flow-designer")
            QVERIFY2(!role.assignable, role.key.c_str());
        if (role.key == "user-manager" || role.key == "member" || role.key == "night-shift")
            QVERIFY2(role.assignable, role.key.c_str());
    }

    // Their own custom role: changeable, since they hold role.assign and all it allows at Northwind.
    QVERIFY(page->selectRole(QStringLiteral("night-shift")));
    RoleEditorPane* editor = page->editor();
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Edit);
    QVERIFY(!editor->checklist()->checkBox("flow.design")->isEnabled());
    QVERIFY(editor->checklist()->checkBox("user.manage")->isEnabled());

    // A new role: the login-flow permissions they lack cannot be ticked.
    QVERIFY(page->newRoleAction()->isEnabled());
    page->newRole();
    QCOMPARE(editor->mode(), RoleEditorPane::Mode::Create);
    QVERIFY(!editor->checklist()->checkBox("flow.design")->isEnabled());
    QVERIFY(!editor->checklist()->checkBox("flow.publish")->isEnabled());
    for (const char* permission : {"org.read", "org.manage", "user.read", "user.manage", "user.invite", "role.assign",
                                   "audit.read", "review.manage"})
        QVERIFY2(editor->checklist()->checkBox(permission)->isEnabled(), permission);
    QVERIFY(editor->checklist()->checkBox("flow.design")->toolTip().contains(QLatin1String("do not hold")));
    saveScreenshot(QStringLiteral("role-new-partner"));
}

QTEST_MAIN(RoleEditorTest)
#include "RoleEditorTest.moc"
