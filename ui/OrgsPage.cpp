#include "ui/OrgsPage.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "models/MemberListModel.h"
#include "models/OrgSearchModel.h"
#include "models/OrgTreeModel.h"
#include "ui/IdentityProvidersPanel.h"
#include "ui/OrgDetailsPane.h"
#include "ui/OrgEditDialog.h"
#include "ui/OrgLifecycleDialog.h"
#include "ui/OrgSearchField.h"

#include <utility>

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

QStringList toQStringList(const std::vector<std::string>& items)
{
    QStringList list;
    list.reserve(qsizetype(items.size()));
    for (const auto& item : items)
        list.append(QString::fromStdString(item));
    return list;
}

} // namespace

OrgsPage::OrgsPage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_treeModel(new models::OrgTreeModel(session->client(), this))
    , m_searchModel(new models::OrgSearchModel(session->client(), this))
    , m_memberModel(new models::MemberListModel(session->client(), this))
{
    setObjectName(QStringLiteral("orgsPage"));
    setAccessibleName(tr("Organisations"));

    auto* left = new QWidget(this);
    m_search = new OrgSearchField(m_searchModel, left);

    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("orgTree"));
    m_tree->setAccessibleName(tr("Organisation tree"));
    m_tree->setAccessibleDescription(tr("Organisations you administer; expand one to see the organisations under it."));
    m_tree->setUniformRowHeights(true);
    m_tree->setAnimated(false);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setIconSize(QSize(16, 16));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setHighlightSections(false);

    m_note = new QLabel(left);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_note);
    leftLayout->addWidget(m_tree, 1);

    m_details = new OrgDetailsPane(m_memberModel, this);
    // The selected organisation's identity providers (federated sign-in), below its details.
    m_identityProviders = new IdentityProvidersPanel(session, this);
    auto* right = new QSplitter(Qt::Vertical, this);
    right->setChildrenCollapsible(false);
    right->addWidget(m_details);
    right->addWidget(m_identityProviders);
    right->setStretchFactor(0, 4);
    right->setStretchFactor(1, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({400, 650});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    setTabOrder(m_search, m_tree);
    setTabOrder(m_tree, m_details->membersView());

    connect(m_search, &OrgSearchField::orgChosen, this, &OrgsPage::revealOrg);
    connect(m_treeModel, &models::OrgTreeModel::revealed, this, &OrgsPage::onRevealed);
    connect(m_treeModel, &models::OrgTreeModel::rootsLoaded, this, [this] {
        setNote(m_treeModel->rowCount() == 0 ? tr("You do not administer any organisation yet.") : QString());
        // After a reload (for example a restarted server) the user keeps looking at the same org.
        if (!m_restore.id.empty()) {
            const core::Org org = std::exchange(m_restore, core::Org{});
            revealOrg(org);
        } else if (!m_tree->currentIndex().isValid() && m_treeModel->rowCount() > 0)
            m_tree->expand(m_treeModel->index(0, 0));
        updateBusy();
        advanceScreenshot();
    });
    connect(m_treeModel, &models::OrgTreeModel::childrenLoaded, this, [this] {
        updateBusy();
        fetchMoreVisible();
        advanceScreenshot();
    });
    connect(m_treeModel, &models::OrgTreeModel::loadFailed, this, [this](const QString& message) {
        m_loadFailed = true;
        m_pendingRevealId.clear();
        setNote(tr("Some organisations could not be loaded: %1").arg(message));
        updateBusy();
        if (m_screenshotPending && m_session->state() == models::ConsoleSession::State::Connected)
            failScreenshot(tr("The organisations could not be loaded: %1").arg(message));
    });
    connect(m_tree, &QTreeView::expanded, this, [this] { QTimer::singleShot(0, this, &OrgsPage::updateBusy); });
    connect(m_tree->verticalScrollBar(), &QScrollBar::valueChanged, this, &OrgsPage::fetchMoreVisible);
    connect(m_details, &OrgDetailsPane::busyChanged, this, &OrgsPage::updateBusy);
    connect(m_details, &OrgDetailsPane::membersLoaded, this, &OrgsPage::advanceScreenshot);

    createActions();
    connect(m_treeModel, &models::OrgTreeModel::moveRequested, this, &OrgsPage::confirmMove);
    connect(m_session, &models::ConsoleSession::connected, this, &OrgsPage::updateActions);

    // isFetching() has no change signal; while busy, look again shortly so the indicator never sticks.
    m_busyRecheck.setInterval(150);
    m_busyRecheck.setSingleShot(true);
    connect(&m_busyRecheck, &QTimer::timeout, this, &OrgsPage::updateBusy);
}

