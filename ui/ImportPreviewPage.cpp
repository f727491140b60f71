#include "ui/ImportPreviewPage.h"

#include "models/ImportRowsModel.h"
#include "models/ImportSession.h"
#include "ui/ImportPageParts.h"
#include "ui/ImportWizard.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

using importparts::makeRowsTable;
using importparts::sizeColumns;

ImportPreviewPage::ImportPreviewPage(models::ImportSession* import, QWidget* parent)
    : QWizardPage(parent)
    , m_import(import)
{
    setTitle(ImportWizard::tr("Preview"));
    setSubTitle(ImportWizard::tr("What the import would do with each row. Nothing has been written yet."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, ImportWizard::tr("&Import"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_errorsOnly = new QCheckBox(ImportWizard::tr("Show only rows with &errors"), this);
    m_errorsOnly->setObjectName(QStringLiteral("errorsOnly"));

    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(import->rows());
    m_filter->setFilterRole(models::ImportRowsModel::FilterRole);
    m_filter->setFilterKeyColumn(0);
    m_table = makeRowsTable(this, QStringLiteral("previewTable"), ImportWizard::tr("Rows of the file"));
    m_table->setModel(m_filter);
    m_table->hideColumn(models::ImportRowsModel::LinkColumn);

    m_skip = new QCheckBox(this);
    m_skip->setObjectName(QStringLiteral("skipErrors"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("previewHint"));
    m_hint->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_errorsOnly, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_skip);
    layout->addWidget(m_hint);

    connect(m_errorsOnly, &QCheckBox::toggled, this,
            [this](bool on) { m_filter->setFilterFixedString(on ? QStringLiteral("error") : QString()); });
    connect(m_skip, &QCheckBox::toggled, this, [this] {
        refresh();
        Q_EMIT completeChanged();
    });
}

void ImportPreviewPage::initializePage()
{
    refresh();
    sizeColumns(m_table);
}

void ImportPreviewPage::refresh()
{
    const models::ImportRowsModel* rows = m_import->rows();
    const client::ImportTotals totals = m_import->previewTotals();
    const int errors = rows->errorCount();
    const int valid = rows->validCount();
    // Counts as "label: number", which reads right for any number in every language.
    QStringList parts{ImportWizard::tr("Rows: %1").arg(rows->rowCount())};
    if (totals.create > 0)
        parts << ImportWizard::tr("would create: %1").arg(totals.create);
    if (totals.invite > 0)
        parts << ImportWizard::tr("would invite: %1").arg(totals.invite);
    if (totals.addMembership > 0)
        parts << ImportWizard::tr("would add to an existing account: %1").arg(totals.addMembership);
    if (errors > 0)
        parts << ImportWizard::tr("with errors: %1").arg(errors);
    m_summary->setText(parts.join(QStringLiteral(" · ")));

    m_skip->setText(ImportWizard::tr("&Skip the rows with errors and import only the valid ones (%1)").arg(valid));
    m_skip->setVisible(errors > 0 && valid > 0);
    m_errorsOnly->setEnabled(errors > 0);
    if (valid == 0)
        m_hint->setText(ImportWizard::tr("No row can be imported. Fix the file, then go Back and choose it "
                                         "again."));
    else if (errors > 0 && !m_skip->isChecked())
        m_hint->setText(ImportWizard::tr("Fix these rows in the file and go Back to choose it again, or skip "
                                         "them."));
    else if (errors > 0)
        m_hint->setText(ImportWizard::tr("The rows with errors are left out (%1).").arg(errors));
    else
        m_hint->setText(ImportWizard::tr("Every row can be imported. Click Import to write them."));
}

bool ImportPreviewPage::isComplete() const
{
    return m_import->canCommit(m_skip->isChecked());
}

bool ImportPreviewPage::skipsRowsWithErrors() const
{
    return m_skip->isChecked();
}

} // namespace trellis::ui
