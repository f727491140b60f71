#include "models/MemberListModel.h"

#include "client/ApiClient.h"

#include <QDateTime>
#include <QLocale>
#include <QLoggingCategory>
#include <QStringList>

namespace trellis::models {

namespace {
Q_LOGGING_CATEGORY(lcMembers, "trellis.models.members")

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QDateTime parseTime(const std::string& text)
{
    if (text.empty())
        return QDateTime();
    QDateTime t = QDateTime::fromString(qs(text), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}
} // namespace

MemberListModel::MemberListModel(client::ApiClient* client, QObject* parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
}

MemberListModel::~MemberListModel() = default;

void MemberListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 500);
}
int MemberListModel::pageSize() const
{
    return m_pageSize;
}
QString MemberListModel::orgId() const
{
    return m_orgId;
}
bool MemberListModel::isFetching() const
{
    return m_fetching;
}

void MemberListModel::setOrgId(const QString& orgId)
{
    m_orgId = orgId;
    restart();
}

void MemberListModel::setQuery(const client::MemberQuery& query)
{
    if (query == m_query)
        return;
    m_query = query;
    restart();
}

client::MemberQuery MemberListModel::query() const
{
    return m_query;
}

void MemberListModel::setRoleNames(std::map<QString, QString> names)
{
    m_roleNames = std::move(names);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, RolesColumn), index(rowCount() - 1, RolesColumn));
}

void MemberListModel::reload()
{
    restart();
}

void MemberListModel::restart()
{
    const QString orgId = m_orgId;
    // Another organisation or other filters make a different list, not a local change: a reset is the honest signal.
    beginResetModel();
    ++m_generation;
    m_rows.clear();
    m_nextCursor.clear();
    // Marked as fetching before the reset ends: views and testers react to modelReset with fetchMore(), which
    // must not send a second request for the same first page.
    m_fetching = !orgId.isEmpty();
    m_complete = orgId.isEmpty();
    endResetModel();
    if (!orgId.isEmpty())
        requestPage();
}

core::Membership MemberListModel::membershipAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return core::Membership();
    return m_rows[std::size_t(row)];
}

int MemberListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool MemberListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_orgId.isEmpty() && !m_complete && !m_fetching;
}

void MemberListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void MemberListModel::requestPage()
{
    m_fetching = true;
    const quint64 generation = m_generation;
    m_client->listMembers(m_orgId, m_query, m_nextCursor, m_pageSize, this,
                          [this, generation](client::ApiResult<core::Page<core::Membership>> result) {
                              if (generation != m_generation)
                                  return; // the list shows another organisation by now
                              m_fetching = false;
                              if (!result.ok()) {
                                  qCInfo(lcMembers) << "loading members failed:" << result.failure.code;
                                  Q_EMIT loadFailed(result.failure.message);
                                  return;
                              }
                              auto& page = *result.value;
                              m_nextCursor = qs(page.nextCursor);
                              m_complete = page.nextCursor.empty() || page.items.empty();
                              if (!page.items.empty()) {
                                  const int first = int(m_rows.size());
                                  beginInsertRows(QModelIndex(), first, first + int(page.items.size()) - 1);
                                  for (auto& m : page.items)
                                      m_rows.push_back(std::move(m));
                                  endInsertRows();
                              }
                              Q_EMIT loaded();
                          });
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= int(m_rows.size()))
        return QVariant();
    const core::Membership& m = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return qs(m.user.displayName);
        case EmailColumn:
            return qs(m.user.email);
        case TitleColumn:
            return qs(m.title);
        case RolesColumn: {
            QStringList roles;
            for (const auto& r : m.roles) {
                const auto name = m_roleNames.find(qs(r));
                roles.append(name != m_roleNames.end() ? name->second : qs(r));
            }
            return roles.join(QStringLiteral(", "));
        }
        case OrgColumn:
            return qs(m.orgName);
        case StatusColumn:
            if (m.user.status == core::UserStatus::Disabled)
                return tr("Disabled");
            if (m.expired)
                return tr("Ended (end date passed)");
            switch (m.status) {
            case core::MembershipStatus::Active:
                return tr("Active");
            case core::MembershipStatus::Suspended:
                return tr("Suspended");
            case core::MembershipStatus::Ended:
                return tr("Ended");
            }
            return QVariant();
        case LastSignInColumn: {
            const QDateTime t = parseTime(m.user.lastSignInAt);
            if (!t.isValid())
                return tr("Never");
            return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
        }
        default:
            return QVariant();
        }
    case MembershipIdRole:
        return qs(m.id);
    case UserIdRole:
        return qs(m.user.id);
    case EmailRole:
        return qs(m.user.email);
    case UserStatusRole:
        return qs(std::string(core::toString(m.user.status)));
    case MembershipStatusRole:
        return qs(std::string(core::toString(m.status)));
    case LastSignInRole:
        return parseTime(m.user.lastSignInAt);
    case OrgIdRole:
        return qs(m.orgId);
    case SortKeyRole:
        // Never signed in sorts before every date: the longest inactive come first in ascending order.
        if (index.column() == LastSignInColumn)
            return qs(m.user.lastSignInAt);
        return data(index, Qt::DisplayRole).toString().toCaseFolded();
    default:
        return QVariant();
    }
}

QVariant MemberListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case TitleColumn:
        return tr("Title");
    case RolesColumn:
        return tr("Roles");
    case StatusColumn:
        return tr("Status");
    case LastSignInColumn:
        return tr("Last sign-in");
    case OrgColumn:
        return tr("Organisation");
    default:
        return QVariant();
    }
}

} // namespace trellis::models
