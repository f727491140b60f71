#include "models/OrgTreeModel.h"

#include "client/ApiClient.h"

#include <QFont>
#include <QLoggingCategory>
#include <QMimeData>
#include <QPalette>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcOrgTree, "trellis.models.orgtree")

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QStringList toStringList(const std::vector<std::string>& values)
{
    QStringList list;
    list.reserve(qsizetype(values.size()));
    for (const auto& v : values)
        list.append(qs(v));
    return list;
}
} // namespace

// One loaded organisation; the invisible root holds the caller's root orgs. Rows are only ever appended
// (or all dropped on reload), so a node's row never changes once set.
struct OrgTreeModel::Node
{
    core::Org org;
    Node* parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
    QString nextCursor;
    bool complete = false; ///< every child page has arrived
    bool fetching = false; ///< a page request is in flight
};

OrgTreeModel::OrgTreeModel(client::ApiClient* client, QObject* parent)
    : QAbstractItemModel(parent)
    , m_client(client)
    , m_root(std::make_unique<Node>())
{
}

OrgTreeModel::~OrgTreeModel() = default;

void OrgTreeModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 500);
}
int OrgTreeModel::pageSize() const
{
    return m_pageSize;
}
bool OrgTreeModel::isFetching() const
{
    return m_inFlight > 0;
}

OrgTreeModel::Node* OrgTreeModel::nodeFor(const QModelIndex& index) const
{
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex OrgTreeModel::indexFor(const Node* node, int column) const
{
    if (!node || node == m_root.get())
        return QModelIndex();
    return createIndex(node->row, column, const_cast<Node*>(node));
}

QModelIndex OrgTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return QModelIndex();
    const Node* node = nodeFor(parent);
    if (row >= int(node->children.size()))
        return QModelIndex();
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex OrgTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexFor(nodeFor(child)->parent);
}

int OrgTreeModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int OrgTreeModel::columnCount(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return ColumnCount;
}

bool OrgTreeModel::hasChildren(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node* node = nodeFor(parent);
    if (!node->children.empty())
        return true;
    if (node == m_root.get())
        return !node->complete;
    // The server's count lets the view draw the expand arrow before anything is loaded.
    return node->org.childCount > 0;
}

bool OrgTreeModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node* node = nodeFor(parent);
    if (node != m_root.get() && node->org.childCount == 0)
        return false;
    return !node->complete && !node->fetching;
}

void OrgTreeModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    requestPage(nodeFor(parent));
}

void OrgTreeModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_byId.clear();
    m_root = std::make_unique<Node>();
    m_inFlight = 0;
    endResetModel();
    requestPage(m_root.get());
}

void OrgTreeModel::requestPage(Node* node)
{
    node->fetching = true;
    ++m_inFlight;
    const quint64 generation = m_generation;
    const bool isRoot = node == m_root.get();
    auto handle = [this, node, generation, isRoot](client::ApiResult<core::Page<core::Org>> result) {
        // A reload dropped the node this page was for.
        if (generation != m_generation)
            return;
        --m_inFlight;
        node->fetching = false;
        if (!result.ok()) {
            qCInfo(lcOrgTree) << "loading organisations failed:" << result.failure.code;
            m_revealId.clear();
            Q_EMIT loadFailed(result.failure.message);
            return;
        }
        core::Page<core::Org>& page = *result.value;
        node->nextCursor = qs(page.nextCursor);
        node->complete = page.nextCursor.empty();
        std::vector<core::Org> fresh;
        fresh.reserve(page.items.size());
        for (auto& org : page.items) {
            // Defensive: a page boundary moved by a concurrent change could repeat an org.
            if (!m_byId.contains(qs(org.id)))
                fresh.push_back(std::move(org));
        }
        const QModelIndex parentIndex = indexFor(node);
        if (!fresh.empty()) {
            const int first = int(node->children.size());
            beginInsertRows(parentIndex, first, first + int(fresh.size()) - 1);
            for (auto& org : fresh) {
                auto child = std::make_unique<Node>();
                child->org = std::move(org);
                child->parent = node;
                child->row = int(node->children.size());
                child->complete = child->org.childCount == 0;
                m_byId.insert(qs(child->org.id), child.get());
                node->children.push_back(std::move(child));
            }
            endInsertRows();
        } else if (!node->complete && page.items.empty()) {
            // An empty page with a cursor would loop forever; treat the list as finished.
            node->complete = true;
        }
        if (isRoot)
            Q_EMIT rootsLoaded();
        else
            Q_EMIT childrenLoaded(parentIndex);
        continueReveal();
    };
    if (isRoot)
        m_client->listRootOrgs(node->nextCursor, m_pageSize, this, std::move(handle));
    else
        m_client->listChildOrgs(qs(node->org.id), node->nextCursor, m_pageSize, this, std::move(handle));
}