OrgsPage::~OrgsPage() = default;

QString OrgsPage::sectionKey() const
{
    return QStringLiteral("orgs");
}

QString OrgsPage::title() const
{
    return tr("Organisations");
}

QIcon OrgsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-orgs.svg"));
}

void OrgsPage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void OrgsPage::attachTreeModel()
{
    // The view asks the model for rows as soon as it has one; before the session is connected that would
    // only produce failed requests.
    if (m_tree->model() == m_treeModel)
        return;
    m_tree->setModel(m_treeModel);
    m_tree->header()->setSectionResizeMode(models::OrgTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(models::OrgTreeModel::MembersColumn, QHeaderView::ResizeToContents);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) { onCurrentChanged(current); });
}

void OrgsPage::reload()
{
    attachTreeModel();
    m_loadedOnce = true;
    m_loadFailed = false;
    m_pendingRevealId.clear();
    if (!m_selected.id.empty())
        m_restore = m_selected;
    setNote(QString());
    m_treeModel->reload();
    updateBusy();
}

void OrgsPage::recover()
{
    if (m_loadFailed || m_treeModel->rowCount() == 0)
        reload();
    m_details->retryMembers();
}

void OrgsPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void OrgsPage::revealOrg(const core::Org& org)
{
    m_pendingRevealId = QString::fromStdString(org.id);
    const QModelIndex known = m_treeModel->indexForId(m_pendingRevealId);
    if (known.isValid()) {
        onRevealed(known);
        return;
    }
    m_treeModel->reveal(m_pendingRevealId, toQStringList(org.path));
    updateBusy();
}

void OrgsPage::onRevealed(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    const QString id = index.data(models::OrgTreeModel::OrgIdRole).toString();
    if (!m_pendingRevealId.isEmpty() && id != m_pendingRevealId)
        return;
    m_pendingRevealId.clear();
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(index.siblingAtColumn(0));
    m_tree->scrollTo(index, QAbstractItemView::EnsureVisible);
    updateBusy();
}

void OrgsPage::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid()) {
        m_selected = {};
        m_details->clear();
        m_identityProviders->setOrg({});
        updateActions();
        return;
    }
    m_selected = m_treeModel->orgAt(current.siblingAtColumn(0));
    m_details->setOrg(m_selected);
    m_identityProviders->setOrg(m_selected);
    updateActions();
}

void OrgsPage::createActions()
{
    const auto make = [this](const QString& text, const QKeySequence& shortcut, const char* name, auto slot) {
        auto* action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        // Active while the tree (or anything in this page) has the focus; the menu shows the shortcut.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_tree->addAction(action);
        return action;
    };
    m_newOrgAction = make(tr("&New sub-organisation…"), QKeySequence::New, "newOrgAction", [this] { createSubOrg(); });
    m_editOrgAction =
        make(tr("&Rename or change kind…"), QKeySequence(Qt::Key_F2), "editOrgAction", [this] { editOrg(); });
    m_suspendAction =
        make(tr("&Suspend…"), QKeySequence(), "suspendAction", [this] { changeStatus(QStringLiteral("suspend")); });
    m_resumeAction =
        make(tr("Res&ume…"), QKeySequence(), "resumeAction", [this] { changeStatus(QStringLiteral("resume")); });
    m_offboardAction =
        make(tr("&Offboard…"), QKeySequence(), "offboardAction", [this] { changeStatus(QStringLiteral("offboard")); });

    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (index.isValid())
            m_tree->setCurrentIndex(index.siblingAtColumn(0));
        updateActions();
        QMenu menu(this);
        for (QAction* action : {m_newOrgAction, m_editOrgAction}) {
            if (action->isEnabled())
                menu.addAction(action);
        }
        bool separated = false;
        for (QAction* action : {m_suspendAction, m_resumeAction, m_offboardAction}) {
            if (!action->isEnabled())
                continue;
            if (!separated && !menu.isEmpty())
                menu.addSeparator();
            separated = true;
            menu.addAction(action);
        }
        if (menu.isEmpty()) {
            QAction* none = menu.addAction(tr("You may not change this organisation"));
            none->setEnabled(false);
        }
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
    });

    // Dragging an organisation onto another moves it there, after a confirmation.
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    updateActions();
}

bool OrgsPage::allowsAtParent(std::string_view permission, const core::Org& org) const
{
    const auto caller = m_session->caller();
    if (!caller || org.path.size() < 2)
        return false;
    core::Org parent;
    parent.path.assign(org.path.begin(), org.path.end() - 1);
    return caller->allows(permission, parent);
}

