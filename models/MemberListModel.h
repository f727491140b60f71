#pragma once

#include "client/MemberQuery.h"
#include "core/Membership.h"

#include <map>
#include <vector>

#include <QAbstractTableModel>

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

/// The members of one organisation, loaded page by page as the view scrolls.
class MemberListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn = 0,
        EmailColumn,
        TitleColumn,
        RolesColumn,
        StatusColumn,
        LastSignInColumn,
        OrgColumn, ///< which organisation the membership is in (matters when a subtree is listed)
        ColumnCount
    };
    enum Role
    {
        MembershipIdRole = Qt::UserRole + 1,
        UserIdRole,
        EmailRole,
        UserStatusRole,       ///< wire name of the person's status
        MembershipStatusRole, ///< wire name of the membership's status
        LastSignInRole,       ///< QDateTime (UTC), invalid when never signed in
        SortKeyRole,          ///< what the column sorts by (text folded to lower case; times as ISO strings)
        OrgIdRole,
    };
    Q_ENUM(Role)

    MemberListModel(client::ApiClient* client, QObject* parent = nullptr);
    ~MemberListModel() override;

    void setPageSize(int size); ///< default 100
    int pageSize() const;

    /// Shows another organisation's members (a reset, then the first page); an empty id clears the list.
    void setOrgId(const QString& orgId);
    QString orgId() const;
    /// Filters (and whether the subtree's members are included); a change reloads from the first page.
    void setQuery(const client::MemberQuery& query);
    client::MemberQuery query() const;
    /// Loads the list again from the first page (after changes made elsewhere).
    void reload();
    /// Names to show for role keys (the roles usable at the organisation, in the reader's language); keys without a
    /// name show as they are.
    void setRoleNames(std::map<QString, QString> names);
    core::Membership membershipAt(int row) const;
    bool isFetching() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loaded(); ///< a page arrived
    void loadFailed(const QString& message);

private:
    void requestPage();
    void restart();

    client::ApiClient* m_client = nullptr;
    QString m_orgId;
    client::MemberQuery m_query;
    std::vector<core::Membership> m_rows;
    std::map<QString, QString> m_roleNames;
    QString m_nextCursor;
    int m_pageSize = 100;
    quint64 m_generation = 0;
    bool m_fetching = false;
    bool m_complete = true;
};

} // namespace trellis::models