QModelIndex OrgTreeModel::indexForId(const QString& orgId) const
{
    return indexFor(m_byId.value(orgId));
}

core::Org OrgTreeModel::orgAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return core::Org();
    return nodeFor(index)->org;
}

void OrgTreeModel::reveal(const QString& orgId, const QStringList& pathIds)
{
    m_revealId = orgId;
    m_revealPath = pathIds;
    if (m_revealPath.isEmpty() || m_revealPath.constLast() != orgId)
        m_revealPath.append(orgId);
    continueReveal();
}

// Walks the wanted path as far as it is loaded, and asks for the next page where it stops.
// Runs again after every page arrives until the org is found or cannot be.
void OrgTreeModel::continueReveal()
{
    if (m_revealId.isEmpty())
        return;
    const auto notFound = [this] {
        qCInfo(lcOrgTree) << "cannot reveal an organisation outside the loaded tree";
        m_revealId.clear();
        Q_EMIT loadFailed(tr("This organisation is not in your part of the tree."));
    };
    if (const Node* found = m_byId.value(m_revealId)) {
        m_revealId.clear();
        Q_EMIT revealed(indexFor(found));
        return;
    }
    // The caller's roots may sit below the global root: start at the deepest path entry that is a root here.
    if (!m_root->complete) {
        if (!m_root->fetching)
            requestPage(m_root.get());
        return;
    }
    qsizetype start = -1;
    for (qsizetype i = 0; i < m_revealPath.size(); ++i) {
        const Node* node = m_byId.value(m_revealPath.at(i));
        if (node && node->parent == m_root.get())
            start = i;
    }
    if (start < 0) {
        notFound();
        return;
    }
    Node* node = m_byId.value(m_revealPath.at(start));
    for (qsizetype i = start + 1; i < m_revealPath.size(); ++i) {
        Node* next = m_byId.value(m_revealPath.at(i));
        if (next && next->parent == node) {
            node = next;
            continue;
        }
        // The next step is not loaded yet: load another page of `node`'s children, or give up.
        if (node->complete) {
            notFound();
        } else if (!node->fetching) {
            requestPage(node);
        }
        return;
    }
    notFound(); // the path ended without reaching the org
}

QIcon OrgTreeModel::iconFor(const core::Org& org) const
{
    const int key = int(org.kind);
    auto it = m_icons.constFind(key);
    if (it == m_icons.constEnd()) {
        const QString path = QStringLiteral(":/icons/org-%1.svg").arg(qs(std::string(core::toString(org.kind))));
        it = m_icons.insert(key, QIcon(path));
    }
    return *it;
}

QVariant OrgTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return QVariant();
    const core::Org& org = nodeFor(index)->org;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return qs(org.name);
        if (index.column() == MembersColumn)
            return org.memberCount;
        return QVariant();
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return iconFor(org);
        return QVariant();
    case Qt::ToolTipRole: {
        const QString where = toStringList(org.pathNames).join(QStringLiteral(" › "));
        switch (org.status) {
        case core::OrgStatus::Suspended:
            return tr("%1 (suspended)").arg(where);
        case core::OrgStatus::Offboarded:
            return tr("%1 (offboarded)").arg(where);
        default:
            return where;
        }
    }
    case Qt::FontRole:
        // Suspended and offboarded organisations stay in the tree (records are kept) but read as inactive.
        if (org.status != core::OrgStatus::Active) {
            QFont font;
            font.setItalic(true);
            font.setStrikeOut(org.status == core::OrgStatus::Offboarded);
            return font;
        }
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    case OrgIdRole:
        return qs(org.id);
    case KindRole:
        return qs(std::string(core::toString(org.kind)));
    case SlugRole:
        return qs(org.slug);
    case StatusRole:
        return qs(std::string(core::toString(org.status)));
    case MemberCountRole:
        return org.memberCount;
    case PathRole:
        return toStringList(org.path);
    case PathNamesRole:
        return toStringList(org.pathNames);
    case ChildCountRole:
        return org.childCount;
    default:
        return QVariant();
    }
}