void OrgsPage::updateActions()
{
    const auto caller = m_session->caller();
    const bool selected = !m_selected.id.empty();
    const bool manage = selected && caller && caller->allows(core::Permission::OrgManage, m_selected);
    const bool manageParent = selected && allowsAtParent(core::Permission::OrgManage, m_selected);
    const auto status = m_selected.status;
    m_newOrgAction->setEnabled(manage && status == core::OrgStatus::Active);
    m_editOrgAction->setEnabled(manage && status != core::OrgStatus::Offboarded);
    m_suspendAction->setEnabled(manageParent && status == core::OrgStatus::Active);
    m_resumeAction->setEnabled(manageParent && status == core::OrgStatus::Suspended);
    m_offboardAction->setEnabled(manageParent && status != core::OrgStatus::Offboarded);
    // Only people who may move organisations somewhere get to drag them.
    m_treeModel->setMovable(caller && !caller->scope.rootPaths(core::Permission::OrgManage).empty());
}

void OrgsPage::reloadShowing(const core::Org& org)
{
    m_selected = org;
    reload();
}

void OrgsPage::createSubOrg()
{
    if (!m_newOrgAction->isEnabled())
        return;
    const core::Org parent = m_selected;
    auto* dialog = new OrgEditDialog(OrgEditDialog::Mode::Create, parent, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OrgEditDialog::submitted, this, [this, dialog] {
        dialog->setBusy(true);
        m_session->client()->createOrg(dialog->draft(), dialog, [this, dialog](client::ApiResult<core::Org> result) {
            if (!result.ok()) {
                dialog->showFailure(result.failure);
                return;
            }
            dialog->accept();
            reloadShowing(*result.value);
            Q_EMIT orgChanged(QString::fromStdString(result.value->id));
        });
    });
    dialog->open();
}

void OrgsPage::editOrg()
{
    if (!m_editOrgAction->isEnabled())
        return;
    const core::Org org = m_selected;
    auto* dialog = new OrgEditDialog(OrgEditDialog::Mode::Edit, org, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OrgEditDialog::submitted, this, [this, dialog, org] {
        dialog->setBusy(true);
        const QString kind = QString::fromStdString(std::string(core::toString(dialog->kind())));
        m_session->client()->updateOrg(QString::fromStdString(org.id), dialog->name(), kind, dialog,
                                       [this, dialog](client::ApiResult<core::Org> result) {
                                           if (!result.ok()) {
                                               dialog->showFailure(result.failure);
                                               return;
                                           }
                                           dialog->accept();
                                           m_treeModel->updateOrg(*result.value);
                                           if (result.value->id == m_selected.id) {
                                               m_selected = *result.value;
                                               m_details->setOrg(m_selected);
                                           }
                                           Q_EMIT orgChanged(QString::fromStdString(result.value->id));
                                       });
    });
    dialog->open();
}

void OrgsPage::changeStatus(const QString& change)
{
    const core::Org org = m_selected;
    if (org.id.empty())
        return;
    auto* dialog = new OrgLifecycleDialog(change, org, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = QString::fromStdString(org.id);
    if (change != QLatin1String("resume")) {
        m_session->client()->orgImpact(id, change, dialog, [dialog](client::ApiResult<client::OrgImpact> result) {
            if (result.ok())
                dialog->setImpact(*result.value);
            else
                dialog->showFailure(result.failure);
        });
    }
    connect(dialog, &OrgLifecycleDialog::submitted, this, [this, dialog, id, change] {
        dialog->setBusy(true);
        m_session->client()->changeOrgStatus(id, change, dialog->reason(), dialog,
                                             [this, dialog](client::ApiResult<core::Org> result) {
                                                 if (!result.ok()) {
                                                     dialog->showFailure(result.failure);
                                                     return;
                                                 }
                                                 dialog->accept();
                                                 // The whole subtree's status changed: load it again.
                                                 reloadShowing(*result.value);
                                                 Q_EMIT orgChanged(QString::fromStdString(result.value->id));
                                             });
    });
    dialog->open();
}

void OrgsPage::confirmMove(const QString& orgId, const QString& newParentId)
{
    const core::Org org = m_treeModel->orgAt(m_treeModel->indexForId(orgId));
    const core::Org parent = m_treeModel->orgAt(m_treeModel->indexForId(newParentId));
    if (org.id.empty() || parent.id.empty())
        return;
    QPointer<QMessageBox> box =
        new QMessageBox(QMessageBox::Question, tr("Move organisation"),
                        tr("Move %1 and everything below it under %2?")
                            .arg(QString::fromStdString(org.name), QString::fromStdString(parent.name)),
                        QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("moveConfirmation"));
    box->setInformativeText(
        tr("Its admins keep their roles; what they may reach follows the organisation to its new place."));
    QPushButton* move = box->addButton(tr("Move"), QMessageBox::AcceptRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, move, orgId, newParentId](QAbstractButton* clicked) {
        if (clicked != static_cast<QAbstractButton*>(move))
            return;
        m_session->client()->moveOrg(orgId, newParentId, this, [this](client::ApiResult<core::Org> result) {
            if (!result.ok()) {
                QMessageBox::warning(this, tr("Move organisation"),
                                     tr("The organisation was not moved: %1").arg(result.failure.message));
                return;
            }
            reloadShowing(*result.value);
            Q_EMIT orgChanged(QString::fromStdString(result.value->id));
        });
    });
    box->open();
}

