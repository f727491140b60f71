#pragma once

#include "core/Invitation.h"

#include <map>
#include <vector>

#include <QAbstractTableModel>

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

/// The invitations of one organisation (newest first), loaded page by page as the view scrolls, optionally only
/// those in one state. Tokens never reach the console: the list knows who was invited, not the link.
class InvitationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        EmailColumn = 0,
        NameColumn,
        RolesColumn,
        StatusColumn,
        SentColumn,
        ExpiresColumn,
        ColumnCount
    };
    enum Role
    {
        InvitationIdRole = Qt::UserRole + 1,
        StatusRole, ///< wire name: pending, accepted, revoked, expired
        SortKeyRole,
    };
    Q_ENUM(Role)

    InvitationListModel(client::ApiClient* client, QObject* parent = nullptr);

    void setPageSize(int size); ///< default 100
    /// Shows another organisation's invitations; an empty id clears the list.
    void setOrgId(const QString& orgId);
    QString orgId() const;
    /// Only invitations in this state ("pending", ...); empty: all of them.
    void setStatusFilter(const QString& status);
    QString statusFilter() const;
    /// Role names to show instead of ids (the roles usable at the organisation).
    void setRoleNames(std::map<QString, QString> names);
    void reload();
    core::Invitation invitationAt(int row) const;
    bool isFetching() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString& message);

private:
    void requestPage();

    client::ApiClient* m_client = nullptr;
    QString m_orgId;
    QString m_status;
    std::map<QString, QString> m_roleNames;
    std::vector<core::Invitation> m_rows;
    QString m_nextCursor;
    int m_pageSize = 100;
    quint64 m_generation = 0;
    bool m_fetching = false;
    bool m_complete = true;
};

} // namespace trellis::models
