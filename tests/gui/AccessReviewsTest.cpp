// The Reviews section against a real trellisd with the demo world: Northwind's superadmin starts a campaign over
// Northwind with the "New campaign…" dialog (the console refuses an empty name itself), sees the items waiting for
// her with their flags, keeps two at once, revokes one membership with a comment (the dialog insists on one) and
// exports the results as CSV. The server's database shows the membership ended and the decisions audited.
// Then the security auditor (Marcus Okafor) reviews Northwind, a reseller: starts the campaign, lists all its open
// items, is refused in plain words when revoking Northwind's last admin (the typed reason stays), and revokes a
// staff member's membership, whose refresh token then fails at /oauth2/token at once; it also hands an item to
// Northwind's admin with "Reassign…" (a person search), after the server refused a plain employee in words.
#include "core/DemoWorld.h"
#include "models/ConsoleSession.h"
#include "models/OrgSearchModel.h"
#include "models/ReviewItemsModel.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "tests/login/ConsoleTokenGrant.h"
#include "ui/AccessReviewDialog.h"
#include "ui/MainWindow.h"
#include "ui/OrgSearchField.h"
#include "ui/ReviewReassignDialog.h"
#include "ui/ReviewRevokeDialog.h"
#include "ui/ReviewsPage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using trellis::models::ReviewItemsModel;
using trellis::test::TrellisdProcess;

namespace {

constexpr int kLoadTimeoutMs = 20000;
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kPassword = QStringLiteral("test-demo-password");

} // namespace

class AccessReviewsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void partnerAdminRunsAReviewOfTheirSubtree();
    void securityAuditorRevokesInAResellerReview();

private:
    trellis::ui::ReviewsPage* page() const
    {
        return qobject_cast<trellis::ui::ReviewsPage*>(m_console.window->section(QStringLiteral("reviews")));
    }
    QVariant sql(const QString& query, const QVariantList& values, const QString& column) const
    {
        return m_server.queryRows(query, values).value(0).value(column);
    }

    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
};

void AccessReviewsTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server.setDemo(true);
    m_server.setEnvironmentVariable(QStringLiteral("TRELLIS_DEMO_PASSWORD"), kPassword);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QString error;
    QVERIFY2(m_console.open(m_server, kNorthwindAdmin, &error), qPrintable(error));
}

void AccessReviewsTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void AccessReviewsTest::partnerAdminRunsAReviewOfTheirSubtree()
{
    QVERIFY(m_console.window->showSection(QStringLiteral("reviews")));
    trellis::ui::ReviewsPage* reviews = page();
    QVERIFY(reviews);
    QCOMPARE(reviews->title(), QStringLiteral("Reviews"));
    reviews->reload();
    QTRY_VERIFY_WITH_TIMEOUT(reviews->isLoaded() && !reviews->homeOrg().id.empty(), kLoadTimeoutMs);
    // The demo's campaign covers all of Acme: a partner admin does not see it.
    QCOMPARE(reviews->campaignList()->topLevelItemCount(), 0);
    QVERIFY(!reviews->keepButton()->isEnabled() && !reviews->revokeButton()->isEnabled());

    // New campaign: Northwind preset, nothing named yet → the console says so and keeps the dialog open.
    QTest::mouseClick(reviews->newCampaignButton(), Qt::LeftButton);
    auto* dialog = reviews->findChild<trellis::ui::AccessReviewDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->orgField()->text(), QStringLiteral("Northwind Trading"));
    QVERIFY(dialog->rolesCheck()->isChecked());
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog->errorLabel(QStringLiteral("name"))->isVisible());
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Northwind staff, December"));
    dialog->membershipsCheck()->setChecked(true);
    const QString shots = qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        dialog->grab().save(shots + QStringLiteral("/access-review-dialog.png"));
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->findChild<trellis::ui::AccessReviewDialog*>(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(reviews->campaignList()->topLevelItemCount(), 1, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(reviews->isLoaded() && !reviews->isBusy(), kLoadTimeoutMs);
    QCOMPARE(reviews->campaignList()->topLevelItem(0)->text(trellis::ui::ReviewsPage::NameColumn),
             QStringLiteral("Northwind staff, December"));
    const QString campaignId = sql(QStringLiteral("SELECT id FROM access_review_campaigns WHERE name = ?"),
                                   {QStringLiteral("Northwind staff, December")}, QStringLiteral("id"))
                                   .toString();
    QVERIFY(!campaignId.isEmpty());

    // Her open items: every row is hers to decide, flags in words next to their icon.
    ReviewItemsModel* items = reviews->itemsModel();
    QTRY_VERIFY_WITH_TIMEOUT(items->rowCount() >= 5, kLoadTimeoutMs);
    int flagged = 0;
    for (int row = 0; row < items->rowCount(); ++row) {
        const QModelIndex flags = items->index(row, ReviewItemsModel::FlagsColumn);
        if (flags.data(ReviewItemsModel::InactiveRole).toBool()) {
            ++flagged;
            QVERIFY(!flags.data().toString().isEmpty());
            QVERIFY(!flags.data(Qt::DecorationRole).isNull());
        }
    }
    QVERIFY2(flagged > 0, "Northwind has people who have not signed in for 90 days");
    if (!shots.isEmpty())
        m_console.window->grab().save(shots + QStringLiteral("/reviews-section.png"));

    // Keep two at once (Ctrl-click the second row).
    QTableView* view = reviews->itemsView();
    const int before = items->rowCount();
    const QString kept0 = items->index(0, 0).data(ReviewItemsModel::ItemIdRole).toString();
    const QString kept1 = items->index(1, 0).data(ReviewItemsModel::ItemIdRole).toString();
    view->selectRow(0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      view->visualRect(items->index(1, ReviewItemsModel::AccessColumn)).center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    QVERIFY(reviews->keepButton()->isEnabled());
    QTest::mouseClick(reviews->keepButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(items->rowCount(), before - 2, kLoadTimeoutMs);
    QCOMPARE(items->rowOf(kept0), -1);
    QCOMPARE(
        sql(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {kept1}, QStringLiteral("status"))
            .toString(),
        QStringLiteral("kept"));

    // Revoke one membership of this campaign, with a reason.
    int target = -1;
    for (int row = 0; row < items->rowCount() && target < 0; ++row) {
        const auto* item = items->itemAt(row);
        if (item->kind == "membership" && item->campaignId == campaignId.toStdString())
            target = row;
    }
    QVERIFY(target >= 0);
    const QString itemId = items->index(target, 0).data(ReviewItemsModel::ItemIdRole).toString();
    const QString membershipId = QString::fromStdString(items->itemAt(target)->subjectId);
    view->clearSelection();
    view->selectRow(target);
    QTest::mouseClick(reviews->revokeButton(), Qt::LeftButton);
    auto* revoke = reviews->findChild<trellis::ui::ReviewRevokeDialog*>();
    QVERIFY(revoke);
    QTRY_VERIFY(revoke->isVisible());
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(revoke->errorLabel()->isVisible()); // a reason is required
    QTest::keyClicks(revoke->commentEdit(), QStringLiteral("Contract ended"));
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->findChild<trellis::ui::ReviewRevokeDialog*>(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(items->rowOf(itemId), -1, kLoadTimeoutMs);
    QVERIFY(reviews->statusLabel()->text().contains(QStringLiteral("Revoked")));
    QCOMPARE(
        sql(QStringLiteral("SELECT status FROM memberships WHERE id = ?"), {membershipId}, QStringLiteral("status"))
            .toString(),
        QStringLiteral("ended"));
    QCOMPARE(
        sql(QStringLiteral("SELECT comment FROM access_review_items WHERE id = ?"), {itemId}, QStringLiteral("comment"))
            .toString(),
        QStringLiteral("Contract ended"));
    QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'review.item.revoke' AND "
                                "target_id = ?"),
                 {itemId}, QStringLiteral("n"))
                 .toInt(),
             1);
    // The campaign's progress shows the three decisions.
    QTRY_VERIFY_WITH_TIMEOUT(reviews->campaignList()->topLevelItemCount() == 1 &&
                                 reviews->campaignList()
                                     ->topLevelItem(0)
                                     ->text(trellis::ui::ReviewsPage::ProgressColumn)
                                     .startsWith(QStringLiteral("3 of ")),
                             kLoadTimeoutMs);

    // Export the results.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.csv"));
    QVERIFY(reviews->selectCampaign(campaignId));
    QSignalSpy exported(reviews, &trellis::ui::ReviewsPage::exported);
    reviews->exportResults(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, kLoadTimeoutMs);
    QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().at(2).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("campaign,item_id,"));
    QVERIFY(csv.contains("Contract ended"));
}

