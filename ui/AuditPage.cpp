#include "ui/AuditPage.h"

#include "client/ApiClient.h"
#include "client/AuditExport.h"
#include "models/AuditEventModel.h"
#include "models/AuditSavedSearches.h"
#include "models/ConsoleSession.h"
#include "models/OrgSearchModel.h"
#include "ui/AuditFilterBar.h"
#include "ui/AuditTimelineChart.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

/// Rows the screenshot looks through for an event with before/after to show in the details.
constexpr int kScreenshotScanRows = 60;

QString plainTime(const QDateTime& time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

AuditPage::AuditPage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_orgSearch(new models::OrgSearchModel(session->client(), this))
    , m_model(new models::AuditEventModel(session->client(), this))
    , m_savedSearches(std::make_unique<models::AuditSavedSearches>())
{
    setObjectName(QStringLiteral("auditPage"));
    setAccessibleName(tr("Audit"));

    m_prompts.saveFile = [this](const QString& title, const QString& suggested, const QString& filter) {
        return QFileDialog::getSaveFileName(this, title, suggested, filter);
    };
    m_prompts.askText = [this](const QString& title, const QString& label) -> std::optional<QString> {
        bool ok = false;
        const QString text = QInputDialog::getText(this, title, label, QLineEdit::Normal, QString(), &ok);
        if (!ok || text.trimmed().isEmpty())
            return std::nullopt;
        return text.trimmed();
    };

    m_filterBar = new AuditFilterBar(m_orgSearch, this);
    connect(m_filterBar, &AuditFilterBar::filterEdited, this, &AuditPage::onFilterEdited);

    // Saved searches and filter links.
    m_saved = new QComboBox(this);
    m_saved->setObjectName(QStringLiteral("auditSavedSearches"));
    m_saved->setAccessibleName(tr("Saved searches"));
    m_saved->setMinimumContentsLength(14);
    m_saved->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_saved, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            loadSavedSearch(m_saved->itemText(index));
    });
    m_saveButton = new QPushButton(tr("Sa&ve search…"), this);
    m_saveButton->setObjectName(QStringLiteral("auditSaveSearch"));
    m_saveButton->setAccessibleName(tr("Save this search"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        if (const auto name = m_prompts.askText(tr("Save search"), tr("Name of this search:")))
            saveSearch(*name);
    });
    m_deleteSaved = new QPushButton(tr("Forget"), this);
    m_deleteSaved->setObjectName(QStringLiteral("auditForgetSearch"));
    m_deleteSaved->setAccessibleName(tr("Forget the chosen saved search"));
    m_deleteSaved->setToolTip(tr("Forget the saved search chosen on the left"));
    connect(m_deleteSaved, &QPushButton::clicked, this, [this] {
        if (m_saved->currentIndex() > 0) {
            m_savedSearches->remove(m_saved->currentText());
            refreshSavedSearches();
        }
    });
    m_copyLink = new QPushButton(tr("Cop&y link"), this);
    m_copyLink->setObjectName(QStringLiteral("auditCopyLink"));
    m_copyLink->setAccessibleName(tr("Copy a link to this filter"));
    m_copyLink->setToolTip(tr("Copy this filter as text to share it with a colleague"));
    connect(m_copyLink, &QPushButton::clicked, this, &AuditPage::copyLink);
    m_pasteLink = new QPushButton(tr("&Paste link"), this);
    m_pasteLink->setObjectName(QStringLiteral("auditPasteLink"));
    m_pasteLink->setAccessibleName(tr("Apply a filter link from the clipboard"));
    m_pasteLink->setToolTip(tr("Apply a filter someone shared with you (copy their link first)"));
    connect(m_pasteLink, &QPushButton::clicked, this, &AuditPage::pasteLink);

    m_liveTail = new QCheckBox(tr("&Live"), this);
    m_liveTail->setObjectName(QStringLiteral("auditLiveTail"));
    m_liveTail->setAccessibleName(tr("Live tail"));
    m_liveTail->setToolTip(tr("Show new events at the top as they happen (checks every 2 seconds)"));
    connect(m_liveTail, &QCheckBox::toggled, m_model, &models::AuditEventModel::setLiveTail);

    auto* exportAction = new QAction(tr("&Export…"), this);
    exportAction->setObjectName(QStringLiteral("auditExportAction"));
    exportAction->setShortcut(QKeySequence(tr("Ctrl+Shift+E")));
    exportAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(exportAction);
    connect(exportAction, &QAction::triggered, this, &AuditPage::exportInteractively);
    m_exportButton = new QPushButton(exportAction->text(), this);
    m_exportButton->setObjectName(QStringLiteral("auditExport"));
    m_exportButton->setAccessibleName(tr("Export the filtered events"));
    m_exportButton->setToolTip(tr("Save the filtered events as CSV or NDJSON (%1)")
                                   .arg(exportAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_exportButton, &QPushButton::clicked, exportAction, &QAction::trigger);
    m_verifyButton = new QPushButton(tr("Ve&rify integrity"), this);
    m_verifyButton->setObjectName(QStringLiteral("auditVerify"));
    m_verifyButton->setAccessibleName(tr("Verify the integrity of the audit log"));
    m_verifyButton->setToolTip(tr("Check that no event was changed, removed or reordered after it was written"));
    connect(m_verifyButton, &QPushButton::clicked, this, &AuditPage::verifyIntegrity);

    auto* tools = new QHBoxLayout;
    auto* savedLabel = new QLabel(tr("Sa&ved:"), this);
    savedLabel->setBuddy(m_saved);
    tools->addWidget(savedLabel);
    tools->addWidget(m_saved);
    tools->addWidget(m_saveButton);
    tools->addWidget(m_deleteSaved);
    tools->addSpacing(12);
    tools->addWidget(m_copyLink);
    tools->addWidget(m_pasteLink);
    tools->addStretch(1);
    tools->addWidget(m_liveTail);
    tools->addWidget(m_exportButton);
    tools->addWidget(m_verifyButton);

    m_verifyResult = new QLabel(this);
    m_verifyResult->setObjectName(QStringLiteral("auditVerifyResult"));
    m_verifyResult->setAccessibleName(tr("Integrity check result"));
    m_verifyResult->setWordWrap(true);
    m_verifyResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verifyResult->setFrameShape(QFrame::StyledPanel);
    m_verifyResult->setMargin(6);
    m_verifyResult->setVisible(false);

    m_timeline = new AuditTimelineChart(this);
    connect(m_timeline, &AuditTimelineChart::bucketClicked, this, [this](const QDateTime& start, const QDateTime& end) {
        client::AuditFilter f = currentFilter();
        f.range.clear();
        f.from = start;
        f.to = end;
        applyFilter(f);
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures rows it does not show, whatever the row count.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(models::AuditEventModel::TimeColumn, digit * 19);
    m_table->setColumnWidth(models::AuditEventModel::OutcomeColumn, digit * 10);
    m_table->setColumnWidth(models::AuditEventModel::ActorColumn, digit * 22);
    m_table->setColumnWidth(models::AuditEventModel::ActionColumn, digit * 18);
    m_table->setColumnWidth(models::AuditEventModel::TargetColumn, digit * 22);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPage::onCurrentRowChanged);

    m_details = new AuditDetailsPane(session, this);
    connect(m_details, &AuditDetailsPane::relatedRequested, this, &AuditPage::showRelated);
    connect(m_details, &AuditDetailsPane::delegationLoadedChanged, this, &AuditPage::advanceScreenshot);

    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->setObjectName(QStringLiteral("auditLowerSplitter"));
    lower->addWidget(m_table);
    lower->addWidget(m_details);
    lower->setStretchFactor(0, 3);
    lower->setStretchFactor(1, 2);
    lower->setSizes({660, 420});
    lower->setChildrenCollapsible(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("auditSplitter"));
    split->addWidget(m_timeline);
    split->addWidget(lower);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setChildrenCollapsible(false);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    m_status->setAccessibleName(tr("Audit status"));
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filterBar);
    layout->addLayout(tools);
    layout->addWidget(m_verifyResult);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);

    setTabOrder(m_filterBar->textField(), m_saved);
    setTabOrder(m_saved, m_saveButton);
    setTabOrder(m_saveButton, m_deleteSaved);
    setTabOrder(m_deleteSaved, m_copyLink);
    setTabOrder(m_copyLink, m_pasteLink);
    setTabOrder(m_pasteLink, m_liveTail);
    setTabOrder(m_liveTail, m_exportButton);
    setTabOrder(m_exportButton, m_verifyButton);
    setTabOrder(m_verifyButton, m_table);
    setTabOrder(m_table, m_details);

    connect(m_model, &models::AuditEventModel::fetchingChanged, this, [this] {
        updateStatus();
        updateBusy();
    });
    connect(m_model, &models::AuditEventModel::pageLoaded, this, [this] {
        updateStatus();
        advanceScreenshot();
    });
    connect(m_model, &models::AuditEventModel::modelReset, this, &AuditPage::updateStatus);
    connect(m_model, &models::AuditEventModel::fetchFailed, this, &AuditPage::onFailure);
    connect(m_model, &models::AuditEventModel::newerEventsInserted, this, [this](int count) {
        // Reading the newest: stay at the top so new events stay in view; reading older ones: do not move.
        if (m_table->verticalScrollBar()->value() <= m_table->verticalHeader()->defaultSectionSize() * count)
            m_table->scrollToTop();
        if (m_liveTail->isChecked())
            loadHistogram();
    });
    // Signed out: what this person saw of the audit trail does not stay on the computer.
    connect(session, &models::ConsoleSession::stateChanged, this, [this](models::ConsoleSession::State state) {
        if (state != models::ConsoleSession::State::SignedOut || m_model->cacheScope().isEmpty())
            return;
        m_liveTail->setChecked(false);
        m_model->forgetScope();
        m_details->clear();
        m_loadedOnce = false;
        updateStatus();
    });
    refreshSavedSearches();
    updateStatus();
}

