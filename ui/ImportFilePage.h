#pragma once

#include "core/Org.h"

#include <QWizardPage>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace trellis::models {
class ConsoleSession;
class ImportSession;
class OrgSearchModel;
} // namespace trellis::models

namespace trellis::ui {

class OrgSearchField;

/// The import wizard's first step: the CSV file (path, file dialog or drop), the organisation and what rows without
/// a mode do. The file is checked on this computer; Next runs the dry run, and its refusals stay on this page.
class ImportFilePage : public QWizardPage
{
public:
    ImportFilePage(models::ConsoleSession* session, models::ImportSession* import, const core::Org& org,
                   QWidget* parent);
    void chooseFile(const QString& path);
    bool isComplete() const override;
    // Next runs the dry run first and moves on only when the server has answered; its refusals stay on this page,
    // next to the file or the organisation that caused them.
    bool validatePage() override;
    void cleanupPage() override {} // going Back keeps every choice

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QLineEdit* m_path = nullptr;
    QLabel* m_fileInfo = nullptr;
    QLabel* m_fileProblem = nullptr;
    OrgSearchField* m_orgField = nullptr;
    QLabel* m_orgPath = nullptr;
    QLabel* m_orgProblem = nullptr;
    QRadioButton* m_invite = nullptr;
    QRadioButton* m_create = nullptr;
    QLabel* m_general = nullptr;
    QLabel* m_busy = nullptr;
    void browseForFile();
    bool readFile();
    void setOrg(const core::Org& org);
    // Mirrors the server: mode invite needs user.invite, mode create needs user.manage.
    bool checkOrg();
    void setEnabledWhileChecking(bool enabled);
    void onDryRunFinished(bool ok);
    models::ConsoleSession* m_session = nullptr;
    models::ImportSession* m_import = nullptr;
    models::OrgSearchModel* m_orgModel = nullptr;
    core::Org m_org;
    bool m_advance = false;

    friend class ImportWizard;
};

} // namespace trellis::ui