void AccessReviewsTest::securityAuditorRevokesInAResellerReview()
{
    // The security team's reviewer signs in to the console.
    m_console.close();
    const QString auditor = QString::fromLatin1(trellis::core::DemoWorld::kAuditorEmail);
    QString error;
    QVERIFY2(m_console.open(m_server, auditor, &error), qPrintable(error));
    const QString auditorId =
        sql(QStringLiteral("SELECT id FROM users WHERE email = ?"), {auditor}, QStringLiteral("id")).toString();
    QCOMPARE(
        sql(QStringLiteral("SELECT display_name FROM users WHERE id = ?"), {auditorId}, QStringLiteral("display_name"))
            .toString(),
        QStringLiteral("Marcus Okafor"));
    QVERIFY(m_console.window->showSection(QStringLiteral("reviews")));
    trellis::ui::ReviewsPage* reviews = page();
    QVERIFY(reviews);
    reviews->reload();
    QTRY_VERIFY_WITH_TIMEOUT(reviews->isLoaded() && !reviews->isBusy() && !reviews->homeOrg().id.empty(),
                             kLoadTimeoutMs);
    // Acme has admins of its own, so nothing waits for the auditor by default.
    QCOMPARE(reviews->itemsModel()->rowCount(), 0);

    // New campaign over Northwind Trading (found with the organisation search), roles and memberships.
    QTest::mouseClick(reviews->newCampaignButton(), Qt::LeftButton);
    auto* dialog = reviews->findChild<trellis::ui::AccessReviewDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->orgField()->text(), QStringLiteral("Acme Industrial"));
    dialog->orgField()->setFocus();
    dialog->orgField()->clear();
    QTest::keyClicks(dialog->orgField(), QStringLiteral("Northwind"));
    auto* search = dialog->orgField()->searchModel();
    int northwindRow = -1;
    const auto findNorthwind = [&] {
        for (int row = 0; row < search->rowCount(); ++row) {
            if (search->orgAt(row).name == "Northwind Trading")
                northwindRow = row;
        }
        return northwindRow >= 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(findNorthwind(), kLoadTimeoutMs);
    dialog->orgField()->chooseRow(northwindRow);
    QCOMPARE(QString::fromStdString(dialog->org().name), QStringLiteral("Northwind Trading"));
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Northwind, security team review"));
    dialog->rolesCheck()->setChecked(true);
    dialog->membershipsCheck()->setChecked(true);
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->findChild<trellis::ui::AccessReviewDialog*>(), kLoadTimeoutMs);
    const QString campaignId =
        sql(QStringLiteral("SELECT id FROM access_review_campaigns WHERE name = ? AND created_by = ?"),
            {QStringLiteral("Northwind, security team review"), auditorId}, QStringLiteral("id"))
            .toString();
    QVERIFY(!campaignId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(reviews->isLoaded() && !reviews->isBusy() && reviews->selectCampaign(campaignId),
                             kLoadTimeoutMs);

    // All open items of the campaign (the reviewers are Northwind's admins; the auditor runs the review).
    ReviewItemsModel* items = reviews->itemsModel();
    QTest::mouseClick(reviews->campaignItemsCheck(), Qt::LeftButton);
    QVERIFY(reviews->campaignItemsCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->isBusy() && items->rowCount() > 10, kLoadTimeoutMs);
    for (int row = 0; row < items->rowCount(); ++row)
        QCOMPARE(QString::fromStdString(items->itemAt(row)->campaignId), campaignId);
    QTableView* view = reviews->itemsView();

    // Northwind's only admin: refused in plain words next to the item, and the typed reason is still there.
    int lastAdmin = -1;
    for (int row = 0; row < items->rowCount() && lastAdmin < 0; ++row) {
        const auto* item = items->itemAt(row);
        if (item->user.email == kNorthwindAdmin.toStdString() && item->kind == "role_assignment")
            lastAdmin = row;
    }
    QVERIFY(lastAdmin >= 0);
    const QString lastAdminItem = items->index(lastAdmin, 0).data(ReviewItemsModel::ItemIdRole).toString();
    view->selectRow(lastAdmin);
    QTest::mouseClick(reviews->revokeButton(), Qt::LeftButton);
    auto* revoke = reviews->findChild<trellis::ui::ReviewRevokeDialog*>();
    QVERIFY(revoke);
    QTRY_VERIFY(revoke->isVisible());
    QTest::keyClicks(revoke->commentEdit(), QStringLiteral("Quarterly clean-up"));
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(revoke->errorLabel()->isVisible(), kLoadTimeoutMs);
    QVERIFY2(revoke->errorLabel()->text().contains(QStringLiteral("last admin of Northwind Trading")),
             qPrintable(revoke->errorLabel()->text()));
    QCOMPARE(revoke->commentEdit()->toPlainText(), QStringLiteral("Quarterly clean-up"));
    QVERIFY(revoke->isVisible());
    const QModelIndex flags = items->index(items->rowOf(lastAdminItem), ReviewItemsModel::FlagsColumn);
    QVERIFY(flags.data(ReviewItemsModel::ProblemRole).toString().contains(QStringLiteral("last admin")));
    QCOMPARE(flags.data().toString(), QStringLiteral("Refused: last admin"));
    QVERIFY(flags.data(Qt::ToolTipRole).toString().contains(QStringLiteral("last admin of Northwind Trading")));
    QCOMPARE(sql(QStringLiteral("SELECT status FROM access_review_items WHERE id = ?"), {lastAdminItem},
                 QStringLiteral("status"))
                 .toString(),
             QStringLiteral("open"));
    const QString shots = qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        m_console.window->grab().save(shots + QStringLiteral("/reviews-last-admin.png"));
        revoke->grab().save(shots + QStringLiteral("/review-revoke-last-admin.png"));
    }
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!reviews->findChild<trellis::ui::ReviewRevokeDialog*>());

    // Hand one item to Northwind's admin with "Reassign…": a plain employee is refused in words, she is accepted.
    int handed = -1;
    for (int row = 0; row < items->rowCount() && handed < 0; ++row) {
        if (items->itemAt(row)->user.email != kNorthwindAdmin.toStdString())
            handed = row;
    }
    QVERIFY(handed >= 0);
    const QString handedItem = items->index(handed, 0).data(ReviewItemsModel::ItemIdRole).toString();
    const QString handedUser = QString::fromStdString(items->itemAt(handed)->user.id);
    const QString plainEmail =
        sql(QStringLiteral("SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = "
                           "m.org_id WHERE o.name = 'Northwind Trading' AND m.status = 'active' AND u.id <> ? AND NOT "
                           "EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = u.id) ORDER BY u.email"),
            {handedUser}, QStringLiteral("email"))
            .toString();
    QVERIFY(!plainEmail.isEmpty());
    view->clearSelection();
    view->selectRow(handed);
    QVERIFY(reviews->reassignButton()->isEnabled());
    QTest::mouseClick(reviews->reassignButton(), Qt::LeftButton);
    auto* reassign = reviews->findChild<trellis::ui::ReviewReassignDialog*>();
    QVERIFY(reassign);
    QTRY_VERIFY(reassign->isVisible());
    QVERIFY(!reassign->buttons()->button(QDialogButtonBox::Ok)->isEnabled()); // nobody chosen yet
    QTest::keyClicks(reassign->searchEdit(), plainEmail);
    QTRY_VERIFY_WITH_TIMEOUT(reassign->results()->count() == 1 && !reassign->isSearching(), kLoadTimeoutMs);
    QVERIFY(reassign->results()->item(0)->text().contains(plainEmail));
    QTest::mouseClick(reassign->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(reassign->errorLabel()->isVisible(), kLoadTimeoutMs);
    QVERIFY2(reassign->errorLabel()->text().contains(QStringLiteral("review.manage or role.assign")),
             qPrintable(reassign->errorLabel()->text()));
    reassign->searchEdit()->clear();
    QTest::keyClicks(reassign->searchEdit(), QStringLiteral("Sofia Lind"));
    QTRY_VERIFY_WITH_TIMEOUT(reassign->results()->count() == 1 && !reassign->isSearching() &&
                                 reassign->results()->item(0)->text().contains(kNorthwindAdmin),
                             kLoadTimeoutMs);
    QVERIFY(reassign->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(reassign->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->findChild<trellis::ui::ReviewReassignDialog*>(), kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->isBusy() && items->rowOf(handedItem) >= 0, kLoadTimeoutMs);
    const QString sofiaId =
        sql(QStringLiteral("SELECT id FROM users WHERE email = ?"), {kNorthwindAdmin}, QStringLiteral("id")).toString();
    QCOMPARE(sql(QStringLiteral("SELECT user_id FROM access_review_reviewers WHERE item_id = ?"), {handedItem},
                 QStringLiteral("user_id"))
                 .toString(),
             sofiaId);
    QCOMPARE(
        m_server
            .queryRows(QStringLiteral("SELECT user_id FROM access_review_reviewers WHERE item_id = ?"), {handedItem})
            .size(),
        1);
    QCOMPARE(sql(QStringLiteral("SELECT actor_id FROM audit_events WHERE action = 'review.item.reassign' AND "
                                "outcome = 'success' AND target_id = ?"),
                 {handedItem}, QStringLiteral("actor_id"))
                 .toString(),
             auditorId);

    // A Northwind employee with no other access: signed in (a refresh token) before the revocation.
    int target = -1;
    QString email;
    for (int row = 0; row < items->rowCount() && target < 0; ++row) {
        const auto* item = items->itemAt(row);
        if (item->kind != "membership" || item->orgName != "Northwind Trading")
            continue;
        const QString userId = QString::fromStdString(item->user.id);
        const int roles = sql(QStringLiteral("SELECT COUNT(*) AS n FROM role_assignments WHERE user_id = ? AND "
                                             "revoked_at IS NULL"),
                              {userId}, QStringLiteral("n"))
                              .toInt();
        const int memberships = sql(QStringLiteral("SELECT COUNT(*) AS n FROM memberships WHERE user_id = ? AND "
                                                   "status = 'active'"),
                                    {userId}, QStringLiteral("n"))
                                    .toInt();
        if (roles == 0 && memberships == 1) {
            target = row;
            email = QString::fromStdString(item->user.email);
        }
    }
    QVERIFY(target >= 0);
    const QString itemId = items->index(target, 0).data(ReviewItemsModel::ItemIdRole).toString();
    // The demo gives passwords to its documented accounts only; borrow the partner admin's.
    QVERIFY(m_server.execute(QStringLiteral("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE "
                                            "email = ?) WHERE email = ?"),
                             {kNorthwindAdmin, email}) >= 0);
    const QString refreshToken = trellis::test::consoleRefreshToken(m_server.baseUrl(), email, kPassword);
    QVERIFY(!refreshToken.isEmpty());
    const auto alive = trellis::test::refreshConsoleToken(m_server.baseUrl(), refreshToken);
    QCOMPARE(alive.status, 200);
    const QString current = alive.object().value(QStringLiteral("refresh_token")).toString();
    QVERIFY(!current.isEmpty());

    // Revoke it with a reason.
    view->clearSelection();
    view->selectRow(items->rowOf(itemId));
    QTest::mouseClick(reviews->revokeButton(), Qt::LeftButton);
    revoke = reviews->findChild<trellis::ui::ReviewRevokeDialog*>();
    QVERIFY(revoke);
    QTRY_VERIFY(revoke->isVisible());
    QTest::keyClicks(revoke->commentEdit(), QStringLiteral("Left Northwind in November (HR ticket 4471)"));
    QTest::mouseClick(revoke->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!reviews->findChild<trellis::ui::ReviewRevokeDialog*>(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(items->rowOf(itemId), -1, kLoadTimeoutMs);
    QVERIFY(reviews->statusLabel()->text().contains(QStringLiteral("Revoked")));

    // At once: the person's refresh token no longer works.
    const auto dead = trellis::test::refreshConsoleToken(m_server.baseUrl(), current);
    QCOMPARE(dead.status, 400);
    QCOMPARE(dead.object().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
    // The decision's audit event names the auditor as the actor, with the reason.
    const QVariantMap event = m_server
                                  .queryRows(QStringLiteral("SELECT actor_id, reason FROM audit_events WHERE action = "
                                                            "'review.item.revoke' AND outcome = 'success' AND "
                                                            "target_id = ?"),
                                             {itemId})
                                  .value(0);
    QCOMPARE(event.value(QStringLiteral("actor_id")).toString(), auditorId);
    QCOMPARE(event.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Left Northwind in November (HR ticket 4471)"));
}

QTEST_MAIN(AccessReviewsTest)
#include "AccessReviewsTest.moc"
