#pragma once

#include "core/Org.h"

#include <QWizard>

class QAbstractButton;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTableView;

namespace trellis::models {
class ConsoleSession;
class ImportSession;
} // namespace trellis::models

namespace trellis::ui {

class OrgSearchField;
class ImportFilePage;
class ImportPreviewPage;
class ImportCommitPage;

/// Imports people from a CSV file into an organisation in three steps: choose the file, the organisation and what
/// rows without a mode do; preview the server's dry run row by row (nothing written yet); import the valid rows with
/// progress, then every row's outcome, the links to pass on, and "Save results as CSV".
class ImportWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePageId,
        PreviewPageId,
        CommitPageId
    };

    ImportWizard(models::ConsoleSession* session, const core::Org& org, QWidget* parent = nullptr);
    ~ImportWizard() override;

    models::ImportSession* importSession() const { return m_import; }

    // The parts tests and screenshots drive.
    QLineEdit* pathEdit() const;
    QLabel* fileProblemLabel() const;
    OrgSearchField* orgField() const;
    QLabel* orgProblemLabel() const;
    QRadioButton* inviteModeButton() const;
    QRadioButton* createModeButton() const;
    QLabel* previewSummary() const;
    QTableView* previewTable() const;
    QCheckBox* errorsOnlyBox() const;
    QCheckBox* skipErrorsBox() const;
    QLabel* commitSummary() const;
    QProgressBar* progressBar() const;
    QTableView* resultsTable() const;
    QPushButton* saveResultsButton() const;
    QPushButton* copyLinksButton() const;

    /// Chooses a file as if picked in the file dialog or dropped.
    void chooseFile(const QString& path);
    /// Writes the per-row results as CSV; false (and a message on the page) when it cannot.
    bool saveResults(const QString& path);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// Something was imported (the People list is out of date).
    void imported();

private:
    models::ConsoleSession* m_session = nullptr;
    models::ImportSession* m_import = nullptr;
    ImportFilePage* m_filePage = nullptr;
    ImportPreviewPage* m_previewPage = nullptr;
    ImportCommitPage* m_commitPage = nullptr;
};

} // namespace trellis::ui