QVariant OrgTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Name");
    case MembersColumn:
        return tr("Members");
    default:
        return QVariant();
    }
}

Qt::ItemFlags OrgTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (nodeFor(index)->org.childCount == 0)
        f |= Qt::ItemNeverHasChildren;
    if (m_movable) {
        // A root of the caller's tree has no parent they could take it from.
        if (nodeFor(index)->parent != m_root.get())
            f |= Qt::ItemIsDragEnabled;
        f |= Qt::ItemIsDropEnabled;
    }
    return f;
}

namespace {
const QString kOrgMimeType = QStringLiteral("application/x-trellis-org-id");
}

void OrgTreeModel::setMovable(bool movable)
{
    if (m_movable == movable)
        return;
    m_movable = movable;
    // Flags changed for every row; views ask again on layout changes.
    Q_EMIT layoutAboutToBeChanged();
    Q_EMIT layoutChanged();
}

Qt::DropActions OrgTreeModel::supportedDragActions() const
{
    return m_movable ? Qt::MoveAction : Qt::IgnoreAction;
}

Qt::DropActions OrgTreeModel::supportedDropActions() const
{
    return m_movable ? Qt::MoveAction : Qt::IgnoreAction;
}

QStringList OrgTreeModel::mimeTypes() const
{
    return {kOrgMimeType};
}

QMimeData* OrgTreeModel::mimeData(const QModelIndexList& indexes) const
{
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && index.column() == 0) {
            auto* data = new QMimeData;
            data->setData(kOrgMimeType, QByteArray::fromStdString(nodeFor(index)->org.id));
            return data;
        }
    }
    return nullptr;
}

bool OrgTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                   const QModelIndex& parent) const
{
    if (!m_movable || action != Qt::MoveAction || !data || !data->hasFormat(kOrgMimeType) || !parent.isValid())
        return false;
    const QString orgId = QString::fromUtf8(data->data(kOrgMimeType));
    const Node* target = nodeFor(parent);
    // Not onto itself, not into its own subtree, not where it already is.
    for (const Node* n = target; n && n != m_root.get(); n = n->parent) {
        if (qs(n->org.id) == orgId)
            return false;
    }
    const Node* moved = m_byId.value(orgId);
    return !(moved && moved->parent == target);
}

bool OrgTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    Q_EMIT moveRequested(QString::fromUtf8(data->data(kOrgMimeType)), qs(nodeFor(parent)->org.id));
    return false;
}

void OrgTreeModel::updateOrg(const core::Org& org)
{
    Node* node = m_byId.value(qs(org.id));
    if (!node)
        return;
    // The tree's own bookkeeping (children, paging) stays; only what the server says about the org changes.
    const int childCount = node->org.childCount;
    node->org = org;
    if (!node->children.empty())
        node->org.childCount = std::max(childCount, org.childCount);
    Q_EMIT dataChanged(indexFor(node, 0), indexFor(node, ColumnCount - 1));
}

QHash<int, QByteArray> OrgTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(OrgIdRole, "orgId");
    names.insert(KindRole, "kind");
    names.insert(SlugRole, "slug");
    names.insert(StatusRole, "status");
    names.insert(MemberCountRole, "memberCount");
    names.insert(PathRole, "path");
    names.insert(PathNamesRole, "pathNames");
    names.insert(ChildCountRole, "childCount");
    return names;
}

} // namespace trellis::models
