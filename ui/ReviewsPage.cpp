#include "ui/ReviewsPage.h"

#include "client/ApiClient.h"
#include "models/ConsoleSession.h"
#include "models/OrgSearchModel.h"
#include "models/ReviewItemsModel.h"
#include "ui/AccessReviewDialog.h"
#include "ui/ReviewReassignDialog.h"
#include "ui/ReviewRevokeDialog.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kCampaignIdRole = Qt::UserRole;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString dateText(const std::string& rfc3339)
{
    const QDateTime when = QDateTime::fromString(qs(rfc3339), Qt::ISODate);
    return when.isValid() ? QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel* note(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->hide();
    return label;
}

} // namespace

ReviewsPage::ReviewsPage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_orgSearch(new models::OrgSearchModel(session->client(), this))
    , m_items(new models::ReviewItemsModel(this))
{
    setObjectName(QStringLiteral("reviewsPage"));
    setAccessibleName(tr("Access reviews"));

    // Campaigns
    auto* top = new QWidget(this);
    m_newButton = new QPushButton(tr("&New campaign…"), top);
    m_newButton->setObjectName(QStringLiteral("newCampaignButton"));
    m_newButton->setToolTip(tr("Start an access review of an organisation and everything below it"));
    m_exportButton = new QPushButton(tr("&Export results…"), top);
    m_exportButton->setObjectName(QStringLiteral("exportResultsButton"));
    m_exportButton->setToolTip(tr("Save the selected campaign's items and decisions as a CSV file"));
    m_closeButton = new QPushButton(tr("C&lose campaign"), top);
    m_closeButton->setObjectName(QStringLiteral("closeCampaignButton"));
    auto* campaignRow = new QHBoxLayout;
    campaignRow->addWidget(heading(tr("Campaigns"), top), 1);
    campaignRow->addWidget(m_newButton);
    campaignRow->addWidget(m_exportButton);
    campaignRow->addWidget(m_closeButton);

    m_campaigns = new QTreeWidget(top);
    m_campaigns->setObjectName(QStringLiteral("campaignList"));
    m_campaigns->setAccessibleName(tr("Campaigns"));
    m_campaigns->setRootIsDecorated(false);
    m_campaigns->setUniformRowHeights(true);
    m_campaigns->setAlternatingRowColors(true);
    m_campaigns->setSelectionMode(QAbstractItemView::SingleSelection);
    m_campaigns->setColumnCount(CampaignColumnCount);
    m_campaigns->setHeaderLabels(
        {tr("Campaign"), tr("Organisation"), tr("Due"), tr("At the due date"), tr("Status"), tr("Progress")});
    m_campaigns->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_campaigns->header()->setStretchLastSection(true);
    m_campaignNote = note(top);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(campaignRow);
    topLayout->addWidget(m_campaignNote);
    topLayout->addWidget(m_campaigns, 1);

    // My open items
    auto* bottom = new QWidget(this);
    m_keepButton = new QPushButton(tr("&Keep"), bottom);
    m_keepButton->setObjectName(QStringLiteral("keepButton"));
    m_keepButton->setToolTip(tr("The selected people keep this access"));
    m_revokeButton = new QPushButton(tr("&Revoke…"), bottom);
    m_revokeButton->setObjectName(QStringLiteral("revokeButton"));
    m_revokeButton->setToolTip(tr("End the selected access now, with a reason"));
    m_reassignButton = new QPushButton(tr("Re&assign…"), bottom);
    m_reassignButton->setObjectName(QStringLiteral("reassignButton"));
    m_reassignButton->setToolTip(tr("Hand the selected items (of one campaign) to another reviewer"));
    m_campaignItemsCheck = new QCheckBox(tr("&All open items of the selected campaign"), bottom);
    m_campaignItemsCheck->setObjectName(QStringLiteral("campaignItemsCheck"));
    m_campaignItemsCheck->setToolTip(tr("For those who run the review (review.manage): decide any open item of the "
                                        "campaign, not only the ones waiting for you"));
    m_itemsHeading = heading(tr("My open items"), bottom);
    auto* itemsRow = new QHBoxLayout;
    itemsRow->addWidget(m_itemsHeading, 1);
    itemsRow->addWidget(m_campaignItemsCheck);
    itemsRow->addWidget(m_keepButton);
    itemsRow->addWidget(m_revokeButton);
    itemsRow->addWidget(m_reassignButton);
    auto* itemsIntro = new QLabel(tr("Select one or several rows (Ctrl or Shift), then keep or revoke. Flags mark "
                                     "people who have not signed in for 90 days and access that ends within 30 days."),
                                  bottom);
    itemsIntro->setWordWrap(true);
    itemsIntro->setForegroundRole(QPalette::PlaceholderText);

    m_itemsView = new QTableView(bottom);
    m_itemsView->setObjectName(QStringLiteral("reviewItems"));
    m_itemsView->setAccessibleName(tr("My open review items"));
    m_itemsView->setModel(m_items);
    m_itemsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_itemsView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_itemsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_itemsView->setAlternatingRowColors(true);
    m_itemsView->setWordWrap(false);
    m_itemsView->verticalHeader()->hide();
    m_itemsView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_itemsView->horizontalHeader()->setStretchLastSection(true);
    m_itemsView->setColumnWidth(models::ReviewItemsModel::PersonColumn, 160);
    m_itemsView->setColumnWidth(models::ReviewItemsModel::AccessColumn, 230);
    m_itemsView->setColumnWidth(models::ReviewItemsModel::OrgColumn, 190);
    m_itemsView->setColumnWidth(models::ReviewItemsModel::FlagsColumn, 150);
    m_itemsView->setColumnWidth(models::ReviewItemsModel::GrantedColumn, 220);
    m_itemsNote = note(bottom);
    m_status = new QLabel(bottom);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addLayout(itemsRow);
    bottomLayout->addWidget(itemsIntro);
    bottomLayout->addWidget(m_itemsNote);
    bottomLayout->addWidget(m_itemsView, 1);
    bottomLayout->addWidget(m_status);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({180, 560});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_newButton, m_exportButton);
    setTabOrder(m_exportButton, m_closeButton);
    setTabOrder(m_closeButton, m_campaigns);
    setTabOrder(m_campaigns, m_keepButton);
    setTabOrder(m_keepButton, m_revokeButton);
    setTabOrder(m_revokeButton, m_reassignButton);
    setTabOrder(m_reassignButton, m_itemsView);

    connect(m_newButton, &QPushButton::clicked, this, [this] { openNewCampaignDialog(); });
    connect(m_keepButton, &QPushButton::clicked, this, &ReviewsPage::keepSelected);
    connect(m_revokeButton, &QPushButton::clicked, this, [this] { openRevokeDialog(); });
    connect(m_reassignButton, &QPushButton::clicked, this, [this] { openReassignDialog(); });
    connect(m_closeButton, &QPushButton::clicked, this, [this] { closeSelectedCampaign(); });
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        const core::AccessReviewCampaign* c = selectedCampaign();
        if (!c)
            return;
        const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
                              QStringLiteral("/access-review-") + qs(c->id).left(8) + QStringLiteral(".csv");
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Save review results as CSV"), start, tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportResults(path);
    });
    connect(m_campaigns, &QTreeWidget::itemSelectionChanged, this, &ReviewsPage::updateButtons);
    connect(m_campaigns, &QTreeWidget::itemSelectionChanged, this, [this] {
        const core::AccessReviewCampaign* c = selectedCampaign();
        if (m_campaignItemsCheck->isChecked() && (c ? qs(c->id) : QString()) != m_itemsCampaignId)
            loadItems();
    });
    connect(m_campaignItemsCheck, &QCheckBox::toggled, this, [this] {
        if (m_loadedOnce)
            loadItems();
    });
    connect(m_itemsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReviewsPage::updateButtons);
    connect(m_items, &QAbstractItemModel::modelReset, this, &ReviewsPage::updateButtons);
    connect(m_items, &QAbstractItemModel::rowsRemoved, this, &ReviewsPage::updateButtons);
    updateButtons();
}

