#include "models/InvitationListModel.h"

#include "client/ApiClient.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace trellis::models {

namespace {
QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString shortTime(const std::string& text)
{
    const QDateTime t = QDateTime::fromString(qs(text), Qt::ISODate);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}
} // namespace

InvitationListModel::InvitationListModel(client::ApiClient* client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
}

void InvitationListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 200);
}

void InvitationListModel::setOrgId(const QString& orgId)
{
    m_orgId = orgId;
    reload();
}

QString InvitationListModel::orgId() const
{
    return m_orgId;
}

void InvitationListModel::setStatusFilter(const QString& status)
{
    if (status == m_status)
        return;
    m_status = status;
    reload();
}

QString InvitationListModel::statusFilter() const
{
    return m_status;
}

void InvitationListModel::setRoleNames(std::map<QString, QString> names)
{
    m_roleNames = std::move(names);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, RolesColumn), index(rowCount() - 1, RolesColumn));
}

void InvitationListModel::reload()
{
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_nextCursor.clear();
    m_fetching = !m_orgId.isEmpty(); // before the reset ends, so a view's fetchMore() does not ask twice
    m_complete = m_orgId.isEmpty();
    endResetModel();
    if (!m_orgId.isEmpty())
        requestPage();
}

core::Invitation InvitationListModel::invitationAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[std::size_t(row)] : core::Invitation();
}

bool InvitationListModel::isFetching() const
{
    return m_fetching;
}

int InvitationListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvitationListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool InvitationListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_complete && !m_fetching;
}

void InvitationListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void InvitationListModel::requestPage()
{
    m_fetching = true;
    const quint64 generation = m_generation;
    m_client->listInvitations(m_orgId, m_status, m_nextCursor, m_pageSize, this,
                              [this, generation](client::ApiResult<core::Page<core::Invitation>> result) {
                                  if (generation != m_generation)
                                      return;
                                  m_fetching = false;
                                  if (!result.ok()) {
                                      m_complete = true;
                                      Q_EMIT loadFailed(result.failure.message);
                                      return;
                                  }
                                  auto& page = *result.value;
                                  m_nextCursor = qs(page.nextCursor);
                                  m_complete = page.nextCursor.empty() || page.items.empty();
                                  if (!page.items.empty()) {
                                      const int first = int(m_rows.size());
                                      beginInsertRows(QModelIndex(), first, first + int(page.items.size()) - 1);
                                      for (auto& invitation : page.items)
                                          m_rows.push_back(std::move(invitation));
                                      endInsertRows();
                                  }
                                  Q_EMIT loaded();
                              });
}

QVariant InvitationListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= int(m_rows.size()))
        return QVariant();
    const core::Invitation& i = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case EmailColumn:
            return qs(i.email);
        case NameColumn:
            return qs(i.displayName);
        case RolesColumn: {
            QStringList names;
            for (const auto& id : i.roleIds) {
                const auto found = m_roleNames.find(qs(id));
                names << (found != m_roleNames.end() ? found->second : qs(id));
            }
            return names.join(QStringLiteral(", "));
        }
        case StatusColumn:
            if (i.status == "pending")
                return tr("Pending");
            if (i.status == "accepted")
                return tr("Accepted");
            if (i.status == "revoked")
                return tr("Revoked");
            if (i.status == "expired")
                return tr("Expired");
            return qs(i.status);
        case SentColumn:
            return shortTime(i.createdAt);
        case ExpiresColumn:
            return shortTime(i.expiresAt);
        default:
            return QVariant();
        }
    case InvitationIdRole:
        return qs(i.id);
    case StatusRole:
        return qs(i.status);
    case SortKeyRole:
        if (index.column() == SentColumn)
            return qs(i.createdAt);
        if (index.column() == ExpiresColumn)
            return qs(i.expiresAt);
        return data(index, Qt::DisplayRole).toString().toCaseFolded();
    default:
        return QVariant();
    }
}

QVariant InvitationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case EmailColumn:
        return tr("Email");
    case NameColumn:
        return tr("Name");
    case RolesColumn:
        return tr("Roles");
    case StatusColumn:
        return tr("Status");
    case SentColumn:
        return tr("Sent");
    case ExpiresColumn:
        return tr("Expires");
    default:
        return QVariant();
    }
}

} // namespace trellis::models
