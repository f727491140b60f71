#include "ui/PeoplePage.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "models/MemberListModel.h"
#include "models/OrgTreeModel.h"
#include "ui/BulkActionPanel.h"
#include "ui/ImportWizard.h"
#include "ui/InvitationsPanel.h"
#include "ui/InviteDialog.h"
#include "ui/PermissionText.h"
#include "ui/PersonEditorDialog.h"
#include "ui/RoleAssignDialog.h"

#include <memory>
#include <set>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kDefaultInactiveDays = 90;

QString actionVerb(const QString& action)
{
    if (action == QLatin1String("disable"))
        return PeoplePage::tr("Disable");
    if (action == QLatin1String("enable"))
        return PeoplePage::tr("Enable");
    if (action == QLatin1String("offboard"))
        return PeoplePage::tr("Offboard");
    return PeoplePage::tr("Sign out everywhere");
}

QString actionQuestion(const QString& action, int count)
{
    if (action == QLatin1String("disable"))
        return PeoplePage::tr("Disable %n person(s)? They are signed out at once and cannot sign in until enabled "
                              "again.",
                              nullptr, count);
    if (action == QLatin1String("enable"))
        return PeoplePage::tr("Enable %n person(s) again?", nullptr, count);
    if (action == QLatin1String("offboard"))
        return PeoplePage::tr("Offboard %n person(s) everywhere? Every membership and role ends and they are signed "
                              "out. The records stay in the audit trail.",
                              nullptr, count);
    return PeoplePage::tr("Sign %n person(s) out everywhere? They can sign in again.", nullptr, count);
}

} // namespace

