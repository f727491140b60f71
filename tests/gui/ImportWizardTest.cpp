// The CSV import wizard against a real trellisd with the demo world, driven as the Northwind partner superadmin:
// a file with good and bad rows is previewed row by row (nothing written), the import is blocked until the rows
// with errors are skipped, the commit (in parts) writes exactly the good rows, and the results page shows each
// row's outcome and the links. The security auditor is not offered the import at all.
#include "ui/ImportWizard.h"

#include "models/ConsoleSession.h"
#include "models/ImportRowsModel.h"
#include "models/ImportSession.h"
#include "models/MemberListModel.h"
#include "models/OrgTreeModel.h"
#include "tests/common/TrellisdProcess.h"
#include "tests/gui/SignedInConsole.h"
#include "ui/MainWindow.h"
#include "ui/OrgSearchField.h"
#include "ui/OrgsPage.h"
#include "ui/PeoplePage.h"

#include <memory>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>

using trellis::models::ConsoleSession;
using trellis::models::ImportRowsModel;
using trellis::models::MemberListModel;
using trellis::test::TrellisdProcess;
using trellis::ui::ImportWizard;

namespace {

constexpr int kLoadTimeoutMs = 20000;
const QString kNorthwindAdmin = QStringLiteral("superadmin@northwind.example");
const QString kAuditor = QStringLiteral("auditor@acme.example");

// Good rows (1, 2, 9) and bad ones, one of each kind the server reports. Rows without a mode get "create", the
// mode the test chooses in the wizard.
const QByteArray kCsv = "email,displayName,title,roles,mode\n"
                        "ada.import@northwind.example,\"Import, Ada\",Buyer,member,create\n" // 1 create
                        "ben.import@northwind.example,Ben Import,,member,invite\n"           // 2 invite
                        "not-an-address,Bad Address,,,\n"                                    // 3 bad e-mail
                        "ADA.import@northwind.example,Ada Again,,,\n"                        // 4 duplicate
                        "cleo.import@northwind.example,Cleo Import,,no-such-role,\n"         // 5 unknown role
                        "dan.import@northwind.example,,,,\n"                                 // 6 name missing
                        "superadmin@northwind.example,Sofia,,,invite\n"                      // 7 already member
                        "fay.import@northwind.example,Fay Import,,platform-owner,invite\n"   // 8 role not allowed
                        "eve.import@northwind.example,Eve Import,Driver,,\n";                // 9 create

struct Expected
{
    const char* result;
    const char* details; // part of the details text, empty: none
};
const Expected kPreview[] = {
    {"Would create", ""},
    {"Would invite", ""},
    {"Error", "E-mail (email): \"not-an-address\" is not an address"},
    {"Error", "the same address is already on line 2"},
    {"Error", "Roles (roles): there is no role \"no-such-role\""},
    {"Error", "Name (displayName): needed to create"},
    {"Error", "Already an active member"},
    {"Error", "Roles (roles): you may not give the role \"platform-owner\""},
    {"Would create", ""},
};

QString cell(const QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

class ImportWizardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void partnerAdminImportsTheGoodRows();
    void fileProblemsStayOnTheFirstPage();
    void auditorIsNotOfferedTheImport();
    void serverRefusalIsShownOnTheFirstPage();
    void cleanupTestCase();

private:
    void signInAs(const QString& email);
    trellis::ui::PeoplePage* people() const
    {
        return static_cast<trellis::ui::PeoplePage*>(m_console.window->section(QStringLiteral("people")));
    }
    /// Shows the people page with its first organisation selected.
    void showPeople();
    ImportWizard* openWizard();
    QString writeFile(const QString& name, const QByteArray& content);
    void screenshot(QWidget* widget, const QString& name);

    TrellisdProcess m_server;
    QTemporaryDir m_dir;
    trellis::test::SignedInConsole m_console;
};

void ImportWizardTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // Screenshots in another language: TRELLIS_TEST_QM names a compiled translation (build/app/trellis_de.qm).
    if (qEnvironmentVariableIsSet("TRELLIS_TEST_QM")) {
        auto* translator = new QTranslator(this);
        QVERIFY(translator->load(qEnvironmentVariable("TRELLIS_TEST_QM")));
        QCoreApplication::installTranslator(translator);
    }
    m_server.setDemo(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

void ImportWizardTest::cleanupTestCase()
{
    m_console.close();
    if (m_server.isRunning())
        QCOMPARE(m_server.stop(), 0);
}

void ImportWizardTest::cleanup()
{
    m_console.close();
}

void ImportWizardTest::signInAs(const QString& email)
{
    QString error;
    QVERIFY2(m_console.open(m_server, email, &error), qPrintable(error));
    for (const QString& key : m_console.window->sectionKeys())
        m_console.window->section(key)->reload();
}

void ImportWizardTest::showPeople()
{
    m_console.window->showSection(QStringLiteral("people"));
    QTRY_VERIFY_WITH_TIMEOUT(people()->orgTree()->currentIndex().isValid(), kLoadTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!people()->memberModel()->isFetching(), kLoadTimeoutMs);
}

ImportWizard* ImportWizardTest::openWizard()
{
    people()->importAction()->trigger();
    auto* wizard = people()->findChild<ImportWizard*>();
    if (wizard && !QTest::qWaitForWindowExposed(wizard))
        return nullptr;
    return wizard;
}

QString ImportWizardTest::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void ImportWizardTest::screenshot(QWidget* widget, const QString& name)
{
    if (qEnvironmentVariableIsSet("TRELLIS_SCREENSHOT_DIR"))
        widget->grab().save(qEnvironmentVariable("TRELLIS_SCREENSHOT_DIR") + QLatin1Char('/') + name);
}

void ImportWizardTest::partnerAdminImportsTheGoodRows()
{
    signInAs(kNorthwindAdmin);
    showPeople();
    QCOMPARE(people()->orgTree()->currentIndex().data().toString(), QStringLiteral("Northwind Trading"));
    QVERIFY(people()->importAction()->isEnabled());
    QVERIFY(!people()->importAction()->shortcut().isEmpty());
    const int invitationsBefore =
        m_server.queryRows(QStringLiteral("SELECT id FROM invitations WHERE email LIKE '%.import@northwind.example'"))
            .size();
    QCOMPARE(invitationsBefore, 0);

    ImportWizard* wizard = openWizard();
    QVERIFY(wizard);
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
    QCOMPARE(wizard->orgField()->text(), QStringLiteral("Northwind Trading"));
    // The partner admin may invite and create at Northwind.
    QVERIFY(wizard->inviteModeButton()->isEnabled());
    QVERIFY(wizard->createModeButton()->isEnabled());
    QVERIFY(wizard->inviteModeButton()->isChecked());

    const QString path = writeFile(QStringLiteral("people.csv"), kCsv);
    wizard->chooseFile(path);
    QVERIFY(wizard->fileProblemLabel()->isHidden());
    wizard->createModeButton()->setChecked(true);
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::PreviewPageId), kLoadTimeoutMs);
    // Before any text is compared, so that a screenshot in another language (TRELLIS_TEST_QM) is taken too.
    wizard->previewTable()->selectRow(2);
    screenshot(wizard, QStringLiteral("console-import.png"));