QString ReviewsPage::sectionKey() const
{
    return QStringLiteral("reviews");
}

QString ReviewsPage::title() const
{
    return tr("Reviews");
}

QIcon ReviewsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-reviews.svg"));
}

void ReviewsPage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void ReviewsPage::recover()
{
    if (!isLoaded())
        reload();
}

bool ReviewsPage::isBusy() const
{
    return m_pending > 0;
}

void ReviewsPage::updateBusy()
{
    if (m_busy == isBusy())
        return;
    m_busy = isBusy();
    Q_EMIT busyChanged(m_busy);
}

void ReviewsPage::reload()
{
    if (m_session->state() != models::ConsoleSession::State::Connected)
        return;
    m_loadedOnce = true;
    ++m_generation;
    m_campaignsLoaded = false;
    m_itemsLoaded = false;
    if (const auto caller = m_session->caller(); caller && !caller->rootOrgIds.isEmpty()) {
        const quint64 generation = m_generation;
        m_session->client()->getOrg(caller->rootOrgIds.first(), this,
                                    [this, generation](client::ApiResult<core::Org> result) {
                                        if (generation == m_generation && result.ok())
                                            m_homeOrg = *result.value;
                                    });
    }
    loadCampaigns();
    loadItems();
}

void ReviewsPage::loadCampaigns()
{
    const quint64 generation = m_generation;
    ++m_pending;
    updateBusy();
    m_session->client()->listAccessReviews(
        this, [this, generation](client::ApiResult<std::vector<core::AccessReviewCampaign>> result) {
            --m_pending;
            updateBusy();
            if (generation != m_generation)
                return;
            m_campaignsLoaded = true;
            if (result.ok()) {
                m_campaignData = std::move(*result.value);
                m_campaignNote->setVisible(m_campaignData.empty());
                m_campaignNote->setText(tr("No campaigns you can see yet. Start one with “New campaign…”."));
            } else {
                m_campaignData.clear();
                m_campaignNote->setText(result.failure.message);
                m_campaignNote->show();
            }
            fillCampaigns();
            advanceScreenshot();
        });
}