AuditPage::~AuditPage() = default;

QString AuditPage::sectionKey() const
{
    return QStringLiteral("audit");
}

QString AuditPage::title() const
{
    return tr("Audit");
}

QIcon AuditPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-audit.svg"));
}

void AuditPage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void AuditPage::reload()
{
    // A new connection may be another person or server: their cache and their events. Loaded when first shown, not
    // at every start of the console.
    m_model->setLiveTail(false);
    m_liveTail->setChecked(false);
    if (m_session->state() != models::ConsoleSession::State::Connected || (!isVisible() && !m_screenshotPending)) {
        m_loadedOnce = false;
        return;
    }
    m_loadedOnce = true;
    m_model->setCacheScope(cacheScope());
    loadCatalog();
    applyFilter(m_filterBar->filter());
}

void AuditPage::recover()
{
    if (!m_loadedOnce)
        return;
    applyFilter(currentFilter());
}

void AuditPage::focusSearch()
{
    m_filterBar->textField()->setFocus(Qt::ShortcutFocusReason);
    m_filterBar->textField()->selectAll();
}

bool AuditPage::isBusy() const
{
    return m_model->isFetching() || m_verifying || (m_loadedOnce && !m_histogramLoaded);
}

void AuditPage::updateBusy()
{
    const bool busy = isBusy();
    if (busy == m_busyFlag)
        return;
    m_busyFlag = busy;
    Q_EMIT busyChanged(busy);
}

