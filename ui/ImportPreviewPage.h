#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace trellis::models {
class ImportSession;
}

namespace trellis::ui {

/// The import wizard's second step: the dry run's result for every row, the counts, "show only errors", and the
/// choice to skip the rows with errors (without it, Import stays disabled while any row has one).
class ImportPreviewPage : public QWizardPage
{
public:
    ImportPreviewPage(models::ImportSession* import, QWidget* parent);
    void initializePage() override;
    void cleanupPage() override {} // the filter and "skip" stay as chosen
    bool isComplete() const override;
    /// Whether the user chose to import the valid rows and skip the others.
    bool skipsRowsWithErrors() const;

private:
    QLabel* m_summary = nullptr;
    QCheckBox* m_errorsOnly = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QCheckBox* m_skip = nullptr;
    QLabel* m_hint = nullptr;
    void refresh();
    models::ImportSession* m_import = nullptr;

    friend class ImportWizard;
};

} // namespace trellis::ui