PeoplePage::PeoplePage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_treeModel(new models::OrgTreeModel(session->client(), this))
    , m_members(new models::MemberListModel(session->client(), this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_bulk(new models::BulkActionModel(this))
{
    setObjectName(QStringLiteral("peoplePage"));
    setAccessibleName(tr("People"));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("peopleOrgTree"));
    m_tree->setAccessibleName(tr("Organisation"));
    m_tree->setAccessibleDescription(tr("Pick the organisation whose people you want to see."));
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* right = new QWidget(this);
    m_heading = new QLabel(tr("Pick an organisation."), right);
    m_heading->setObjectName(QStringLiteral("peopleHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_search = new QLineEdit(right);
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("Search name or e-mail (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search people"));
    m_search->setClearButtonEnabled(true);

    m_status = new QComboBox(right);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Membership status"));
    m_status->addItem(tr("Any status"), QString());
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Suspended"), QStringLiteral("suspended"));
    m_status->addItem(tr("Ended"), QStringLiteral("ended"));

    m_source = new QComboBox(right);
    m_source->setObjectName(QStringLiteral("sourceFilter"));
    m_source->setAccessibleName(tr("Membership source"));
    m_source->addItem(tr("Any source"), QString());
    m_source->addItem(tr("Added by hand"), QStringLiteral("manual"));
    m_source->addItem(tr("Invitation"), QStringLiteral("invitation"));
    m_source->addItem(tr("Import"), QStringLiteral("import"));
    m_source->addItem(tr("SCIM"), QStringLiteral("scim"));
    m_source->addItem(tr("Federated sign-in"), QStringLiteral("federation"));

    m_inactive = new QCheckBox(tr("Inactive for at &least"), right);
    m_inactive->setObjectName(QStringLiteral("inactiveFilter"));
    m_inactiveDays = new QSpinBox(right);
    m_inactiveDays->setObjectName(QStringLiteral("inactiveDays"));
    m_inactiveDays->setAccessibleName(tr("Days without sign-in"));
    m_inactiveDays->setRange(1, 3650);
    m_inactiveDays->setValue(kDefaultInactiveDays);
    m_inactiveDays->setSuffix(tr(" days"));
    m_inactiveDays->setEnabled(false);

    m_subtree = new QCheckBox(tr("Include &sub-organisations"), right);
    m_subtree->setObjectName(QStringLiteral("subtreeFilter"));

    m_inviteAction = new QAction(tr("&Invite…"), this);
    m_inviteAction->setObjectName(QStringLiteral("inviteAction"));
    m_inviteAction->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    m_inviteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_inviteAction);
    connect(m_inviteAction, &QAction::triggered, this, &PeoplePage::invite);
    m_inviteButton = new QPushButton(m_inviteAction->text(), right);
    m_inviteButton->setObjectName(QStringLiteral("inviteButton"));
    m_inviteButton->setToolTip(tr("Invite someone to this organisation (%1)")
                                   .arg(m_inviteAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_inviteButton, &QPushButton::clicked, m_inviteAction, &QAction::trigger);
    m_importAction = new QAction(tr("Import people from &CSV…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(tr("Ctrl+Shift+U")));
    m_importAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_importAction);
    connect(m_importAction, &QAction::triggered, this, &PeoplePage::importPeople);
    m_importButton = new QPushButton(m_importAction->text(), right);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("Invite or add many people from a CSV file (%1)")
                                   .arg(m_importAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_importButton, &QPushButton::clicked, m_importAction, &QAction::trigger);
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_inviteButton);
    headingRow->addWidget(m_importButton);

    // Two rows, so the search field keeps a usable width in every language.
    m_search->setMinimumWidth(260);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_subtree);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_status);
    filterRow->addWidget(m_source);
    filterRow->addWidget(m_inactive);
    filterRow->addWidget(m_inactiveDays);
    filterRow->addStretch(1);
    auto* filters = new QVBoxLayout;
    filters->addLayout(searchRow);
    filters->addLayout(filterRow);

    m_sorted->setSourceModel(m_members);
    m_sorted->setSortRole(models::MemberListModel::SortKeyRole);
    m_table = new QTableView(right);
    m_table->setObjectName(QStringLiteral("peopleTable"));
    m_table->setAccessibleName(tr("People"));
    m_table->setModel(m_sorted);
    // The server sorts (by name, e-mail or last sign-in), so the order holds across every page, not only the rows
    // loaded so far; the other columns are not sortable.
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setSortIndicator(models::MemberListModel::NameColumn, Qt::AscendingOrder);
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &PeoplePage::onSortRequested);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setWordWrap(false);
    // The organisation column sits next to the e-mail and shows only when sub-organisations are included.
    m_table->horizontalHeader()->moveSection(models::MemberListModel::OrgColumn, models::MemberListModel::TitleColumn);
    m_table->hideColumn(models::MemberListModel::OrgColumn);

    m_note = new QLabel(right);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    const auto makeAction = [this](const QString& text, const QString& action, const QKeySequence& shortcut) {
        auto* a = new QAction(text, this);
        a->setObjectName(action + QStringLiteral("Action"));
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(a, &QAction::triggered, this, [this, action] { runBulkAction(action); });
        m_table->addAction(a);
        return a;
    };
    m_disableAction = makeAction(tr("&Disable…"), QStringLiteral("disable"), QKeySequence(tr("Ctrl+Shift+D")));
    m_enableAction = makeAction(tr("&Enable…"), QStringLiteral("enable"), QKeySequence(tr("Ctrl+Shift+E")));
    m_offboardAction = makeAction(tr("&Offboard everywhere…"), QStringLiteral("offboard"), QKeySequence());
    m_revokeAction =
        makeAction(tr("Sign out e&verywhere…"), QStringLiteral("revoke-sessions"), QKeySequence(tr("Ctrl+Shift+O")));
    m_assignRoleAction = new QAction(tr("&Assign role…"), this);
    m_assignRoleAction->setObjectName(QStringLiteral("assignRoleAction"));
    m_assignRoleAction->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_assignRoleAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_assignRoleAction, &QAction::triggered, this, [this] { chooseRoleForSelected(true); });
    m_table->addAction(m_assignRoleAction);
    m_revokeRoleAction = new QAction(tr("Revo&ke role…"), this);
    m_revokeRoleAction->setObjectName(QStringLiteral("revokeRoleAction"));
    m_revokeRoleAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_revokeRoleAction, &QAction::triggered, this, [this] { chooseRoleForSelected(false); });
    m_table->addAction(m_revokeRoleAction);

    m_actionBar = new QWidget(right);
    auto* actions = new QHBoxLayout(m_actionBar);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(new QLabel(tr("With the selected people:"), m_actionBar));
    for (QAction* action : {m_disableAction, m_enableAction, m_revokeAction, m_offboardAction}) {
        auto* button = new QToolButton(m_actionBar);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        actions->addWidget(button);
    }
    // Role changes share one button with a menu, so the row fits in every language.
    auto* roleMenu = new QMenu(m_actionBar);
    roleMenu->addActions({m_assignRoleAction, m_revokeRoleAction});
    m_rolesButton = new QToolButton(m_actionBar);
    m_rolesButton->setObjectName(QStringLiteral("rolesButton"));
    m_rolesButton->setText(tr("&Roles"));
    m_rolesButton->setAccessibleName(tr("Roles of the selected people"));
    m_rolesButton->setMenu(roleMenu);
    m_rolesButton->setPopupMode(QToolButton::InstantPopup);
    m_rolesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    actions->insertWidget(actions->count() - 1, m_rolesButton);
    actions->addStretch(1);

    m_openAction = new QAction(tr("&Open person…"), this);
    m_openAction->setObjectName(QStringLiteral("openPersonAction"));
    m_openAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_openAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_openAction);
    connect(m_openAction, &QAction::triggered, this, &PeoplePage::openPerson);
    connect(m_table, &QAbstractItemView::activated, this, &PeoplePage::openPerson);

    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        updateActions();
        QMenu menu(this);
        menu.addAction(m_openAction);
        if (m_actionBar->isVisible()) {
            menu.addSeparator();
            menu.addActions({m_disableAction, m_enableAction, m_revokeAction});
            menu.addSeparator();
            menu.addActions({m_assignRoleAction, m_revokeRoleAction});
            menu.addSeparator();
            menu.addAction(m_offboardAction);
        }
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });

    // The bulk run: progress, cancel, and what happened to every person.
    m_bulkPanel = new BulkActionPanel(m_bulk, right);

    // Members and invitations of the organisation, one tab each.
    m_invitations = new InvitationsPanel(session, right);
    auto* membersTab = new QWidget(right);
    auto* membersLayout = new QVBoxLayout(membersTab);
    membersLayout->addLayout(filters);
    membersLayout->addWidget(m_note);
    membersLayout->addWidget(m_table, 1);
    membersLayout->addWidget(m_actionBar);
    membersLayout->addWidget(m_bulkPanel);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("peopleTabs"));
    m_tabs->addTab(membersTab, tr("&Members"));
    m_tabs->addTab(m_invitations, tr("Invi&tations"));
    m_tabs->setDocumentMode(true);

    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(headingRow);
    rightLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({230, 830});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_tree, m_search);
    setTabOrder(m_search, m_status);
    setTabOrder(m_status, m_source);
    setTabOrder(m_source, m_inactive);
    setTabOrder(m_inactive, m_inactiveDays);
    setTabOrder(m_inactiveDays, m_subtree);
    setTabOrder(m_subtree, m_table);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(300);
    connect(&m_searchDelay, &QTimer::timeout, this, &PeoplePage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &PeoplePage::applyFilters);
    connect(m_source, &QComboBox::currentIndexChanged, this, &PeoplePage::applyFilters);
    connect(m_inactive, &QCheckBox::toggled, this, [this](bool on) {
        m_inactiveDays->setEnabled(on);
        applyFilters();
    });
    connect(m_inactiveDays, &QSpinBox::valueChanged, this, [this] {
        if (m_inactive->isChecked())
            m_searchDelay.start();
    });
    connect(m_subtree, &QCheckBox::toggled, this, [this](bool on) {
        m_table->setColumnHidden(models::MemberListModel::OrgColumn, !on);
        applyFilters();
    });

    connect(m_treeModel, &models::OrgTreeModel::rootsLoaded, this, [this] {
        if (!m_tree->currentIndex().isValid() && m_treeModel->rowCount() > 0) {
            m_tree->expand(m_treeModel->index(0, 0));
            m_tree->setCurrentIndex(m_treeModel->index(0, 0));
        }
        if (m_treeModel->rowCount() == 0) {
            m_note->setText(tr("You do not see the people of any organisation."));
            m_note->show();
        }
        updateBusy();
    });
    connect(m_treeModel, &models::OrgTreeModel::childrenLoaded, this, &PeoplePage::updateBusy);
    connect(m_members, &models::MemberListModel::loaded, this, [this] {
        m_note->setVisible(m_members->rowCount() == 0);
        m_note->setText(tr("Nobody matches these filters."));
        updateBusy();
        advanceScreenshot();
    });
    connect(m_members, &models::MemberListModel::loadFailed, this, [this](const QString& message) {
        m_note->setText(tr("The people could not be loaded: %1").arg(message));
        m_note->show();
        updateBusy();
        if (m_screenshotPending) {
            m_screenshotPending = false;
            Q_EMIT screenshotFailed(message);
        }
    });
    connect(m_members, &QAbstractItemModel::modelReset, this, &PeoplePage::updateActions);
    connect(m_bulk, &models::BulkActionModel::finished, this, &PeoplePage::onBulkFinished);
    connect(m_invitations, &InvitationsPanel::busyChanged, this, &PeoplePage::updateBusy);
    connect(m_session, &models::ConsoleSession::connected, this, &PeoplePage::updateActions);

    m_busyRecheck.setInterval(150);
    m_busyRecheck.setSingleShot(true);
    connect(&m_busyRecheck, &QTimer::timeout, this, &PeoplePage::updateBusy);
    updateActions();
}