QString AuditPage::cacheScope() const
{
    // People see different events: the cache keeps each person's rows apart, per server.
    const auto caller = m_session->caller();
    return m_session->client()->baseUrl().toString(QUrl::RemoveUserInfo) + QLatin1Char('|') +
           (caller ? QString::fromStdString(caller->user.id) : QString());
}

client::AuditFilter AuditPage::currentFilter() const
{
    return m_model->filter();
}

void AuditPage::loadCatalog()
{
    m_session->client()->auditActions(this, [this](client::ApiResult<client::AuditActionCatalog> result) {
        if (!result.ok())
            return; // the events request reports the same problem in words
        m_catalog = *result.value;
        m_filterBar->setGroups(m_catalog.groups);
        m_filterBar->checkGroups(currentFilter().groups);
    });
}

void AuditPage::onFilterEdited()
{
    if (!m_loadedOnce)
        return;
    const client::AuditFilter f = m_filterBar->filter();
    if (f != currentFilter())
        applyFilter(f);
}

void AuditPage::applyFilter(const client::AuditFilter& filter)
{
    if (m_filterBar->filter() != filter)
        m_filterBar->setFilter(filter);
    if (!filter.org.isEmpty()) {
        const QString orgId = filter.org;
        m_session->client()->getOrg(orgId, this, [this, orgId](client::ApiResult<core::Org> result) {
            if (result.ok())
                m_filterBar->setOrgName(orgId, QString::fromStdString(result.value->name));
        });
    }
    m_filterBar->clearErrors();
    m_message.clear();
    m_details->clear();
    if (!m_loadedOnce) {
        // Not connected yet: shown now, applied when the section loads.
        return;
    }
    m_model->setFilter(filter);
    loadHistogram();
    updateStatus();
    updateBusy();
}

