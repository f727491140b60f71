#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace trellis::models {
class ImportSession;
}

namespace trellis::ui {

class ImportWizard;

/// The import wizard's last step: the commit with its progress and "stop after this part", then every row's outcome,
/// the links (shown only here) to copy, and "Save results as CSV".
class ImportCommitPage : public QWizardPage
{
public:
    ImportCommitPage(models::ImportSession* import, ImportWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    /// Stops after the part being written (also what closing the wizard does meanwhile).
    void stop();
    void showProblem(const QString& text);

private:
    QLabel* m_summary = nullptr;
    QLabel* m_problem = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_stop = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_links = nullptr;
    QLabel* m_linkLabel = nullptr;
    QLineEdit* m_linkEdit = nullptr;
    QPushButton* m_copyLink = nullptr;
    QPushButton* m_copyAll = nullptr;
    QPushButton* m_save = nullptr;
    void onFinished();
    models::ImportSession* m_import = nullptr;

    friend class ImportWizard;
};

} // namespace trellis::ui
