#include "ui/RolesPage.h"

#include "client/ApiClient.h"
#include "core/Permission.h"
#include "models/ConsoleSession.h"
#include "models/OrgTreeModel.h"
#include "ui/PermissionText.h"
#include "ui/RoleEditorPane.h"

#include <algorithm>

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trellis::ui {

namespace {

constexpr int kRoleIdRole = Qt::UserRole;
constexpr int kRoleKeyRole = Qt::UserRole + 1;

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

RolesPage::RolesPage(models::ConsoleSession* session, QWidget* parent)
    : SectionPage(parent)
    , m_session(session)
    , m_treeModel(new models::OrgTreeModel(session->client(), this))
{
    setObjectName(QStringLiteral("rolesPage"));
    setAccessibleName(tr("Roles"));

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("rolesOrgTree"));
    m_tree->setAccessibleName(tr("Organisation"));
    m_tree->setAccessibleDescription(tr("Pick the organisation whose roles you want to see."));
    m_tree->setUniformRowHeights(true);
    m_tree->setHeaderHidden(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* middle = new QWidget(this);
    m_heading = new QLabel(tr("Pick an organisation."), middle);
    m_heading->setObjectName(QStringLiteral("rolesHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);

    m_newAction = new QAction(tr("&New role…"), this);
    m_newAction->setObjectName(QStringLiteral("newRoleAction"));
    m_newAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_newAction);
    connect(m_newAction, &QAction::triggered, this, &RolesPage::newRole);
    m_newButton = new QPushButton(m_newAction->text(), middle);
    m_newButton->setObjectName(QStringLiteral("newRoleButton"));
    m_newButton->setToolTip(tr("Define a custom role at this organisation (%1)")
                                .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_newButton, &QPushButton::clicked, m_newAction, &QAction::trigger);
    auto* headingRow = new QHBoxLayout;
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_newButton, 0, Qt::AlignTop);

    auto* intro = new QLabel(tr("The roles that can be assigned here: the built-in ones and the custom roles defined "
                                "at this organisation or above it."),
                             middle);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_list = new QTreeWidget(middle);
    m_list->setObjectName(QStringLiteral("roleList"));
    m_list->setAccessibleName(tr("Roles"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Key"), tr("You may assign"), tr("Kind")});
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The kind (with where a custom role is defined) takes the rest and elides; the tooltip has it in full.
    m_list->header()->setSectionResizeMode(KindColumn, QHeaderView::Stretch);

    m_note = new QLabel(middle);
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto* middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addLayout(headingRow);
    middleLayout->addWidget(intro);
    middleLayout->addWidget(m_note);
    middleLayout->addWidget(m_list, 1);

    m_editor = new RoleEditorPane(session, this);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("roleEditorScroll"));
    scroll->setWidget(m_editor);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_tree);
    splitter->addWidget(middle);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({180, 450, 450});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_tree, m_newButton);
    setTabOrder(m_newButton, m_list);

    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem* previous) {
                if (m_restoringSelection)
                    return;
                // Switching roles drops what was typed in the editor: only when the user agrees.
                if (current && !m_editor->confirmDiscard()) {
                    m_restoringSelection = true;
                    m_list->setCurrentItem(previous);
                    if (!previous)
                        m_list->clearSelection();
                    m_restoringSelection = false;
                    return;
                }
                onRoleSelected();
            });
    connect(m_editor, &RoleEditorPane::roleSaved, this, [this](const QString& id) {
        m_selectAfterLoad = id;
        loadRoles();
    });
    connect(m_editor, &RoleEditorPane::roleDeleted, this, [this] {
        m_selectAfterLoad.clear();
        loadRoles();
    });
    connect(m_editor, &RoleEditorPane::creationCancelled, this, [this] {
        if (m_selectedBeforeNew.isEmpty() || !selectRole(m_selectedBeforeNew))
            onRoleSelected();
    });
    connect(m_editor, &RoleEditorPane::busyChanged, this, &RolesPage::updateBusy);
    connect(m_treeModel, &models::OrgTreeModel::rootsLoaded, this, [this] {
        if (!m_tree->currentIndex().isValid() && m_treeModel->rowCount() > 0) {
            m_tree->expand(m_treeModel->index(0, 0));
            m_tree->setCurrentIndex(m_treeModel->index(0, 0));
        }
        if (m_treeModel->rowCount() == 0) {
            m_note->setText(tr("You do not see any organisation, so there are no roles to show."));
            m_note->show();
        }
        updateBusy();
    });
    connect(m_treeModel, &models::OrgTreeModel::childrenLoaded, this, &RolesPage::updateBusy);
    connect(m_session, &models::ConsoleSession::connected, this, &RolesPage::updateActions);

    m_busyRecheck.setInterval(150);
    m_busyRecheck.setSingleShot(true);
    connect(&m_busyRecheck, &QTimer::timeout, this, &RolesPage::updateBusy);
    updateActions();
}