void AuditPage::loadHistogram()
{
    m_histogramLoaded = false;
    m_histogramTotal = -1;
    const quint64 generation = ++m_histogramGeneration;
    const client::AuditFilter resolved = m_model->resolvedFilter();
    m_session->client()->auditHistogram(
        resolved, QString(), this, [this, generation, resolved](client::ApiResult<client::AuditHistogram> result) {
            if (generation != m_histogramGeneration)
                return;
            m_histogramLoaded = true;
            if (result.ok()) {
                m_histogramTotal = result.value->total();
                m_timeline->setHistogram(*result.value, resolved.from,
                                         resolved.to.isValid() ? resolved.to : QDateTime::currentDateTimeUtc());
            } else {
                m_timeline->setMessage(result.failure.message);
                if (!result.failure.field.isEmpty())
                    m_filterBar->showFieldError(result.failure.field, result.failure.message);
            }
            updateStatus();
            updateBusy();
            Q_EMIT histogramChanged();
            advanceScreenshot();
        });
}

void AuditPage::onFailure(const client::ApiFailure& failure)
{
    if (!failure.field.isEmpty())
        m_filterBar->showFieldError(failure.field, failure.message);
    m_message = failure.message;
    updateStatus();
    if (m_screenshotPending) {
        m_screenshotPending = false;
        Q_EMIT screenshotFailed(failure.message);
    }
}

void AuditPage::updateStatus()
{
    if (!m_loadedOnce) {
        m_status->setText(tr("Connect to a server to see its audit trail."));
        return;
    }
    QString text;
    const int rows = m_model->rowCount();
    if (rows == 0 && m_model->isComplete())
        text = tr("No events match this filter.");
    else if (m_model->isComplete())
        text = tr("Events: %L1.").arg(rows);
    else if (m_histogramTotal >= 0)
        text = tr("Events loaded: %L1 of %L2; scroll down for more.").arg(rows).arg(m_histogramTotal);
    else
        text = tr("Events loaded: %L1; scroll down for more.").arg(rows);
    if (m_model->isFetching())
        text += QLatin1Char(' ') + tr("Loading…");
    if (!m_message.isEmpty())
        text = m_message + QLatin1Char(' ') + text;
    m_status->setText(text);
}

void AuditPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    if (const auto event = m_model->eventAt(current.row()))
        m_details->setEvent(*event);
}

void AuditPage::showRelated(AuditDetailsPane::Related kind, const client::AuditEvent& event)
{
    client::AuditFilter f;
    switch (kind) {
    case AuditDetailsPane::Related::Request:
        // One request happens at one moment: every time range would only hide some of it.
        f.requestId = event.requestId;
        break;
    case AuditDetailsPane::Related::Actor:
        f.range = currentFilter().range;
        f.from = currentFilter().from;
        f.to = currentFilter().to;
        f.actor = event.actorId.isEmpty() ? event.actorDisplay : event.actorId;
        break;
    case AuditDetailsPane::Related::Target:
        f.range = currentFilter().range;
        f.from = currentFilter().from;
        f.to = currentFilter().to;
        f.targetType = event.targetType;
        f.targetId = event.targetId;
        break;
    }
    applyFilter(f);
}