    // Every row with its result, and the error in plain words naming the column.
    const QAbstractItemModel* preview = wizard->previewTable()->model();
    QCOMPARE(preview->rowCount(), 9);
    for (int row = 0; row < 9; ++row) {
        QCOMPARE(cell(preview, row, ImportRowsModel::LineColumn), QString::number(row + 2));
        QCOMPARE(cell(preview, row, ImportRowsModel::ResultColumn), QString::fromUtf8(kPreview[row].result));
        const QString details = cell(preview, row, ImportRowsModel::DetailsColumn);
        QVERIFY2(details.contains(QString::fromUtf8(kPreview[row].details)), qPrintable(details));
        if (!*kPreview[row].details)
            QVERIFY2(details.isEmpty(), qPrintable(details));
    }
    const QString summary = wizard->previewSummary()->text();
    QCOMPARE(summary, QStringLiteral("Rows: 9 · would create: 2 · would invite: 1 · with errors: 6"));

    // Nothing written by the dry run.
    QCOMPARE(
        m_server.queryRows(QStringLiteral("SELECT id FROM users WHERE email LIKE '%.import@northwind.example'")).size(),
        0);

    // Only the errors, on request.
    wizard->errorsOnlyBox()->setChecked(true);
    QCOMPARE(preview->rowCount(), 6);
    wizard->errorsOnlyBox()->setChecked(false);
    QCOMPARE(preview->rowCount(), 9);