PeoplePage::~PeoplePage()
{
    // QWidget deletes the models (created first) before the views that still show them; their last signals must not
    // reach this half-destroyed page.
    if (m_table->selectionModel())
        disconnect(m_table->selectionModel(), nullptr, this, nullptr);
    if (m_tree->selectionModel())
        disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    disconnect(m_members, nullptr, this, nullptr);
    disconnect(m_treeModel, nullptr, this, nullptr);
    disconnect(m_bulk, nullptr, this, nullptr);
    disconnect(m_invitations, nullptr, this, nullptr);
    m_table->setModel(nullptr);
}

QProgressBar* PeoplePage::progressBar() const
{
    return m_bulkPanel->progressBar();
}

QTableView* PeoplePage::resultsView() const
{
    return m_bulkPanel->resultsView();
}

QString PeoplePage::sectionKey() const
{
    return QStringLiteral("people");
}

QString PeoplePage::title() const
{
    return tr("People");
}

QIcon PeoplePage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-people.svg"));
}

void PeoplePage::attachTree()
{
    if (m_tree->model() == m_treeModel)
        return;
    m_tree->setModel(m_treeModel);
    m_tree->hideColumn(models::OrgTreeModel::MembersColumn);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onOrgChanged(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PeoplePage::updateActions);
}

