#include "ui/ImportCommitPage.h"

#include "models/ImportRowsModel.h"
#include "models/ImportSession.h"
#include "ui/ImportPageParts.h"
#include "ui/ImportPreviewPage.h"
#include "ui/ImportWizard.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

using importparts::makeErrorLabel;
using importparts::makeRowsTable;
using importparts::showText;
using importparts::sizeColumns;

ImportCommitPage::ImportCommitPage(models::ImportSession* import, ImportWizard* wizard)
    : QWizardPage(wizard)
    , m_import(import)
{
    setTitle(ImportWizard::tr("Import"));
    setSubTitle(ImportWizard::tr("The valid rows are written part by part; each part is written completely or "
                                 "not at all."));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("commitSummary"));
    m_summary->setWordWrap(true);
    m_problem = makeErrorLabel(this, QStringLiteral("commitProblem"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setAccessibleName(ImportWizard::tr("Progress"));
    m_progress->setFormat(ImportWizard::tr("%v of %m rows"));
    m_stop = new QPushButton(ImportWizard::tr("S&top after this part"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_table = makeRowsTable(this, QStringLiteral("resultsTable"), ImportWizard::tr("Result of every row"));
    m_table->setModel(import->rows());
    // Roles were in the preview; the link of the selected row shows in the field below the table.
    m_table->hideColumn(models::ImportRowsModel::RolesColumn);
    m_table->hideColumn(models::ImportRowsModel::LinkColumn);
    m_linkEdit = new QLineEdit(this);
    m_linkEdit->setObjectName(QStringLiteral("selectedLink"));
    m_linkEdit->setAccessibleName(ImportWizard::tr("Link of the selected row"));
    m_linkEdit->setReadOnly(true);
    m_linkEdit->setPlaceholderText(ImportWizard::tr("Select a row with a link"));
    m_links = new QLabel(ImportWizard::tr("The links are shown only now: copy them or save the results, and "
                                          "send each person their own link. Anyone who has a link can use it."),
                         this);
    m_links->setObjectName(QStringLiteral("linksNote"));
    m_links->setWordWrap(true);
    m_links->hide();
    m_copyLink = new QPushButton(ImportWizard::tr("&Copy link"), this);
    m_copyLink->setObjectName(QStringLiteral("copyLinkButton"));
    m_copyLink->setToolTip(ImportWizard::tr("Copies the link of the selected row"));
    m_copyAll = new QPushButton(ImportWizard::tr("Copy &all links"), this);
    m_copyAll->setObjectName(QStringLiteral("copyAllLinksButton"));
    m_copyAll->setToolTip(ImportWizard::tr("Copies one line per person: e-mail, a tab, the link"));
    m_save = new QPushButton(ImportWizard::tr("&Save results as CSV…"), this);
    m_save->setObjectName(QStringLiteral("saveResultsButton"));
    for (QPushButton* b : {m_copyLink, m_copyAll, m_save})
        b->setEnabled(false);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_stop);
    auto* buttons = new QHBoxLayout;
    m_linkLabel = new QLabel(ImportWizard::tr("&Link:"), this);
    m_linkLabel->setBuddy(m_linkEdit);
    buttons->addWidget(m_linkLabel);
    buttons->addWidget(m_linkEdit, 1);
    buttons->addWidget(m_copyLink);
    buttons->addWidget(m_copyAll);
    buttons->addStretch(0); // takes the room only while there are no links
    buttons->addWidget(m_save);
    for (QWidget* w : std::initializer_list<QWidget*>{m_linkLabel, m_linkEdit, m_copyLink, m_copyAll})
        w->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(progressRow);
    layout->addWidget(m_problem);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_links);
    layout->addLayout(buttons);

    connect(m_stop, &QPushButton::clicked, this, [this] { stop(); });
    connect(m_import, &models::ImportSession::progress, this, [this](int sent, int total) {
        m_progress->setMaximum(qMax(total, 1));
        m_progress->setValue(sent);
        if (m_import->isCommitting() && !m_import->wasCancelled())
            m_summary->setText(
                ImportWizard::tr("Importing… rows written: %1 of %2.").arg(m_import->importedCount()).arg(total));
    });
    connect(m_import, &models::ImportSession::commitFinished, this, [this, wizard] {
        onFinished();
        if (m_import->importedCount() > 0)
            Q_EMIT wizard->imported();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                m_linkEdit->setText(current.data(models::ImportRowsModel::AcceptUrlRole).toString());
                m_copyLink->setEnabled(!m_linkEdit->text().isEmpty());
            });
    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        if (!m_linkEdit->text().isEmpty())
            QApplication::clipboard()->setText(m_linkEdit->text());
    });
    connect(m_copyAll, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_import->linksText()); });
    connect(m_save, &QPushButton::clicked, this, [this, wizard] {
        const QString start =
            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/import-results.csv");
        const QString path = QFileDialog::getSaveFileName(this, ImportWizard::tr("Save results as CSV"), start,
                                                          ImportWizard::tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            wizard->saveResults(path);
    });
}

