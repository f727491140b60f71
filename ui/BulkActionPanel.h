#pragma once

#include "models/BulkActionModel.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace trellis::ui {

/// Shows one bulk run of a BulkActionModel: what runs, a progress bar with Cancel, and the result for every item
/// (with "Copy" for what a run answered, such as new invitation links). Hidden until the first run.
class BulkActionPanel : public QWidget
{
    Q_OBJECT

public:
    explicit BulkActionPanel(models::BulkActionModel* model, QWidget* parent = nullptr);
    ~BulkActionPanel() override;

    /// Shows the panel for a run named `actionName` (the model is started by the caller right after).
    void begin(const QString& actionName);

    QLabel* summary() const { return m_summary; }
    QProgressBar* progressBar() const { return m_progress; }
    QTableView* resultsView() const { return m_results; }
    QAction* copyAction() const { return m_copy; }

private:
    void onFinished(int succeeded, int failed);
    void copySelected();

    QPointer<models::BulkActionModel> m_model; ///< owned elsewhere; may die first
    QString m_actionName;
    QLabel* m_summary = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QTableView* m_results = nullptr;
    QAction* m_copy = nullptr;
};

} // namespace trellis::ui
