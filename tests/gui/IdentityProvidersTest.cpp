// The Organisations section's identity providers (federated sign-in), against a real trellisd with the demo world:
// Northwind's superadmin adds their directory as an identity provider, sees the server's refusal of a plain-http
// issuer next to that field (what was typed stays), corrects it, changes the provider without retyping the secret,
// and removes it. The auditor (no org.manage) is told why the list stays empty.
#include "models/ConsoleSession.h"
#include "models/OrgTreeModel.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/IdentityProviderDialog.h"
#include "ui/IdentityProvidersPanel.h"
#include "ui/MainWindow.h"
#include "ui/OrgsPage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using trellis::test::TrellisdProcess;

namespace {

constexpr int kLoadTimeoutMs = 20000;
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");

} // namespace

class IdentityProvidersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void partnerAdminConfiguresTheirIdentityProvider();
    void auditorIsToldWhy();
    void cleanupTestCase();

private:
    void signInAs(const QString& email);
    trellis::ui::OrgsPage* orgs() const { return m_console.window->orgsPage(); }
    trellis::ui::IdentityProvidersPanel* panel() const { return orgs()->identityProvidersPanel(); }
    static void clickOk(trellis::ui::IdentityProviderDialog* dialog)
    {
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    TrellisdProcess m_server;
    trellis::test::SignedInConsole m_console;
};

void IdentityProvidersTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void IdentityProvidersTest::cleanup()
{
    m_console.close();
}

void IdentityProvidersTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void IdentityProvidersTest::signInAs(const QString& email)
{
    QString error;
    QVERIFY2(m_console.open(m_server, email, &error), qPrintable(error));
    for (const QString& key : m_console.window->sectionKeys())
        m_console.window->section(key)->reload();
    QTRY_VERIFY_WITH_TIMEOUT(orgs()->treeModel()->rowCount() > 0, kLoadTimeoutMs);
    orgs()->treeView()->setCurrentIndex(orgs()->treeModel()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isLoading() && panel()->addButton()->isEnabled(), kLoadTimeoutMs);
}

void IdentityProvidersTest::partnerAdminConfiguresTheirIdentityProvider()
{
    signInAs(kNorthwindAdmin);
    QCOMPARE(panel()->list()->topLevelItemCount(), 0);
    QVERIFY(!panel()->note()->text().isEmpty());

    trellis::ui::IdentityProviderDialog* dialog = panel()->openAddDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->clientSecretEdit()->echoMode(), QLineEdit::Password);
    // Nothing typed: the console says so itself, per field.
    clickOk(dialog);
    QVERIFY(dialog->errorLabel(QStringLiteral("displayName"))->isVisible());
    QVERIFY(dialog->errorLabel(QStringLiteral("clientSecret"))->isVisible());

    QTest::keyClicks(dialog->displayNameEdit(), QStringLiteral("Northwind directory"));
    QTest::keyClicks(dialog->issuerEdit(), QStringLiteral("http://login.northwind.example"));
    QTest::keyClicks(dialog->clientIdEdit(), QStringLiteral("trellis"));
    QTest::keyClicks(dialog->clientSecretEdit(), QStringLiteral("s3cret-from-the-directory"));
    dialog->domainsEdit()->setText(QStringLiteral("northwind-people.example"));
    dialog->jitCheck()->setChecked(true);
    clickOk(dialog);
    // The server refuses plain http (not on this machine): shown next to the issuer, the dialog stays.
    QLabel* issuerError = dialog->errorLabel(QStringLiteral("issuer"));
    QTRY_VERIFY_WITH_TIMEOUT(issuerError->isVisible(), kLoadTimeoutMs);
    QVERIFY(issuerError->text().contains(QStringLiteral("https")));
    QVERIFY(!dialog->errorLabel(QStringLiteral("general"))->isVisible());
    QCOMPARE(dialog->displayNameEdit()->text(), QStringLiteral("Northwind directory"));
    // TRELLIS_SCREENSHOT_DIR keeps pictures of the dialog and the section to look at.
    const QString shots = qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        dialog->grab().save(shots + QStringLiteral("/identity-provider-dialog.png"));

    dialog->issuerEdit()->setText(QStringLiteral("https://login.northwind.example"));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->findChild<trellis::ui::IdentityProviderDialog*>(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->list()->topLevelItemCount(), 1, kLoadTimeoutMs);
    QTreeWidgetItem* row = panel()->list()->topLevelItem(0);
    QCOMPARE(row->text(0), QStringLiteral("Northwind directory"));
    QCOMPARE(row->text(2), QStringLiteral("northwind-people.example"));
    if (!shots.isEmpty())
        m_console.window->grab().save(shots + QStringLiteral("/identity-providers-section.png"));
    const QVariantList secret =
        m_server.queryRows(QStringLiteral("SELECT client_secret FROM identity_providers")).value(0).values();
    QCOMPARE(secret.value(0).toString(), QStringLiteral("s3cret-from-the-directory"));

    // Changing it: the secret field starts empty and, left so, keeps the stored secret.
    panel()->list()->setCurrentItem(row);
    QVERIFY(panel()->editButton()->isEnabled());
    dialog = panel()->openEditDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->clientSecretEdit()->text().isEmpty());
    QVERIFY(!dialog->clientSecretEdit()->placeholderText().isEmpty());
    QCOMPARE(dialog->issuerEdit()->text(), QStringLiteral("https://login.northwind.example"));
    QVERIFY(dialog->jitCheck()->isChecked());
    dialog->displayNameEdit()->setText(QStringLiteral("Northwind SSO"));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->findChild<trellis::ui::IdentityProviderDialog*>(), kLoadTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->list()->topLevelItem(0) ? panel()->list()->topLevelItem(0)->text(0) : QString(),
                              QStringLiteral("Northwind SSO"), kLoadTimeoutMs);
    QCOMPARE(m_server.queryRows(QStringLiteral("SELECT client_secret FROM identity_providers"))
                 .value(0)
                 .values()
                 .value(0)
                 .toString(),
             QStringLiteral("s3cret-from-the-directory"));

    panel()->list()->setCurrentItem(panel()->list()->topLevelItem(0));
    panel()->removeSelected(true);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->list()->topLevelItemCount(), 0, kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isLoading(), kLoadTimeoutMs);
}

void IdentityProvidersTest::auditorIsToldWhy()
{
    signInAs(kAuditor);
    QCOMPARE(panel()->list()->topLevelItemCount(), 0);
    QVERIFY2(panel()->note()->text().contains(QStringLiteral("permission")), qPrintable(panel()->note()->text()));
}

QTEST_MAIN(IdentityProvidersTest)
#include "IdentityProvidersTest.moc"