void ImportCommitPage::initializePage()
{
    auto* preview = static_cast<ImportPreviewPage*>(wizard()->page(ImportWizard::PreviewPageId));
    m_summary->setText(ImportWizard::tr("Importing…"));
    showText(m_problem, QString());
    m_stop->setEnabled(true);
    m_progress->setRange(0, qMax(1, m_import->rows()->validCount()));
    m_progress->setValue(0);
    m_import->startCommit(preview->skipsRowsWithErrors());
    sizeColumns(m_table);
}

void ImportCommitPage::stop()
{
    if (!m_import->isCommitting())
        return;
    m_import->cancel();
    m_stop->setEnabled(false);
    m_summary->setText(ImportWizard::tr("Stopping after the part being written…"));
}

void ImportCommitPage::onFinished()
{
    m_stop->setEnabled(false);
    const int imported = m_import->importedCount();
    const int notImported = m_import->notImportedCount();
    const client::ApiFailure failure = m_import->lastFailure();
    QString text =
        notImported > 0
            ? ImportWizard::tr("Imported: %1 · not imported: %2 (see Details).").arg(imported).arg(notImported)
            : ImportWizard::tr("Imported: %1 (every row).").arg(imported);
    if (m_import->wasCancelled() && failure.code.isEmpty())
        text += QLatin1Char(' ') + ImportWizard::tr("You stopped the import; the rows not yet sent were not "
                                                    "imported.");
    m_summary->setText(text);
    if (!failure.code.isEmpty())
        showText(m_problem, failure.code == QLatin1String("rows_changed")
                                ? failure.message
                                : ImportWizard::tr("The import stopped: %1").arg(failure.message));
    const bool links = !m_import->linksText().isEmpty();
    m_links->setVisible(links);
    m_linkLabel->setVisible(links);
    m_linkEdit->setVisible(links);
    m_copyLink->setVisible(links);
    m_copyAll->setVisible(links);
    m_copyAll->setEnabled(links);
    // The first row with a link is selected, so its link shows and can be copied at once.
    for (int row = 0; links && row < m_import->rows()->rowCount(); ++row) {
        if (m_import->rows()->resultAt(row) && !m_import->rows()->resultAt(row)->acceptUrl.isEmpty()) {
            m_table->setCurrentIndex(m_import->rows()->index(row, models::ImportRowsModel::EmailColumn));
            break;
        }
    }
    m_save->setEnabled(true);
    sizeColumns(m_table);
    Q_EMIT completeChanged();
}

bool ImportCommitPage::isComplete() const
{
    return !m_import->isCommitting();
}

void ImportCommitPage::showProblem(const QString& text)
{
    showText(m_problem, text);
}

} // namespace trellis::ui
