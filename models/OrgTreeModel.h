#pragma once

#include "core/Org.h"

#include <memory>
#include <vector>

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QStringList>

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

/// The organisation hierarchy, loaded lazily page by page (KDE directory-model pattern): hasChildren() answers
/// from the server's childCount, fetchMore() requests the next page and inserts its rows when they arrive.
class OrgTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn = 0,
        MembersColumn,
        ColumnCount
    };
    enum Role
    {
        OrgIdRole = Qt::UserRole + 1,
        KindRole, ///< wire name, e.g. "service-partner"
        SlugRole,
        StatusRole,      ///< wire name, e.g. "active"
        MemberCountRole, ///< int
        PathRole,        ///< QStringList of ids from the root down to the org itself
        PathNamesRole,   ///< QStringList of display names matching PathRole
        ChildCountRole,  ///< int
    };
    Q_ENUM(Role)

    explicit OrgTreeModel(client::ApiClient* client, QObject* parent = nullptr);
    ~OrgTreeModel() override;

    /// Children per request (default 100); smaller values exercise paging.
    void setPageSize(int size);
    int pageSize() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    /// Never moves anything itself: a drop only asks (moveRequested); the page confirms and the server decides.
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    /// Whether dragging orgs onto others is offered (off by default; on for people who may move orgs).
    void setMovable(bool movable);

    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    /// Drops everything and loads the caller's root organisations (one reset).
    void reload();
    /// Index (column 0) of an org already loaded, or invalid.
    QModelIndex indexForId(const QString& orgId) const;
    core::Org orgAt(const QModelIndex& index) const;
    /// Loads the ancestors' children pages as needed (`pathIds` from the root down, as core::Org::path gives it),
    /// then emits revealed() with the org's index, or loadFailed() when it cannot be found.
    void reveal(const QString& orgId, const QStringList& pathIds);
    bool isFetching() const;
    /// Replaces the data of an org already loaded (after a rename); its place in the tree stays.
    void updateOrg(const core::Org& org);

Q_SIGNALS:
    void rootsLoaded();
    void childrenLoaded(const QModelIndex& parent);
    void revealed(const QModelIndex& index);
    void loadFailed(const QString& message);
    /// An org was dropped onto another one: the user wants `orgId` to live under `newParentId`.
    void moveRequested(const QString& orgId, const QString& newParentId);

private:
    struct Node;

    Node* nodeFor(const QModelIndex& index) const;
    QModelIndex indexFor(const Node* node, int column = 0) const;
    void requestPage(Node* node);
    void continueReveal();
    QIcon iconFor(const core::Org& org) const;

    client::ApiClient* m_client = nullptr;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node*> m_byId;
    mutable QHash<int, QIcon> m_icons;
    int m_pageSize = 100;
    int m_inFlight = 0;
    quint64 m_generation = 0; ///< bumped on reload so replies for dropped nodes are ignored
    bool m_rootsRequested = false;
    bool m_movable = false;
    QString m_revealId;
    QStringList m_revealPath;
};

} // namespace trellis::models