void PeoplePage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void PeoplePage::reload()
{
    attachTree();
    m_loadedOnce = true;
    m_org = {};
    m_members->setOrgId(QString());
    m_treeModel->reload();
    updateBusy();
}

void PeoplePage::recover()
{
    if (m_treeModel->rowCount() == 0)
        reload();
    else
        m_members->reload();
}

void PeoplePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool PeoplePage::isBusy() const
{
    return m_busy;
}

void PeoplePage::onOrgChanged(const QModelIndex& current)
{
    m_org = current.isValid() ? m_treeModel->orgAt(current.siblingAtColumn(0)) : core::Org();
    m_heading->setText(m_org.id.empty() ? tr("Pick an organisation.")
                                        : tr("People in %1").arg(QString::fromStdString(m_org.name)));
    applyFilters();
    m_invitations->setOrg(m_org);
    loadRoleNames();
    updateActions();
}

void PeoplePage::applyFilters()
{
    m_searchDelay.stop();
    client::MemberQuery query;
    query.subtree = m_subtree->isChecked();
    query.status = m_status->currentData().toString();
    query.source = m_source->currentData().toString();
    query.inactiveDays = m_inactive->isChecked() ? m_inactiveDays->value() : 0;
    query.text = m_search->text().trimmed();
    query.sort = m_sort;
    const QString orgId = QString::fromStdString(m_org.id);
    // One request for the new combination, not one per changed part.
    if (orgId != m_members->orgId()) {
        m_members->setQuery(query);
        m_members->setOrgId(orgId);
    } else {
        m_members->setQuery(query);
    }
    updateBusy();
}

