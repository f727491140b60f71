#include "ui/InvitationsPanel.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/BulkActionModel.h"
#include "models/ConsoleSession.h"
#include "models/InvitationListModel.h"
#include "ui/BulkActionPanel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace trellis::ui {

InvitationsPanel::InvitationsPanel(models::ConsoleSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_invitations(new models::InvitationListModel(session->client(), this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_bulk(new models::BulkActionModel(this))
{
    setObjectName(QStringLiteral("invitationsPanel"));

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("invitationStatusFilter"));
    m_status->setAccessibleName(tr("Invitation status"));
    m_status->addItem(tr("Waiting for an answer"), QStringLiteral("pending"));
    m_status->addItem(tr("Expired"), QStringLiteral("expired"));
    m_status->addItem(tr("Accepted"), QStringLiteral("accepted"));
    m_status->addItem(tr("Revoked"), QStringLiteral("revoked"));
    m_status->addItem(tr("All invitations"), QString());
    auto* statusLabel = new QLabel(tr("S&how:"), this);
    statusLabel->setBuddy(m_status);
    m_invitations->setStatusFilter(m_status->currentData().toString());

    m_sorted->setSourceModel(m_invitations);
    m_sorted->setSortRole(models::InvitationListModel::SortKeyRole);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("invitationsTable"));
    m_table->setAccessibleName(tr("Invitations"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // newest first, as the server sends them
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("invitationsNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    m_resendAction = new QAction(tr("Send a &new link…"), this);
    m_resendAction->setObjectName(QStringLiteral("resendInvitationAction"));
    m_resendAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_resendAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_resendAction, &QAction::triggered, this, [this] { resendSelected(); });
    m_revokeAction = new QAction(tr("Re&voke…"), this);
    m_revokeAction->setObjectName(QStringLiteral("revokeInvitationAction"));
    m_revokeAction->setShortcut(QKeySequence::Delete);
    m_revokeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_revokeAction, &QAction::triggered, this, [this] { revokeSelected(); });
    m_table->addActions({m_resendAction, m_revokeAction});
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        updateActions();
        if (!m_actionBar->isVisible())
            return;
        QMenu menu(this);
        menu.addActions({m_resendAction, m_revokeAction});
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });

    m_actionBar = new QWidget(this);
    auto* actions = new QHBoxLayout(m_actionBar);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(new QLabel(tr("With the selected invitations:"), m_actionBar));
    for (QAction* action : {m_resendAction, m_revokeAction}) {
        auto* button = new QToolButton(m_actionBar);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actions->addWidget(button);
    }
    actions->addStretch(1);

    m_bulkPanel = new BulkActionPanel(m_bulk, this);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(statusLabel);
    filterRow->addWidget(m_status);
    filterRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_actionBar);
    layout->addWidget(m_bulkPanel);

    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_invitations->setStatusFilter(m_status->currentData().toString()); });
    connect(m_invitations, &models::InvitationListModel::loaded, this, [this] {
        m_note->setText(tr("No invitations here in this state."));
        m_note->setVisible(m_invitations->rowCount() == 0);
        m_table->resizeColumnsToContents();
        Q_EMIT busyChanged();
    });
    connect(m_invitations, &models::InvitationListModel::loadFailed, this, [this](const QString& message) {
        m_note->setText(tr("The invitations could not be loaded: %1").arg(message));
        m_note->show();
        Q_EMIT busyChanged();
    });
    connect(m_invitations, &QAbstractItemModel::modelReset, this, &InvitationsPanel::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InvitationsPanel::updateActions);
    connect(m_bulk, &models::BulkActionModel::finished, this, [this] {
        m_invitations->reload();
        updateActions();
    });
    connect(m_session, &models::ConsoleSession::connected, this, &InvitationsPanel::updateActions);
    updateActions();
}

InvitationsPanel::~InvitationsPanel()
{
    // Models die before the views showing them; their last signals must not reach this half-destroyed panel.
    disconnect(m_table->selectionModel(), nullptr, this, nullptr);
    disconnect(m_invitations, nullptr, this, nullptr);
    disconnect(m_bulk, nullptr, this, nullptr);
    m_table->setModel(nullptr);
}

void InvitationsPanel::setOrg(const core::Org& org)
{
    m_org = org;
    m_invitations->setRoleNames({});
    m_invitations->setOrgId(QString::fromStdString(org.id));
    updateActions();
    Q_EMIT busyChanged();
}

void InvitationsPanel::reload()
{
    m_invitations->reload();
    Q_EMIT busyChanged();
}

bool InvitationsPanel::isBusy() const
{
    return m_invitations->isFetching();
}

void InvitationsPanel::setRoleNames(std::map<QString, QString> namesById)
{
    m_invitations->setRoleNames(std::move(namesById));
}

void InvitationsPanel::updateActions()
{
    const auto caller = m_session->caller();
    const bool invite = !m_org.id.empty() && caller && caller->allows(core::Permission::UserInvite, m_org);
    m_actionBar->setVisible(invite);
    bool anyOpen = false; // pending or expired: the ones that can get a new link or be revoked
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows()) {
        const QString status = row.data(models::InvitationListModel::StatusRole).toString();
        anyOpen = anyOpen || status == QLatin1String("pending") || status == QLatin1String("expired");
    }
    const bool enabled = invite && anyOpen && !m_bulk->isRunning();
    m_resendAction->setEnabled(enabled && m_org.status == core::OrgStatus::Active);
    m_revokeAction->setEnabled(enabled);
}

void InvitationsPanel::resendSelected(bool confirmed)
{
    runBulk(QStringLiteral("resend"), confirmed);
}

void InvitationsPanel::revokeSelected(bool confirmed)
{
    runBulk(QStringLiteral("revoke"), confirmed);
}

void InvitationsPanel::runBulk(const QString& action, bool confirmed)
{
    const bool resend = action == QLatin1String("resend");
    if (m_bulk->isRunning() || !(resend ? m_resendAction : m_revokeAction)->isEnabled())
        return;
    std::vector<models::BulkActionModel::Item> items;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) {
        const QString status = row.data(models::InvitationListModel::StatusRole).toString();
        if (status != QLatin1String("pending") && status != QLatin1String("expired"))
            continue; // accepted and revoked invitations are history
        items.push_back({row.data(models::InvitationListModel::InvitationIdRole).toString(),
                         row.siblingAtColumn(models::InvitationListModel::EmailColumn).data().toString()});
    }
    if (items.empty())
        return;
    if (!confirmed) {
        const QString question =
            resend ? tr("Send a new link for %n invitation(s)? Each old link stops working; the new links are shown "
                        "once below, for you to pass on.",
                        nullptr, int(items.size()))
                   : tr("Revoke %n invitation(s)? Their links stop working at once.", nullptr, int(items.size()));
        const auto answer =
            QMessageBox::question(this, resend ? tr("Send new links") : tr("Revoke invitations"), question,
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_bulkPanel->begin(resend ? tr("New links") : tr("Revoke"));
    client::ApiClient* client = m_session->client();
    m_bulk->start(items, [client, resend](const QString& id, QObject* context, models::BulkActionModel::Done done) {
        if (resend)
            client->resendInvitation(id, context, std::move(done));
        else
            client->revokeInvitation(id, context, models::BulkActionModel::fromBool(std::move(done)));
    });
    updateActions();
}

} // namespace trellis::ui