void ReviewsPage::loadItems()
{
    // A newer list replaces whatever an older request would bring.
    const quint64 generation = ++m_itemsGeneration;
    m_itemsLoaded = false;
    const core::AccessReviewCampaign* campaign = m_campaignItemsCheck->isChecked() ? selectedCampaign() : nullptr;
    m_itemsCampaignId = campaign ? qs(campaign->id) : QString();
    m_itemsHeading->setText(campaign ? tr("Open items of “%1”").arg(qs(campaign->name)) : tr("My open items"));
    m_itemsView->setAccessibleName(campaign ? tr("Open review items of the campaign") : tr("My open review items"));
    ++m_pending;
    updateBusy();
    auto done = [this, generation](client::ApiResult<std::vector<core::AccessReviewItem>> result) {
        --m_pending;
        updateBusy();
        if (generation != m_itemsGeneration)
            return;
        m_itemsLoaded = true;
        if (result.ok()) {
            m_items->setItems(std::move(*result.value));
            m_itemsNote->setText(emptyItemsText());
            m_itemsNote->setVisible(m_items->rowCount() == 0);
        } else {
            m_items->setItems({});
            m_itemsNote->setText(result.failure.message);
            m_itemsNote->show();
        }
        advanceScreenshot();
    };
    if (campaign)
        m_session->client()->listCampaignReviewItems(m_itemsCampaignId, this, std::move(done));
    else
        m_session->client()->listMyReviewItems(this, std::move(done));
}