void PeoplePage::loadRoleNames()
{
    const QString orgId = QString::fromStdString(m_org.id);
    if (orgId.isEmpty())
        return;
    // One request names the roles in both lists: members show role keys, invitations role ids; both read as names
    // in the reader's language (built-in roles) or as the custom role's name.
    m_session->client()->listRoles(orgId, this, [this, orgId](client::ApiResult<std::vector<client::RoleInfo>> result) {
        if (!result.ok() || orgId != QString::fromStdString(m_org.id))
            return; // keys and ids stay readable; the lists themselves report load failures
        std::map<QString, QString> byKey;
        std::map<QString, QString> byId;
        for (const auto& role : *result.value) {
            const QString name = PermissionText::roleName(role.key, role.builtIn, role.name);
            byKey[QString::fromStdString(role.key)] = name;
            byId[QString::fromStdString(role.id)] = name;
        }
        m_members->setRoleNames(std::move(byKey));
        m_invitations->setRoleNames(std::move(byId));
    });
}

void PeoplePage::onSortRequested(int column, Qt::SortOrder order)
{
    QString key;
    if (column == models::MemberListModel::NameColumn)
        key = QStringLiteral("name");
    else if (column == models::MemberListModel::EmailColumn)
        key = QStringLiteral("email");
    else if (column == models::MemberListModel::LastSignInColumn)
        key = QStringLiteral("lastSignIn");
    if (key.isEmpty()) {
        // Not an order the server offers: the indicator goes back to the order shown.
        const QString current = m_sort.startsWith(u'-') ? m_sort.mid(1) : m_sort;
        const int shown = current == QLatin1String("email")        ? models::MemberListModel::EmailColumn
                          : current == QLatin1String("lastSignIn") ? models::MemberListModel::LastSignInColumn
                                                                   : models::MemberListModel::NameColumn;
        const QSignalBlocker blocker(m_table->horizontalHeader());
        m_table->horizontalHeader()->setSortIndicator(shown, m_sort.startsWith(u'-') ? Qt::DescendingOrder
                                                                                     : Qt::AscendingOrder);
        return;
    }
    m_sort = (order == Qt::DescendingOrder ? QStringLiteral("-") : QString()) + key;
    applyFilters();
}

void PeoplePage::updateActions()
{
    const auto caller = m_session->caller();
    const bool manage = !m_org.id.empty() && caller && caller->allows(core::Permission::UserManage, m_org);
    const bool assignRoles = !m_org.id.empty() && caller && caller->allows(core::Permission::RoleAssign, m_org);
    // People who may not change anyone here are not offered the actions at all.
    m_actionBar->setVisible(manage || assignRoles);
    for (QAction* action : {m_disableAction, m_enableAction, m_offboardAction, m_revokeAction})
        action->setVisible(manage);
    for (QAction* action : {m_assignRoleAction, m_revokeRoleAction})
        action->setVisible(assignRoles);
    m_rolesButton->setVisible(assignRoles);
    const bool invite = !m_org.id.empty() && caller && caller->allows(core::Permission::UserInvite, m_org) &&
                        m_org.status == core::OrgStatus::Active;
    m_inviteAction->setEnabled(invite);
    m_inviteButton->setVisible(invite);
    // The server's rule for imports: user.invite (mode invite) or user.manage (mode create) at the organisation.
    const bool import =
        !m_org.id.empty() && caller &&
        (caller->allows(core::Permission::UserInvite, m_org) || caller->allows(core::Permission::UserManage, m_org));
    m_importAction->setEnabled(import);
    m_importButton->setVisible(import);

    const bool selection = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    const bool idle = !m_bulk->isRunning();
    for (QAction* action : {m_disableAction, m_enableAction, m_offboardAction, m_revokeAction})
        action->setEnabled(manage && selection && idle);
    const bool activeOrg = m_org.status == core::OrgStatus::Active;
    m_assignRoleAction->setEnabled(assignRoles && selection && idle && activeOrg);
    m_revokeRoleAction->setEnabled(assignRoles && selection && idle);
}