RolesPage::~RolesPage()
{
    // The tree model is deleted before the view that shows it; its last signals must not reach this page.
    if (m_tree->selectionModel())
        disconnect(m_tree->selectionModel(), nullptr, this, nullptr);
    disconnect(m_treeModel, nullptr, this, nullptr);
    disconnect(m_list, nullptr, this, nullptr);
    disconnect(m_editor, nullptr, this, nullptr);
}

QString RolesPage::sectionKey() const
{
    return QStringLiteral("roles");
}

QString RolesPage::title() const
{
    return tr("Roles");
}

QIcon RolesPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/section-roles.svg"));
}

void RolesPage::attachTree()
{
    if (m_tree->model() == m_treeModel)
        return;
    m_tree->setModel(m_treeModel);
    m_tree->hideColumn(models::OrgTreeModel::MembersColumn);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex& previous) {
                if (m_restoringSelection)
                    return;
                if (previous.isValid() && !m_editor->confirmDiscard()) {
                    m_restoringSelection = true;
                    m_tree->selectionModel()->setCurrentIndex(previous, QItemSelectionModel::ClearAndSelect);
                    m_restoringSelection = false;
                    return;
                }
                onOrgChanged(current);
            });
}

void RolesPage::activate()
{
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
}

void RolesPage::reload()
{
    attachTree();
    m_loadedOnce = true;
    m_org = {};
    m_roles.clear();
    m_loaded = false;
    ++m_generation;
    m_loading = false;
    m_list->clear();
    m_editor->setContext(m_org, m_roles);
    m_editor->clear();
    m_treeModel->reload();
    updateActions();
    updateBusy();
}

void RolesPage::recover()
{
    if (m_treeModel->rowCount() == 0)
        reload();
    else
        loadRoles();
}

bool RolesPage::isBusy() const
{
    return m_busy;
}

void RolesPage::onOrgChanged(const QModelIndex& current)
{
    m_org = current.isValid() ? m_treeModel->orgAt(current.siblingAtColumn(0)) : core::Org();
    m_heading->setText(m_org.id.empty() ? tr("Pick an organisation.") : tr("Roles at %1").arg(qs(m_org.name)));
    m_selectAfterLoad.clear();
    m_editor->clear();
    loadRoles();
    updateActions();
}

void RolesPage::loadRoles()
{
    const quint64 generation = ++m_generation;
    m_loaded = false;
    m_roles.clear();
    m_list->clear();
    m_editor->setContext(m_org, m_roles);
    if (m_org.id.empty()) {
        m_loading = false;
        updateBusy();
        return;
    }
    m_loading = true;
    m_note->hide();
    updateBusy();
    m_session->client()->listRoles(
        qs(m_org.id), this, [this, generation](client::ApiResult<std::vector<client::RoleInfo>> result) {
            if (generation != m_generation)
                return; // another organisation was picked meanwhile
            m_loading = false;
            if (!result.ok()) {
                m_note->setText(tr("The roles could not be loaded: %1").arg(result.failure.message));
                m_note->show();
                updateBusy();
                if (m_screenshotPending) {
                    m_screenshotPending = false;
                    Q_EMIT screenshotFailed(result.failure.message);
                }
                return;
            }
            m_roles = *result.value;
            // Built-in roles first in the catalog's order (the server lists them in no particular order), then
            // custom roles by name.
            const auto builtinRank = [](const client::RoleInfo& role) {
                const auto& builtins = core::builtinRoles();
                const auto it = std::find_if(builtins.begin(), builtins.end(),
                                             [&role](const core::BuiltinRole& b) { return b.key == role.key; });
                return role.builtIn ? int(it - builtins.begin()) : int(builtins.size());
            };
            std::stable_sort(m_roles.begin(), m_roles.end(), [&builtinRank](const auto& a, const auto& b) {
                const int rankA = builtinRank(a);
                const int rankB = builtinRank(b);
                if (rankA != rankB)
                    return rankA < rankB;
                return QString::localeAwareCompare(qs(a.name), qs(b.name)) < 0;
            });
            m_loaded = true;
            m_editor->setContext(m_org, m_roles);
            fillList();
            updateBusy();
            advanceScreenshot();
        });
}

