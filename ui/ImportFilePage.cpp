#include "ui/ImportFilePage.h"

#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "models/ImportSession.h"
#include "models/OrgSearchModel.h"
#include "ui/ImportPageParts.h"
#include "ui/ImportWizard.h"
#include "ui/OrgSearchField.h"

#include <QButtonGroup>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace trellis::ui {

using importparts::makeErrorLabel;
using importparts::showText;

namespace {

bool isCsvPath(const QString& path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ||
           path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
}

} // namespace

ImportFilePage::ImportFilePage(models::ConsoleSession* session, models::ImportSession* import, const core::Org& org,
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
    m_create =
        new QRadioButton(ImportWizard::tr("C&reate their accounts now: each gets a link to choose a password"), this);
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

void ImportFilePage::chooseFile(const QString& path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    readFile();
}

bool ImportFilePage::isComplete() const
{
    return !m_path->text().trimmed().isEmpty() && !m_org.id.empty() && !m_import->isCheckingFile();
}

// Next runs the dry run first and moves on only when the server has answered; its refusals stay on this page,
// next to the file or the organisation that caused them.
bool ImportFilePage::validatePage()
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

void ImportFilePage::dragEnterEvent(QDragEnterEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() && !m_import->isCheckingFile())
        event->acceptProposedAction();
}

void ImportFilePage::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile())
        return;
    event->acceptProposedAction();
    chooseFile(urls.front().toLocalFile());
}

void ImportFilePage::browseForFile()
{
    const QString start = m_path->text().trimmed().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              : QFileInfo(m_path->text().trimmed()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, ImportWizard::tr("Choose the CSV file"), start,
                                                      ImportWizard::tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        chooseFile(path);
}

bool ImportFilePage::readFile()
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

void ImportFilePage::setOrg(const core::Org& org)
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
bool ImportFilePage::checkOrg()
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

void ImportFilePage::setEnabledWhileChecking(bool enabled)
{
    for (QWidget* w : std::initializer_list<QWidget*>{m_path, m_orgField, m_invite, m_create})
        w->setEnabled(enabled);
    if (enabled)
        checkOrg();
}

void ImportFilePage::onDryRunFinished(bool ok)
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
    else if (failure.code == QLatin1String("invalid_file") || failure.httpStatus == 413 || failure.httpStatus == 415 ||
             failure.code == QLatin1String("invalid_csv") || failure.code == QLatin1String("too_many_rows"))
        showText(m_fileProblem, message);
    else
        showText(m_general, ImportWizard::tr("The file could not be checked: %1").arg(message));
}

} // namespace trellis::ui