QString ReviewsPage::emptyItemsText() const
{
    return m_itemsCampaignId.isEmpty() ? tr("Nothing waits for your decision.")
                                       : tr("No open items left in this campaign.");
}

void ReviewsPage::fillCampaigns()
{
    const QString selected = selectedCampaign() ? qs(selectedCampaign()->id) : QString();
    QSignalBlocker blocker(m_campaigns);
    m_campaigns->clear();
    for (const auto& c : m_campaignData) {
        auto* item = new QTreeWidgetItem(m_campaigns);
        item->setData(NameColumn, kCampaignIdRole, qs(c.id));
        item->setText(NameColumn, qs(c.name));
        item->setIcon(NameColumn, icon());
        item->setText(OrgColumn, qs(c.orgName));
        item->setText(DueColumn, dateText(c.dueAt));
        item->setText(RuleColumn, c.dueRule == "revoke" ? tr("Revoke undecided") : tr("Escalate undecided"));
        item->setText(StatusColumn, c.status == "open" ? tr("Open") : tr("Closed"));
        const int decided = c.progress.kept + c.progress.revoked;
        QString progress = tr("%1 of %2 decided").arg(decided).arg(c.progress.total);
        if (c.progress.total > 0)
            progress += QStringLiteral(" (%1%)").arg(decided * 100 / c.progress.total);
        progress += tr(" · %1 kept · %2 revoked").arg(c.progress.kept).arg(c.progress.revoked);
        if (c.progress.escalated > 0)
            progress += tr(" · %1 escalated").arg(c.progress.escalated);
        item->setText(ProgressColumn, progress);
        item->setToolTip(ProgressColumn, progress);
        if (qs(c.id) == selected)
            m_campaigns->setCurrentItem(item);
    }
    if (!m_campaigns->currentItem() && m_campaigns->topLevelItemCount() > 0)
        m_campaigns->setCurrentItem(m_campaigns->topLevelItem(0));
    blocker.unblock();
    updateButtons();
}

bool ReviewsPage::selectCampaign(const QString& id)
{
    for (int i = 0; i < m_campaigns->topLevelItemCount(); ++i) {
        if (m_campaigns->topLevelItem(i)->data(NameColumn, kCampaignIdRole).toString() == id) {
            m_campaigns->setCurrentItem(m_campaigns->topLevelItem(i));
            return true;
        }
    }
    return false;
}

const core::AccessReviewCampaign* ReviewsPage::selectedCampaign() const
{
    const QTreeWidgetItem* item = m_campaigns->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(NameColumn, kCampaignIdRole).toString();
    for (const auto& c : m_campaignData) {
        if (qs(c.id) == id)
            return &c;
    }
    return nullptr;
}

QStringList ReviewsPage::selectedItemIds() const
{
    QStringList ids;
    for (const QModelIndex& index : m_itemsView->selectionModel()->selectedRows())
        ids << index.data(models::ReviewItemsModel::ItemIdRole).toString();
    return ids;
}

void ReviewsPage::updateButtons()
{
    const core::AccessReviewCampaign* c = selectedCampaign();
    m_exportButton->setEnabled(c != nullptr);
    m_closeButton->setEnabled(c && c->status == "open");
    const bool anySelected = m_itemsView->selectionModel()->hasSelection();
    m_keepButton->setEnabled(anySelected);
    m_revokeButton->setEnabled(anySelected);
    // The server refuses whoever may not reassign (403) and says so; mixed campaigns cannot go in one request.
    m_reassignButton->setEnabled(anySelected && !selectedItemsCampaign().isEmpty());
}

QString ReviewsPage::selectedItemsCampaign() const
{
    QString campaign;
    for (const QString& id : selectedItemIds()) {
        const core::AccessReviewItem* item = m_items->itemAt(m_items->rowOf(id));
        if (!item || (!campaign.isEmpty() && campaign != qs(item->campaignId)))
            return {};
        campaign = qs(item->campaignId);
    }
    return campaign;
}

