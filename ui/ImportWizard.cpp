#include "ui/ImportWizard.h"

#include "models/ConsoleSession.h"
#include "models/ImportRowsModel.h"
#include "models/ImportSession.h"
#include "ui/ImportCommitPage.h"
#include "ui/ImportFilePage.h"
#include "ui/ImportPreviewPage.h"

#include <QDir>
#include <QSaveFile>

namespace trellis::ui {

ImportWizard::ImportWizard(models::ConsoleSession* session, const core::Org& org, QWidget* parent)
    : QWizard(parent)
    , m_session(session)
    , m_import(new models::ImportSession(session->client(), this))
{
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import people from CSV"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true); // "Stop after this part" while importing, then Finish
    resize(920, 640);
    m_filePage = new ImportFilePage(session, m_import, org, this);
    m_previewPage = new ImportPreviewPage(m_import, this);
    m_commitPage = new ImportCommitPage(m_import, this);
    setPage(FilePageId, m_filePage);
    setPage(PreviewPageId, m_previewPage);
    setPage(CommitPageId, m_commitPage);
    setStartId(FilePageId);
}

ImportWizard::~ImportWizard() = default;

void ImportWizard::reject()
{
    // Closing mid-commit would drop the answer to a part the server may already be writing: stop after it instead.
    if (m_import->isCommitting()) {
        m_commitPage->stop();
        return;
    }
    QWizard::reject();
}

void ImportWizard::chooseFile(const QString& path)
{
    m_filePage->chooseFile(path);
}

bool ImportWizard::saveResults(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_import->rows()->resultsCsv()) < 0 || !file.commit()) {
        m_commitPage->showProblem(
            tr("The results could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    m_commitPage->showProblem(QString());
    return true;
}

QLineEdit* ImportWizard::pathEdit() const
{
    return m_filePage->m_path;
}
QLabel* ImportWizard::fileProblemLabel() const
{
    return m_filePage->m_fileProblem;
}
OrgSearchField* ImportWizard::orgField() const
{
    return m_filePage->m_orgField;
}
QLabel* ImportWizard::orgProblemLabel() const
{
    return m_filePage->m_orgProblem;
}
QRadioButton* ImportWizard::inviteModeButton() const
{
    return m_filePage->m_invite;
}
QRadioButton* ImportWizard::createModeButton() const
{
    return m_filePage->m_create;
}
QLabel* ImportWizard::previewSummary() const
{
    return m_previewPage->m_summary;
}
QTableView* ImportWizard::previewTable() const
{
    return m_previewPage->m_table;
}
QCheckBox* ImportWizard::errorsOnlyBox() const
{
    return m_previewPage->m_errorsOnly;
}
QCheckBox* ImportWizard::skipErrorsBox() const
{
    return m_previewPage->m_skip;
}
QLabel* ImportWizard::commitSummary() const
{
    return m_commitPage->m_summary;
}
QProgressBar* ImportWizard::progressBar() const
{
    return m_commitPage->m_progress;
}
QTableView* ImportWizard::resultsTable() const
{
    return m_commitPage->m_table;
}
QPushButton* ImportWizard::saveResultsButton() const
{
    return m_commitPage->m_save;
}
QPushButton* ImportWizard::copyLinksButton() const
{
    return m_commitPage->m_copyAll;
}

} // namespace trellis::ui