    // The import stays blocked until the rows with errors are skipped.
    QAbstractButton* importButton = wizard->button(QWizard::CommitButton);
    QVERIFY(importButton->isVisible());
    QVERIFY(!importButton->isEnabled());
    QVERIFY(wizard->skipErrorsBox()->isVisible());
    QVERIFY2(wizard->skipErrorsBox()->text().contains(QStringLiteral("(3)")),
             qPrintable(wizard->skipErrorsBox()->text()));
    wizard->skipErrorsBox()->setChecked(true);
    QVERIFY(importButton->isEnabled());

    // Back keeps what was chosen; Next checks again and the choice to skip stays.
    wizard->back();
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
    QCOMPARE(QDir::fromNativeSeparators(wizard->pathEdit()->text()), path);
    QVERIFY(wizard->createModeButton()->isChecked());
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::PreviewPageId), kLoadTimeoutMs);
    QVERIFY(wizard->skipErrorsBox()->isChecked());
    QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());

    // Import in parts of two rows, so there is more than one request and the progress moves.
    wizard->importSession()->setChunkSize(2);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportWizard::CommitPageId));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->importSession()->isCommitting(), kLoadTimeoutMs);
    QCOMPARE(wizard->progressBar()->maximum(), 3);
    QCOMPARE(wizard->progressBar()->value(), 3);
    QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
    QCOMPARE(wizard->commitSummary()->text(), QStringLiteral("Imported: 3 · not imported: 6 (see Details)."));

    const QAbstractItemModel* results = wizard->resultsTable()->model();
    const QStringList expectedResults{
        QStringLiteral("Created"),         QStringLiteral("Invited"),         QStringLiteral("Skipped (error)"),
        QStringLiteral("Skipped (error)"), QStringLiteral("Skipped (error)"), QStringLiteral("Skipped (error)"),
        QStringLiteral("Skipped (error)"), QStringLiteral("Skipped (error)"), QStringLiteral("Created")};
    for (int row = 0; row < 9; ++row) {
        QCOMPARE(cell(results, row, ImportRowsModel::ResultColumn), expectedResults[row]);
        const QString link = cell(results, row, ImportRowsModel::LinkColumn);
        QCOMPARE(link.isEmpty(), expectedResults[row].startsWith(QLatin1String("Skipped")));
        if (!link.isEmpty())
            QVERIFY2(link.startsWith(m_server.baseUrl().toString()), qPrintable(link));
    }
    QVERIFY(wizard->copyLinksButton()->isEnabled());
    QVERIFY(wizard->saveResultsButton()->isEnabled());
    const QStringList linkLines = wizard->importSession()->linksText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(linkLines.size(), 3);
    QVERIFY(linkLines.front().startsWith(QStringLiteral("ada.import@northwind.example\t")));
    // "Copy all links" puts them on the clipboard; the link field shows the selected row's link.
    QTest::mouseClick(wizard->copyLinksButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), wizard->importSession()->linksText());
    auto* linkField = wizard->findChild<QLineEdit*>(QStringLiteral("selectedLink"));
    QVERIFY(linkField && linkField->isVisible());
    QCOMPARE(linkField->text(), cell(results, 0, ImportRowsModel::LinkColumn));

    // Save results as CSV.
    const QString saved = m_dir.filePath(QStringLiteral("results.csv"));
    QVERIFY(wizard->saveResults(saved));
    QFile resultsFile(saved);
    QVERIFY(resultsFile.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = resultsFile.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 10);
    QVERIFY2(lines[2].startsWith("3,ben.import@northwind.example,Ben Import,Invited,"), lines[2].constData());
    QVERIFY2(lines[3].startsWith("4,not-an-address,Bad Address,Skipped (error),"), lines[3].constData());
    screenshot(wizard, QStringLiteral("console-import-results.png"));

    // Exactly the good rows were written: two people created with an import membership, one invitation.
    const auto users =
        m_server.queryRows(QStringLiteral("SELECT email FROM users WHERE email LIKE '%.import@northwind.example' "
                                          "ORDER BY email"));
    QCOMPARE(users.size(), 2);
    QCOMPARE(users[0].value(QStringLiteral("email")).toString(), QStringLiteral("ada.import@northwind.example"));
    QCOMPARE(users[1].value(QStringLiteral("email")).toString(), QStringLiteral("eve.import@northwind.example"));
    const auto invitations = m_server.queryRows(
        QStringLiteral("SELECT email FROM invitations WHERE email LIKE '%.import@northwind.example' "
                       "AND membership_source = 'import' AND invited_by IS NOT NULL ORDER BY email"));
    // ben's invitation, and the set-password links of ada and eve.
    QCOMPARE(invitations.size(), 3);

    wizard->accept();
    // The People list reloaded: searched for the file's addresses, it shows the two created people (the invited
    // one becomes a member only on accepting), with memberships from the import.
    trellis::ui::PeoplePage* page = people();
    page->sourceFilter()->setCurrentIndex(page->sourceFilter()->findData(QStringLiteral("import")));
    page->searchEdit()->setText(QStringLiteral(".import@northwind"));
    const auto listed = [page] {
        QStringList emails;
        for (int row = 0; row < page->memberModel()->rowCount(); ++row)
            emails << cell(page->memberModel(), row, MemberListModel::EmailColumn);
        emails.sort();
        return emails;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        listed(),
        (QStringList{QStringLiteral("ada.import@northwind.example"), QStringLiteral("eve.import@northwind.example")}),
        kLoadTimeoutMs);
}

