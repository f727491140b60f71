#include "ui/ImportWizard.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "models/ImportRowsModel.h"
#include "models/ImportSession.h"
#include "models/OrgSearchModel.h"
#include "ui/OrgSearchField.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QLabel* makeErrorLabel(QWidget* parent, const QString& name)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->hide();
    return label;
}

void showText(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QTableView* makeRowsTable(QWidget* parent, const QString& name, const QString& accessibleName)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setAccessibleName(accessibleName);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    // Long reasons wrap inside their cell instead of being cut off.
    table->setWordWrap(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return table;
}

void sizeColumns(QTableView* table)
{
    table->resizeColumnsToContents();
    // The e-mail and name columns get what they need up to a limit; the details wrap within theirs.
    for (int column : {models::ImportRowsModel::EmailColumn, models::ImportRowsModel::NameColumn,
                       models::ImportRowsModel::RolesColumn})
        table->setColumnWidth(column, qMin(table->columnWidth(column), 240));
    // Once the page has its final size: the details (the last column) get the width that is left, and row heights
    // follow their wrapped text (not for thousands of rows, where measuring costs more than it helps; the whole
    // text is also the tooltip).
    QTimer::singleShot(0, table, [table] {
        int others = 0;
        for (int column = 0; column < models::ImportRowsModel::DetailsColumn; ++column)
            others += table->isColumnHidden(column) ? 0 : table->columnWidth(column);
        table->setColumnWidth(models::ImportRowsModel::DetailsColumn, qMax(160, table->viewport()->width() - others));
        if (table->model() && table->model()->rowCount() <= 1000)
            table->resizeRowsToContents();
    });
}

bool isCsvPath(const QString& path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Step 1: the file, the organisation and the default mode.

class ImportFilePage : public QWizardPage
{
public:
    ImportFilePage(models::ConsoleSession* session, models::ImportSession* import, const core::Org& org,
                   QWidget* parent)
        : QWizardPage(parent)
        , m_session(session)
        , m_import(import)
        , m_org(org)
    {
        setTitle(ImportWizard::tr("Choose the file"));
        setSubTitle(ImportWizard::tr("A CSV file with one person per row. Nothing is written before the preview "
                                     "on the next page."));
        setAcceptDrops(true);

        auto* columns = new QLabel(this);
        columns->setObjectName(QStringLiteral("columnsHelp"));
        columns->setWordWrap(true);
        columns->setTextFormat(Qt::RichText);
        columns->setText(
            ImportWizard::tr(
                "<p>The first row names the columns, in any order:</p>"
                "<table cellspacing='0' cellpadding='2'>"
                "<tr><td><tt>email</tt></td><td>required: the person's e-mail address</td></tr>"
                "<tr><td><tt>displayName</tt></td><td>their name (needed to create an account)</td></tr>"
                "<tr><td><tt>title</tt></td><td>their title in this organisation</td></tr>"
                "<tr><td><tt>roles</tt></td><td>role keys separated by <tt>;</tt>, e.g. "
                "<tt>member;user-manager</tt></td></tr>"
                "<tr><td><tt>expiresAt</tt>&nbsp;&nbsp;</td><td>optional end of the membership, e.g. "
                "<tt>2027-03-31T00:00:00Z</tt></td></tr>"
                "<tr><td><tt>mode</tt></td><td><tt>invite</tt> or <tt>create</tt>; empty: the choice below</td></tr>"
                "</table>"
                "<p>Save it from a spreadsheet as \"CSV UTF-8\": at most %1 rows and %2 KiB.</p>")
                .arg(QLocale().toString(models::ImportFile::kMaxRows))
                .arg(models::ImportFile::kMaxBytes / 1024));

        m_path = new QLineEdit(this);
        m_path->setObjectName(QStringLiteral("importPath"));
        m_path->setAccessibleName(ImportWizard::tr("CSV file"));
        m_path->setPlaceholderText(ImportWizard::tr("Path of the .csv file, or drop the file here"));
        m_path->setClearButtonEnabled(true);
        // Dropped files land on the page (which reads them), not as text in the field.
        m_path->setAcceptDrops(false);
        auto* browse = new QPushButton(ImportWizard::tr("Bro&wse…"), this);
        browse->setObjectName(QStringLiteral("browseButton"));
        m_fileInfo = new QLabel(this);
        m_fileInfo->setObjectName(QStringLiteral("fileInfo"));
        m_fileInfo->hide();
        m_fileProblem = makeErrorLabel(this, QStringLiteral("fileProblem"));

        m_orgModel = new models::OrgSearchModel(session->client(), this);
        m_orgField = new OrgSearchField(m_orgModel, this);
        m_orgField->setObjectName(QStringLiteral("importOrg"));
        m_orgField->setAccessibleName(ImportWizard::tr("Organisation to import into"));
        m_orgField->setPlaceholderText(ImportWizard::tr("Type to find another organisation"));
        m_orgField->setText(QString::fromStdString(org.name));
        m_orgPath = new QLabel(this);
        m_orgPath->setObjectName(QStringLiteral("orgPath"));
        m_orgProblem = makeErrorLabel(this, QStringLiteral("orgProblem"));

        m_invite =
            new QRadioButton(ImportWizard::tr("&Invite them: each gets a link to accept and choose a password"), this);
        m_invite->setObjectName(QStringLiteral("inviteMode"));
        m_create = new QRadioButton(
            ImportWizard::tr("C&reate their accounts now: each gets a link to choose a password"), this);
        m_create->setObjectName(QStringLiteral("createMode"));
        auto* modes = new QButtonGroup(this);
        modes->addButton(m_invite);
        modes->addButton(m_create);
        m_invite->setChecked(true);

        m_general = makeErrorLabel(this, QStringLiteral("importProblem"));
        m_busy = new QLabel(ImportWizard::tr("Checking every row with the server…"), this);
        m_busy->setObjectName(QStringLiteral("checkingLabel"));
        m_busy->hide();

        auto* fileRow = new QHBoxLayout;
        fileRow->addWidget(m_path, 1);
        fileRow->addWidget(browse);
        auto* modeBox = new QVBoxLayout;
        modeBox->addWidget(m_invite);
        modeBox->addWidget(m_create);
        auto* form = new QFormLayout;
        // Word-wrapped labels in the field column take its whole width, not the narrowest they could wrap to.
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto* fileLabel = new QLabel(ImportWizard::tr("&File:"), this);
        fileLabel->setBuddy(m_path);
        form->addRow(fileLabel, fileRow);
        form->addRow(QString(), m_fileInfo);
        form->addRow(QString(), m_fileProblem);
        auto* orgLabel = new QLabel(ImportWizard::tr("&Organisation:"), this);
        orgLabel->setBuddy(m_orgField);
        form->addRow(orgLabel, m_orgField);
        form->addRow(QString(), m_orgPath);
        form->addRow(QString(), m_orgProblem);
        form->addRow(ImportWizard::tr("Rows without a mode:"), modeBox);

        auto* layout = new QVBoxLayout(this);
        layout->addWidget(columns);
        layout->addSpacing(6);
        layout->addLayout(form);
        layout->addWidget(m_general);
        layout->addStretch(1);
        layout->addWidget(m_busy);

        setTabOrder(m_path, browse);
        setTabOrder(browse, m_orgField);
        setTabOrder(m_orgField, m_invite);
        setTabOrder(m_invite, m_create);

        connect(browse, &QPushButton::clicked, this, [this] { browseForFile(); });
        connect(m_path, &QLineEdit::editingFinished, this, [this] { readFile(); });
        connect(m_path, &QLineEdit::textChanged, this, [this] {
            m_fileInfo->hide();
            showText(m_fileProblem, QString());
            Q_EMIT completeChanged();
        });
        connect(m_orgField, &OrgSearchField::orgChosen, this, [this](const core::Org& chosen) { setOrg(chosen); });
        connect(m_create, &QRadioButton::toggled, this, [this] { showText(m_general, QString()); });
        connect(m_import, &models::ImportSession::dryRunFinished, this, [this](bool ok) { onDryRunFinished(ok); });
        setOrg(org);
    }

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

    void chooseFile(const QString& path)
    {
        m_path->setText(QDir::toNativeSeparators(path));
        readFile();
    }

    bool isComplete() const override
    {
        return !m_path->text().trimmed().isEmpty() && !m_org.id.empty() && !m_import->isCheckingFile();
    }

    // Next runs the dry run first and moves on only when the server has answered; its refusals stay on this page,
    // next to the file or the organisation that caused them.
    bool validatePage() override
    {
        if (m_advance) {
            m_advance = false;
            return true;
        }
        if (m_import->isCheckingFile() || !readFile() || !checkOrg())
            return false;
        showText(m_general, QString());
        m_import->setOrg(m_org);
        m_import->setDefaultMode(m_create->isChecked() ? QStringLiteral("create") : QStringLiteral("invite"));
        m_busy->show();
        setEnabledWhileChecking(false);
        m_import->startDryRun();
        Q_EMIT completeChanged();
        return false;
    }

    void cleanupPage() override {} // going Back keeps every choice

protected:
    void dragEnterEvent(QDragEnterEvent* event) override
    {
        const QList<QUrl> urls = event->mimeData()->urls();
        if (urls.size() == 1 && urls.front().isLocalFile() && !m_import->isCheckingFile())
            event->acceptProposedAction();
    }

    void dropEvent(QDropEvent* event) override
    {
        const QList<QUrl> urls = event->mimeData()->urls();
        if (urls.size() != 1 || !urls.front().isLocalFile())
            return;
        event->acceptProposedAction();
        chooseFile(urls.front().toLocalFile());
    }

private:
    void browseForFile()
    {
        const QString start = m_path->text().trimmed().isEmpty()
                                  ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                  : QFileInfo(m_path->text().trimmed()).absolutePath();
        const QString path = QFileDialog::getOpenFileName(this, ImportWizard::tr("Choose the CSV file"), start,
                                                          ImportWizard::tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            chooseFile(path);
    }

    bool readFile()
    {
        const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
        if (path.isEmpty()) {
            showText(m_fileProblem, ImportWizard::tr("Choose a CSV file."));
            return false;
        }
        models::ImportFile& file = m_import->file();
        const bool ok = file.load(path);
        if (ok && !isCsvPath(path))
            m_fileInfo->setText(ImportWizard::tr("Rows: %1 · size: %2 KiB (the name does not end in .csv; it is read "
                                                 "as CSV anyway)")
                                    .arg(file.rowCount())
                                    .arg(qMax<qint64>(1, (file.size() + 1023) / 1024)));
        else if (ok)
            m_fileInfo->setText(ImportWizard::tr("Rows: %1 · size: %2 KiB")
                                    .arg(file.rowCount())
                                    .arg(qMax<qint64>(1, (file.size() + 1023) / 1024)));
        m_fileInfo->setVisible(ok);
        showText(m_fileProblem, ok ? QString() : file.problem());
        return ok;
    }

    void setOrg(const core::Org& org)
    {
        m_org = org;
        QStringList names;
        for (const auto& name : org.pathNames)
            names << QString::fromStdString(name);
        m_orgPath->setText(org.id.empty() ? QString()
                                          : ImportWizard::tr("Importing into %1")
                                                .arg(names.isEmpty() ? QString::fromStdString(org.name)
                                                                     : names.join(QStringLiteral(" › "))));
        checkOrg();
        Q_EMIT completeChanged();
    }

    // Mirrors the server: mode invite needs user.invite, mode create needs user.manage.
    bool checkOrg()
    {
        const auto caller = m_session->caller();
        const bool invite = caller && caller->allows(core::Permission::UserInvite, m_org);
        const bool create = caller && caller->allows(core::Permission::UserManage, m_org);
        m_invite->setEnabled(invite);
        m_create->setEnabled(create);
        if (m_invite->isChecked() && !invite && create)
            m_create->setChecked(true);
        if (m_create->isChecked() && !create && invite)
            m_invite->setChecked(true);
        if (m_org.id.empty()) {
            showText(m_orgProblem, ImportWizard::tr("Choose the organisation to import into."));
            return false;
        }
        if (!invite && !create) {
            showText(m_orgProblem, ImportWizard::tr("You may not invite or add people at %1. Choose another "
                                                    "organisation.")
                                       .arg(QString::fromStdString(m_org.name)));
            return false;
        }
        showText(m_orgProblem, QString());
        return true;
    }

    void setEnabledWhileChecking(bool enabled)
    {
        for (QWidget* w : std::initializer_list<QWidget*>{m_path, m_orgField, m_invite, m_create})
            w->setEnabled(enabled);
        if (enabled)
            checkOrg();
    }

    void onDryRunFinished(bool ok)
    {
        m_busy->hide();
        setEnabledWhileChecking(true);
        Q_EMIT completeChanged();
        if (ok) {
            m_advance = true;
            wizard()->next();
            return;
        }
        const client::ApiFailure failure = m_import->lastFailure();
        // The file caused it (syntax, header, size, row count, media type) or the organisation did (403, 404).
        QString message = failure.message;
        if (failure.httpStatus == 413)
            message = ImportWizard::tr("The server refused the file as too large. Split it into several files.");
        if (failure.httpStatus == 403)
            message = ImportWizard::tr("You may not import people into %1: %2")
                          .arg(QString::fromStdString(m_org.name), failure.message);
        if (failure.httpStatus == 404)
            message = ImportWizard::tr("The organisation %1 no longer exists, or you can no longer see it.")
                          .arg(QString::fromStdString(m_org.name));
        if (failure.httpStatus == 403 || failure.httpStatus == 404)
            showText(m_orgProblem, message);
        else if (failure.code == QLatin1String("invalid_file") || failure.httpStatus == 413 ||
                 failure.httpStatus == 415 || failure.code == QLatin1String("invalid_csv") ||
                 failure.code == QLatin1String("too_many_rows"))
            showText(m_fileProblem, message);
        else
            showText(m_general, ImportWizard::tr("The file could not be checked: %1").arg(message));
    }

    models::ConsoleSession* m_session = nullptr;
    models::ImportSession* m_import = nullptr;
    models::OrgSearchModel* m_orgModel = nullptr;
    core::Org m_org;
    bool m_advance = false;
};

// ---------------------------------------------------------------------------------------------------------------
// Step 2: the dry run's result for every row.

class ImportPreviewPage : public QWizardPage
{
public:
    ImportPreviewPage(models::ImportSession* import, QWidget* parent)
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

    QLabel* m_summary = nullptr;
    QCheckBox* m_errorsOnly = nullptr;
    QSortFilterProxyModel* m_filter = nullptr;
    QTableView* m_table = nullptr;
    QCheckBox* m_skip = nullptr;
    QLabel* m_hint = nullptr;

    void initializePage() override
    {
        refresh();
        sizeColumns(m_table);
    }

    void cleanupPage() override {} // the filter and "skip" stay as chosen

    bool isComplete() const override { return m_import->canCommit(m_skip->isChecked()); }

private:
    void refresh()
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

    models::ImportSession* m_import = nullptr;
};

// ---------------------------------------------------------------------------------------------------------------
// Step 3: the commit, then what happened to every row.

class ImportCommitPage : public QWizardPage
{
public:
    ImportCommitPage(models::ImportSession* import, ImportWizard* wizard)
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
            const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                                  QStringLiteral("/import-results.csv");
            const QString path = QFileDialog::getSaveFileName(this, ImportWizard::tr("Save results as CSV"), start,
                                                              ImportWizard::tr("CSV files (*.csv)"));
            if (!path.isEmpty())
                wizard->saveResults(path);
        });
    }

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

    void initializePage() override
    {
        auto* preview = static_cast<ImportPreviewPage*>(wizard()->page(ImportWizard::PreviewPageId));
        m_summary->setText(ImportWizard::tr("Importing…"));
        showText(m_problem, QString());
        m_stop->setEnabled(true);
        m_progress->setRange(0, qMax(1, m_import->rows()->validCount()));
        m_progress->setValue(0);
        m_import->startCommit(preview->m_skip->isChecked());
        sizeColumns(m_table);
    }

    bool isComplete() const override { return !m_import->isCommitting(); }

    void stop()
    {
        if (!m_import->isCommitting())
            return;
        m_import->cancel();
        m_stop->setEnabled(false);
        m_summary->setText(ImportWizard::tr("Stopping after the part being written…"));
    }

    void showProblem(const QString& text) { showText(m_problem, text); }

private:
    void onFinished()
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

    models::ImportSession* m_import = nullptr;
};

// ---------------------------------------------------------------------------------------------------------------

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