std::vector<models::BulkActionModel::Item> PeoplePage::selectedPeople() const
{
    std::vector<models::BulkActionModel::Item> items;
    std::set<QString> seen;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& row : rows) {
        const QModelIndex source = m_sorted->mapToSource(row);
        const QString userId = source.data(models::MemberListModel::UserIdRole).toString();
        // With sub-organisations included, one person can appear once per membership.
        if (userId.isEmpty() || !seen.insert(userId).second)
            continue;
        const QString name = source.siblingAtColumn(models::MemberListModel::NameColumn).data().toString();
        const QString email = source.data(models::MemberListModel::EmailRole).toString();
        items.push_back({userId, tr("%1 <%2>").arg(name, email)});
    }
    return items;
}

void PeoplePage::runBulkAction(const QString& action, bool confirmed)
{
    if (m_bulk->isRunning())
        return;
    const auto items = selectedPeople();
    if (items.empty())
        return;
    if (!confirmed) {
        const auto answer = QMessageBox::question(this, actionVerb(action), actionQuestion(action, int(items.size())),
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_bulkPanel->begin(actionVerb(action));
    client::ApiClient* client = m_session->client();
    m_bulk->start(items, [client, action](const QString& id, QObject* context, models::BulkActionModel::Done done) {
        client->runPersonAction(id, action, context, models::BulkActionModel::fromBool(std::move(done)));
    });
    updateActions();
}

void PeoplePage::chooseRoleForSelected(bool assign)
{
    if (m_bulk->isRunning() || !(assign ? m_assignRoleAction : m_revokeRoleAction)->isEnabled())
        return;
    const auto items = selectedPeople();
    if (items.empty())
        return;
    const QString orgId = QString::fromStdString(m_org.id);
    const QString people =
        items.size() == 1 ? items.front().label : tr("%n selected people", nullptr, int(items.size()));
    auto* dialog = new RoleAssignDialog(people, QString::fromStdString(m_org.name), this,
                                        assign ? RoleAssignDialog::Purpose::Assign : RoleAssignDialog::Purpose::Revoke);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_session->client()->listRoles(orgId, dialog, [dialog](client::ApiResult<std::vector<client::RoleInfo>> result) {
        if (result.ok())
            dialog->setRoles(*result.value);
        else
            dialog->showFailure(result.failure);
    });
    connect(dialog, &RoleAssignDialog::submitted, this, [this, dialog, items, orgId, assign] {
        const QString roleId = dialog->roleId();
        const QString roleName = dialog->roleBox()->currentText();
        const QString justification = dialog->justification();
        const QDateTime expiresAt = dialog->expiresAt();
        dialog->accept();
        if (assign)
            runRoleAssignment(items, orgId, roleId, roleName, justification, expiresAt);
        else
            runRoleRevocation(items, orgId, roleId, roleName);
    });
    dialog->open();
}

void PeoplePage::runRoleAssignment(const std::vector<models::BulkActionModel::Item>& items, const QString& orgId,
                                   const QString& roleId, const QString& roleName, const QString& justification,
                                   const QDateTime& expiresAt)
{
    m_bulkPanel->begin(tr("Assign %1").arg(roleName));
    client::ApiClient* client = m_session->client();
    m_bulk->start(items, [=](const QString& userId, QObject* context, models::BulkActionModel::Done done) {
        client->assignRole(userId, roleId, orgId, expiresAt, justification, context,
                           models::BulkActionModel::fromBool(std::move(done)));
    });
    updateActions();
}

void PeoplePage::runRoleRevocation(const std::vector<models::BulkActionModel::Item>& items, const QString& orgId,
                                   const QString& roleId, const QString& roleName)
{
    m_bulkPanel->begin(tr("Revoke %1").arg(roleName));
    client::ApiClient* client = m_session->client();
    // A person's assignments of the role at this organisation (normally one) are looked up, then each revoked.
    m_bulk->start(items, [=](const QString& userId, QObject* context, models::BulkActionModel::Done done) {
        client->listRoleAssignments(
            orgId, userId, context, [=](client::ApiResult<std::vector<core::RoleAssignment>> found) {
                if (!found.ok()) {
                    done({std::nullopt, found.failure});
                    return;
                }
                auto ids = std::make_shared<QStringList>();
                for (const auto& assignment : *found.value)
                    if (QString::fromStdString(assignment.role.id) == roleId && assignment.revokedAt.empty())
                        ids->append(QString::fromStdString(assignment.id));
                if (ids->isEmpty()) {
                    client::ApiFailure none;
                    none.code = QStringLiteral("not_held");
                    none.message = PeoplePage::tr("Does not hold this role here.");
                    done({std::nullopt, none});
                    return;
                }
                // One after the other; the first refusal (say, the last admin) stops and is the answer.
                auto next = std::make_shared<std::function<void()>>();
                *next = [=] {
                    if (ids->isEmpty()) {
                        done({QString(), {}});
                        return;
                    }
                    const QString id = ids->takeFirst();
                    client->revokeRoleAssignment(id, context, [=](client::ApiResult<bool> revoked) {
                        if (!revoked.ok()) {
                            done({std::nullopt, revoked.failure});
                            *next = nullptr;
                            return;
                        }
                        (*next)();
                    });
                };
                (*next)();
            });
    });
    updateActions();
}

void PeoplePage::invite()
{
    if (!m_inviteAction->isEnabled())
        return;
    const QString orgId = QString::fromStdString(m_org.id);
    auto* dialog = new InviteDialog(orgId, QString::fromStdString(m_org.name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_session->client()->listRoles(orgId, dialog, [dialog](client::ApiResult<std::vector<client::RoleInfo>> result) {
        if (result.ok())
            dialog->setRoles(*result.value);
        else
            dialog->showFailure(result.failure);
    });
    connect(dialog, &InviteDialog::submitted, this, [this, dialog] {
        dialog->setBusy(true);
        m_session->client()->createInvitation(dialog->request(), dialog,
                                              [this, dialog](client::ApiResult<QString> result) {
                                                  if (!result.ok()) {
                                                      dialog->showFailure(result.failure);
                                                      return;
                                                  }
                                                  dialog->setBusy(false);
                                                  dialog->showLink(*result.value);
                                                  m_invitations->reload();
                                              });
    });
    dialog->open();
}

void PeoplePage::importPeople()
{
    if (!m_importAction->isEnabled())
        return;
    auto* wizard = new ImportWizard(m_session, m_org, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &ImportWizard::imported, m_members, &models::MemberListModel::reload);
    wizard->open();
}

void PeoplePage::openPerson()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString userId = m_sorted->mapToSource(current).data(models::MemberListModel::UserIdRole).toString();
    if (userId.isEmpty())
        return;
    auto* editor = new PersonEditorDialog(m_session, userId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &PersonEditorDialog::personChanged, m_members, &models::MemberListModel::reload);
    editor->open();
}

void PeoplePage::onBulkFinished()
{
    m_members->reload();
    updateActions();
}

void PeoplePage::updateBusy()
{
    const bool busy = m_treeModel->isFetching() || m_members->isFetching() || m_invitations->isBusy();
    if (busy)
        m_busyRecheck.start();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void PeoplePage::prepareScreenshot()
{
    m_screenshotPending = true;
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
    // Everyone below the first root: the partner admin's or the owner's whole world.
    m_subtree->setChecked(true);
    advanceScreenshot();
}

void PeoplePage::advanceScreenshot()
{
    if (!m_screenshotPending || m_org.id.empty() || m_members->isFetching() || m_members->rowCount() == 0)
        return;
    m_screenshotPending = false;
    m_table->resizeColumnsToContents();
    m_table->selectRow(0);
    Q_EMIT screenshotReady();
}

} // namespace trellis::ui