void RolesPage::fillList()
{
    QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto& role : m_roles) {
        auto* item = new QTreeWidgetItem(m_list);
        const QString name = PermissionText::roleName(role.key, role.builtIn, role.name);
        const QString description = PermissionText::roleDescription(role.key, role.builtIn, role.description);
        item->setText(NameColumn, name);
        item->setToolTip(NameColumn, description.isEmpty() ? name : description);
        item->setText(KeyColumn, qs(role.key));
        if (role.builtIn) {
            item->setText(KindColumn, tr("Built-in"));
        } else {
            const auto it = std::find(m_org.path.begin(), m_org.path.end(), role.definedAt);
            const auto index = std::size_t(it - m_org.path.begin());
            item->setText(KindColumn, it != m_org.path.end() && index < m_org.pathNames.size()
                                          ? tr("Custom, at %1").arg(qs(m_org.pathNames[index]))
                                          : tr("Custom, above"));
        }
        item->setToolTip(KindColumn, item->text(KindColumn));
        item->setText(AssignableColumn, role.assignable ? tr("Yes") : tr("No"));
        item->setToolTip(AssignableColumn, role.assignable
                                               ? tr("You may assign this role here.")
                                               : tr("You may not assign this role here: it needs role.assign and "
                                                    "every permission of the role."));
        item->setData(NameColumn, kRoleIdRole, qs(role.id));
        item->setData(NameColumn, kRoleKeyRole, qs(role.key));
    }
    blocker.unblock(); // selecting below must reach the editor
    if (m_roles.empty()) {
        m_note->setText(tr("No roles are usable here."));
        m_note->show();
    }
    // Keep (or move to) the role that was selected, created or saved.
    if (!m_selectAfterLoad.isEmpty() && selectRole(m_selectAfterLoad))
        m_selectAfterLoad.clear();
    else
        onRoleSelected();
}

bool RolesPage::selectRole(const QString& keyOrId)
{
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = m_list->topLevelItem(row);
        if (item->data(NameColumn, kRoleIdRole).toString() == keyOrId ||
            item->data(NameColumn, kRoleKeyRole).toString() == keyOrId) {
            if (m_list->currentItem() == item)
                onRoleSelected(); // the list was refilled with its signals blocked
            else
                m_list->setCurrentItem(item); // shows it, unless the user keeps editing
            return m_list->currentItem() == item;
        }
    }
    return false;
}

void RolesPage::onRoleSelected()
{
    QTreeWidgetItem* item = m_list->currentItem();
    const QString id = item ? item->data(NameColumn, kRoleIdRole).toString() : QString();
    const auto it =
        std::find_if(m_roles.begin(), m_roles.end(), [&id](const client::RoleInfo& role) { return qs(role.id) == id; });
    if (it == m_roles.end()) {
        if (m_editor->mode() != RoleEditorPane::Mode::Create)
            m_editor->clear();
        return;
    }
    m_editor->showRole(*it);
}

void RolesPage::newRole()
{
    if (!m_newAction->isEnabled() || !m_editor->confirmDiscard())
        return;
    QTreeWidgetItem* current = m_list->currentItem();
    m_selectedBeforeNew = current ? current->data(NameColumn, kRoleIdRole).toString() : QString();
    {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentItem(nullptr);
        m_list->clearSelection();
    }
    m_editor->startNew();
}

void RolesPage::updateActions()
{
    const bool create = !m_org.id.empty() && m_org.status == core::OrgStatus::Active && m_editor->canCreate();
    // People who may not define roles here are not offered it at all.
    m_newAction->setEnabled(create);
    m_newButton->setVisible(create);
}

void RolesPage::updateBusy()
{
    const bool busy = m_treeModel->isFetching() || m_loading || m_editor->isBusy();
    if (busy)
        m_busyRecheck.start();
    if (busy == m_busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void RolesPage::prepareScreenshot()
{
    m_screenshotPending = true;
    if (!m_loadedOnce && m_session->state() == models::ConsoleSession::State::Connected)
        reload();
    advanceScreenshot();
}

void RolesPage::advanceScreenshot()
{
    if (!m_screenshotPending || m_org.id.empty() || !m_loaded || m_roles.empty())
        return;
    m_screenshotPending = false;
    // The organisation admin shows every area of the catalog and who may hand it out.
    if (!selectRole(QStringLiteral("org-admin")))
        selectRole(qs(m_roles.front().id));
    Q_EMIT screenshotReady();
}

} // namespace trellis::ui