void AuditPage::copyLink()
{
    QApplication::clipboard()->setText(currentFilter().toLink());
    m_status->setText(tr("The link to this filter is on the clipboard. Whoever pastes it sees only the events they "
                         "may see."));
}

bool AuditPage::pasteLink()
{
    QString error;
    const auto filter = client::AuditFilter::fromLink(QApplication::clipboard()->text(), &error);
    if (!filter) {
        m_filterBar->clearErrors();
        m_filterBar->showFieldError(QString(), error);
        return false;
    }
    applyFilter(*filter);
    return true;
}

void AuditPage::setSavedSearchesFile(const QString& path)
{
    m_savedSearches = std::make_unique<models::AuditSavedSearches>(path);
    refreshSavedSearches();
}

void AuditPage::saveSearch(const QString& name)
{
    m_savedSearches->save(name, currentFilter());
    refreshSavedSearches();
    m_saved->setCurrentIndex(std::max(0, m_saved->findText(name)));
}

void AuditPage::loadSavedSearch(const QString& name)
{
    if (const auto filter = m_savedSearches->filter(name))
        applyFilter(*filter);
}

void AuditPage::refreshSavedSearches()
{
    const QString current = m_saved->currentIndex() > 0 ? m_saved->currentText() : QString();
    m_saved->clear();
    m_saved->addItem(tr("Choose…"));
    m_saved->addItems(m_savedSearches->names());
    m_saved->setCurrentIndex(std::max(0, m_saved->findText(current)));
    m_deleteSaved->setEnabled(m_saved->count() > 1);
}