void ImportWizardTest::fileProblemsStayOnTheFirstPage()
{
    signInAs(kNorthwindAdmin);
    showPeople();
    ImportWizard* wizard = openWizard();
    QVERIFY(wizard);

    // Saved as semicolon-separated: said plainly, and Next stays on the page.
    wizard->chooseFile(writeFile(QStringLiteral("semicolons.csv"), "email;displayName\na@example.com;A\n"));
    QVERIFY(wizard->fileProblemLabel()->isVisible());
    QVERIFY2(wizard->fileProblemLabel()->text().contains(QStringLiteral("semicolons")),
             qPrintable(wizard->fileProblemLabel()->text()));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));

    // Not UTF-8.
    wizard->chooseFile(writeFile(QStringLiteral("latin1.csv"), "email,displayName\nj@example.com,J\xFCrgen\n"));
    QVERIFY2(wizard->fileProblemLabel()->text().contains(QStringLiteral("UTF-8")),
             qPrintable(wizard->fileProblemLabel()->text()));

    // A good file, dropped on the page, moves on to the preview.
    const QString good = writeFile(QStringLiteral("ok.csv"), "email\nzed.import@northwind.example\n");
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(good)});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(wizard->currentPage(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    drop.ignore();
    QApplication::sendEvent(wizard->currentPage(), &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(QDir::fromNativeSeparators(wizard->pathEdit()->text()), good);
    QVERIFY(wizard->fileProblemLabel()->isHidden());
    wizard->next();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ImportWizard::PreviewPageId), kLoadTimeoutMs);
    QCOMPARE(wizard->previewTable()->model()->rowCount(), 1);
    QVERIFY(wizard->skipErrorsBox()->isHidden());
    QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
    wizard->reject();
}

void ImportWizardTest::auditorIsNotOfferedTheImport()
{
    signInAs(kAuditor);
    showPeople();
    QVERIFY(!people()->importAction()->isEnabled());
    QVERIFY(!people()->findChild<QPushButton*>(QStringLiteral("importButton"))->isVisible());
    people()->importAction()->trigger();
    QVERIFY(!people()->findChild<ImportWizard*>());
}

void ImportWizardTest::serverRefusalIsShownOnTheFirstPage()
{
    signInAs(kNorthwindAdmin);
    showPeople();
    ImportWizard* wizard = openWizard();
    QVERIFY(wizard);
    wizard->chooseFile(writeFile(QStringLiteral("one.csv"), "email\nyan.import@northwind.example\n"));
    // Meanwhile someone above revokes the partner admin's role: the server now refuses the whole request.
    QVERIFY(m_server.execute(QStringLiteral("UPDATE role_assignments SET revoked_at = '2026-01-01T00:00:00Z' WHERE "
                                            "user_id = (SELECT id FROM users WHERE email = ?)"),
                             {kNorthwindAdmin}) > 0);
    wizard->next();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->orgProblemLabel()->isVisible(), kLoadTimeoutMs);
    QCOMPARE(wizard->currentId(), int(ImportWizard::FilePageId));
    QVERIFY2(wizard->orgProblemLabel()->text().contains(QStringLiteral("Northwind Trading")),
             qPrintable(wizard->orgProblemLabel()->text()));
    // What was chosen is still there.
    QVERIFY(wizard->pathEdit()->text().endsWith(QStringLiteral("one.csv")));
    screenshot(wizard, QStringLiteral("console-import-refused.png"));
}

QTEST_MAIN(ImportWizardTest)
#include "ImportWizardTest.moc"
