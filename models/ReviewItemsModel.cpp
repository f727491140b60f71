#include "models/ReviewItemsModel.h"

#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QLocale>
#include <QSet>

namespace trellis::models {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

QString shortDate(const std::string& rfc3339)
{
    const QDateTime when = QDateTime::fromString(qs(rfc3339), Qt::ISODate);
    return when.isValid() ? QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

QString personText(const core::AccessReviewItem& item)
{
    return item.user.displayName.empty() ? qs(item.user.email) : qs(item.user.displayName);
}

QString accessText(const core::AccessReviewItem& item)
{
    if (item.kind == "membership") {
        return item.title.empty() ? ReviewItemsModel::tr("Member")
                                  : ReviewItemsModel::tr("Member (%1)").arg(qs(item.title));
    }
    const QString name = item.role.name.empty() ? qs(item.role.key) : qs(item.role.name);
    return item.adminRights ? ReviewItemsModel::tr("%1 (admin rights)").arg(name) : name;
}

QString grantedText(const core::AccessReviewItem& item)
{
    const QString when = shortDate(item.grantedAt);
    if (item.grantedBy.email.empty())
        return when;
    return ReviewItemsModel::tr("%1, %2").arg(qs(item.grantedBy.email), when);
}

} // namespace

ReviewItemsModel::ReviewItemsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int ReviewItemsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ReviewItemsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewItemsModel::flagsText(const core::AccessReviewItem& item)
{
    QStringList flags;
    if (item.inactive)
        flags << (item.lastSignInAt.empty() ? tr("Never signed in") : tr("Inactive 90+ days"));
    if (item.expiresSoon)
        flags << tr("Ends within 30 days");
    return flags.join(QStringLiteral(", "));
}

QVariant ReviewItemsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()))
        return {};
    const core::AccessReviewItem& item = m_items[std::size_t(index.row())];
    switch (role) {
    case ItemIdRole:
        return qs(item.id);
    case InactiveRole:
        return item.inactive;
    case ExpiresSoonRole:
        return item.expiresSoon;
    case ProblemRole:
        return m_problems.value(qs(item.id)).message;
    case Qt::ForegroundRole:
        if (index.column() == FlagsColumn && m_problems.contains(qs(item.id)))
            return QColor(0xb0, 0x00, 0x20);
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == PersonColumn)
            return personText(item) + QStringLiteral(", ") + qs(item.user.email);
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case PersonColumn:
            return personText(item);
        case AccessColumn:
            return accessText(item);
        case OrgColumn:
            return qs(item.orgName);
        case FlagsColumn:
            if (const QString problem = m_problems.value(qs(item.id)).label; !problem.isEmpty())
                return flagsText(item).isEmpty() ? problem : problem + QStringLiteral(" · ") + flagsText(item);
            return flagsText(item);
        case GrantedColumn:
            return grantedText(item);
        case CampaignColumn:
            return tr("%1 (due %2)").arg(qs(item.campaignName), shortDate(item.campaignDueAt));
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == FlagsColumn) {
            if (m_problems.contains(qs(item.id)))
                return QIcon::fromTheme(QStringLiteral("dialog-warning"));
            if (item.expiresSoon)
                return QIcon(QStringLiteral(":/icons/flag-expires.svg"));
            if (item.inactive)
                return QIcon(QStringLiteral(":/icons/flag-inactive.svg"));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == FlagsColumn && m_problems.contains(qs(item.id)))
            return m_problems.value(qs(item.id)).message;
        if (index.column() == FlagsColumn && item.inactive) {
            return item.lastSignInAt.empty() ? tr("Has never signed in.")
                                             : tr("Last signed in on %1.").arg(shortDate(item.lastSignInAt));
        }
        if (index.column() == PersonColumn)
            return qs(item.user.email);
        if (index.column() == AccessColumn && !item.expiresAt.empty())
            return tr("Ends on %1.").arg(shortDate(item.expiresAt));
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

void ReviewItemsModel::setProblem(const QString& itemId, const QString& label, const QString& message)
{
    const int row = rowOf(itemId);
    if (row < 0)
        return;
    if (message.isEmpty())
        m_problems.remove(itemId);
    else
        m_problems.insert(itemId, {label.isEmpty() ? message : label, message});
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString ReviewItemsModel::problemOf(const QString& itemId) const
{
    return m_problems.value(itemId).message;
}

QVariant ReviewItemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PersonColumn:
        return tr("Person");
    case AccessColumn:
        return tr("Access");
    case OrgColumn:
        return tr("Organisation");
    case FlagsColumn:
        return tr("Flags");
    case GrantedColumn:
        return tr("Granted");
    case CampaignColumn:
        return tr("Campaign");
    default:
        return {};
    }
}

void ReviewItemsModel::setItems(std::vector<core::AccessReviewItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    m_problems.clear();
    endResetModel();
}

void ReviewItemsModel::removeItems(const QStringList& itemIds)
{
    const QSet<QString> ids(itemIds.begin(), itemIds.end());
    // From the bottom up, so the rows above keep their numbers.
    int row = int(m_items.size()) - 1;
    while (row >= 0) {
        if (!ids.contains(qs(m_items[std::size_t(row)].id))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && ids.contains(qs(m_items[std::size_t(first - 1)].id)))
            --first;
        beginRemoveRows({}, first, row);
        for (int r = first; r <= row; ++r)
            m_problems.remove(qs(m_items[std::size_t(r)].id));
        m_items.erase(m_items.begin() + first, m_items.begin() + row + 1);
        endRemoveRows();
        row = first - 1;
    }
}

const core::AccessReviewItem* ReviewItemsModel::itemAt(int row) const
{
    return row >= 0 && row < int(m_items.size()) ? &m_items[std::size_t(row)] : nullptr;
}

int ReviewItemsModel::rowOf(const QString& itemId) const
{
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (qs(m_items[i].id) == itemId)
            return int(i);
    }
    return -1;
}

} // namespace trellis::models
