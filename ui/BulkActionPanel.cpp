#include "ui/BulkActionPanel.h"

#include "models/BulkActionModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

BulkActionPanel::BulkActionPanel(models::BulkActionModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("bulkProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("bulkCancel"));
    m_results = new QTableView(this);
    m_results->setObjectName(QStringLiteral("bulkResults"));
    m_results->setAccessibleName(tr("Results"));
    m_results->setModel(m_model);
    m_results->verticalHeader()->hide();
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setWordWrap(false);
    m_results->setMaximumHeight(160);

    m_copy = new QAction(tr("&Copy result"), this);
    m_copy->setObjectName(QStringLiteral("copyResultAction"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_results->addAction(m_copy);
    m_results->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_copy, &QAction::triggered, this, &BulkActionPanel::copySelected);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_progress, 1);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_results);
    hide();

    connect(m_model, &models::BulkActionModel::progress, this, [this](int finished, int total) {
        m_progress->setMaximum(qMax(total, 1));
        m_progress->setValue(finished);
        m_summary->setText(tr("%1: %2 of %3 done…").arg(m_actionName).arg(finished).arg(total));
    });
    connect(m_model, &models::BulkActionModel::finished, this, &BulkActionPanel::onFinished);
    connect(m_cancel, &QPushButton::clicked, m_model, &models::BulkActionModel::cancel);
}

BulkActionPanel::~BulkActionPanel()
{
    // The model may outlive the view or die first; either way its last signals must not reach a dying panel.
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_results->setModel(nullptr);
}

void BulkActionPanel::begin(const QString& actionName)
{
    m_actionName = actionName;
    m_cancel->setEnabled(true);
    show();
}

void BulkActionPanel::onFinished(int succeeded, int failed)
{
    m_cancel->setEnabled(false);
    m_summary->setText(
        failed == 0
            ? tr("%1: %2 of %3 done.").arg(m_actionName).arg(succeeded).arg(m_model ? m_model->total() : succeeded)
            : tr("%1: done for %2, not done for %3 (see why below).").arg(m_actionName).arg(succeeded).arg(failed));
    m_results->resizeColumnToContents(models::BulkActionModel::ItemColumn);
}

void BulkActionPanel::copySelected()
{
    QStringList lines;
    const QModelIndexList rows =
        m_results->selectionModel() ? m_results->selectionModel()->selectedRows() : QModelIndexList();
    for (const QModelIndex& row : rows) {
        const QString detail = row.data(models::BulkActionModel::DetailRole).toString();
        const QString result = row.siblingAtColumn(models::BulkActionModel::ResultColumn).data().toString();
        lines << row.siblingAtColumn(models::BulkActionModel::ItemColumn).data().toString() + u'\t' +
                     (detail.isEmpty() ? result : detail);
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

} // namespace trellis::ui
