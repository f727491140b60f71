#include "ui/OrgsPage.h"

#include "models/ConsoleSession.h"
#include "models/MemberListModel.h"
#include "models/OrgSearchModel.h"
#include "models/OrgTreeModel.h"
#include "ui/OrgDetailsPane.h"
#include "ui/OrgSearchField.h"

#include <utility>

#include <QHeaderView>
#include <QLabel>
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

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(left);
    m_splitter->addWidget(m_details);
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
        return;
    }
    m_selected = m_treeModel->orgAt(current.siblingAtColumn(0));
    m_details->setOrg(m_selected);
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