ReviewReassignDialog* ReviewsPage::openReassignDialog()
{
    const QStringList ids = selectedItemIds();
    const QString campaignId = selectedItemsCampaign();
    if (ids.isEmpty() || campaignId.isEmpty())
        return nullptr;
    auto* dialog = new ReviewReassignDialog(m_session->client(), qs(m_homeOrg.id),
                                            tr("%n item(s)", nullptr, int(ids.size())), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReviewReassignDialog::submitted, this, [this, dialog, ids, campaignId] {
        dialog->setBusy(true);
        ++m_pending;
        updateBusy();
        // The page answers (the dialog may be closed meanwhile), so the busy count always comes down.
        QPointer<ReviewReassignDialog> guard(dialog);
        m_session->client()->reassignReviewItems(
            campaignId, ids, dialog->reviewerId(), this, [this, guard, ids](client::ApiResult<bool> result) {
                --m_pending;
                updateBusy();
                if (guard)
                    guard->setBusy(false);
                if (!result.ok()) {
                    if (guard)
                        guard->showError(result.failure.message);
                    m_status->setText(result.failure.message);
                    return;
                }
                m_status->setText(tr("Handed %n item(s) to another reviewer.", nullptr, int(ids.size())));
                if (guard)
                    guard->accept();
                loadItems(); // they leave "My open items"; in a campaign's list their reviewer changed
                loadCampaigns();
            });
    });
    dialog->open();
    return dialog;
}

AccessReviewDialog* ReviewsPage::openNewCampaignDialog()
{
    auto* dialog = new AccessReviewDialog(m_orgSearch, m_homeOrg, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccessReviewDialog::submitted, this, [this, dialog] {
        dialog->setBusy(true);
        m_session->client()->createAccessReview(
            dialog->draft(), dialog, [this, dialog](client::ApiResult<core::AccessReviewCampaign> result) {
                dialog->setBusy(false);
                if (!result.ok()) {
                    dialog->showError(result.failure.field, result.failure.message);
                    return;
                }
                const QString id = qs(result.value->id);
                m_status->setText(tr("Campaign “%1” started with %n item(s).", nullptr, result.value->progress.total)
                                      .arg(qs(result.value->name)));
                dialog->accept();
                reload();
                // Select the new campaign once the list is back.
                auto* once = new QObject(this);
                connect(this, &ReviewsPage::busyChanged, once, [this, id, once](bool busy) {
                    if (!busy) {
                        selectCampaign(id);
                        once->deleteLater();
                    }
                });
            });
    });
    dialog->open();
    return dialog;
}

ReviewRevokeDialog* ReviewsPage::openRevokeDialog()
{
    const QStringList ids = selectedItemIds();
    if (ids.isEmpty())
        return nullptr;
    QString summary;
    if (ids.size() == 1) {
        const core::AccessReviewItem* item = m_items->itemAt(m_items->rowOf(ids.first()));
        summary = item ? tr("%1: %2 at %3")
                             .arg(qs(item->user.displayName.empty() ? item->user.email : item->user.displayName),
                                  m_items->index(m_items->rowOf(ids.first()), models::ReviewItemsModel::AccessColumn)
                                      .data()
                                      .toString(),
                                  qs(item->orgName))
                       : QString();
    } else {
        summary = tr("%n item(s)", nullptr, int(ids.size()));
    }
    auto* dialog = new ReviewRevokeDialog(summary, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReviewRevokeDialog::submitted, this,
            [this, dialog, ids] { decide(ids, QStringLiteral("revoke"), dialog->comment(), dialog); });
    dialog->open();
    return dialog;
}

void ReviewsPage::keepSelected()
{
    const QStringList ids = selectedItemIds();
    if (!ids.isEmpty())
        decide(ids, QStringLiteral("keep"), QString(), nullptr);
}