void OrgsPage::fetchMoreVisible()
{
    // QTreeView only fetches more top-level rows by itself; further pages of an expanded org load when its
    // last loaded child scrolls into view.
    QModelIndex last = m_tree->indexAt(QPoint(1, m_tree->viewport()->height() - 2));
    if (!last.isValid()) {
        // The tree does not fill the view: the last visible row is the deepest last child of expanded rows.
        QModelIndex parent;
        while (m_treeModel->rowCount(parent) > 0) {
            last = m_treeModel->index(m_treeModel->rowCount(parent) - 1, 0, parent);
            if (!m_tree->isExpanded(last))
                break;
            parent = last;
        }
    }
    for (QModelIndex row = last; row.isValid(); row = row.parent()) {
        const QModelIndex parent = row.parent();
        if (row.row() == m_treeModel->rowCount(parent) - 1 && m_treeModel->canFetchMore(parent)) {
            m_treeModel->fetchMore(parent);
            updateBusy();
            return;
        }
    }
}

void OrgsPage::updateBusy()
{
    const bool busy = m_treeModel->isFetching() || m_details->isLoadingMembers();
    if (busy)
        m_busyRecheck.start();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void OrgsPage::setNote(const QString& text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

void OrgsPage::prepareScreenshot()
{
    m_screenshotPending = true;
    m_screenshotSelected = false;
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
    advanceScreenshot();
}

void OrgsPage::advanceScreenshot()
{
    if (!m_screenshotPending || m_treeModel->rowCount() == 0)
        return;
    bool waiting = false;
    const auto ensureExpanded = [&](const QModelIndex& index) {
        if (!m_treeModel->hasChildren(index))
            return;
        m_tree->expand(index);
        if (m_treeModel->rowCount(index) == 0) {
            if (m_treeModel->canFetchMore(index))
                m_treeModel->fetchMore(index);
            waiting = waiting || m_treeModel->canFetchMore(index) || m_treeModel->isFetching();
        }
    };
    // The first two levels, expanded and loaded.
    const int roots = m_treeModel->rowCount();
    for (int r = 0; r < roots; ++r)
        ensureExpanded(m_treeModel->index(r, 0));
    if (waiting)
        return;
    for (int r = 0; r < roots; ++r) {
        const QModelIndex root = m_treeModel->index(r, 0);
        for (int c = 0; c < m_treeModel->rowCount(root); ++c)
            ensureExpanded(m_treeModel->index(c, 0, root));
    }
    if (waiting)
        return;

    if (!m_screenshotSelected) {
        // Something deep-ish with people in it, near the top so it is in view with its ancestors.
        QModelIndex pick;
        for (int r = 0; r < roots && !pick.isValid(); ++r) {
            const QModelIndex root = m_treeModel->index(r, 0);
            for (int c = 0; c < m_treeModel->rowCount(root) && !pick.isValid(); ++c) {
                const QModelIndex child = m_treeModel->index(c, 0, root);
                for (int g = 0; g < m_treeModel->rowCount(child); ++g) {
                    const QModelIndex grandChild = m_treeModel->index(g, 0, child);
                    if (grandChild.data(models::OrgTreeModel::MemberCountRole).toInt() > 0) {
                        pick = grandChild;
                        break;
                    }
                }
            }
        }
        if (!pick.isValid())
            pick = m_treeModel->index(0, 0);
        m_screenshotSelected = true;
        m_tree->setCurrentIndex(pick);
        m_tree->scrollTo(pick, QAbstractItemView::EnsureVisible);
    }
    if (m_details->isLoadingMembers())
        return;
    m_screenshotPending = false;
    Q_EMIT screenshotReady();
}

void OrgsPage::failScreenshot(const QString& message)
{
    m_screenshotPending = false;
    Q_EMIT screenshotFailed(message);
}

} // namespace trellis::ui