void AuditPage::exportInteractively()
{
    if (m_export || !m_loadedOnce)
        return;
    const QString csvFilter = tr("CSV for spreadsheets (*.csv)");
    const QString ndjsonFilter = tr("NDJSON, verifiable with trellisd audit verify (*.ndjson)");
    const QString suggested =
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
        QStringLiteral("/audit-%1.csv").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path =
        m_prompts.saveFile(tr("Export audit events"), suggested, csvFilter + QStringLiteral(";;") + ndjsonFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    startExport(path, suffix == QLatin1String("ndjson") || suffix == QLatin1String("json") ? QStringLiteral("ndjson")
                                                                                           : QStringLiteral("csv"));
}

client::AuditExport* AuditPage::startExport(const QString& path, const QString& format)
{
    if (m_export)
        return nullptr;
    m_export = m_session->client()->exportAudit(m_model->resolvedFilter(), format, path, this);
    if (!m_progress) {
        m_progress = new QProgressDialog(this);
        m_progress->setObjectName(QStringLiteral("auditExportProgress"));
        m_progress->setWindowTitle(tr("Export audit events"));
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        m_progress->setWindowModality(Qt::WindowModal);
    }
    m_progress->setCancelButtonText(tr("Cancel"));
    // The histogram's total for this filter is the export's size (the stream itself carries no count).
    m_progress->setRange(0, m_histogramTotal > 0 ? int(std::min<qint64>(m_histogramTotal, INT_MAX)) : 0);
    m_progress->setValue(0);
    m_progress->setLabelText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_progress->show();
    client::AuditExport* job = m_export;
    connect(m_progress, &QProgressDialog::canceled, job, &client::AuditExport::cancel);
    connect(m_progress, &QDialog::rejected, job, &client::AuditExport::cancel); // Escape
    connect(job, &client::AuditExport::progress, this, [this](qint64 bytes, qint64 events) {
        if (m_progress->maximum() > 0)
            m_progress->setValue(int(std::min<qint64>(events, m_progress->maximum())));
        m_progress->setLabelText(tr("%L1 events written (%2)…").arg(events).arg(QLocale().formattedDataSize(bytes)));
    });
    connect(job, &client::AuditExport::finished, this, [this, job, path](bool ok) {
        disconnect(m_progress, nullptr, job, nullptr);
        m_progress->hide();
        if (ok)
            m_status->setText(
                tr("Exported to %1 (events: %L2).").arg(QDir::toNativeSeparators(path)).arg(job->eventsWritten()));
        else if (job->wasCancelled())
            m_status->setText(tr("Export cancelled; no file was written."));
        else
            m_status->setText(tr("The export failed: %1").arg(job->failure().message));
        m_export = nullptr;
        job->deleteLater();
        Q_EMIT exportFinished(ok);
    });
    return job;
}

void AuditPage::verifyIntegrity()
{
    if (m_verifying)
        return;
    m_verifying = true;
    m_verifyButton->setEnabled(false);
    m_verifyResult->setStyleSheet(QString());
    m_verifyResult->setText(tr("Checking every event of the audit log…"));
    m_verifyResult->setVisible(true);
    updateBusy();
    m_session->client()->verifyAudit(this, [this](client::ApiResult<client::AuditVerifyResult> result) {
        m_verifying = false;
        m_verifyButton->setEnabled(true);
        updateBusy();
        if (!result.ok()) {
            m_verifyResult->setText(tr("The integrity check could not run: %1").arg(result.failure.message));
            Q_EMIT verified(false);
            return;
        }
        const auto& r = *result.value;
        QStringList text;
        if (r.ok) {
            text << tr("All %L1 events are intact (events %2 to %3): none was changed, removed or reordered after "
                       "it was written.")
                        .arg(r.checkedEvents)
                        .arg(r.firstSequence)
                        .arg(r.lastSequence);
            m_verifyResult->setStyleSheet(QStringLiteral("QLabel { border: 1px solid #26734d; }"));
        } else {
            if (r.problemSequence)
                text << tr("Event %1 was changed, removed or reordered after it was written. The audit log from "
                           "there on cannot be trusted.")
                            .arg(*r.problemSequence);
            else
                text << tr("The audit log is not intact.");
            if (!r.problemMessage.isEmpty())
                text << tr("(%1)").arg(r.problemMessage);
            m_verifyResult->setStyleSheet(QStringLiteral("QLabel { border: 2px solid #c01c28; color: #a51d2d; }"));
        }
        if (r.anchorSequence)
            text << tr("Older events were removed under the retention policy; the check starts from the signed "
                       "anchor at event %1.")
                        .arg(*r.anchorSequence);
        if (r.checkpoint) {
            if (r.checkpoint->signatureValid)
                text << tr("The last signed checkpoint (event %1, signed %2) is genuine.")
                            .arg(r.checkpoint->sequence)
                            .arg(plainTime(r.checkpoint->signedAt));
            else
                text << tr("The last checkpoint (event %1) does NOT carry a valid signature.")
                            .arg(r.checkpoint->sequence);
        } else if (r.ok) {
            text << tr("No signed checkpoint yet.");
        }
        m_verifyResult->setText(text.join(QLatin1Char(' ')));
        Q_EMIT verified(r.ok);
    });
}

void AuditPage::prepareScreenshot()
{
    m_screenshotPending = true;
    m_screenshotStep = 0;
    if (!m_loadedOnce)
        reload();

    advanceScreenshot();
}

void AuditPage::advanceScreenshot()
{
    if (!m_screenshotPending || !m_loadedOnce || m_model->isFetching() || !m_histogramLoaded)
        return;
    if (m_screenshotStep == 0) {
        m_screenshotStep = 1;
        // An event with before/after (a change someone made) shows the details pane at its most useful.
        int pick = 0;
        for (int row = 0; row < std::min(kScreenshotScanRows, m_model->rowCount()); ++row) {
            const auto e = m_model->eventAt(row);
            if (e && (e->after.isObject() || e->before.isObject()) && !e->delegationId.isEmpty()) {
                pick = row;
                break;
            }
            if (e && (e->after.isObject() || e->before.isObject()) && pick == 0)
                pick = row;
        }
        if (m_model->rowCount() > 0) {
            m_table->selectRow(pick);
            m_table->scrollTo(m_model->index(pick, 0));
        }
    }
    if (m_model->rowCount() > 0 && !m_details->delegationLoaded())
        return;
    m_screenshotPending = false;
    Q_EMIT screenshotReady();
}

} // namespace trellis::ui