void ReviewsPage::decide(const QStringList& ids, const QString& decision, const QString& comment,
                         ReviewRevokeDialog* dialog)
{
    ++m_pending;
    updateBusy();
    m_keepButton->setEnabled(false);
    m_revokeButton->setEnabled(false);
    m_reassignButton->setEnabled(false);
    if (dialog)
        dialog->setBusy(true);
    QObject* context = dialog ? static_cast<QObject*>(dialog) : this;
    m_session->client()->decideReviewItems(
        ids, decision, comment, context, [this, ids, decision, dialog](client::ApiResult<bool> result) {
            --m_pending;
            updateBusy();
            if (dialog)
                dialog->setBusy(false);
            if (!result.ok()) {
                // The dialog stays open with the typed comment; the refused item shows why, next to it.
                if (dialog)
                    dialog->showError(result.failure.message);
                m_status->setText(result.failure.message);
                if (const int row = m_items->rowOf(result.failure.field); row >= 0) {
                    m_items->setProblem(result.failure.field,
                                        result.failure.code == QLatin1String("last_admin") ? tr("Refused: last admin")
                                                                                           : tr("Refused"),
                                        result.failure.message);
                    m_itemsView->scrollTo(m_items->index(row, models::ReviewItemsModel::FlagsColumn));
                }
                updateButtons();
                return;
            }
            m_items->removeItems(ids);
            m_status->setText(decision == QLatin1String("keep")
                                  ? tr("Kept %n item(s).", nullptr, int(ids.size()))
                                  : tr("Revoked %n item(s); the access ended and the people were signed out.", nullptr,
                                       int(ids.size())));
            if (dialog)
                dialog->accept();
            m_itemsNote->setText(emptyItemsText());
            m_itemsNote->setVisible(m_items->rowCount() == 0);
            loadCampaigns(); // progress changed
            updateButtons();
        });
}

void ReviewsPage::exportResults(const QString& path)
{
    const core::AccessReviewCampaign* c = selectedCampaign();
    if (!c)
        return;
    ++m_pending;
    updateBusy();
    m_session->client()->exportReviewResults(qs(c->id), this, [this, path](client::ApiResult<QByteArray> result) {
        --m_pending;
        updateBusy();
        if (!result.ok()) {
            m_status->setText(result.failure.message);
            Q_EMIT exported(path, false, result.failure.message);
            return;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(*result.value) != result.value->size() || !file.commit()) {
            const QString message = tr("Could not save %1: %2").arg(path, file.errorString());
            m_status->setText(message);
            Q_EMIT exported(path, false, message);
            return;
        }
        m_status->setText(tr("Saved the results to %1.").arg(path));
        Q_EMIT exported(path, true, QString());
    });
}

void ReviewsPage::closeSelectedCampaign(bool confirmed)
{
    const core::AccessReviewCampaign* c = selectedCampaign();
    if (!c || c->status != "open")
        return;
    if (!confirmed) {
        const auto answer = QMessageBox::question(
            this, tr("Close campaign"),
            tr("Close “%1”? Undecided items stay undecided and leave the reviewers' lists.").arg(qs(c->name)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    ++m_pending;
    updateBusy();
    m_session->client()->closeAccessReview(qs(c->id), this, [this](client::ApiResult<bool> result) {
        --m_pending;
        updateBusy();
        if (!result.ok())
            m_status->setText(result.failure.message);
        reload();
    });
}

void ReviewsPage::prepareScreenshot()
{
    m_screenshotPending = true;
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
    advanceScreenshot();
}

void ReviewsPage::advanceScreenshot()
{
    if (!m_screenshotPending || !isLoaded())
        return;
    m_screenshotPending = false;
    // Two items selected show what bulk decisions look like.
    if (m_items->rowCount() > 1) {
        m_itemsView->selectRow(0);
        m_itemsView->selectionModel()->select(m_items->index(1, 0),
                                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    Q_EMIT screenshotReady();
}

} // namespace trellis::ui
