#pragma once

#include "core/Org.h"

#include <vector>

#include <QAbstractListModel>

class QTimer;

namespace trellis::client {
class ApiClient;
}

namespace trellis::models {

/// Organisations matching a search text anywhere in the caller's scope. Queries are debounced and a reply
/// for anything but the latest query is ignored.
class OrgSearchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        OrgIdRole = Qt::UserRole + 1,
        PathRole, ///< QStringList of ids from the root down to the org itself (for OrgTreeModel::reveal)
        KindRole,
    };
    Q_ENUM(Role)

    OrgSearchModel(client::ApiClient* client, QObject* parent = nullptr);
    ~OrgSearchModel() override;

    void setDebounceInterval(int milliseconds); ///< default 250
    void setLimit(int limit);                   ///< default 20

    /// Starts a debounced search; an empty or blank text clears the results.
    void setQuery(const QString& text);
    QString query() const;
    /// Sends the pending query now instead of waiting for the debounce.
    void searchNow();
    bool isSearching() const;

    core::Org orgAt(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void resultsReady();
    void searchFailed(const QString& message);

private:
    void setResults(std::vector<core::Org> results);

    client::ApiClient* m_client = nullptr;
    QTimer* m_debounce = nullptr;
    QString m_query;
    std::vector<core::Org> m_results;
    quint64 m_serial = 0; ///< bumped on every setQuery(); replies carrying an older one are stale
    int m_limit = 20;
    bool m_searching = false;
};

} // namespace trellis::models
